import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `participation` operations.
    static var participationPaths: [PathEntry] {
        [
            path(
                Routes.API.consultations,
                (.get, op("本机关的征求意见稿", tag: "participation", responses: [.json(200, "列表", ConsultationsController.ConsultationList.self)])),
                (
                    .post,
                    op(
                        "新建征求意见稿（检查最短征求意见期限）", tag: "participation",
                        body: .json(
                            .object(properties: [
                                "body": .string(required: false), "closesOn": .date.optional,
                                "identity": .enumeration(CommentIdentity.self, required: false),
                                "kind": .enumeration(ConsultationKind.self, required: false), "opensOn": .date.optional,
                                "summary": .string(required: false), "title": .string(required: false),
                            ])),
                        responses: [
                            .json(201, "征求意见稿", ConsultationsController.ConsultationDTO.self), .error(404, "不存在"),
                            .error(409, "当前状态下不能这样办理"), .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.consultation,
                (
                    .get,
                    op(
                        "征求意见稿及收到的全部意见（含待审核、筛查结果、处理结果）", tag: "participation", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "征求意见", ConsultationsController.ConsultationDTO.self), .error(404, "不存在"),
                            .error(409, "当前状态下不能这样办理"), .error(422, "内容有误"),
                        ])
                ),
                (
                    .put,
                    op(
                        "修改未发布的征求意见稿", tag: "participation", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "body": .string(required: false), "closesOn": .date.optional,
                                "identity": .enumeration(CommentIdentity.self, required: false),
                                "kind": .enumeration(ConsultationKind.self, required: false), "opensOn": .date.optional,
                                "summary": .string(required: false), "title": .string(required: false),
                            ])),
                        responses: [
                            .json(200, "征求意见", ConsultationsController.ConsultationDTO.self), .error(404, "不存在"),
                            .error(409, "当前状态下不能这样办理"), .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.consultationDispositions,
                (
                    .post,
                    op(
                        "批量记录处理结果（按主题）；不予采纳、部分采纳须写理由", tag: "participation", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "disposition": .enumeration(PublicComment.Disposition.self, required: false),
                                "ids": .list(.integer, required: false), "reason": .string(required: false),
                                "theme": .string(required: false),
                            ])), responses: [.json(200, "改变的条数", ConsultationsController.Changed.self), .error(422, "内容有误")])
                )),
            path(
                Routes.API.consultationDocument,
                (
                    .post,
                    op(
                        "关联正式印发的文件", tag: "participation", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["documentId": .integer(required: false)])),
                        responses: [
                            .json(200, "征求意见", ConsultationsController.ConsultationDTO.self), .error(404, "不存在"),
                            .error(409, "当前状态下不能这样办理"), .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.consultationFeedback,
                (
                    .get,
                    op(
                        "意见采纳情况的统计和说明文字", tag: "participation", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "统计", ConsultationsController.FeedbackDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.consultationModeration,
                (
                    .post,
                    op(
                        "批量审核意见：publish 公开、reject 不予公开（政务公开办公室）", tag: "participation", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "action": .string(required: false, allowedValues: ["publish", "reject"]),
                                "ids": .list(.integer, required: false),
                            ])), responses: [.json(200, "改变的条数", ConsultationsController.Changed.self), .error(422, "内容有误")])
                )),
            path(
                Routes.API.consultationPublish,
                (
                    .post,
                    op(
                        "发布征求意见稿（政务公开办公室）", tag: "participation", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "征求意见", ConsultationsController.ConsultationDTO.self), .error(404, "不存在"),
                            .error(409, "当前状态下不能这样办理"), .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.consultationReport,
                (
                    .post,
                    op(
                        "征集结束、意见全部处理后，生成意见采纳情况说明（公众参与栏目的文件草稿，送审后发布）", tag: "participation", parameters: [.pathID("id")],
                        responses: [
                            .json(201, "文件草稿", ConsultationsController.ReportDraft.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.consultationRevisions,
                (
                    .post,
                    op(
                        "发布修改稿（新版本，须写修改说明）或推迟截止日期", tag: "participation", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "body": .string(required: false), "closesOn": .date.optional, "note": .string(required: false),
                            ])),
                        responses: [
                            .json(200, "征求意见", ConsultationsController.ConsultationDTO.self), .error(404, "不存在"),
                            .error(409, "当前状态下不能这样办理"), .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.publicConsultations,
                (
                    .get,
                    op(
                        "已发布的意见征集（公众）", tag: "participation", secured: false,
                        responses: [.json(200, "列表", ConsultationsController.ConsultationList.self)])
                )),
            path(
                Routes.API.publicConsultation,
                (
                    .get,
                    op(
                        "征求意见稿和已公开的意见（公众）", tag: "participation", secured: false, parameters: [.pathID("id")],
                        responses: [.json(200, "征求意见稿", ConsultationsController.ConsultationDTO.self), .error(404, "不存在或未发布")])
                )),
            path(
                Routes.API.publicConsultationComments,
                (
                    .post,
                    op(
                        "对全文或某一段（paragraph，从 1 起）提意见；经审核后公开", tag: "participation", secured: false, parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "email": .string(required: false), "name": .string(required: false), "paragraph": .integer(required: false),
                                "phone": .string(required: false), "text": .string,
                            ])),
                        responses: [
                            .json(201, "已收到", ConsultationsController.CommentReceipt.self), .error(404, "不存在或未发布"), .error(409, "征集已结束"),
                            .error(422, "内容有误"), .error(429, "提交过于频繁"),
                        ])
                )),
            path(
                Routes.API.publicConsultationCommentConfirm,
                (
                    .post,
                    op(
                        "输入邮箱验证码，意见进入审核", tag: "participation", secured: false, parameters: [.pathID("id"), .pathID("cid")],
                        body: .json(.object(properties: ["code": .string(required: false)])),
                        responses: [
                            .json(200, "已验证", ConsultationsController.CommentReceipt.self), .error(404, "不存在"), .error(422, "验证码不正确"),
                            .error(429, "尝试过多"),
                        ])
                )),
        ]
    }
}
