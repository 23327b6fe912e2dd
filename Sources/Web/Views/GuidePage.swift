import Domain
import Plot
import Services

/// 政府信息公开指南 (Art. 12): how the catalog is organised, how to obtain information, and the
/// disclosure office's contact block, for one agency.
struct GuidePage {
    var agency: Agency
    var categories: [CatalogCategory]
    var subordinates: [Agency]
    var indexRule: IndexNumberRule

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("\(agency.name)政府信息公开指南")),
            .section(
                .h2(.text("一、信息分类与编排体系")),
                .p(.text("本机关主动公开的政府信息按以下类别编排，每类按发布日期由近及远排列。每条信息标有索引号、名称、文号、成文日期和发布日期。")),
                .p(
                    .text(
                        "索引号编制规则：\(indexRule.template.replacingOccurrences(of: "{creditCode}", with: "统一社会信用代码").replacingOccurrences(of: "{orgCode}", with: "组织机构代码").replacingOccurrences(of: "{year}", with: "年份").replacingOccurrences(of: "{serial:5}", with: "5位流水号"))。"
                    )),
                .ul(
                    .class("category-list"),
                    .forEach(categories) { c in .li(.a(.href(Routes.Portal.catalog(category: c.code, page: 1)), .text(c.name))) })
            ),
            .section(
                .h2(.text("二、获取方式")),
                .ol(
                    .li(.text("主动公开：通过本网站“政府信息公开目录”栏目浏览，或使用全站搜索查询；也可订阅各栏目的 Atom 信息源。")),
                    .li(
                        .text(
                            "依申请公开：公民、法人或者其他组织可以向本机关申请获取相关政府信息，可通过网上、信函、当面或传真等方式提出申请。本机关收到申请后，在 20 个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长期限不超过 20 个工作日。"
                        ),
                        .a(.href(Routes.Portal.newRequest.path()), .text("网上申请")), .text("；"),
                        .a(.href(Routes.Portal.trackRequest.path()), .text("按查询码查看办理进度")))
                )
            ),
            .section(
                .h2(.text("三、政府信息公开工作机构")),
                HomePage.contacts(agency)
            ),
            .if(
                !subordinates.isEmpty,
                .section(
                    .h2(.text("四、下属单位的公开指南")),
                    .ul(.forEach(subordinates) { a in .li(.a(.href(Routes.Portal.guide(agencyID: a.id)), .text(a.name))) })
                ))
        )
    }
}
