import Domain
import Plot
import Services

/// The console's mailbox: late letters first, then by receipt.
struct MailboxConsoleListPage {
    var items: [MailboxMessage]
    var today: CivilDate
    var office: Bool

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let open = items.filter { $0.status != .closed }.sorted {
            ($0.isOverdue(today: today) ? 0 : 1, $0.dueOn) < ($1.isOverdue(today: today) ? 0 : 1, $1.dueOn)
        }
        let closed = items.filter { $0.status == .closed }.reversed()
        let rated = items.compactMap(\.rating)
        let inTime = items.compactMap(\.answeredInTime)
        return .div(
            .h1(.text("领导信箱与咨询")),
            .p(
                .text(
                    "办理中 \(open.count) 件，其中超期 \(open.filter { $0.isOverdue(today: today) }.count) 件；已答复 \(closed.count) 件，按期答复率 \(inTime.isEmpty ? "—" : "\(inTime.filter { $0 }.count * 100 / inTime.count)%")；评价 \(rated.count) 件，满意 \(rated.filter { $0 == .satisfied }.count) 件。"
                )),
            .if(office, .p(.a(.href(Routes.Console.faq.path()), .text("常见问题解答库")))),
            .h2(.text("办理中")),
            table(Array(open)),
            .h2(.text("已答复")),
            table(Array(closed))
        )
    }

    func table(_ list: [MailboxMessage]) -> Node<HTML.BodyContext> {
        list.isEmpty
            ? .p(.class("empty"), .text("无。"))
            : .table(
                .thead(.tr(.th(.text("标题")), .th(.text("承办")), .th(.text("状态")), .th(.text("答复期限")))),
                .tbody(
                    .forEach(list) { m in
                        .tr(
                            .td(.a(.href(Routes.Console.mailboxLetter.path(m.id)), .text(m.subject))),
                            .td(.text(m.unitName.isEmpty ? "—" : m.unitName)),
                            .td(.text(m.status.label + (m.rating.map { " · \($0.label)" } ?? ""))),
                            .td(.text(m.dueOn.description + (m.isOverdue(today: today) ? "（已超期）" : ""))))
                    }))
    }
}

/// One letter in the console: the letter, its steps, and the form its state allows.
struct MailboxConsolePage {
    var message: MailboxMessage
    var today: CivilDate
    var identity: StaffIdentity
    var departments: [Department]
    var units: [Agency]
    var notice: String?
    var errors: [String: String]
    var values: [String: String]
    /// The writer's phone and e-mail in full (after an audited reveal); masked otherwise.
    var revealed = false

    var office: Bool { identity.holds(anyOf: MailboxService.office) }

    /// The writer's name and contacts: in full after a reveal, masked otherwise.
    var writer: String {
        let m = message
        let (phone, email) = revealed ? (m.phone, m.email) : (Masked.phone(m.phone), Masked.email(m.email))
        return "\(m.name)，\(phone)" + (email.isEmpty ? "" : "，\(email)")
    }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let m = message
        func form(_ route: Route<Int64>, _ fields: Node<HTML.FormContext>...) -> Node<HTML.BodyContext> {
            .form(
                .method(.post), .action(route.path(m.id)), .div(Fragments.csrfField(chrome.csrf), Node<HTML.FormContext>.group(fields)))
        }
        return .div(
            .h1(.text(m.subject)),
            .p(
                .class("doc-meta"),
                .text(
                    "\(m.kind.label) · 查询码 \(m.trackingCode) · 受理 \(m.receivedOn) · 答复期限 \(m.dueOn)\(m.isOverdue(today: today) ? "（已超期）" : "") · \(m.status.label)"
                )),
            Fragments.alert(notice, kind: errors.isEmpty ? "success" : "error"),
            .dl(
                .class("record"),
                .dt(.text("来信人")), .dd(.text(writer)),
                .dt(.text("是否同意公开")), .dd(.text(m.mayPublish ? "同意" : "不同意"))),
            .if(
                !revealed,
                .form(
                    .method(.post), .action(Routes.Console.mailboxReveal.path(m.id)), .class("inline"),
                    .div(
                        Fragments.csrfField(chrome.csrf),
                        .button(.type(.submit), .class("secondary"), .text("显示完整联系方式（将记录查看）"))))),
            .h2(.text("来信内容")), .p(.text(m.body)),
            .if(!m.reply.isEmpty, .group(.h2(.text(m.status == .closed ? "答复" : "拟复意见")), .div(.class("reply"), .p(.text(m.reply))))),
            .unwrap(m.rating) { r in .p(.text("来信人评价：\(r.label)" + (m.ratingComment.isEmpty ? "" : "（\(m.ratingComment)）"))) },
            .if(
                office && (m.status == .received || m.status == .assigned),
                form(
                    Routes.Console.mailboxAssign,
                    Fragments.select(
                        m.status == .received ? "交办给" : "改交（转办）给", name: "unit",
                        options: departments.map { ("d:\($0.id)", $0.name) } + units.map { ("a:\($0.id)", "转办：\($0.name)") },
                        selected: values["unit"] ?? "", errors: errors),
                    Fragments.textArea("交办意见（选填）", name: "note", id: "assign-note", value: "", rows: 2, errors: errors, required: false),
                    .button(.type(.submit), .text(m.status == .received ? "交办" : "转办")))),
            .if(
                m.status == .assigned && (office || m.departmentID == identity.user.departmentID),
                form(
                    Routes.Console.mailboxAnswer,
                    Fragments.textArea("答复内容", name: "reply", value: values["reply"] ?? m.reply, rows: 8, errors: errors),
                    .button(.type(.submit), .text("提交答复")))),
            .if(
                office && m.status == .answered,
                form(
                    Routes.Console.mailboxReview,
                    Fragments.textArea(
                        "审核意见（退回时必填）", name: "comment", id: "review-comment", value: "", rows: 2, errors: errors, required: false),
                    .button(.type(.submit), .name("decision"), .value("approve"), .text("同意并答复来信人")), .text(" "),
                    .button(.type(.submit), .name("decision"), .value("return"), .text("退回修改")))),
            .if(
                office && (m.status == .assigned || m.status == .received),
                form(
                    Routes.Console.mailboxSupervise,
                    Fragments.textArea("督办意见", name: "note", id: "supervise-note", value: "", rows: 2, errors: errors),
                    .button(.type(.submit), .text("督办")))),
            .if(
                office && m.status == .closed && m.mayPublish,
                form(
                    Routes.Console.mailboxPublish, .input(.type(.hidden), .name("published"), .value(m.published ? "0" : "1")),
                    .button(.type(.submit), .text(m.published ? "取消公开" : "公开来信和答复")))),
            .h2(.text("办理过程")),
            .ol(.forEach(m.steps) { s in .li(.text("\(s.on) \(s.action)" + (s.detail.isEmpty ? "" : "：\(s.detail)") + "（\(s.by)）")) })
        )
    }
}

/// The FAQ library: entries, repeated questions not yet answered by one, and the form.
struct FAQConsolePage {
    var entries: [FAQEntry]
    var groups: [[MailboxMessage]]
    var message: String?
    var errors: [String: String]
    var values: [String: String]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let prefill = groups.first
        return .div(
            .h1(.text("常见问题解答库")),
            Fragments.alert(message ?? errors.values.first, kind: errors.isEmpty ? "success" : "error"),
            .section(
                .h2(.text("重复来信（可转为常见问题）")),
                groups.isEmpty
                    ? .p(.class("empty"), .text("暂无相似的来信。"))
                    : .ul(
                        .forEach(groups) { g in
                            .li(.text("\(g.count) 件相似："), .text(g.map { "#\($0.id) \($0.subject)" }.joined(separator: "；")))
                        })),
            .section(
                .h2(.text("新增常见问题")),
                .form(
                    .method(.post), .action(Routes.Console.faq.path()),
                    .div(
                        Fragments.csrfField(chrome.csrf),
                        Fragments.textField(
                            "问题", name: "question", value: values["question"] ?? prefill?.first?.subject ?? "", errors: errors),
                        Fragments.textArea(
                            "解答", name: "answer", value: values["answer"] ?? prefill?.first?.reply ?? "", rows: 6, errors: errors),
                        Fragments.textField("分类", name: "topic", value: values["topic"] ?? "", errors: errors, required: false),
                        Fragments.textField(
                            "对应来信编号（逗号分隔）", name: "sources",
                            value: values["sources"] ?? (prefill.map { $0.map { String($0.id) }.joined(separator: ",") } ?? ""),
                            errors: errors, required: false),
                        .div(
                            .class("field"),
                            .label(.input(.type(.checkbox), .name("published"), .value("1"), .id("faq-published")), .text(" 在门户网站公开"))),
                        .button(.type(.submit), .text("保存"))))),
            .section(
                .h2(.text("已有条目（\(entries.count)）")),
                .ul(.forEach(entries) { e in .li(.text(e.question + (e.published ? "" : "（未公开）"))) }))
        )
    }
}
