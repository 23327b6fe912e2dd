import Domain
import Plot

/// 网站地图: every section of the portal on one page, in the order of its navigation, for readers
/// and for the inspection (the machine-readable one is `sitemap.xml`).
struct SiteMapPage {
    var agency: Agency?
    var categories: [CatalogCategory]
    var columns: [SpecialColumn]

    typealias Link = (title: String, href: String)

    var sections: [(title: String, links: [Link])] {
        [
            (
                "政府信息公开",
                [
                    ("政府信息公开指南", Routes.Portal.guide(agencyID: agency?.parentID == nil ? nil : agency?.id)),
                    ("浏览全部公开信息", Routes.Portal.browse.path()), ("主题分类", Routes.Portal.subjects.path()),
                    ("政府信息公开年报", Routes.Portal.annualReports.path()), ("工作要点与落实进展", Routes.Portal.plans.path()),
                ]
            ),
            ("法定主动公开内容", categories.map { ($0.name, Routes.Portal.catalog(category: $0.code, page: 1)) }),
            ("专题专栏", columns.map { ($0.name, Routes.Portal.column.path($0.code)) }),
            (
                "依申请公开",
                [("在线申请", Routes.Portal.newRequest.path()), ("办理进度查询", Routes.Portal.trackRequest.path())]
            ),
            (
                "互动交流",
                [
                    ("领导信箱", Routes.Portal.mailbox.path()), ("常见问题", Routes.Portal.faq.path()),
                    ("意见征集", Routes.Portal.consultations.path()), ("问卷调查", Routes.Portal.surveys.path()),
                    ("政府开放日", Routes.Portal.openDays.path()), ("我为政府网站找错", Routes.Portal.newSiteError.path()),
                ]
            ),
            (
                "其他",
                [
                    ("政务新媒体", Routes.Portal.media.path()), ("信息订阅（Atom）", Routes.Portal.feed.path("all.atom")),
                    ("网站地图（XML）", Routes.Portal.sitemap.path()), ("工作人员登录", Routes.Portal.login(next: nil)),
                ]
            ),
        ].filter { !$0.1.isEmpty }
    }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .class("site-map"),
            .h1(.text("网站地图")),
            .forEach(sections) { section in
                .section(
                    .h2(.text(section.title)),
                    .ul(.forEach(section.links) { link in .li(.a(.href(attr(chrome.serverOrigin + link.href)), .text(link.title))) }))
            })
    }
}
