import Domain
import Foundation
import Plot

/// One step of the 当前位置 trail: a label and, except for the page itself, where it leads.
struct Crumb: Sendable, Equatable {
    var label: String
    var href: String?

    init(_ label: String, _ href: String? = nil) {
        self.label = label
        self.href = href
    }
}

/// The portal's first level, in the shape most government sites share (首页 / 机构概况 / 政务公开 /
/// 政务服务 / 互动交流). Each section has a page of its own listing what it holds; the header
/// shows them unless the agency has set its own navigation (`AgencySite.navigation`).
enum PortalSection: String, CaseIterable, Sendable {
    case about
    case disclosure
    case services
    case interaction

    var label: String {
        switch self {
        case .about: "机构概况"
        case .disclosure: "政务公开"
        case .services: "政务服务"
        case .interaction: "互动交流"
        }
    }

    var route: Route<> {
        switch self {
        case .about: Routes.Portal.about
        case .disclosure: Routes.Portal.disclosure
        case .services: Routes.Portal.services
        case .interaction: Routes.Portal.interaction
        }
    }

    var crumb: Crumb { Crumb(label, route.path()) }

    /// The default navigation: home and the four sections.
    static var defaultNavigation: [SiteLink] {
        [SiteLink(label: "首页", href: Routes.Portal.home.path())] + allCases.map { SiteLink(label: $0.label, href: $0.route.path()) }
    }
}

/// Where each portal page sits, by the route that answered it: the crumbs between 首页 and the
/// page's own title. One table, so a new page gets its trail by being listed here (a test walks
/// every portal page and fails on one without a trail).
enum PortalMap {
    /// 法定主动公开内容, the 政府信息公开 entry that holds the catalog (国办公开办函〔2019〕61号).
    static let statutory = Crumb("法定主动公开内容", Routes.Portal.browse.path())
    static let requests = Crumb("依申请公开", Routes.Portal.newRequest.path())
    static let annualReports = Crumb("政府信息公开年报", Routes.Portal.annualReports.path())

    /// The crumbs between 首页 and the page answered by the route `template` (nil when unknown,
    /// e.g. an error page: then the trail is 首页 alone), then `extra`; nil on the home page,
    /// which has no trail.
    static func trail(template: String?, extra: [Crumb] = []) -> [Crumb]? {
        if template == Routes.Portal.home.template { return nil }
        return (template.flatMap { table[$0] } ?? []) + extra
    }

    /// A document's extra crumb: its catalog category.
    static func crumbs(for category: CatalogCategory?) -> [Crumb] {
        category.map { [Crumb($0.name, Routes.Portal.catalog(category: $0.code, page: 1))] } ?? []
    }

    private static let table: [String: [Crumb]] = {
        let disclosure = PortalSection.disclosure.crumb
        let services = PortalSection.services.crumb
        let interaction = PortalSection.interaction.crumb
        var t: [String: [Crumb]] = [:]
        func put(_ routes: [any RouteDescription], _ crumbs: [Crumb]) {
            for route in routes { t[route.template] = crumbs }
        }
        let p = Routes.Portal.self
        put([p.about, p.disclosure, p.services, p.interaction, p.siteMap, p.login, p.search], [])
        put([p.disclosureRules, p.guide, p.agencyGuide, p.browse, p.subjects, p.plans, p.annualReports], [disclosure])
        put([p.catalog, p.document], [disclosure, statutory])
        put([p.column], [disclosure])
        put([p.plan], [disclosure, Crumb("工作要点与落实进展", p.plans.path())])
        put([p.annualReport, p.agencyAnnualReport], [disclosure, annualReports])
        put([p.newRequest, p.trackRequest, p.requestReceipt], [disclosure, requests])
        put([p.media], [disclosure])
        put([p.openDays, p.faq], [services])
        put([p.openDay, p.openDayRegister], [services, Crumb("政府开放日", p.openDays.path())])
        put([p.mailbox, p.consultations, p.surveys, p.siteErrors, p.newSiteError, p.siteErrorReceipt], [interaction])
        put([p.trackMailbox, p.rateMailboxReply, p.mailboxReply, p.mailboxReceipt], [interaction, Crumb("领导信箱", p.mailbox.path())])
        put([p.consultation, p.consultationComments, p.consultationCommentConfirm], [interaction, Crumb("意见征集", p.consultations.path())])
        put([p.survey, p.surveyResponses, p.surveyResponseConfirm, p.surveyResults], [interaction, Crumb("问卷调查", p.surveys.path())])
        return t
    }()

    /// 当前位置：首页 › … › this page. Not on the home page.
    static func breadcrumb(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        guard let trail = chrome.trail else { return .empty }
        let crumbs = [Crumb("首页", Routes.Portal.home.path())] + trail
        return .nav(
            .class("breadcrumb"), .attribute(named: "aria-label", value: "当前位置"),
            .div(
                .class("wrap"),
                .span(.class("breadcrumb-label"), .text("当前位置：")),
                .ol(
                    .group(crumbs.map { crumb in .li(.a(.href(attr(chrome.serverOrigin + (crumb.href ?? ""))), .text(crumb.label))) }),
                    .li(.element(named: "span", nodes: [.attribute(named: "aria-current", value: "page"), .text(chrome.title)])))))
    }
}

/// The column and article metadata tags of the 政府网站网页设计规范, which the inspection's
/// crawlers and the national search read (the site's own are in `Layout.siteMetadata`).
enum PageMetadata {
    typealias Tags = [(name: String, content: String)]

    /// A column page: a catalog category, a special column, a section's page.
    static func column(name: String, description: String, keywords: [String] = [], type: String) -> Tags {
        [
            ("ColumnName", name), ("ColumnDescription", description.isEmpty ? name : description),
            ("ColumnKeywords", ([name] + keywords).joined(separator: ",")), ("ColumnType", type),
        ]
    }

    /// A document page; `url` is the document's absolute address.
    static func article(_ page: DocumentPage, url: String) -> Tags {
        let d = page.document
        let source = page.agency?.name ?? ""
        // Addresses are left out: cut short, one would read as a broken link to the link checker.
        let summary = RichText.plain(d.body).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .replacingOccurrences(of: #"https?://[^\s，。；、）]*"#, with: "", options: .regularExpression)
        return [
            ("ArticleTitle", d.title), ("PubDate", d.publishedOn?.description ?? ""), ("ContentSource", source),
            ("Keywords", d.keywords.isEmpty ? (page.category?.name ?? "") : d.keywords), ("Author", source),
            ("Description", String(summary.prefix(120))), ("Image", page.firstImage.map { url.originPart + $0 } ?? ""), ("Url", url),
        ]
    }
}

extension String {
    /// `https://host:port` of an absolute address (the whole string if it has no path).
    fileprivate var originPart: String {
        guard let scheme = range(of: "://"), let slash = self[scheme.upperBound...].firstIndex(of: "/") else { return self }
        return String(self[..<slash])
    }
}
