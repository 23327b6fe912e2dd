import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `requests` operations.
    static var requestsPaths: [PathEntry] {
        [
            path(
                Routes.API.appeals,
                (
                    .get,
                    op(
                        "年度报告表四：某年的行政复议、行政诉讼案件数（按审结年度，未审结的按立案年度）", tag: "requests",
                        parameters: [.query("year", .integer, required: false, "年份，缺省为今年")],
                        responses: [
                            .json(200, "表四与案件", RequestFilesController.Appeals.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.appeal,
                (
                    .post,
                    op(
                        "登记案件结果（维持、纠正、其他；审结后不能再改）", tag: "requests", parameters: [.pathID("aid")],
                        body: .json(
                            .object(properties: [
                                "decidedOn": .date.optional, "note": .string(required: false),
                                "result": .enumeration(RequestAppeal.Result.self, required: false),
                            ])),
                        responses: [
                            .json(200, "案件", RequestFilesController.AppealDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.feesCollected,
                (
                    .get,
                    op(
                        "某年收取的信息处理费（按缴费日期）：件数与金额", tag: "requests", parameters: [.query("year", .integer, required: false, "年份，缺省为今年")],
                        responses: [.json(200, "收费合计", FeesController.Collected.self)])
                )),
            path(
                Routes.API.feesQuote,
                (
                    .get,
                    op(
                        "信息处理费试算（国办函〔2020〕109号）：按件计收为申请人当月第 ordinal 件申请的收费，按量计收为 pages 页的收费（依申请公开承办人、政务公开办公室）", tag: "requests",
                        parameters: [
                            .query("basis", .enumeration(FeeSchedule.Basis.self), required: true, "计收方式"),
                            .query("ordinal", .integer(minimum: (1, exclusive: false)), required: false, "按件：当月第几件申请"),
                            .query("pages", .integer(minimum: (0, exclusive: false)), required: false, "按量：页数"),
                        ], responses: [.json(200, "收费金额（元）", FeesController.Quote.self), .error(422, "参数无效")])
                )),
            path(
                Routes.API.letterHTML,
                (
                    .get,
                    op(
                        "告知书网页版（已发出的为发出时保存的版本）", tag: "requests", parameters: [.pathID("lid")],
                        responses: [.file(200, "HTML", ["text/html"]), .error(404, "不存在")])
                )),
            path(
                Routes.API.letterPDF,
                (
                    .get,
                    op(
                        "告知书 PDF（无头 Chromium 打印；已发出的首次打印后保存）", tag: "requests", parameters: [.pathID("lid")],
                        responses: [.file(200, "PDF", ["application/pdf"]), .error(404, "不存在"), .error(503, "服务器未安装 chromium")])
                )),
            path(
                Routes.API.outbox,
                (
                    .get,
                    op(
                        "发件箱：待发送、已发送和发送失败（将重试）的邮件（政务公开办公室）", tag: "requests",
                        responses: [.json(200, "邮件", RequestFilesController.Outbox.self)])
                )),
            path(
                Routes.API.publicRequests,
                (
                    .post,
                    op(
                        "提交政府信息公开申请（网上）：立即返回查询码、收到日期和答复期限（回执）；同一地址每小时至多 10 次", tag: "requests", secured: false,
                        body: .json(.component("RequestIntake")),
                        responses: [.json(201, "回执", RequestsController.Receipt.self), .error(422, "申请内容不完整或有误"), .error(429, "提交过于频繁")])
                )),
            path(
                Routes.API.publicRequest,
                (
                    .get,
                    op(
                        "按查询码查看办理进度（不含申请人信息）；输错过多会被暂时限制", tag: "requests", secured: false, parameters: [.pathText("code")],
                        responses: [.json(200, "办理进度", RequestsController.Status.self), .error(404, "查询码不存在"), .error(429, "输错次数过多")])
                )),
            path(
                Routes.API.requests,
                (
                    .get,
                    op(
                        "本机关的申请，答复期限最近的在前；标出已逾期和三个工作日内到期的（缺省为未答复的）", tag: "requests",
                        parameters: [.query("status", .enumeration(RequestStatus.self), required: false, "状态")],
                        responses: [.json(200, "申请列表", RequestsController.List.self), .error(422, "状态无效")])
                ),
                (
                    .post,
                    op(
                        "登记信件、当面、传真、电子邮件等渠道收到的申请（依申请公开承办人、政务公开办公室）；须注明 channel，receivedOn 按第三十一条确定", tag: "requests",
                        body: .json(.component("RequestIntake")),
                        responses: [.json(201, "回执（含 id）", RequestsController.Receipt.self), .error(422, "申请内容不完整或有误")])
                )),
            path(
                Routes.API.request,
                (
                    .get,
                    op(
                        "申请记录：申请人、所需信息、状态、答复期限及其计算说明", tag: "requests", parameters: [.pathID("id")],
                        responses: [.json(200, "申请", RequestsController.Record.self), .error(404, "申请不存在")])
                )),
            path(
                Routes.API.requestAppeals,
                (
                    .post,
                    op(
                        "登记行政复议或行政诉讼案件", tag: "requests", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "filedOn": .date.optional, "forum": .string(required: false),
                                "kind": .enumeration(RequestAppeal.Kind.self, required: false), "note": .string(required: false),
                            ])),
                        responses: [
                            .json(201, "案件", RequestFilesController.AppealDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestAssign,
                (
                    .post,
                    op(
                        "分办：承办科室和承办人（须为本机关有办理权限的账号）", tag: "requests", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: ["departmentId": .integer(required: false), "handlerId": .integer(required: false)])),
                        responses: [
                            .json(200, "分办结果", RequestFilesController.Assigned.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestConsultations,
                (
                    .post,
                    op(
                        "征求第三方（第三十二条）或共同制作机关（第三十四条）意见；所用时间不计入答复期限", tag: "requests", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "agency": .boolean(required: false), "party": .string(required: false), "sentOn": .date.optional,
                            ])),
                        responses: [
                            .json(201, "新的状态与答复期限", RequestsController.Changed.self), .error(404, "申请不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestConsultationClose,
                (
                    .post,
                    op(
                        "征求意见结束（收到答复之日）", tag: "requests", parameters: [.pathID("id"), .pathID("cid")],
                        body: .json(.object(properties: ["repliedOn": .date.optional])),
                        responses: [
                            .json(200, "新的状态与答复期限", RequestsController.Changed.self), .error(404, "申请不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestCorrection,
                (
                    .post,
                    op(
                        "发出补正通知（只能一次；超过收到后 7 个工作日会标出）；答复期限暂停，等待补正", tag: "requests", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["noticeOn": .date.optional])),
                        responses: [
                            .json(200, "新的状态与答复期限", RequestsController.Changed.self), .error(404, "申请不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestCorrectionReceived,
                (
                    .post,
                    op(
                        "收到补正后的申请：答复期限自该日重新计算", tag: "requests", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["receivedOn": .date.optional])),
                        responses: [
                            .json(200, "新的状态与答复期限", RequestsController.Changed.self), .error(404, "申请不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestDeferral,
                (
                    .post,
                    op(
                        "依第三十五条确定延迟答复期限（须晚于现有期限）", tag: "requests", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["deferredTo": .date.optional, "reason": .string(required: false)])),
                        responses: [
                            .json(200, "新的状态与答复期限", RequestsController.Changed.self), .error(404, "申请不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestDeliveries,
                (
                    .post,
                    op(
                        "登记送达：邮寄须有单号，当面领取须有签收人，电子邮件须有地址", tag: "requests", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "address": .string(required: false), "item": .string(required: false),
                                "method": .enumeration(DeliveryMethod.self, required: false), "on": .date.optional,
                                "signedBy": .string(required: false), "trackingNumber": .string(required: false),
                            ])),
                        responses: [
                            .json(200, "新的状态与答复期限", RequestsController.Changed.self), .error(404, "申请不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestExtension,
                (
                    .post,
                    op(
                        "延长答复期限（合计不超过 20 个工作日），记录批准的负责人与理由", tag: "requests", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "approvedBy": .string(required: false), "approvedOn": .date.optional, "reason": .string(required: false),
                                "workdays": .integer(required: false),
                            ])),
                        responses: [
                            .json(200, "新的状态与答复期限", RequestsController.Changed.self), .error(404, "申请不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestFeeNotice,
                (
                    .post,
                    op(
                        "发出收费通知：按件（申请人当月第几件由系统计算）或按量（页数）；免费范围内的不能发出", tag: "requests", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "basis": .enumeration(FeeSchedule.Basis.self, required: false), "noticeOn": .date.optional,
                                "pages": .integer(required: false),
                            ])),
                        responses: [
                            .json(200, "新的状态与答复期限", RequestsController.Changed.self), .error(404, "申请不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestFeePaid,
                (
                    .post,
                    op(
                        "登记缴费（须在缴费期限内，金额与通知一致）", tag: "requests", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "paidOn": .date.optional, "paidYuan": .integer(required: false), "receiptNumber": .string(required: false),
                            ])),
                        responses: [
                            .json(200, "新的状态与答复期限", RequestsController.Changed.self), .error(404, "申请不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestInternalConsultations,
                (
                    .post,
                    op(
                        "内部会商：向本机关科室征求意见", tag: "requests", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "askedOn": .date.optional, "department": .string(required: false), "question": .string(required: false),
                            ])),
                        responses: [
                            .json(200, "新的状态与答复期限", RequestsController.Changed.self), .error(404, "申请不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestInternalConsultationAnswer,
                (
                    .post,
                    op(
                        "登记第 n 次内部会商的意见", tag: "requests", parameters: [.pathID("id"), .pathID("n")],
                        body: .json(.object(properties: ["answer": .string(required: false), "answeredOn": .date.optional])),
                        responses: [
                            .json(200, "新的状态与答复期限", RequestsController.Changed.self), .error(404, "申请不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestLetter,
                (
                    .get,
                    op(
                        "该申请最近的答复告知书（草稿或已发出）", tag: "requests", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "告知书", RequestFilesController.LetterDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                ),
                (
                    .post,
                    op(
                        "按办理结果生成（或重新生成）告知书草稿：依据、救济途径自动写入", tag: "requests", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "note": .string(required: false), "outcome": .enumeration(RequestOutcome.self, required: false),
                                "publishedAt": .string(required: false), "responsibleAgency": .string(required: false),
                            ])),
                        responses: [
                            .json(201, "告知书草稿", RequestFilesController.LetterDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                ),
                (
                    .put,
                    op(
                        "修改告知书草稿（须保留行政复议、行政诉讼的告知）", tag: "requests", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["body": .string(required: false), "title": .string(required: false)])),
                        responses: [
                            .json(200, "告知书草稿", RequestFilesController.LetterDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestProactive,
                (
                    .post,
                    op(
                        "第四十四条：把该申请及相近申请关联到已主动公开的文件", tag: "requests", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["documentId": .integer(required: false)])),
                        responses: [
                            .json(200, "已关联的申请", RequestFilesController.Linked.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestReply,
                (
                    .post,
                    op(
                        "答复：记录办理结果代码（对应年度报告的一行）和答复日期；告知书草稿（没有时按模板生成）随即编号、保存并发给申请人（letterNumber）", tag: "requests",
                        parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "note": .string(required: false), "outcome": .enumeration(RequestOutcome.self, required: false),
                                "publishedAt": .string(required: false), "repliedOn": .date.optional,
                                "responsibleAgency": .string(required: false),
                            ])),
                        responses: [
                            .json(200, "新的状态与答复期限", RequestsController.Changed.self), .error(404, "申请不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestSimilar,
                (
                    .get,
                    op(
                        "第四十四条：近一年其他申请人申请相近信息的申请，以及是否建议纳入主动公开", tag: "requests", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "相近的申请", RequestFilesController.Similar.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.requestTransfer,
                (
                    .post,
                    op(
                        "转本平台上的其他机关办理：收到申请日期和答复期限不变，本机关不再可见", tag: "requests", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["agency": .integer(required: false), "reason": .string(required: false)])),
                        responses: [
                            .json(200, "转办结果", RequestFilesController.Transferred.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
        ]
    }
}
