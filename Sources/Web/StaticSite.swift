import Domain
import Foundation
import Plot
public import Services
import Storage

/// `gongkai publish-static`: the whole public site as static files, the way many government
/// sites are served from a web server or CDN. Pages keep their paths (`/documents/12` is
/// `documents/12/index.html`); search, sign-in and the display switch point back at the live
/// server. The export is built beside the target and swapped in whole, so a withdrawn
/// document's page disappears on the next run and readers never see a half-written site.
public enum StaticSite {
    public struct Report: Sendable {
        public var files: Int
        public var documents: Int
        /// Document pages of the previous export that are gone from this one.
        public var removed: Int
    }

    /// The export of the portal the services' database holds (the `publish-static` command).
    public static func publish(_ services: ServiceEnvironment, to directory: String, siteOrigin: String, serverOrigin: String)
        async throws -> Report
    {
        try await publish(WebEnvironment(services: services), to: directory, siteOrigin: siteOrigin, serverOrigin: serverOrigin)
    }

    public static func publish(_ env: WebEnvironment, to directory: String, siteOrigin: String, serverOrigin: String) async throws -> Report
    {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).staging-\(UUID().uuidString)")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        var files = 0
        func write(_ path: String, _ text: String) throws { try write(path, Data(text.utf8)) }
        func write(_ path: String, _ data: Data) throws {
            let url = staging.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
            files += 1
        }
        do {
            let stores = env.database.stores
            let root = try await stores.agencies.root()
            // The export is the main portal: every agency's records.
            let site = PortalSite(agency: root, isOwnSite: false)
            let service = try await CatalogService.portal(env.services)
            func page(
                _ title: String, path: String, route: (any RouteDescription)? = nil, trail: [Crumb] = [],
                metadata: PageMetadata.Tags = [], _ content: (PageChrome) -> Node<HTML.BodyContext>
            ) throws {
                let chrome = PageChrome(
                    title: title, area: .portal, elderly: false, textOnly: false, identity: nil, csrf: "", returnPath: path, agency: root,
                    serverOrigin: serverOrigin, host: WebAddress(siteOrigin)?.host ?? "",
                    trail: route.flatMap { PortalMap.trail(template: $0.template, extra: trail) }, metadata: metadata)
                let file = path == Routes.Portal.home.path() ? "index.html" : String(path.dropFirst()) + "/index.html"
                try write(file, Layout.render(chrome, content(chrome)))
            }
            let (total, all) = try await stores.documents.list(.none, limit: 10_000_000, offset: 0)
            let recent = root == nil ? [] : try await stores.documents.recent(agencyID: root!.id, limit: 20)
            try page("首页", path: Routes.Portal.home.path()) {
                HomePage(agency: root, documents: recent, categories: service.categories).content($0)
            }
            for doc in all {
                let model = try await PublicController.documentPage(doc, env: env)
                try page(
                    doc.title, path: Routes.Portal.document.path(doc.id), route: Routes.Portal.document,
                    trail: PortalMap.crumbs(for: model.category),
                    metadata: PageMetadata.article(model, url: siteOrigin + Routes.Portal.document.path(doc.id))
                ) { model.content($0) }
                // Attachments under their public path; the file keeps its (cleaned) name, so the
                // web server picks the content type from the extension.
                try write(
                    "documents/\(doc.id)/print/index.html",
                    PrintView.render(model, address: siteOrigin + Routes.Portal.document.path(doc.id)))
                for a in model.attachments {
                    guard let data = try await stores.attachments.publicCopy(id: a.id) else { continue }
                    try write("documents/\(doc.id)/attachments/\(a.id)/\(a.fileName)", data)
                }
            }
            for category in service.categories {
                let items = all.filter { $0.categoryCode == category.code }
                let model = CatalogPage(
                    category: category, categories: service.categories, total: items.count, page: 1, items: items,
                    perPage: max(1, items.count))
                try page(category.name, path: Routes.Portal.catalog(category: category.code, page: 1), route: Routes.Portal.catalog) {
                    model.content($0)
                }
                try write(
                    "feeds/\(category.code).atom",
                    try await FeedsController.atomXML(env, category: category, origin: siteOrigin, site: site))
            }
            for column in service.settings.columns {
                let count = all.count { $0.columns.contains(column.code) }
                var model = try await BrowseController.model(
                    env, service, filter: CatalogFilter(column: column.code), page: 1, heading: column.name, summary: column.summary,
                    basePath: Routes.Portal.column.path(column.code), perPage: max(1, count))
                model.serverOrigin = serverOrigin
                try page(column.name, path: Routes.Portal.column.path(column.code), route: Routes.Portal.column) { model.content($0) }
            }
            let agencies = try await stores.agencies.all()
            for agency in agencies {
                let own = try await CatalogService.load(env.services, agencyID: agency.id)
                let model = GuidePage(
                    agency: agency, categories: own.categories, subordinates: agencies.filter { $0.parentID == agency.id },
                    indexRule: own.indexRule)
                try page(
                    "政府信息公开指南", path: Routes.Portal.guide(agencyID: agency.parentID == nil ? nil : agency.id), route: Routes.Portal.guide
                ) {
                    model.content($0)
                }
            }
            // Annual reports: the list, each report's page (also under the site's own path for the
            // root agency) and its files; the PDF stays with the server.
            let reports = try await AnnualReportsController.publishedViews(env)
            let byID = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id, $0) })
            try page("政府信息公开工作年度报告", path: Routes.Portal.annualReports.path(), route: Routes.Portal.annualReports) { _ in
                AnnualReportsController.index(reports.map(\.report), agencies: byID)
            }
            let reportFiles = AnnualReportsController(env: env, pages: PageRenderer(env: env))
            for v in reports {
                let base = Routes.Portal.agencyAnnualReport.path(v.agency.id, v.report.year)
                let title = AnnualReportHTML.title(AnnualReportsController.content(v))
                try page(title, path: base, route: Routes.Portal.agencyAnnualReport) { AnnualReportsController.page(v, chrome: $0) }
                if v.agency.parentID == nil {
                    try page(title, path: Routes.Portal.annualReport.path(v.report.year), route: Routes.Portal.annualReport) {
                        AnnualReportsController.page(v, chrome: $0)
                    }
                }
                for format in [AnnualReportsController.FileFormat.docx, .csv, .json, .html] {
                    let file = Routes.Portal.agencyAnnualReportFile.path(v.agency.id, v.report.year, "report.\(format.rawValue)")
                    try write(String(file.dropFirst()), Data(try await reportFiles.bytes(v, format)))
                }
            }
            try write("feeds/all.atom", try await FeedsController.atomXML(env, category: nil, origin: siteOrigin, site: site))
            try write("sitemap.xml", try await FeedsController.sitemapXML(env, origin: siteOrigin, site: site))
            try write("assets/site.css", Stylesheet.css)
            try write("assets/read-aloud.js", AccessibilityAssets.readAloudScript)
            if let root, let path = Routes.Portal.emblemPath(root), let data = try await stores.agencies.emblem(agencyID: root.id) {
                try write(String(path.dropFirst()), data)
            }
            try write("assets/cursor.svg", AccessibilityAssets.largeCursor)
            if let root, !root.site.color.isEmpty {
                try write(
                    String(Stylesheet.brandPath(agencyID: root.id, color: root.site.color).dropFirst()), Stylesheet.brand(root.site.color))
            }
            // Swap the new export in, and count what the old one had that this one has not.
            let kept = Set(all.map { String($0.id) })
            let oldDocs = (try? fm.contentsOfDirectory(atPath: target.appendingPathComponent("documents").path)) ?? []
            let removed = oldDocs.filter { !kept.contains($0) }.count
            if fm.fileExists(atPath: target.path) {
                let old = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-\(UUID().uuidString)")
                try fm.moveItem(at: target, to: old)
                try fm.moveItem(at: staging, to: target)
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: staging, to: target)
            }
            return Report(files: files, documents: total, removed: removed)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }
}
