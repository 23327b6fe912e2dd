import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `mailbox` operations.
    static var mailboxPaths: [PathEntry] {
        [
            path(
                Routes.API.faq,
                (
                    .post,
                    op(
                        "新增常见问题", tag: "mailbox",
                        body: .json(
                            .object(properties: [
                                "answer": .string(required: false), "published": .boolean(required: false),
                                "question": .string(required: false), "sources": .list(.integer, required: false),
                                "topic": .string(required: false),
                            ])),
                        responses: [
                            .json(201, "常见问题", MailboxController.FAQDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.faqEntry,
                (
                    .put,
                    op(
                        "修改常见问题", tag: "mailbox", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "answer": .string(required: false), "published": .boolean(required: false),
                                "question": .string(required: false), "sources": .list(.integer, required: false),
                                "topic": .string(required: false),
                            ])),
                        responses: [
                            .json(200, "常见问题", MailboxController.FAQDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.faqCandidates,
                (.get, op("相似的已答复来信（可转为常见问题）", tag: "mailbox", responses: [.json(200, "分组", MailboxController.Candidates.self)]))),
            path(
                Routes.API.mailbox,
                (
                    .get,
                    op("本机关的来信（政务公开办公室看全部，科室看交办给本科室的）", tag: "mailbox", responses: [.json(200, "列表", MailboxController.MessageList.self)])
                )),
            path(
                Routes.API.mailboxLetter,
                (
                    .get,
                    op(
                        "来信及办理过程", tag: "mailbox", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "来信", MailboxController.MessageDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.mailboxAnswer,
                (
                    .post,
                    op(
                        "承办科室提交答复（送政务公开办公室审核）", tag: "mailbox", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["reply": .string(required: false)])),
                        responses: [
                            .json(200, "来信", MailboxController.MessageDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.mailboxAssign,
                (
                    .post,
                    op(
                        "交办给科室（departmentId）或转办给下属单位（agencyId），受理日期和答复期限不变", tag: "mailbox", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "agencyId": .integer(required: false), "departmentId": .integer(required: false),
                                "note": .string(required: false),
                            ])),
                        responses: [
                            .json(200, "来信", MailboxController.MessageDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.mailboxPublish,
                (
                    .post,
                    op(
                        "公开或取消公开来信和答复（来信人同意公开的）", tag: "mailbox", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["published": .boolean(required: false)])),
                        responses: [
                            .json(200, "来信", MailboxController.MessageDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.mailboxReview,
                (
                    .post,
                    op(
                        "审核答复：approve=true 答复来信人，false 退回修改（须写意见）", tag: "mailbox", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["approve": .boolean(required: false), "comment": .string(required: false)])),
                        responses: [
                            .json(200, "来信", MailboxController.MessageDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.mailboxSupervise,
                (
                    .post,
                    op(
                        "督办", tag: "mailbox", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["note": .string(required: false)])),
                        responses: [
                            .json(200, "来信", MailboxController.MessageDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.publicFAQ,
                (
                    .get,
                    op(
                        "常见问题解答（q 为检索词，中文分词与目录检索相同）", tag: "mailbox", secured: false,
                        parameters: [.query("q", .string, required: false, "检索词")],
                        responses: [.json(200, "列表", MailboxController.FAQList.self)])
                )),
            path(
                Routes.API.publicMailbox,
                (
                    .get,
                    op(
                        "公开的来信和答复（个人信息已隐去）", tag: "mailbox", secured: false,
                        responses: [.json(200, "列表", MailboxController.PublicList.self)])
                ),
                (
                    .post,
                    op(
                        "给领导信箱写信或咨询；返回查询码和答复期限", tag: "mailbox", secured: false,
                        body: .json(
                            .object(properties: [
                                "body": .string, "email": .string(required: false),
                                "kind": .enumeration(MailboxMessage.Kind.self, required: false), "mayPublish": .boolean(required: false),
                                "name": .string, "phone": .string, "subject": .string,
                            ])), responses: [.json(201, "已受理", MailboxController.Receipt.self), .error(422, "内容有误"), .error(429, "提交过于频繁")])
                )),
            path(
                Routes.API.publicMailboxLetter,
                (
                    .get,
                    op(
                        "凭查询码查看办理情况和答复", tag: "mailbox", secured: false, parameters: [.pathText("code")],
                        responses: [.json(200, "办理情况", MailboxController.TrackDTO.self), .error(404, "查询码不存在"), .error(429, "输错过多")])
                )),
            path(
                Routes.API.publicMailboxRating,
                (
                    .post,
                    op(
                        "对答复评价（满意、基本满意、不满意），每封信一次", tag: "mailbox", secured: false, parameters: [.pathText("code")],
                        body: .json(
                            .object(properties: [
                                "comment": .string(required: false), "rating": .enumeration(MailboxMessage.Rating.self, required: false),
                            ])),
                        responses: [
                            .json(200, "已评价", MailboxController.TrackDTO.self), .error(404, "查询码不存在"), .error(409, "未答复或已评价"),
                            .error(422, "内容有误"),
                        ])
                )),
        ]
    }
}
