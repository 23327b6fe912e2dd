import Domain
import Plot
import Services

/// The public mailbox page: the form, and the replies published with the writers' consent.
struct MailboxFormPage {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    var message: String? = nil
    var replies: [MailboxController.PublicDTO]
    var dueWorkdays: Int

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .class("mailbox request-form"),
            .h1(.text("领导信箱")),
            .p(
                .text("来信在 \(dueWorkdays) 个工作日内答复。提交后得到查询码，可凭查询码查看答复并评价。政策咨询请先查看"), .a(.href(Routes.Portal.faq.path()), .text("常见问题解答")),
                .text("。")),
            Fragments.alert(message ?? (errors.isEmpty ? nil : "有 \(errors.count) 处需要修改，已在下方标出。")),
            .form(
                .method(.post), .action(chrome.serverOrigin + Routes.Portal.mailbox.path()),
                .attribute(named: "novalidate", value: "novalidate"),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    .div(
                        .class("trap"), .attribute(named: "aria-hidden", value: "true"), .label(.for("website"), .text("请勿填写此项")),
                        .input(.type(.text), .id("website"), .name("website"), .attribute(named: "tabindex", value: "-1"))),
                    Fragments.select(
                        "类别", name: "kind", options: MailboxMessage.Kind.allCases.map { ($0.rawValue, $0.label) },
                        selected: values["kind"] ?? MailboxMessage.Kind.leader.rawValue, errors: errors),
                    Fragments.textField("标题", name: "subject", value: values["subject"] ?? "", errors: errors),
                    Fragments.textArea("来信内容", name: "body", value: values["body"] ?? "", rows: 8, errors: errors),
                    Fragments.textField("姓名", name: "name", value: values["name"] ?? "", errors: errors, autocomplete: "name"),
                    Fragments.textField(
                        "联系电话", name: "phone", value: values["phone"] ?? "", type: .tel, errors: errors, autocomplete: "tel"),
                    Fragments.textField(
                        "电子邮箱（选填，答复会同时发到邮箱）", name: "email", value: values["email"] ?? "", type: .email, errors: errors,
                        autocomplete: "email",
                        required: false),
                    .div(
                        .class("field"),
                        .label(
                            .input(
                                .type(.checkbox), .name("mayPublish"), .value("1"), .id("mayPublish"),
                                .attribute(named: "checked", value: values["mayPublish"] == "1" ? "checked" : nil)),
                            .text(" 同意公开来信和答复（姓名、电话等个人信息不公开）"))),
                    .button(.type(.submit), .text("提交"))
                )),
            .section(
                .h2(.text("查询答复")),
                .form(
                    .method(.get), .action(chrome.serverOrigin + Routes.Portal.trackMailbox.path()),
                    .div(Fragments.textField("查询码", name: "code", id: "track-code", value: ""), .button(.type(.submit), .text("查询"))))),
            .section(
                .h2(.text("来信选登")),
                replies.isEmpty
                    ? .p(.class("empty"), .text("暂无。"))
                    : .ul(
                        .class("doc-list"),
                        .forEach(replies) { r in
                            .li(
                                .a(.href(Routes.Portal.mailboxReply.path(r.id)), .text(r.subject)),
                                .span(.class("doc-meta"), .text(" \(r.repliedOn?.description ?? "")")))
                        }))
        )
    }
}

/// The writer's view by tracking code: status, the reply, and the rating form.
struct MailboxTrackPage {
    var code: String
    var found: MailboxController.TrackDTO?
    var message: String?
    var failed = false

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .class("mailbox"),
            .h1(.text("来信办理情况")),
            Fragments.alert(message, kind: failed ? "error" : "success"),
            .form(
                .method(.get), .action(chrome.serverOrigin + Routes.Portal.trackMailbox.path()),
                .div(Fragments.textField("查询码", name: "code", value: code), .button(.type(.submit), .text("查询")))),
            .unwrap(found) { m in
                .section(
                    .h2(.text(m.subject)),
                    .dl(
                        .class("record"),
                        .dt(.text("状态")), .dd(.id("mailbox-status"), .text(m.statusLabel)),
                        .dt(.text("受理日期")), .dd(.text(m.receivedOn.chinese)),
                        .dt(.text("答复期限")), .dd(.text(m.dueOn.chinese))),
                    .unwrap(m.reply) { reply in
                        .group(
                            .h3(.text("答复（\(m.repliedOn?.chinese ?? "")）")), .div(.class("reply"), .p(.text(reply))),
                            m.rating.map { r in .p(.text("您的评价：\(r.label)")) }
                                ?? .form(
                                    .method(.post), .action(chrome.serverOrigin + Routes.Portal.rateMailboxReply.path()),
                                    .div(
                                        Fragments.csrfField(chrome.csrf),
                                        .input(.type(.hidden), .name("code"), .value(attr(m.trackingCode))),
                                        Fragments.select(
                                            "对答复的评价", name: "rating",
                                            options: MailboxMessage.Rating.allCases.map { ($0.rawValue, $0.label) },
                                            selected: MailboxMessage.Rating.satisfied.rawValue),
                                        Fragments.textArea("意见（选填）", name: "comment", value: "", rows: 3, required: false),
                                        .button(.type(.submit), .text("提交评价")))))
                    }
                )
            }
        )
    }
}

/// A published letter and its reply.
struct MailboxReplyPage {
    var item: MailboxController.PublicDTO

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .class("mailbox"),
            .h1(.text(item.subject)),
            .p(
                .class("doc-meta"),
                .text("\(item.kind.label) · 来信日期 \(item.receivedOn.chinese)" + (item.unit.isEmpty ? "" : " · 承办：\(item.unit)"))),
            .h2(.text("来信内容")), .p(.text(item.body)),
            .h2(.text("答复（\(item.repliedOn?.chinese ?? "")）")), .div(.class("reply"), .p(.text(item.reply))),
            .p(.a(.href(Routes.Portal.mailbox.path()), .text("返回领导信箱")))
        )
    }
}

/// The FAQ with its search box (the catalog's Chinese segmentation and ranking).
struct FAQPage {
    var query: String
    var items: [FAQEntry]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .class("faq"),
            .h1(.text("常见问题解答")),
            .form(
                .method(.get), .action(Routes.Portal.faq.path()), .class("search-box"),
                .div(Fragments.textField("搜索问题", name: "q", value: query, required: false), .button(.type(.submit), .text("搜索")))),
            .if(!query.isEmpty, .p(.text("“\(query)”共找到 \(items.count) 条"))),
            items.isEmpty
                ? .p(.class("empty"), .text(query.isEmpty ? "暂无。" : "没有找到相关问题，可以通过领导信箱咨询。"))
                : .div(
                    .forEach(items) { e in
                        .element(
                            named: "details",
                            nodes: [
                                .attribute(named: "open", value: query.isEmpty ? nil : "open"),
                                .element(named: "summary", text: e.question),
                                .div(
                                    .class("faq-answer"), .p(.text(e.answer)),
                                    .if(!e.topic.isEmpty, .p(.class("doc-meta"), .text("分类：\(e.topic)")))),
                            ])
                    }),
            .p(.a(.href(Routes.Portal.mailbox.path()), .text("没有找到答案？写信咨询")))
        )
    }
}
