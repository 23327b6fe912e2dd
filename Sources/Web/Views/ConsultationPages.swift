import Domain
import Plot
import Services

/// The public page of a consultation: the draft paragraph by paragraph, each with the comments
/// published on it and, while open, a form to comment on it (folded, so a phone shows the text
/// first); a form for the whole draft; the versions; the feedback report once published.
struct ConsultationPage {
    var consultation: ConsultationsController.ConsultationDTO
    /// The form that failed, to open it again with the input and the problem marked.
    var failedParagraph: Int?? = nil
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    var message: String? = nil
    var pendingConfirmation: PublicComment? = nil

    var c: ConsultationsController.ConsultationDTO { consultation }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let open = c.status == .open
        let comments = c.comments ?? []
        return .div(
            .class("consultation"),
            .h1(.text(c.title)),
            .p(
                .class("doc-meta"),
                .text("\(c.kindLabel) · 第 \(c.version) 稿 · 征求意见时间：\(c.opensOn.chinese)至\(c.closesOn.chinese) · \(c.status.label)")),
            Fragments.alert(message, kind: errors.isEmpty ? "success" : "error"),
            .unwrap(pendingConfirmation) { p in confirmForm(chrome, p) },
            .unwrap(c.reportDocumentId) { rid in
                .p(.class("alert alert-success"), .a(.href(Routes.Portal.document.path(rid)), .text("意见采纳情况（征集结束后公布）")))
            },
            .unwrap(c.documentId) { did in .p(.a(.href(Routes.Portal.document.path(did)), .text("正式印发的文件"))) },
            .if(!c.summary.isEmpty, .section(.h2(.text("起草说明")), .p(.text(c.summary)))),
            .section(
                .class("draft"),
                .h2(.text("征求意见稿")),
                .if(open, .p(.class("hint"), .text("可以对任一段落提出意见，也可以在页末对全文提出意见。意见经审核后公开。"))),
                .forEach(Array(c.paragraphs.enumerated())) { i, text in
                    let n = i + 1
                    let mine = comments.filter { $0.paragraph == n && $0.version == c.version }
                    return .section(
                        .class("para"), .id("p\(n)"),
                        .p(.class("para-text"), .span(.class("para-number"), .text("\(n)")), .text(text)),
                        .if(
                            !mine.isEmpty,
                            .div(
                                .class("para-comments"), .h3(.text("本段意见（\(mine.count)）")),
                                .ul(.forEach(mine) { commentItem($0) }))),
                        .if(open, commentForm(chrome, paragraph: n))
                    )
                }),
            .section(
                .class("whole-comments"),
                .h2(.text("对全文的意见")),
                .ul(.forEach(comments.filter { $0.paragraph == nil || $0.version != c.version }) { commentItem($0) }),
                .if(open, commentForm(chrome, paragraph: nil))
            ),
            .if(
                !c.changes.isEmpty,
                .section(
                    .h2(.text("修改说明")),
                    .ol(.forEach(c.changes) { ch in .li(.text("第 \(ch.fromVersion) 稿修改为第 \(ch.fromVersion + 1) 稿：\(ch.note)")) }))),
            .p(.a(.href(Routes.Portal.consultations.path()), .text("全部意见征集")))
        )
    }

    func commentItem(_ comment: ConsultationsController.CommentDTO) -> Node<HTML.ListContext> {
        .li(
            .class("comment"),
            .p(
                .class("doc-meta"),
                .text(
                    "\(comment.name) · \(comment.createdAt.prefix(10))"
                        + (comment.version != c.version ? " · 针对第 \(comment.version) 稿" : ""))),
            .if(comment.version != c.version && !comment.quote.isEmpty, .blockquote(.text(comment.quote))),
            .p(.text(comment.text))
        )
    }

    func commentForm(_ chrome: PageChrome, paragraph: Int?) -> Node<HTML.BodyContext> {
        let key = paragraph.map { "p\($0)" } ?? "all"
        let failed = failedParagraph.map { $0 == paragraph } ?? false
        let errs = failed ? errors : [:]
        let vals = failed ? values : [:]
        let emailRequired = c.identity == .emailConfirmed
        let phoneRequired = c.identity == .phoneConfirmed
        return .element(
            named: "details",
            nodes: [
                .attribute(named: "open", value: failed || paragraph == nil ? "open" : nil),
                .element(named: "summary", text: paragraph.map { "对第 \($0) 段提意见" } ?? "对全文提意见"),
                .form(
                    .method(.post), .action(chrome.serverOrigin + Routes.Portal.consultationComments.path(c.id)), .class("comment-form"),
                    .attribute(named: "novalidate", value: "novalidate"),
                    .div(
                        Fragments.csrfField(chrome.csrf),
                        .unwrap(paragraph) { .input(.type(.hidden), .name("paragraph"), .value(String($0))) },
                        .div(
                            .class("trap"), .attribute(named: "aria-hidden", value: "true"),
                            .label(.for("website-\(key)"), .text("请勿填写此项")),
                            .input(.type(.text), .id("website-\(key)"), .name("website"), .attribute(named: "tabindex", value: "-1"))),
                        Fragments.textArea("意见内容", name: "text", id: "text-\(key)", value: vals["text"] ?? "", rows: 5, errors: errs),
                        Fragments.textField(
                            "姓名（选填，不填则显示为“匿名”）", name: "name", id: "name-\(key)", value: vals["name"] ?? "", errors: errs,
                            autocomplete: "name",
                            required: false),
                        Fragments.textField(
                            emailRequired ? "电子邮箱（用于接收验证码）" : "电子邮箱（选填，不公开）", name: "email", id: "email-\(key)",
                            value: vals["email"] ?? "", type: .email, errors: errs, autocomplete: "email", required: emailRequired),
                        Fragments.textField(
                            phoneRequired ? "手机号码（用于接收短信验证码，不公开）" : "联系电话（选填，不公开）", name: "phone", id: "phone-\(key)",
                            value: vals["phone"] ?? "", type: .tel, errors: errs, autocomplete: "tel", required: phoneRequired),
                        .button(.type(.submit), .text("提交意见"))
                    )
                ),
            ])
    }

    func confirmForm(_ chrome: PageChrome, _ p: PublicComment) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(chrome.serverOrigin + Routes.Portal.consultationCommentConfirm.path(c.id, p.id)),
            .class("confirm-form"),
            .div(
                Fragments.csrfField(chrome.csrf),
                Fragments.textField("邮箱验证码", name: "code", id: "code", value: "", errors: errors, autocomplete: "one-time-code"),
                .button(.type(.submit), .text("验证并提交"))
            ))
    }
}

/// The list of consultations on the portal: open first, then past ones.
struct ConsultationIndexPage {
    var items: [ConsultationsController.ConsultationDTO]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let open = items.filter { $0.status == .open }
        let past = items.filter { $0.status == .closed }
        func list(_ xs: [ConsultationsController.ConsultationDTO]) -> Node<HTML.BodyContext> {
            xs.isEmpty
                ? .p(.class("empty"), .text("暂无。"))
                : .ul(
                    .class("doc-list"),
                    .forEach(xs) { c in
                        .li(
                            .a(.href(Routes.Portal.consultation.path(c.id)), .text(c.title)),
                            .span(
                                .class("doc-meta"),
                                .text(" \(c.opensOn.chinese)至\(c.closesOn.chinese)" + (c.reportDocumentId != nil ? " · 已公布采纳情况" : ""))))
                    })
        }
        return .div(
            .h1(.text("意见征集")),
            .p(.text("涉及群众切身利益的政策文件在出台前公开征求意见。征集结束后公布意见采纳情况。")),
            .h2(.text("正在征集")), list(open),
            .h2(.text("已结束")), list(past)
        )
    }
}
