import Domain
import Plot
import Services

/// The portal's home page: the newest published documents and the 公开指南 contact block
/// (Art. 12: the office's name, address, hours, phone, fax and e-mail).
struct HomePage {
    var agency: Agency?
    var documents: [CatalogDocument]
    var categories: [CatalogCategory] = CatalogCategory.defaults
    var columns: [SpecialColumn] = []

    /// The columns the home page shows a block of, when the agency's catalog has them.
    static let blockCategories = ["policy", "interpretation"]

    /// The newest of a few columns, by category code (政策文件, 政策解读), each shown as a block.
    var blocks: [(category: CatalogCategory, documents: [CatalogDocument])] = []

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .class("home"),
            .h1(.text(agency.map { "\($0.name)政府信息公开" } ?? "政府信息公开")),
            SearchBox.form(query: "", origin: chrome.serverOrigin),
            .div(
                .class("home-grid"),
                .section(
                    .class("home-block home-latest"), .attribute(named: "aria-labelledby", value: "latest"),
                    .h2(.id("latest"), .text("最新公开")),
                    documents.isEmpty ? .p(.class("empty"), .text("暂无公开文件。")) : DocumentList.items(documents),
                    .p(.class("more"), .a(.href(chrome.serverOrigin + Routes.Portal.browse(.none, page: 1)), .text("更多公开信息")))),
                .forEach(blocks.filter { !$0.documents.isEmpty }) { block in
                    .section(
                        .class("home-block"), .attribute(named: "aria-labelledby", value: "block-\(block.category.code)"),
                        .h2(.id("block-\(block.category.code)"), .text(block.category.name)),
                        DocumentList.items(block.documents),
                        .p(
                            .class("more"),
                            .a(
                                .href(Routes.Portal.catalog(category: block.category.code, page: 1)),
                                .text("更多\(block.category.name)"))))
                },
                .section(
                    .class("home-block home-interaction"), .attribute(named: "aria-labelledby", value: "interaction"),
                    .h2(.id("interaction"), .text("互动交流")),
                    .ul(
                        .class("entry-list"),
                        .li(.a(.href(chrome.serverOrigin + Routes.Portal.newRequest.path()), .text("申请政府信息公开"))),
                        .li(.a(.href(chrome.serverOrigin + Routes.Portal.mailbox.path()), .text("领导信箱"))),
                        .li(.a(.href(chrome.serverOrigin + Routes.Portal.consultations.path()), .text("意见征集"))),
                        .li(.a(.href(chrome.serverOrigin + Routes.Portal.surveys.path()), .text("问卷调查")))),
                    .p(
                        .a(
                            .class("button report-error-home"),
                            .href(
                                chrome.serverOrigin + Routes.Portal.newSiteError.path() + "?page="
                                    + Routes.encode(Routes.Portal.home.path())),
                            .text("我为政府网站找错"))))
            ),
            .nav(
                .attribute(named: "aria-label", value: "公开目录"),
                .h2(.text("政府信息公开目录")),
                .ul(
                    .class("category-list"),
                    .forEach(categories) { c in .li(.a(.href(Routes.Portal.catalog(category: c.code, page: 1)), .text(c.name))) }),
                .p(
                    .a(.href(chrome.serverOrigin + Routes.Portal.browse(.none, page: 1)), .text("按年份、发布机构浏览")), .text("　"),
                    .a(.href(chrome.serverOrigin + Routes.Portal.subjects.path()), .text("按主题分类浏览")))
            ),
            .if(
                !columns.isEmpty,
                .nav(
                    .attribute(named: "aria-label", value: "专题专栏"),
                    .h2(.text("专题专栏")),
                    .ul(
                        .class("category-list"), .forEach(columns) { c in .li(.a(.href(Routes.Portal.column.path(c.code)), .text(c.name))) }
                    ))),
            .unwrap(agency) { agency in Self.guide(agency) }
        )
    }

    static func guide(_ agency: Agency) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "guide"),
            .h2(.id("guide"), .text("政府信息公开指南")),
            .p(.text("公民、法人或者其他组织可以向本机关申请获取政府信息。申请、咨询可通过以下方式联系：")),
            contacts(agency),
            .p(.a(.href(Routes.Portal.guide(agencyID: nil)), .text("查看完整的政府信息公开指南")))
        )
    }

    /// The office's contact block (Art. 12): name, address, hours, phone, fax, e-mail.
    static func contacts(_ agency: Agency) -> Node<HTML.BodyContext> {
        let c = agency.contact
        let rows: [(String, String)] = [
            ("公开工作机构", c.office), ("办公地址", c.address), ("办公时间", c.officeHours), ("咨询电话", c.phone), ("传真", c.fax),
            ("电子邮箱", c.email),
        ].filter { !$0.1.isEmpty }
        return rows.isEmpty
            ? .p(.class("empty"), .text("联系方式尚未填写。"))
            : .dl(.class("guide"), .forEach(rows) { row in .group(.dt(.text(row.0)), .dd(.text(row.1))) })
    }
}

/// One published document with its catalog metadata block, body, and linked interpretations
/// or the policy it interprets.
struct DocumentPage {
    var document: CatalogDocument
    var agency: Agency?
    var category: CatalogCategory?
    var interpretations: [CatalogDocument]
    var interprets: CatalogDocument?
    var supersededBy: CatalogDocument?
    var today: CivilDate
    var attachments: [Attachment] = []
    var columns: [SpecialColumn] = []

    /// The path of the first image attached, for the page's `Image` tag.
    var firstImage: String? {
        attachments.first { ["png", "jpg", "jpeg", "gif", "webp"].contains($0.kind.lowercased()) }.map {
            Routes.Portal.attachment(document.id, $0)
        }
    }

    /// Every document this page shows or names, for the page cache (see `PageCache.documentsHeader`).
    var shownDocuments: String {
        PageCache.documentsValue([document.id, document.interpretsID, document.validity?.supersededBy] + interpretations.map(\.id))
    }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let d = document
        var rows: [(String, String)] = [
            ("索引号", d.indexNumber ?? ""), ("发布机构", agency?.name ?? ""), ("文号", d.documentNumber.isEmpty ? "无" : d.documentNumber),
            ("成文日期", d.writtenOn?.chinese ?? ""), ("发布日期", d.publishedOn?.chinese ?? ""), ("公开目录", category?.name ?? ""),
        ]
        if let v = d.validity { rows.append(("有效性", v.status(on: today).label)) }
        if !d.subject.isEmpty { rows.append(("主题分类", d.subject)) }
        if !d.keywords.isEmpty { rows.append(("关键词", d.keywords)) }
        return .article(
            .h1(.text(d.title)),
            .table(
                .class("doc-info"),
                .caption(.text("文件信息")),
                .tbody(.forEach(rows.filter { !$0.1.isEmpty }) { row in .tr(.th(.text(row.0)), .td(.text(row.1))) })
            ),
            .unwrap(supersededBy) { s in
                .p(.class("alert"), .text("本文件已被替代，现行文件："), .a(.href(Routes.Portal.document.path(s.id)), .text(s.title)))
            },
            Fragments.richText(d.body),
            .p(.class("doc-tools"), .a(.href(Routes.Portal.documentPrint.path(d.id)), .text("打印版"))),
            .if(
                !columns.isEmpty,
                .p(
                    .class("doc-meta"), .text("所属专栏："),
                    .group(columns.map { c in .a(.href(Routes.Portal.column.path(c.code)), .class("tag"), .text(c.name)) }))),
            .if(
                !attachments.isEmpty,
                .section(
                    .h2(.text("附件")),
                    .ul(
                        .class("attachments"),
                        .forEach(attachments) { a in
                            .li(
                                .a(.href(Routes.Portal.attachment(d.id, a)), .text(a.fileName)),
                                .span(.class("doc-meta"), .text("（\(a.kind.uppercased())，\(a.sizeLabel)）")))
                        }))),
            .unwrap(interprets) { policy in
                .section(.h2(.text("解读的文件")), .p(.a(.href(Routes.Portal.document.path(policy.id)), .text(policy.title))))
            },
            .if(
                !interpretations.isEmpty,
                .section(
                    .h2(.text("政策解读")),
                    .ul(
                        .forEach(interpretations) { i in
                            .li(
                                .a(.href(Routes.Portal.document.path(i.id)), .text(i.title)),
                                .span(.class("doc-meta"), .text(" " + (i.interpretationForm?.label ?? ""))))
                        })
                ))
        )
    }
}
