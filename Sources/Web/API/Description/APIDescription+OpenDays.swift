import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `open-days` operations.
    static var opendaysPaths: [PathEntry] {
        [
            path(
                Routes.API.openDays,
                (.get, op("本机关的开放日活动（含报名名单）", tag: "open-days", responses: [.json(200, "列表", OpenDaysController.DayList.self)])),
                (
                    .post,
                    op(
                        "制定方案", tag: "open-days",
                        body: .json(
                            .object(properties: [
                                "capacity": .integer(required: false), "date": .date.optional, "place": .string(required: false),
                                "plan": .string(required: false), "registrationClosesOn": .date.optional, "title": .string(required: false),
                            ])),
                        responses: [
                            .json(201, "开放日活动", OpenDaysController.DayDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.openDayAnnounce,
                (
                    .post,
                    op(
                        "发布公告（门户可见并开始报名）", tag: "open-days", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "开放日活动", OpenDaysController.DayDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.openDayReport,
                (
                    .post,
                    op(
                        "报送结果：活动情况形成公众参与栏目的文件草稿（照片作为附件上传）", tag: "open-days", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["record": .string(required: false)])),
                        responses: [
                            .json(200, "开放日活动", OpenDaysController.DayDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.publicOpenDays,
                (
                    .get,
                    op(
                        "已发布公告的政府开放日活动（公众）", tag: "open-days", secured: false,
                        responses: [.json(200, "列表", OpenDaysController.DayList.self)])
                )),
            path(
                Routes.API.publicOpenDayRegistrations,
                (
                    .post,
                    op(
                        "报名（每个电话号码一次，每次 1-5 人，名额以内）", tag: "open-days", secured: false, parameters: [.pathID("id")],
                        body: .json(.object(properties: ["name": .string, "people": .integer(required: false), "phone": .string])),
                        responses: [
                            .json(201, "已报名", OpenDaysController.SignupDTO.self), .error(404, "不存在或未发布"), .error(409, "已截止、名额不足或已报名"),
                            .error(422, "内容有误"), .error(429, "提交过于频繁"),
                        ])
                )),
        ]
    }
}
