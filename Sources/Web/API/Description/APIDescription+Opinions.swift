import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `opinions` operations.
    static var opinionsPaths: [PathEntry] {
        [
            path(
                Routes.API.opinions,
                (.get, op("舆情台账（含首次回应用时）", tag: "opinions", responses: [.json(200, "列表", OpinionsController.OpinionList.self)])),
                (
                    .post,
                    op(
                        "登记舆情", tag: "opinions",
                        body: .json(
                            .object(properties: [
                                "foundAt": .string(required: false, description: "北京时间 YYYY-MM-DD HH:MM"), "link": .string(required: false),
                                "risk": .enumeration(OpinionItem.Risk.self, required: false), "source": .string(required: false),
                                "summary": .string(required: false), "topic": .string(required: false),
                            ])),
                        responses: [
                            .json(201, "舆情", OpinionsController.OpinionDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.opinion,
                (
                    .get,
                    op(
                        "舆情及回应", tag: "opinions", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "舆情", OpinionsController.OpinionDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.opinionAssign,
                (
                    .post,
                    op(
                        "交负责科室", tag: "opinions", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["departmentId": .integer(required: false)])),
                        responses: [
                            .json(200, "舆情", OpinionsController.OpinionDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.opinionClose,
                (
                    .post,
                    op(
                        "办结（须已回应）", tag: "opinions", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "舆情", OpinionsController.OpinionDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.opinionResponses,
                (
                    .post,
                    op(
                        "记录已发布的回应（可关联回应的公开文件 documentId 或已公开的来信答复 mailboxId）", tag: "opinions", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "channel": .string(required: false), "documentId": .integer(required: false),
                                "mailboxId": .integer(required: false),
                                "publishedAt": .string(required: false, description: "北京时间 YYYY-MM-DD HH:MM"),
                                "text": .string(required: false),
                            ])),
                        responses: [
                            .json(200, "舆情", OpinionsController.OpinionDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
        ]
    }
}
