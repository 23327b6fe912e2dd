import Domain
import Plot
import Services
import Storage

/// Browsing the catalog by category, year, agency, 主题分类 or 专题专栏: the matching documents
/// with links that narrow or widen the choice, and the count behind each link.
struct BrowsePage {
    var heading: String
    var summary: String = ""
    var filter: CatalogFilter
    var facets: CatalogFacets
    var categories: [CatalogCategory]
    var columns: [SpecialColumn]
    var agencies: [Int64: String]
    var total: Int
    var page: Int
    var items: [CatalogDocument]
    var perPage = 20
    /// The path of this page without its query, for the paging links.
    var basePath = Routes.Portal.browse.path()
    /// Where filtered browsing lives: empty on the live site, the server in a static export.
    var serverOrigin = ""

    func link(_ f: CatalogFilter, page: Int = 1) -> String {
        if basePath != Routes.Portal.browse.path() && f == filter { return basePath + (page > 1 ? "?page=\(page)" : "") }
        return serverOrigin + Routes.Portal.browse(f, page: page)
    }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let pages = max(1, (total + perPage - 1) / perPage)
        return .div(
            .h1(.text(heading)),
            .if(!summary.isEmpty, .p(.text(summary))),
            .p(.class("doc-meta"), .text("共 \(total) 条" + chosen)),
            items.isEmpty
                ? .p(.class("empty"), .text("暂无符合条件的公开信息。"))
                : .table(
                    .class("stack"),
                    .caption(.text(heading)),
                    .thead(.tr(.th(.text("索引号")), .th(.text("名称")), .th(.text("文号")), .th(.text("发布日期")))),
                    .tbody(
                        .forEach(items) { d in
                            .tr(
                                .td(.label("索引号"), .text(d.indexNumber ?? "")),
                                .td(.label("名称"), .a(.href(Routes.Portal.document.path(d.id)), .text(d.title))),
                                .td(.label("文号"), .text(d.documentNumber)), .td(.label("发布日期"), .text(d.publishedOn?.description ?? "")))
                        })),
            .nav(
                .class("pager"), .attribute(named: "aria-label", value: "分页"),
                .if(page > 1, .a(.href(link(filter, page: page - 1)), .text("上一页"))),
                .if(page < pages, .a(.href(link(filter, page: page + 1)), .text("下一页")))
            ),
            facetList(
                "按年份", facets.years.map { f in (String(f.value) + "年", f.count, with { $0.year = f.value }, filter.year == f.value) }),
            facetList(
                "按主题分类",
                facets.subjects.prefix(30).map { f in (f.value, f.count, with { $0.subject = f.value }, filter.subject == f.value) }),
            facetList(
                "按发布机构",
                facets.agencies.map { f in
                    (agencies[f.value] ?? "机关 \(f.value)", f.count, with { $0.agencyID = f.value }, filter.agencyID == f.value)
                }
            ),
            facetList(
                "按目录分类",
                categories.map { c in (c.name, -1, with { $0.categoryCode = c.code }, filter.categoryCode == c.code) }),
            .if(
                !columns.isEmpty,
                facetList("专题专栏", columns.map { c in (c.name, -1, with { $0.column = c.code }, filter.column == c.code) }))
        )
    }

    /// A summary of the active choices, e.g. "（2026年 · 医政医管）".
    var chosen: String {
        var parts: [String] = []
        if let y = filter.year { parts.append("\(y)年") }
        if let s = filter.subject { parts.append(s) }
        if let a = filter.agencyID { parts.append(agencies[a] ?? "机关 \(a)") }
        if let c = filter.categoryCode { parts.append(categories.first { $0.code == c }?.name ?? c) }
        if let c = filter.column { parts.append(columns.first { $0.code == c }?.name ?? c) }
        return parts.isEmpty ? "" : "（" + parts.joined(separator: " · ") + "）"
    }

    func with(_ change: (inout CatalogFilter) -> Void) -> CatalogFilter {
        var f = filter
        change(&f)
        return f
    }

    /// Links that set one facet; the active one links back to the filter without it.
    func facetList(_ title: String, _ entries: [(label: String, count: Int, filter: CatalogFilter, active: Bool)]) -> Node<HTML.BodyContext>
    {
        guard !entries.isEmpty else { return .empty }
        return .nav(
            .attribute(named: "aria-label", value: title),
            .h2(.text(title)),
            .ul(
                .class("category-list"),
                .forEach(entries) { e in
                    .li(
                        e.active
                            ? .group(
                                .strong(.text(e.label)), .text(" "),
                                .a(.href(link(without(e.filter))), .attribute(named: "aria-label", value: "取消“\(e.label)”"), .text("（取消）")))
                            : .a(.href(link(e.filter)), .text(e.label + (e.count >= 0 ? "（\(e.count)）" : ""))))
                })
        )
    }

    /// The current filter minus whatever `f` adds to it.
    func without(_ f: CatalogFilter) -> CatalogFilter {
        var out = filter
        if f.year != nil && f.year == filter.year { out.year = nil }
        if f.subject != nil && f.subject == filter.subject { out.subject = nil }
        if f.agencyID != nil && f.agencyID == filter.agencyID { out.agencyID = nil }
        if f.categoryCode != nil && f.categoryCode == filter.categoryCode { out.categoryCode = nil }
        if f.column != nil && f.column == filter.column { out.column = nil }
        return out
    }
}

/// A document laid out for paper: the metadata block, the body and the attachment list, with
/// where it was published, and nothing of the site around it.
enum PrintView {
    static func render(_ model: DocumentPage, address: String) -> String {
        let d = model.document
        var rows: [(String, String)] = [
            ("索引号", d.indexNumber ?? ""), ("发布机构", model.agency?.name ?? ""), ("文号", d.documentNumber.isEmpty ? "无" : d.documentNumber),
            ("成文日期", d.writtenOn?.chinese ?? ""), ("发布日期", d.publishedOn?.chinese ?? ""),
        ]
        if let v = d.validity { rows.append(("有效性", v.status(on: model.today).label)) }
        if !d.subject.isEmpty { rows.append(("主题分类", d.subject)) }
        let html = HTML(
            .attribute(named: "lang", value: "zh-CN"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: d.title),
                .link(.rel(.stylesheet), .href(Routes.Portal.stylesheet.path()))
            ),
            .body(
                .class("print-view"),
                .main(
                    .h1(.text(d.title)),
                    .table(.class("doc-info"), .tbody(.forEach(rows.filter { !$0.1.isEmpty }) { .tr(.th(.text($0.0)), .td(.text($0.1))) })),
                    Fragments.richText(d.body),
                    .if(
                        !model.attachments.isEmpty,
                        .section(.h2(.text("附件")), .ol(.forEach(model.attachments) { .li(.text($0.fileName)) }))),
                    .p(.class("doc-meta"), .text("来源：\(model.agency?.name ?? "") 政府信息公开 \(address)"))
                )
            )
        )
        return html.render()
    }
}
