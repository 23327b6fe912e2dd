import Domain
import Foundation
import Hummingbird
import Services
import Storage

/// The public portal: home, documents, the stylesheet and the display-mode switch.
struct PublicController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer

    func register(on router: Router<GongkaiRequestContext>) {
        router.get(Routes.Portal.home, use: home)
        router.get(Routes.Portal.document, use: document)
        router.get(Routes.Portal.search, use: search)
        router.get(Routes.Portal.guide, use: guide)
        router.get(Routes.Portal.agencyGuide, use: guide)
        router.get(Routes.Portal.catalog, use: catalog)
        router.get(Routes.Portal.stylesheet, use: stylesheet)
        router.get(Routes.Portal.favicon, use: favicon)
        router.get(Routes.Portal.readAloudScript) { _, _ in
            Self.asset(AccessibilityAssets.readAloudScript, type: "text/javascript; charset=utf-8")
        }
        router.get(Routes.Portal.largeCursor) { _, _ in Self.asset(AccessibilityAssets.largeCursor, type: "image/svg+xml") }
        router.get(Routes.Portal.siteMap, use: siteMap)
        router.get(Routes.Portal.brandAsset, use: brand)
        router.get(Routes.Portal.emblem, use: emblem)
        router.post(Routes.Portal.displayMode, use: displayMode)
        registerSections(on: router)
    }

    @Sendable func siteMap(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let agency = try await env.portal(request).agency
        let service = try await CatalogService.load(env.services, agencyID: agency?.id)
        let page = SiteMapPage(agency: agency, categories: service.categories, columns: service.settings.columns)
        return try await pages.respond("网站地图", area: .portal, request: request, context: context, agency: agency) { page.content($0) }
    }

    @Sendable func home(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let stores = env.database.stores
        let site = try await env.portal(request)
        let agency = site.agency
        let documents = if let agency { try await stores.documents.recent(agencyID: agency.id, limit: 10) } else { [CatalogDocument]() }
        let service = try await CatalogService.load(env.services, agencyID: agency?.id)
        var blocks: [(category: CatalogCategory, documents: [CatalogDocument])] = []
        if agency != nil {
            for code in HomePage.blockCategories {
                guard let category = service.categories.first(where: { $0.code == code }) else { continue }
                let (_, items) = try await stores.documents.list(site.scoped(CatalogFilter(categoryCode: code)), limit: 5, offset: 0)
                blocks.append((category, items))
            }
        }
        let page = HomePage(
            agency: agency, documents: documents, categories: service.categories, columns: service.settings.columns, blocks: blocks)
        return try await pages.respond("首页", area: .portal, request: request, context: context, agency: agency) { chrome in
            page.content(chrome)
        }
    }

    @Sendable func document(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let stores = env.database.stores
        guard let id = context.parameters.get("id", as: Int64.self), let doc = try await stores.documents.find(id: id) else {
            throw DomainError.notFound("该文件")
        }
        let page = try await Self.documentPage(doc, env: env)
        let url = FeedsController.publicOrigin(request, context, env) + Routes.Portal.document.path(doc.id)
        var response = try await pages.respond(
            doc.title, area: .portal, request: request, context: context,
            trail: PortalMap.crumbs(for: page.category),
            metadata: PageMetadata.article(page, url: url)
        ) { chrome in
            page.content(chrome)
        }
        response.headers[PageCache.documentsHeader] = page.shownDocuments
        return response
    }

    /// Everything a document page shows, read from the public catalog only.
    static func documentPage(_ doc: CatalogDocument, env: WebEnvironment) async throws -> DocumentPage {
        let stores = env.database.stores
        let own = try await CatalogService.load(env.services, agencyID: doc.agencyID)
        return DocumentPage(
            document: doc, agency: try await stores.agencies.find(id: doc.agencyID),
            category: own.categories.first { $0.code == doc.categoryCode },
            interpretations: try await stores.documents.interpretations(of: doc.id),
            interprets: try await doc.interpretsID.asyncMap { try await stores.documents.find(id: $0) } ?? nil,
            supersededBy: try await doc.validity?.supersededBy.asyncMap { try await stores.documents.find(id: $0) } ?? nil,
            today: env.today, attachments: try await stores.attachments.list(documentID: doc.id),
            columns: own.settings.columns.filter { doc.columns.contains($0.code) })
    }

    @Sendable func guide(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let stores = env.database.stores
        let agency: Agency? =
            if let id = context.parameters.get("id", as: Int64.self) { try await stores.agencies.find(id: id) } else {
                try await env.portal(request).agency
            }
        guard let agency else { throw DomainError.notFound("该机关") }
        let service = try await CatalogService.load(env.services, agencyID: agency.id)
        let page = GuidePage(
            agency: agency, categories: service.categories,
            subordinates: try await stores.agencies.all().filter { $0.parentID == agency.id },
            indexRule: service.indexRule)
        return try await pages.respond("政府信息公开指南", area: .portal, request: request, context: context) { page.content($0) }
    }

    @Sendable func search(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let query = String((request.uri.queryParameters["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let page = max(1, min(Int(request.uri.queryParameters["page"].map(String.init) ?? "") ?? 1, 500))
        let q = request.uri.queryParameters
        let site = try await env.portal(request)
        let service = try await CatalogService.portal(env.services, site)
        let filter = site.scoped(
            try DocumentsController.filter(
                q["category"].map(String.init), year: q["year"].map(String.init), agency: nil, validity: nil, catalog: service))
        var result = SearchPage(query: query, total: 0, page: page, items: [], filter: filter, categories: service.categories)
        if !query.isEmpty {
            let stores = env.database.stores
            let found = try await stores.search.search(
                query, filter, limit: SearchPage.perPage, offset: (page - 1) * SearchPage.perPage)
            result.total = found.total
            result.totalIsExact = found.totalIsExact
            for d in try await stores.documents.find(ids: found.hits.map(\.documentID)) {
                result.items.append((d, Snippet.make(RichText.plain(d.body), query: query)))
            }
        }
        let shown = result
        var response = try await pages.respond(
            query.isEmpty ? "搜索" : "搜索：\(query)", area: .portal, request: request, context: context, agency: site.agency
        ) { chrome in
            shown.content(chrome)
        }
        PageCache.markShown(&response, documents: shown.items.map(\.0.id), seconds: env.settings.searchCacheSeconds)
        return response
    }

    @Sendable func catalog(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let site = try await env.portal(request)
        let service = try await CatalogService.portal(env.services, site)
        guard let code = context.parameters.get("category"), let category = try? service.category(code) else {
            throw DomainError.notFound("该栏目")
        }
        let page = max(1, min(Int(request.uri.queryParameters["page"].map(String.init) ?? "") ?? 1, 10_000))
        let (total, items) = try await env.database.stores.documents.list(
            site.scoped(CatalogFilter(categoryCode: category.code)), limit: CatalogPage.perPage, offset: (page - 1) * CatalogPage.perPage)
        let shown = CatalogPage(category: category, categories: service.categories, total: total, page: page, items: items)
        let tags = PageMetadata.column(
            name: category.name, description: "法定主动公开内容：\(category.name)", keywords: ["政府信息公开", "法定主动公开内容"], type: "信息公开")
        return try await pages.respond(
            category.name, area: .portal, request: request, context: context, agency: site.agency, metadata: tags
        ) { chrome in
            shown.content(chrome)
        }
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    @Sendable func stylesheet(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
    }

    /// The site's icon (a 公 on the national red, 16-64 px; `scripts/make-favicon` draws it).
    static let faviconBytes: ByteBuffer = {
        let url = Bundle.module.url(forResource: "favicon", withExtension: "ico")
        return ByteBuffer(bytes: url.flatMap { try? Data(contentsOf: $0) } ?? Data())
    }()

    @Sendable func favicon(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "image/x-icon", .cacheControl: "public, max-age=86400"],
            body: .init(byteBuffer: Self.faviconBytes))
    }

    /// An agency's colours (`Stylesheet.brandPath`). Only the agency's current colour is served.
    @Sendable func brand(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let file = context.parameters.get("file") ?? ""
        let parts = file.split(separator: "-")
        guard parts.count == 2, let id = Int64(parts[0]), let agency = try await env.database.stores.agencies.find(id: id),
            !agency.site.color.isEmpty,
            file == Stylesheet.brandPath(agencyID: id, color: agency.site.color).split(separator: "/").last.map(String.init)
        else { throw DomainError.notFound("该样式") }
        return Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=86400"],
            body: .init(byteBuffer: ByteBuffer(string: Stylesheet.brand(agency.site.color))))
    }

    /// An agency's masthead emblem. Only the current picture is served, under its digest, so it
    /// may be kept for a long time.
    @Sendable func emblem(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let file = context.parameters.get("file") ?? ""
        guard let id = file.split(separator: "-").first.flatMap({ Int64($0) }),
            let agency = try await env.database.stores.agencies.find(id: id), let path = Routes.Portal.emblemPath(agency),
            path.hasSuffix("/" + file), let kind = SiteEmblem.parse(agency.site.emblem)?.kind,
            let data = try await env.database.stores.agencies.emblem(agencyID: id)
        else { throw DomainError.notFound("该图片") }
        return Response(
            status: .ok,
            headers: [
                .contentType: kind.mimeType, .cacheControl: "public, max-age=31536000, immutable",
                .init("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Remembers the reader's choice for a year. It changes only how this browser shows pages,
    /// so it needs no CSRF token; cross-site posts are still refused by `OriginCheckMiddleware`.
    @Sendable func displayMode(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        guard let mode = DisplayMode(rawValue: form["mode"]) else { throw DomainError.invalid("mode", "未知的显示模式") }
        let next = form["next"].hasPrefix("/") && !form["next"].hasPrefix("//") ? form["next"] : Routes.Portal.home.path()
        var response = Response.redirect(to: next, type: .normal)
        switch mode {
        case .standard, .elderly:
            response.setCookie(
                Cookie(
                    name: DisplayMode.cookieName, value: mode.rawValue, maxAge: 365 * 86400, path: "/", secure: context.isSecure,
                    httpOnly: true, sameSite: .lax))
        case .text, .graphic:
            response.setCookie(
                Cookie(
                    name: DisplayMode.textCookieName, value: mode == .text ? "1" : "0", maxAge: 365 * 86400, path: "/",
                    secure: context.isSecure, httpOnly: true, sameSite: .lax))
        }
        return response
    }
}

extension Optional {
    /// `map` with an async transform.
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
