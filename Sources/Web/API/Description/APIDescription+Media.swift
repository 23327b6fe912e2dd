import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `media` operations.
    static var mediaPaths: [PathEntry] {
        [
            path(
                Routes.API.mediaAccounts,
                (.get, op("政务新媒体账号（本机关及所属单位），标出超期未更新的", tag: "media", responses: [.json(200, "账号", MediaAccountsController.ListDTO.self)])),
                (
                    .post,
                    op(
                        "申请开设账号（开设备案，待领导审批）", tag: "media",
                        body: .json(
                            .object(properties: [
                                "contact": .string(required: false), "handle": .string(required: false), "name": .string(required: false),
                                "operatorName": .string(required: false),
                                "platform": .enumeration(MediaAccount.Platform.self, required: false), "reason": .string(required: false),
                                "sponsor": .string(required: false),
                            ])), responses: [.json(201, "已提交", MediaAccountsController.DTO.self), .error(422, "内容有误")])
                )),
            path(
                Routes.API.mediaAccountDecision,
                (
                    .post,
                    op(
                        "审批待审的备案（签发领导）；同意即生效", tag: "media", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["approve": .boolean(required: false), "comment": .string(required: false)])),
                        responses: [
                            .json(200, "已审批", MediaAccountsController.DTO.self), .error(404, "账号不存在"), .error(409, "有待审批的备案或状态不允许"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.mediaAccountFilings,
                (
                    .post,
                    op(
                        "变更、暂停、恢复或关停备案", tag: "media", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "details": .object(
                                    required: false,
                                    properties: [
                                        "contact": .string(required: false), "handle": .string(required: false),
                                        "name": .string(required: false), "operatorName": .string(required: false),
                                        "platform": .enumeration(MediaAccount.Platform.self, required: false),
                                        "sponsor": .string(required: false),
                                    ]), "kind": .string(required: false, allowedValues: ["change", "suspend", "resume", "close"]),
                                "reason": .string(required: false),
                            ])),
                        responses: [
                            .json(201, "已提交", MediaAccountsController.DTO.self), .error(404, "账号不存在"), .error(409, "有待审批的备案或状态不允许"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.mediaAccountUpdates,
                (
                    .post,
                    op(
                        "记录最近一次发布日期和某月发布条数", tag: "media", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "lastPost": .date.optional, "month": .string(required: false), "posts": .integer(required: false),
                            ])),
                        responses: [
                            .json(200, "已记录", MediaAccountsController.DTO.self), .error(404, "账号不存在"), .error(409, "有待审批的备案或状态不允许"),
                            .error(422, "内容有误"),
                        ])
                )),
        ]
    }
}
