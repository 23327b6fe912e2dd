import Domain
import Plot
import Services

/// The register of suggestions and proposals, late ones marked, with the registration form.
struct ProposalListPage {
    var items: [Proposal]
    var today: CivilDate
    var message: String?
    var errors: [String: String]
    var values: [String: String]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("人大代表建议和政协委员提案办理")),
            Fragments.alert(message ?? errors.values.first, kind: errors.isEmpty ? "success" : "error"),
            items.isEmpty
                ? .p(.class("empty"), .text("尚未登记。"))
                : .table(
                    .thead(.tr(.th(.text("编号")), .th(.text("标题")), .th(.text("主办")), .th(.text("答复期限")), .th(.text("状态")))),
                    .tbody(
                        .forEach(items) { p in
                            .tr(
                                .td(.text("\(p.year)年\(p.kind.label)第\(p.number)号")),
                                .td(.a(.href(Routes.Console.proposal.path(p.id)), .text(p.title))),
                                .td(.text(p.leadUnit)), .td(.text(p.dueOn.description + (p.isOverdue(today: today) ? "（已超期）" : ""))),
                                .td(.text(p.repliedOn.map { "已答复（\($0)）" } ?? "办理中")))
                        })),
            .section(
                .h2(.text("登记")),
                .form(
                    .method(.post), .action(Routes.Console.proposals.path()),
                    .div(
                        Fragments.csrfField(chrome.csrf),
                        Fragments.select(
                            "类别", name: "kind", options: Proposal.Kind.allCases.map { ($0.rawValue, $0.label) },
                            selected: values["kind"] ?? Proposal.Kind.suggestion.rawValue, errors: errors),
                        Fragments.textField("年度", name: "year", value: values["year"] ?? String(today.year), type: .number, errors: errors),
                        Fragments.textField("编号", name: "number", value: values["number"] ?? "", errors: errors),
                        Fragments.textField("提出人", name: "proposer", value: values["proposer"] ?? "", errors: errors),
                        Fragments.textField("标题", name: "title", value: values["title"] ?? "", errors: errors),
                        Fragments.textArea(
                            "内容（选填）", name: "content", value: values["content"] ?? "", rows: 4, errors: errors, required: false),
                        Fragments.textField(
                            "交办日期", name: "assignedOn", value: values["assignedOn"] ?? today.description, type: .date, errors: errors),
                        Fragments.textField("主办单位", name: "leadUnit", value: values["leadUnit"] ?? "", errors: errors),
                        Fragments.textField(
                            "协办单位（顿号分隔，选填）", name: "coUnits", value: values["coUnits"] ?? "", errors: errors, required: false),
                        .div(
                            .class("field"),
                            .label(.input(.type(.checkbox), .name("complex"), .value("1"), .id("complex")), .text(" 复杂事项（答复期限延长）"))),
                        .div(
                            .class("field"),
                            .label(.input(.type(.checkbox), .name("private"), .value("1"), .id("private")), .text(" 答复不公开（涉及国家秘密等）"))),
                        .button(.type(.submit), .text("登记")))))
        )
    }
}

/// One item: its particulars, the contacts with the proposer, and the reply.
struct ProposalPage {
    var item: Proposal
    var today: CivilDate
    var message: String?
    var errors: [String: String]
    var values: [String: String]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let p = item
        return .div(
            .h1(.text(p.title)),
            .p(
                .class("doc-meta"),
                .text(
                    "\(p.year)年\(p.kind.label)第\(p.number)号 · \(p.proposer) · 交办 \(p.assignedOn) · 主办 \(p.leadUnit)"
                        + (p.coUnits.isEmpty ? "" : " · 协办 \(p.coUnits.joined(separator: "、"))")
                        + " · 答复期限 \(p.dueOn)\(p.isOverdue(today: today) ? "（已超期）" : "")")),
            Fragments.alert(message ?? errors.values.first, kind: errors.isEmpty ? "success" : "error"),
            .if(!p.content.isEmpty, .p(.text(p.content))),
            .h2(.text("与提出人沟通")),
            .ul(.forEach(p.contacts) { c in .li(.text("\(c.on) \(c.way)：\(c.note)")) }),
            .form(
                .method(.post), .action(Routes.Console.proposalContacts.path(p.id)),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    Fragments.textField("日期", name: "on", value: values["on"] ?? today.description, type: .date, errors: errors),
                    Fragments.textField("方式", name: "way", value: values["way"] ?? "", errors: errors, hint: "电话、座谈、走访、书面等"),
                    Fragments.textArea("沟通情况", name: "note", value: values["note"] ?? "", rows: 3, errors: errors),
                    .button(.type(.submit), .text("记录")))),
            .h2(.text("答复")),
            p.isReplied
                ? .div(
                    .p(.text("\(p.outcome?.label ?? "") · \(p.repliedOn?.chinese ?? "")")), .div(.class("reply"), .p(.text(p.reply))),
                    .unwrap(p.replyDocumentID) { .p(.a(.href(Routes.Console.document.path($0)), .text("公开的答复全文（文件 #\($0)）"))) })
                : .form(
                    .method(.post), .action(Routes.Console.proposalReply.path(p.id)),
                    .div(
                        Fragments.csrfField(chrome.csrf),
                        Fragments.select(
                            "办理结果", name: "outcome", options: Proposal.Outcome.allCases.map { ($0.rawValue, $0.label) },
                            selected: values["outcome"] ?? Proposal.Outcome.solved.rawValue, errors: errors),
                        Fragments.textArea("答复全文", name: "reply", value: values["reply"] ?? "", rows: 12, errors: errors),
                        .p(.class("hint"), .text(p.publishReply ? "答复后全文作为“建议提案办理”栏目的文件送审，发布后公开。" : "本件答复不公开。")),
                        .button(.type(.submit), .text("答复"))))
        )
    }
}
