import Domain
import Plot
import Services

/// The handlers' list: today's digest (overdue, due soon, lapsed) and the requests of a view.
struct RequestListPage {
    var digest: RequestDigest.Lists
    var view: String
    var items: [DisclosureRequest]
    var today: CivilDate
    var soon: CivilDate
    var message: String?

    static let views: [(String, String)] = [("open", "办理中"), ("mine", "分给我的"), ("replied", "已答复")]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("依申请公开")),
            Fragments.alert(message, kind: "success"),
            .p(.a(.class("button"), .href(Routes.Console.newRequest.path()), .text("登记申请（信函、当面、传真、电子邮件）"))),
            .section(
                .class("digest"), .attribute(named: "aria-labelledby", value: "digest-title"),
                .h2(.id("digest-title"), .text("今日待办")),
                .ul(
                    .li(.class(digest.overdue.isEmpty ? "" : "overdue"), .text("已逾期：\(digest.overdue.count) 件")),
                    .li(.text("三个工作日内到期：\(digest.dueSoon.count) 件")),
                    .li(.text("补正或缴费期限已过、待结案：\(digest.lapsed.count) 件"))),
                list(digest.overdue + digest.dueSoon + digest.lapsed, empty: "今天没有到期或逾期的申请。")
            ),
            .nav(
                .class("tabs"), .attribute(named: "aria-label", value: "申请列表"),
                .ul(
                    .forEach(Self.views) { v in
                        .li(
                            .a(
                                .href(Routes.Console.requests.path() + "?view=\(v.0)"),
                                .attribute(named: "aria-current", value: v.0 == view ? "page" : nil), .text(v.1)))
                    })),
            list(items, empty: "没有申请。")
        )
    }

    func list(_ rs: [DisclosureRequest], empty: String) -> Node<HTML.BodyContext> {
        rs.isEmpty
            ? .p(.class("empty"), .text(empty))
            : .table(
                .class("queue"),
                .thead(.tr(.th(.text("查询码")), .th(.text("申请人")), .th(.text("所需信息")), .th(.text("状态")), .th(.text("答复期限")))),
                .tbody(
                    .forEach(rs) { r in
                        let overdue = r.status != .replied && (r.dueOn.map { $0 < today } ?? false)
                        let soon = r.status != .replied && !overdue && (r.dueOn.map { $0 <= self.soon } ?? false)
                        return .tr(
                            .class(overdue ? "overdue" : soon ? "due-soon" : ""),
                            .td(.a(.href(Routes.Console.request.path(r.id)), .text(r.trackingCode))),
                            .td(.text(r.applicant.name)),
                            .td(.text(String(r.description.prefix(40)))),
                            .td(.text(r.status.label + (r.outcome.map { "：\($0.label)" } ?? ""))),
                            .td(.text((r.dueOn?.chinese ?? "—") + (overdue ? "（已逾期）" : soon ? "（即将到期）" : ""))))
                    }))
    }
}

/// One request's file, with a form for every step its state allows.
struct RequestDetailPage {
    var request: DisclosureRequest
    var clock: RequestClock.Result
    var letters: [ReplyLetter]
    var departments: [Department]
    var handlers: [StaffUser]
    var agencies: [Agency]
    var similar: RequestFilesController.Similar
    var appeals: [RequestAppeal]
    var notices: [OutboxMessage]
    var today: CivilDate
    var message: String?
    var errors: [String: String] = [:]
    var values: [String: String] = [:]
    /// The applicant's identifiers in full (after an audited reveal); masked otherwise.
    var revealed = false
    /// Whether the signed-in person may reveal them (the handler and the office).
    var mayReveal = false

    var r: DisclosureRequest { request }
    var path: String { Routes.Console.request.path(r.id) }
    var draft: ReplyLetter? { letters.last(where: { $0.status == .draft }) }
    var sent: ReplyLetter? { letters.last(where: { $0.status == .sent }) }

    func value(_ k: String, _ fallback: String = "") -> String { values[k] ?? fallback }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .class("request-file"),
            .p(.a(.href(Routes.Console.requests.path()), .text("← 依申请公开"))),
            .h1(.text("申请 \(r.trackingCode)")),
            .p(.a(.href(Routes.Console.requestReceipt.path(r.id)), .text("打印回执"))),
            Fragments.alert(errors.isEmpty ? nil : (message ?? "有需要修改的内容，已在下方标出。")),
            .if(errors.isEmpty, Fragments.alert(message, kind: "success")),
            particulars,
            revealForm(chrome),
            due,
            .if(r.status != .replied, steps(chrome)),
            letter(chrome),
            deliveries(chrome),
            art44(chrome),
            appealsSection(chrome),
            noticesSection
        )
    }

    /// Phone, e-mail and address: in full after a reveal, masked otherwise.
    var contact: String {
        let a = r.applicant
        let parts =
            revealed
            ? [a.phone, a.email, a.address] : [Masked.phone(a.phone), Masked.email(a.email), Masked.address(a.address)]
        return parts.filter { !$0.isEmpty }.joined(separator: "；")
    }

    /// The button that shows the identifiers in full (the handler and the office; archived).
    func revealForm(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .if(
            !revealed && mayReveal,
            .form(
                .method(.post), .action(Routes.Console.requestReveal.path(r.id)), .class("inline"),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    .button(.type(.submit), .class("secondary"), .text("显示完整证件号码和联系方式（将记录查看）")))))
    }

    var particulars: Node<HTML.BodyContext> {
        .section(
            .h2(.text("申请信息")),
            .dl(
                .class("record"),
                .dt(.text("状态")), .dd(.text(r.status.label + (r.outcome.map { "：\($0.label)" } ?? ""))),
                .dt(.text("申请人")), .dd(.text("\(r.applicant.name)（\(r.applicant.type.label)）")),
                .dt(.text("证件号码")), .dd(.text(revealed ? r.applicant.idNumber : Masked.idNumber(r.applicant.idNumber))),
                .dt(.text("联系方式")),
                .dd(.text(contact)),
                .dt(.text("申请渠道")), .dd(.text("\(r.channel.label)（\(r.channel.receiptRule)）")),
                .dt(.text("所需信息")), .dd(.text(r.description)),
                .if(!r.purpose.isEmpty, .group(.dt(.text("用途")), .dd(.text(r.purpose)))),
                .dt(.text("获取方式")), .dd(.text(r.delivery.label)),
                .dt(.text("承办")), .dd(.text(assignment)),
                .if(
                    !r.handling.transfers.isEmpty,
                    .group(
                        .dt(.text("转办")),
                        .dd(.text(r.handling.transfers.map { "\($0.on) 由\($0.fromAgency)转来：\($0.reason)" }.joined(separator: "；")))))
            ))
    }

    var assignment: String {
        let d = departments.first { $0.id == r.handling.departmentID }?.name
        let h = handlers.first { $0.id == r.handling.handlerID }?.displayName
        let parts = [d, h].compactMap { $0 }
        return parts.isEmpty ? "未分办" : parts.joined(separator: " · ")
    }

    var due: Node<HTML.BodyContext> {
        .section(
            .h2(.text("答复期限")),
            .p(
                .class("due"),
                .text(
                    r.status == .replied
                        ? "已于 \(r.repliedOn?.chinese ?? "") 答复"
                        : clock.dueOn.map { "\($0.chinese)" + ($0 < today ? "（已逾期）" : "") + (clock.provisional ? "（次年节假日安排公布前为暂定）" : "") }
                            ?? "等待补正，补正期限至 \(clock.correctionDueOn?.chinese ?? "")")),
            .ol(.class("clock-steps"), .forEach(clock.steps) { .li(.text($0.staff)) }),
            .if(clock.correctionNoticeLate, .p(.class("field-error"), .text("补正通知晚于收到申请后 7 个工作日。")))
        )
    }

    /// A step's form, posting to `action`; `step` names it for the problems marked after a post.
    func form(
        _ chrome: PageChrome, _ step: String, _ action: String, _ title: String, open: Bool = false, _ fields: [Node<HTML.FormContext>],
        button: String
    ) -> Node<HTML.BodyContext> {
        let hasError = values["step"] == step && !errors.isEmpty
        return .element(
            named: "details",
            nodes: [
                .attribute(named: "open", value: open || hasError ? "open" : nil),
                .element(named: "summary", text: title),
                .form(
                    .method(.post), .action(action),
                    .div(Fragments.csrfField(chrome.csrf), .group(fields), .button(.type(.submit), .text(button)))),
            ])
    }

    func dateField<C: HTML.BodyContext>(_ label: String, _ name: String, step: String) -> Node<C> {
        Fragments.textField(
            label, name: name, id: "\(step.replacingOccurrences(of: "/", with: "-"))-\(name)", value: mine(step, name, today.description),
            type: .date, errors: mineErrors(step))
    }

    /// A field's typed value when this step's form came back, else the default.
    func mine(_ step: String, _ name: String, _ fallback: String = "") -> String {
        values["step"] == step ? (values[name] ?? fallback) : fallback
    }

    func mineErrors(_ step: String) -> [String: String] { values["step"] == step ? errors : [:] }

    func steps(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        var nodes: [Node<HTML.BodyContext>] = []
        nodes.append(
            form(
                chrome, "assign", Routes.Console.requestAssign.path(r.id), "分办（承办科室、承办人）",
                [
                    Fragments.select(
                        "承办科室", name: "departmentId", id: "assign-departmentId",
                        options: [("", "（不指定）")] + departments.map { (String($0.id), $0.name) },
                        selected: r.handling.departmentID.map(String.init) ?? ""),
                    Fragments.select(
                        "承办人", name: "handlerId", id: "assign-handlerId",
                        options: [("", "（不指定）")] + handlers.map { (String($0.id), $0.displayName) },
                        selected: r.handling.handlerID.map(String.init) ?? ""),
                ], button: "保存分办"))
        if r.status == .awaitingCorrection {
            nodes.append(
                form(
                    chrome, "correction-received", Routes.Console.requestCorrectionReceived.path(r.id), "收到补正后的申请", open: true,
                    [dateField("收到补正日期", "receivedOn", step: "correction-received")],
                    button: "登记补正"))
        } else {
            if r.clock.correctionNoticeOn == nil {
                nodes.append(
                    form(
                        chrome, "correction", Routes.Console.requestCorrection.path(r.id), "发出补正通知（一次性告知，收到申请后 7 个工作日内）",
                        [dateField("通知日期", "noticeOn", step: "correction")],
                        button: "登记补正通知"))
            }
            nodes.append(
                form(
                    chrome, "extension", Routes.Console.requestExtension.path(r.id), "延长答复期限（至多 20 个工作日）",
                    [
                        Fragments.textField(
                            "延长工作日数", name: "workdays", id: "extension-workdays", value: mine("extension", "workdays", "20"), type: .number,
                            errors: mineErrors("extension")),
                        Fragments.textField(
                            "延期理由", name: "reason", id: "extension-reason", value: mine("extension", "reason"),
                            errors: mineErrors("extension")),
                        Fragments.textField(
                            "批准的负责人", name: "approvedBy", id: "extension-approvedBy", value: mine("extension", "approvedBy"),
                            errors: mineErrors("extension")),
                        dateField("批准日期", "approvedOn", step: "extension"),
                    ], button: "登记延期"))
            nodes.append(
                form(
                    chrome, "consultations", Routes.Console.requestConsultations.path(r.id), "征求第三方或其他机关意见（15 个工作日，不计入答复期限）",
                    [
                        Fragments.textField(
                            "征求意见对象", name: "party", id: "consultations-party", value: mine("consultations", "party"),
                            errors: mineErrors("consultations")),
                        Fragments.select(
                            "对象类别", name: "agency", id: "consultations-agency", options: [("", "第三方（第三十二条）"), ("on", "共同制作机关（第三十四条）")],
                            selected: mine("consultations", "agency")),
                        dateField("发出日期", "sentOn", step: "consultations"),
                    ], button: "登记征求意见"))
            for (i, c) in r.clock.consultations.enumerated() where c.repliedOn == nil {
                nodes.append(
                    form(
                        chrome, "consultations/\(i + 1)/close", Routes.Console.requestConsultationClose.path(r.id, i + 1), "\(c.party)答复",
                        [dateField("答复日期", "repliedOn", step: "consultations/\(i + 1)/close")], button: "登记答复"))
            }
            nodes.append(
                form(
                    chrome, "internal-consultations", Routes.Console.requestInternalConsultations.path(r.id), "内部会商",
                    [
                        Fragments.textField(
                            "会商科室", name: "department", id: "internal-consultations-department",
                            value: mine("internal-consultations", "department"),
                            errors: mineErrors("internal-consultations")),
                        Fragments.textArea(
                            "会商事项", name: "question", id: "internal-consultations-question",
                            value: mine("internal-consultations", "question"), rows: 3,
                            errors: mineErrors("internal-consultations")),
                        dateField("发出日期", "askedOn", step: "internal-consultations"),
                    ], button: "发起会商"))
            for (i, c) in r.handling.internalConsultations.enumerated() where c.answeredOn == nil {
                nodes.append(
                    form(
                        chrome, "internal-consultations/\(i + 1)/answer",
                        Routes.Console.requestInternalConsultationAnswer.path(r.id, i + 1), "\(c.department)会商意见",
                        [
                            Fragments.textArea(
                                "意见", name: "answer", id: "internal-consultations-\(i + 1)-answer-answer", value: "", rows: 3),
                            dateField("答复日期", "answeredOn", step: "internal-consultations/\(i + 1)/answer"),
                        ],
                        button: "登记意见"))
            }
            if let fee = r.handling.fee {
                if fee.paidOn == nil {
                    nodes.append(
                        form(
                            chrome, "fee-paid", Routes.Console.requestFeePaid.path(r.id),
                            "登记缴费（应缴 \(fee.amountYuan) 元，期限 \(clock.feeDueOn?.chinese ?? "")）",
                            [
                                dateField("缴费日期", "paidOn", step: "fee-paid"),
                                Fragments.textField(
                                    "票据号", name: "receiptNumber", id: "fee-paid-receiptNumber", value: mine("fee-paid", "receiptNumber"),
                                    required: false),
                            ], button: "登记缴费"))
                }
            } else {
                nodes.append(
                    form(
                        chrome, "fee-notice", Routes.Console.requestFeeNotice.path(r.id), "发出收费通知（信息处理费）",
                        [
                            Fragments.select(
                                "计收方式", name: "basis", id: "fee-notice-basis",
                                options: FeeSchedule.Basis.allCases.map { ($0.rawValue, $0.label) },
                                selected: mine("fee-notice", "basis", "per_volume"), errors: mineErrors("fee-notice")),
                            Fragments.textField(
                                "页数（按量计收时填写）", name: "pages", id: "fee-notice-pages", value: mine("fee-notice", "pages"), type: .number,
                                errors: mineErrors("fee-notice"), required: false),
                            dateField("通知日期", "noticeOn", step: "fee-notice"),
                        ], button: "发出收费通知"))
            }
            nodes.append(
                form(
                    chrome, "deferral", Routes.Console.requestDeferral.path(r.id), "确定延迟答复期限（第三十五条）",
                    [
                        Fragments.textField(
                            "延迟至", name: "deferredTo", id: "deferral-deferredTo", value: mine("deferral", "deferredTo"), type: .date,
                            errors: mineErrors("deferral")),
                        Fragments.textField(
                            "理由", name: "reason", id: "deferral-reason", value: mine("deferral", "reason"), errors: mineErrors("deferral")),
                    ], button: "登记"))
        }
        nodes.append(
            form(
                chrome, "transfer", Routes.Console.requestTransfer.path(r.id), "转其他机关办理（收到申请日期不变）",
                [
                    Fragments.select(
                        "转至", name: "agency", id: "transfer-agency",
                        options: [("", "（请选择）")] + agencies.filter { $0.id != r.agencyID }.map { (String($0.id), $0.name) },
                        selected: mine("transfer", "agency"), errors: mineErrors("transfer")),
                    Fragments.textField(
                        "理由", name: "reason", id: "transfer-reason", value: mine("transfer", "reason"), errors: mineErrors("transfer")),
                ], button: "转办"))
        return .section(.h2(.text("办理")), .group(nodes))
    }

    func letter(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        if let sent {
            return .section(
                .h2(.text("答复告知书")),
                .p(.text("\(sent.number ?? "") · \(sent.outcome.label) · \(sent.sentOn?.chinese ?? "") 发出")),
                .p(
                    .a(.href(Routes.Console.letter.path(sent.id)), .text("查看告知书")), .text(" · "),
                    .a(.href(Routes.Console.letterPDF.path(sent.id)), .text("下载 PDF"))))
        }
        guard r.status != .replied else { return .section(.h2(.text("答复告知书")), .p(.text("无告知书。"))) }
        let outcomes = RequestOutcome.allCases.map { ($0.rawValue, "\($0.label)") }
        var nodes: [Node<HTML.BodyContext>] = [
            form(
                chrome, "letter", Routes.Console.requestLetter.path(r.id), draft == nil ? "选择办理结果，生成告知书草稿" : "重新生成草稿（改变办理结果）",
                open: draft == nil,
                [
                    Fragments.select(
                        "办理结果", name: "outcome", id: "letter-outcome", options: outcomes,
                        selected: mine("letter", "outcome", draft?.outcome.rawValue ?? "disclosed"), errors: mineErrors("letter")),
                    Fragments.textField(
                        "已主动公开的获取途径（已公开的填写）", name: "publishedAt", id: "letter-publishedAt", value: mine("letter", "publishedAt"),
                        errors: mineErrors("letter"),
                        required: false),
                    Fragments.textField(
                        "负责公开的机关及联系方式（非本机关负责的填写）", name: "responsibleAgency", id: "letter-responsibleAgency",
                        value: mine("letter", "responsibleAgency"),
                        errors: mineErrors("letter"), required: false),
                    Fragments.textArea(
                        "补充说明（选填）", name: "note", id: "letter-note", value: mine("letter", "note"), rows: 3, required: false),
                ], button: "生成草稿")
        ]
        if let draft {
            nodes.append(
                .form(
                    .method(.post), .action(Routes.Console.requestLetterEdit.path(r.id)), .class("letter-edit"),
                    .div(
                        Fragments.csrfField(chrome.csrf),
                        Fragments.textField(
                            "标题", name: "title", id: "letter-edit-title", value: mine("letter-edit", "title", draft.title),
                            errors: mineErrors("letter-edit")),
                        Fragments.textArea(
                            "正文（段落之间空一行）", name: "body", id: "letter-edit-body", value: mine("letter-edit", "body", draft.body), rows: 18,
                            errors: mineErrors("letter-edit")),
                        .button(.type(.submit), .text("保存修改")))))
            nodes.append(
                .p(
                    .a(.href(Routes.Console.letter.path(draft.id)), .text("预览告知书")), .text(" · "),
                    .a(.href(Routes.Console.letterPDF.path(draft.id)), .text("预览 PDF"))))
            nodes.append(
                .form(
                    .method(.post), .action(Routes.Console.requestReply.path(r.id)), .class("reply"),
                    .div(
                        Fragments.csrfField(chrome.csrf),
                        .input(.type(.hidden), .name("outcome"), .value(attr(draft.outcome.rawValue))),
                        Fragments.textField(
                            "答复日期", name: "repliedOn", id: "reply-repliedOn", value: mine("reply", "repliedOn", today.description),
                            type: .date,
                            errors: mineErrors("reply")),
                        .button(.type(.submit), .text("答复并发出告知书（\(draft.outcome.label)）")))))
        }
        return .section(.h2(.text("答复告知书")), .group(nodes))
    }

    func deliveries(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("送达")),
            r.handling.deliveries.isEmpty
                ? .p(.class("empty"), .text("尚无送达记录。"))
                : .ul(
                    .forEach(r.handling.deliveries) { d in
                        .li(
                            .text(
                                "\(d.on.chinese) \(d.item)：\(d.method.label)" + (d.trackingNumber.map { "，单号 \($0)" } ?? "")
                                    + (d.signedBy.map { "，签收人 \($0)" } ?? "") + (d.address.map { "，\($0)" } ?? "")))
                    }),
            form(
                chrome, "deliveries", Routes.Console.requestDeliveries.path(r.id), "登记送达",
                [
                    Fragments.select(
                        "送达方式", name: "method", id: "deliveries-method", options: DeliveryMethod.allCases.map { ($0.rawValue, $0.label) },
                        selected: mine("deliveries", "method", r.delivery.rawValue), errors: mineErrors("deliveries")),
                    Fragments.textField(
                        "送达的文书", name: "item", id: "deliveries-item", value: mine("deliveries", "item", "答复告知书"),
                        errors: mineErrors("deliveries")),
                    dateField("送达日期", "on", step: "deliveries"),
                    Fragments.textField(
                        "邮件单号（邮寄）", name: "trackingNumber", id: "deliveries-trackingNumber", value: mine("deliveries", "trackingNumber"),
                        errors: mineErrors("deliveries"),
                        required: false),
                    Fragments.textField(
                        "签收人（当面领取）", name: "signedBy", id: "deliveries-signedBy", value: mine("deliveries", "signedBy"),
                        errors: mineErrors("deliveries"),
                        required: false),
                    Fragments.textField(
                        "收件邮箱（电子邮件）", name: "address", id: "deliveries-address",
                        value: mine("deliveries", "address", revealed ? r.applicant.email : ""),
                        errors: mineErrors("deliveries"), required: false),
                ], button: "登记送达")
        )
    }

    func art44(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("相同信息的其他申请（第四十四条）")),
            .if(
                similar.suggestProactive,
                .div(
                    .class("alert alert-info"), .attribute(named: "role", value: "status"),
                    .p(.text("已有 \(similar.applicants) 位申请人申请相同或相近的信息。可以公开的，建议纳入主动公开范围。")),
                    .p(.a(.href(Routes.Console.newDocument.path()), .text("起草主动公开文件"))))),
            .unwrap(similar.proactiveDocumentId) { id in
                .p(.text("已纳入主动公开："), .a(.href(Routes.Console.document.path(id)), .text("文件 \(id)")))
            },
            similar.requests.isEmpty
                ? .p(.class("empty"), .text("近一年没有其他申请人申请相近的信息。"))
                : .ul(
                    .forEach(similar.requests) { s in
                        .li(
                            .a(
                                .href(Routes.Console.request.path(s.id)),
                                .text("\(s.trackingCode)（\(s.receivedOn.chinese)，\(s.applicantName)）：\(s.description)")))
                    }),
            .if(
                r.handling.proactiveDocumentID == nil,
                form(
                    chrome, "proactive", Routes.Console.requestProactive.path(r.id), "关联已主动公开的文件",
                    [
                        Fragments.textField(
                            "文件编号", name: "documentId", id: "proactive-documentId", value: mine("proactive", "documentId"), type: .number,
                            errors: mineErrors("proactive"))
                    ],
                    button: "关联（本申请及相近申请）"))
        )
    }

    func appealsSection(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("行政复议、行政诉讼")),
            appeals.isEmpty
                ? .p(.class("empty"), .text("无。"))
                : .ul(
                    .forEach(appeals) { a in
                        .li(
                            .text(
                                "\(a.kind.label)：\(a.forum)，\(a.filedOn.chinese) 立案，\(a.result.label)"
                                    + (a.decidedOn.map { "（\($0.chinese)）" } ?? "")),
                            .if(
                                a.result == .pending,
                                form(
                                    chrome, "appeals/\(a.id)", Routes.Console.requestAppeal.path(r.id, a.id), "登记结果",
                                    [
                                        Fragments.select(
                                            "结果", name: "result", id: "appeals-\(a.id)-result",
                                            options: RequestAppeal.Result.allCases.filter { $0 != .pending }.map {
                                                ($0.rawValue, $0.label)
                                            }, selected: "upheld"),
                                        dateField("审结日期", "decidedOn", step: "appeals/\(a.id)"),
                                    ], button: "登记结果")))
                    }),
            form(
                chrome, "appeals", Routes.Console.requestAppeals.path(r.id), "登记行政复议或行政诉讼",
                [
                    Fragments.select(
                        "类别", name: "kind", id: "appeals-kind", options: RequestAppeal.Kind.allCases.map { ($0.rawValue, $0.label) },
                        selected: mine("appeals", "kind", "reconsideration"), errors: mineErrors("appeals")),
                    Fragments.textField(
                        "复议机关或法院", name: "forum", id: "appeals-forum", value: mine("appeals", "forum"), errors: mineErrors("appeals")),
                    dateField("立案日期", "filedOn", step: "appeals"),
                ], button: "登记")
        )
    }

    var noticesSection: Node<HTML.BodyContext> {
        .section(
            .h2(.text("发给申请人的邮件")),
            notices.isEmpty
                ? .p(.class("empty"), .text(r.applicant.email.isEmpty ? "申请人未留电子邮箱。" : "无。"))
                : .ul(
                    .forEach(notices) { m in
                        .li(
                            .text(
                                m.subject + "："
                                    + (m.sentAtMillis != nil ? "已发送" : m.lastError.map { "未发出（第 \(m.attempts) 次失败：\($0)），将重试" } ?? "待发送")))
                    }))
    }
}
