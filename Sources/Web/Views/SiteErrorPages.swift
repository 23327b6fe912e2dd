import Domain
import Plot
import Services

/// The public form, prefilled with the address of the page the reader came from.
struct SiteErrorFormPage {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    var message: String? = nil

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .class("request-form"),
            .h1(.text("我为网站找错")),
            .p(.text("发现本网站内容错误、链接失效、错别字或栏目长期不更新，请告诉我们，一般在 3 个工作日内核实处理。")),
            Fragments.alert(message ?? (errors.isEmpty ? nil : "有 \(errors.count) 处需要修改，已在下方标出。")),
            .form(
                .method(.post), .action(chrome.serverOrigin + Routes.Portal.siteErrors.path()),
                .attribute(named: "novalidate", value: "novalidate"),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    .div(
                        .class("trap"), .attribute(named: "aria-hidden", value: "true"), .label(.for("website"), .text("请勿填写此项")),
                        .input(.type(.text), .id("website"), .name("website"), .attribute(named: "tabindex", value: "-1"))),
                    Fragments.textField("出错网页的地址", name: "pageUrl", value: values["pageUrl"] ?? "", errors: errors),
                    Fragments.select(
                        "问题类型", name: "category", options: SiteErrorReport.Category.allCases.map { ($0.rawValue, $0.label) },
                        selected: values["category"] ?? SiteErrorReport.Category.content.rawValue, errors: errors),
                    Fragments.textArea("问题描述", name: "description", value: values["description"] ?? "", rows: 5, errors: errors),
                    Fragments.textField("联系方式（选填）", name: "contact", value: values["contact"] ?? "", errors: errors, required: false),
                    .button(.type(.submit), .text("提交"))
                ))
        )
    }
}

/// The console: monthly figures, open reports first with a form each, the import form.
struct SiteErrorConsolePage {
    var reports: [SiteErrorReport]
    var months: [SiteErrorReport.Month]
    var year: Int
    var today: CivilDate
    var message: String?
    var failed: Bool

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let open = reports.filter { $0.status == .open }.sorted { $0.dueOn < $1.dueOn }
        let done = reports.filter { $0.status != .open }
        return .div(
            .h1(.text("我为网站找错：\(year)年")),
            Fragments.alert(message, kind: failed ? "error" : "success"),
            .table(
                .caption(.text("按月统计")),
                .thead(.tr(.th(.text("月份")), .th(.text("收到")), .th(.text("已处理")), .th(.text("按期处理")), .th(.text("超期未处理")))),
                .tbody(
                    .forEach(months) { m in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .text(m.month)), .td(.text(String(m.received))),
                            .td(.text(String(m.handled))),
                            .td(.text(String(m.handledInTime))), .td(.text(String(m.overdueOpen))))
                    })),
            .h2(.text("待处理（\(open.count)）")),
            .ul(
                .class("site-errors"),
                .forEach(open) { r in
                    .li(
                        .p(
                            .strong(.text("#\(r.id) \(r.category.label)")),
                            .text(" · \(r.source.label) · 收到 \(r.receivedOn) · 期限 \(r.dueOn)" + (r.isOverdue(today: today) ? "（已超期）" : ""))),
                        .p(.text(r.pageURL)), .p(.text(r.description)),
                        .form(
                            .method(.post), .action(Routes.Console.siteErrorResolve.path(r.id)),
                            .div(
                                Fragments.csrfField(chrome.csrf),
                                Fragments.textArea("处理情况", name: "note", id: "note-\(r.id)", value: "", rows: 2),
                                .button(.type(.submit), .name("status"), .value("resolved"), .text("已整改")), .text(" "),
                                .button(.type(.submit), .name("status"), .value("rejected"), .text("经核实无误"))))
                    )
                }),
            .h2(.text("已处理（\(done.count)）")),
            .ul(.forEach(done) { r in .li(.text("#\(r.id) \(r.category.label) · \(r.pageURL) · \(r.status.label)：\(r.resolution)")) }),
            .section(
                .h2(.text("导入全国政府网站找错平台的报告")),
                .p(.class("hint"), .text("CSV 文件，表头含“编号、问题网址、问题类型、问题描述、提交时间”；已导入的编号自动跳过。")),
                .form(
                    .method(.post), .action(Routes.Console.importSiteErrors.path()), .enctype(.multipartData),
                    .div(
                        Fragments.csrfField(chrome.csrf),
                        .div(
                            .class("field"), .label(.for("site-errors-file"), .text("CSV 文件")),
                            .input(
                                .type(.file), .id("site-errors-file"), .name("file"), .attribute(named: "accept", value: ".csv,text/csv"))),
                        .button(.type(.submit), .text("导入")))))
        )
    }
}
