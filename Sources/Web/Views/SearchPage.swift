import Domain
import Plot
import Services
import Storage

/// The search box, a GET form that works without JavaScript.
enum SearchBox {
    static func form<C: HTML.BodyContext>(query: String, origin: String = "") -> Node<C> {
        .form(
            .method(.get), .action(attr(origin + Routes.Portal.search.path())), .class("search-box"),
            .attribute(named: "role", value: "search"),
            .label(.for("q"), .text("搜索公开信息")),
            .input(.type(.search), .id("q"), .name("q"), .value(attr(query)), .attribute(named: "maxlength", value: "100")),
            .button(.type(.submit), .text("搜索"))
        )
    }
}

/// Search results with the query marked in titles and snippets, and paging.
struct SearchPage {
    var query: String
    var total: Int
    /// False when more documents match than are counted (`SearchResults.countLimit`).
    var totalIsExact = true
    var page: Int
    var items: [(document: CatalogDocument, snippet: String)]
    var filter = CatalogFilter()
    var categories: [CatalogCategory] = []
    static let perPage = 20

    /// The same search on another page, keeping the filters.
    func link(page: Int) -> String {
        var path = Routes.Portal.search(query: query, page: page)
        if let c = filter.categoryCode { path += "&category=" + Routes.encode(c) }
        if let y = filter.year { path += "&year=\(y)" }
        return path
    }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let pages = max(1, (total + Self.perPage - 1) / Self.perPage)
        return .div(
            .h1(.text(query.isEmpty ? "搜索" : "“\(query)”的搜索结果")),
            SearchBox.form(query: query),
            .form(
                .method(.get), .action(Routes.Portal.search.path()), .class("filters"),
                .input(.type(.hidden), .name("q"), .value(attr(query))),
                .div(
                    .class("field"),
                    .label(.for("category"), .text("栏目")),
                    .select(
                        .attribute(named: "id", value: "category"), .attribute(named: "name", value: "category"),
                        .group(
                            ([("", "全部栏目")] + categories.map { ($0.code, $0.name) }).map { option -> Node<HTML.SelectContext> in
                                .element(
                                    named: "option",
                                    nodes: [
                                        .attribute(named: "value", value: attr(option.0), ignoreIfValueIsEmpty: false),
                                        .attribute(named: "selected", value: option.0 == (filter.categoryCode ?? "") ? "selected" : nil),
                                        .text(option.1),
                                    ])
                            })
                    )
                ),
                .div(
                    .class("field"),
                    .label(.for("year"), .text("发布年份")),
                    .input(
                        .type(.number), .id("year"), .name("year"), .value(filter.year.map(String.init) ?? ""),
                        .attribute(named: "min", value: "1949"), .attribute(named: "max", value: "2100"))
                ),
                .div(.class("field"), .button(.type(.submit), .class("secondary"), .text("筛选")))
            ),
            .if(
                !query.isEmpty,
                .p(
                    .attribute(named: "role", value: "status"),
                    .text(
                        totalIsExact
                            ? "共找到 \(total) 条结果"
                            : (total >= SearchResults.countLimit ? "找到超过 \(total) 条结果" : "找到约 \(total) 条结果")
                                + "，较新的排在前面；可用更长的词语或栏目、年份缩小范围")
                )),
            .ol(
                .class("doc-list results"),
                .forEach(items) { item in
                    .li(
                        .div(
                            .a(.href(Routes.Portal.document.path(item.document.id)), Highlight.node(item.document.title, query: query)),
                            .p(.class("snippet"), Highlight.node(item.snippet, query: query)),
                            .p(
                                .class("doc-meta"),
                                .text(
                                    [item.document.documentNumber, item.document.publishedOn?.description ?? ""].filter { !$0.isEmpty }
                                        .joined(separator: " · ")))
                        )
                    )
                }),
            .nav(
                .class("pager"), .attribute(named: "aria-label", value: "分页"),
                .if(page > 1, .a(.href(attr(link(page: page - 1))), .text("上一页"))),
                .if(page < pages, .a(.href(attr(link(page: page + 1))), .text("下一页")))
            )
        )
    }
}

/// Text with every occurrence of the query wrapped in <mark>, escaped by Plot.
enum Highlight {
    static func node<C: HTML.BodyContext>(_ text: String, query: String) -> Node<C> {
        guard !query.isEmpty else { return .text(text) }
        var nodes: [Node<C>] = []
        var rest = Substring(text)
        while let r = rest.range(of: query, options: [.caseInsensitive]) {
            nodes.append(.text(String(rest[..<r.lowerBound])))
            nodes.append(.element(named: "mark", nodes: [.text(String(rest[r]))]))
            rest = rest[r.upperBound...]
        }
        nodes.append(.text(String(rest)))
        return .group(nodes)
    }
}

/// The catalog of one category, newest first, with paging.
struct CatalogPage {
    var category: CatalogCategory
    var categories: [CatalogCategory]
    var total: Int
    var page: Int
    var items: [CatalogDocument]
    /// 20 on the live site; everything on one page in a static export.
    var perPage = Self.perPage
    static let perPage = 20

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let pages = max(1, (total + perPage - 1) / perPage)
        return .div(
            .h1(.text(category.name)),
            .p(.class("doc-meta"), .text("共 \(total) 条")),
            items.isEmpty
                ? .p(.class("empty"), .text("本栏目暂无公开信息。"))
                : .table(
                    .class("stack"),
                    .caption(.text("\(category.name) 公开目录")),
                    .thead(.tr(.th(.text("索引号")), .th(.text("名称")), .th(.text("文号")), .th(.text("发布日期")))),
                    .tbody(
                        .forEach(items) { d in
                            .tr(
                                .td(.label("索引号"), .text(d.indexNumber ?? "")),
                                .td(.label("名称"), .a(.href(Routes.Portal.document.path(d.id)), .text(d.title))),
                                .td(.label("文号"), .text(d.documentNumber)), .td(.label("发布日期"), .text(d.publishedOn?.description ?? ""))
                            )
                        })
                ),
            .nav(
                .class("pager"), .attribute(named: "aria-label", value: "分页"),
                .if(page > 1, .a(.href(Routes.Portal.catalog(category: category.code, page: page - 1)), .text("上一页"))),
                .if(page < pages, .a(.href(Routes.Portal.catalog(category: category.code, page: page + 1)), .text("下一页")))
            ),
            .nav(
                .attribute(named: "aria-label", value: "其他栏目"),
                .h2(.text("其他栏目")),
                .ul(
                    .class("category-list"),
                    .forEach(categories) { c in .li(.a(.href(Routes.Portal.catalog(category: c.code, page: 1)), .text(c.name))) })
            )
        )
    }
}
