import Domain
import Plot
import Services

/// The console's consultations and the form to put a new draft out for comment.
struct ConsultationListPage {
    var items: [Consultation]
    var today: CivilDate
    var rules: ConsultationRules
    var errors: [String: String]
    var values: [String: String]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("意见征集")),
            items.isEmpty
                ? .p(.class("empty"), .text("还没有征求意见稿。"))
                : .table(
                    .thead(.tr(.th(.text("名称")), .th(.text("期限")), .th(.text("状态")))),
                    .tbody(
                        .forEach(items) { c in
                            .tr(
                                .td(.a(.href(Routes.Console.consultation.path(c.id)), .text(c.title))),
                                .td(.text("\(c.opensOn) 至 \(c.closesOn)")), .td(.text(c.status(today: today).label)))
                        })),
            .section(
                .h2(.text("新建征求意见稿")),
                Fragments.alert(errors.isEmpty ? nil : "有 1 处需要修改，已在下方标出。"),
                .p(
                    .class("hint"),
                    .text(
                        "最短征求意见期限：规章草案\(rules.describe(.rules))；行政规范性文件\(rules.describe(.normative))，与市场主体生产经营活动密切相关的\(rules.describe(.normativeMarket))。"
                    )),
                .form(
                    .method(.post), .action(Routes.Console.consultations.path()),
                    .div(
                        Fragments.csrfField(chrome.csrf),
                        Fragments.textField("名称", name: "title", value: values["title"] ?? "", errors: errors),
                        Fragments.select(
                            "文件类型", name: "kind", options: ConsultationKind.allCases.map { ($0.rawValue, $0.label) },
                            selected: values["kind"] ?? ConsultationKind.normative.rawValue, errors: errors),
                        Fragments.textArea(
                            "起草说明", name: "summary", value: values["summary"] ?? "", rows: 4, errors: errors, required: false),
                        Fragments.textArea(
                            "征求意见稿正文", name: "body", value: values["body"] ?? "", rows: 14, errors: errors, hint: "每段一行；公众可以逐段提出意见。"),
                        Fragments.textField(
                            "开始日期", name: "opensOn", value: values["opensOn"] ?? today.description, type: .date, errors: errors),
                        Fragments.textField("截止日期", name: "closesOn", value: values["closesOn"] ?? "", type: .date, errors: errors),
                        Fragments.select(
                            "提交意见的身份要求", name: "identity", options: CommentIdentity.allCases.map { ($0.rawValue, $0.label) },
                            selected: values["identity"] ?? CommentIdentity.anonymousAllowed.rawValue, errors: errors),
                        .button(.type(.submit), .text("保存"))
                    )))
        )
    }
}

/// One consultation in the console: publish, new versions, moderation and dispositions of the
/// comments (several at once), and the feedback report.
struct ConsultationConsolePage {
    var consultation: Consultation
    var comments: [PublicComment]
    var today: CivilDate
    var canModerate: Bool
    var message: String?
    var errors: [String: String]
    var values: [String: String]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let c = consultation
        let status = c.status(today: today)
        let report = FeedbackReport(comments: comments)
        let waiting = comments.filter { $0.status == .pending || $0.status == .held }.count
        return .div(
            .h1(.text(c.title)),
            .p(
                .class("doc-meta"),
                .text("\(c.kind.label) · 第 \(c.version) 稿 · \(c.opensOn) 至 \(c.closesOn) · \(status.label) · \(c.identity.label)")),
            Fragments.alert(message, kind: errors.isEmpty ? "success" : "error"),
            .if(c.published, .p(.a(.href(Routes.Portal.consultation.path(c.id)), .text("查看公众页面")))),
            .if(
                !c.published && canModerate,
                .form(
                    .method(.post), .action(Routes.Console.consultationPublish.path(c.id)),
                    .div(Fragments.csrfField(chrome.csrf), .button(.type(.submit), .text("发布（\(c.opensOn.chinese)起接受意见）"))))),
            .p(
                .text(
                    "收到意见 \(report.received) 条，待审核 \(waiting) 条，已公开 \(report.published) 条；采纳 \(report.counts[.adopted] ?? 0)、部分采纳 \(report.counts[.partlyAdopted] ?? 0)、不予采纳 \(report.counts[.notAdopted] ?? 0)、无关 \(report.counts[.irrelevant] ?? 0)，未处理 \(report.undecided)。"
                )),
            .if(
                status == .closed && c.reportDocumentID == nil,
                .form(
                    .method(.post), .action(Routes.Console.consultationReport.path(c.id)),
                    .div(
                        Fragments.csrfField(chrome.csrf), .p(.class("hint"), .text("全部意见处理后，生成意见采纳情况说明，作为公众参与栏目的文件送审发布。")),
                        .button(.type(.submit), .text("生成意见采纳情况"))))),
            .unwrap(c.reportDocumentID) { rid in .p(.a(.href(Routes.Console.document.path(rid)), .text("意见采纳情况（文件 #\(rid)）"))) },
            commentsSection(chrome),
            .section(
                .h2(.text("修改征求意见稿或延长期限")),
                .form(
                    .method(.post), .action(Routes.Console.consultationRevise.path(c.id)),
                    .div(
                        Fragments.csrfField(chrome.csrf),
                        Fragments.textArea(
                            "修改后的正文（不改正文则留空）", name: "body", value: values["body"] ?? "", rows: 8, errors: errors, required: false),
                        Fragments.textArea("修改说明", name: "note", value: values["note"] ?? "", rows: 2, errors: errors, required: false),
                        Fragments.textField(
                            "新的截止日期（选填）", name: "closesOn", value: values["closesOn"] ?? "", type: .date, errors: errors, required: false),
                        .button(.type(.submit), .text("保存修改"))))),
            .section(.h2(.text("当前正文")), .ol(.forEach(c.paragraphs) { .li(.text($0)) }))
        )
    }

    func commentsSection(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("收到的意见")),
            comments.isEmpty
                ? .p(.class("empty"), .text("尚未收到意见。"))
                : .form(
                    .method(.post), .action(Routes.Console.consultationComments.path(consultation.id)),
                    .div(
                        Fragments.csrfField(chrome.csrf),
                        .table(
                            .thead(
                                .tr(
                                    .th(.text("选择")), .th(.text("段落")), .th(.text("意见")), .th(.text("提出人")), .th(.text("状态")),
                                    .th(.text("处理")))),
                            .tbody(
                                .forEach(comments) { m in
                                    .tr(
                                        .td(
                                            .input(
                                                .type(.checkbox), .name("ids"), .value(String(m.id)), .id("c\(m.id)"),
                                                .attribute(named: "aria-label", value: "选择意见 \(m.id)"))),
                                        .td(.text(m.paragraph.map { "第 \($0) 段" } ?? "全文")),
                                        .td(
                                            .text(m.text),
                                            .if(
                                                !m.findings.isEmpty,
                                                .p(.class("alert-warning"), .text("筛查发现：" + m.findings.joined(separator: "、"))))),
                                        .td(.text(m.displayName + (m.email.isEmpty ? "" : "（\(m.email)）"))),
                                        .td(.text(m.status.label)),
                                        .td(
                                            .text(
                                                m.disposition.map {
                                                    $0.label + (m.reason.isEmpty ? "" : "：\(m.reason)")
                                                        + (m.theme.isEmpty ? "" : "〔\(m.theme)〕")
                                                } ?? "—"))
                                    )
                                })),
                        .group(
                            .if(
                                canModerate,
                                .div(
                                    .class("actions"),
                                    .button(.type(.submit), .name("op"), .value("publish"), .text("公开所选")),
                                    .text(" "),
                                    .button(.type(.submit), .name("op"), .value("reject"), .text("不予公开所选")))),
                            .h3(.text("处理所选意见")),
                            Fragments.select(
                                "处理结果", name: "disposition", options: PublicComment.Disposition.allCases.map { ($0.rawValue, $0.label) },
                                selected: values["disposition"] ?? PublicComment.Disposition.adopted.rawValue, errors: errors),
                            Fragments.textField("主题（用于归类说明）", name: "theme", value: values["theme"] ?? "", errors: errors, required: false),
                            Fragments.textArea(
                                "理由（不予采纳、部分采纳须填写，随采纳情况公开）", name: "reason", value: values["reason"] ?? "", rows: 2, errors: errors,
                                required: false),
                            .button(.type(.submit), .name("op"), .value("dispose"), .text("保存处理结果"))
                        )
                    ))
        )
    }
}
