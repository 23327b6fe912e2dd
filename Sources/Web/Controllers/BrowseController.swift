import Domain
import Hummingbird
import Plot
import Services
import Storage

/// The portal's browsing: by year, subject, agency and category together, the 专题专栏, the
/// subject index, and a document's print view.
struct BrowseController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer

    func register(on router: Router<GongkaiRequestContext>) {
        router.get(Routes.Portal.browse, use: browse)
        router.get(Routes.Portal.column, use: column)
        router.get(Routes.Portal.subjects, use: subjects)
        router.get(Routes.Portal.documentPrint, use: print)
    }

    /// The filter from the query string, with a 422 page naming a bad value.
    static func filter(_ request: Request, _ service: CatalogService) throws -> CatalogFilter {
        let q = request.uri.queryParameters
        var f = try DocumentsController.filter(
            q["category"].map(String.init), year: q["year"].map(String.init), agency: q["agency"].map(String.init),
            validity: q["validity"].map(String.init), catalog: service)
        if let s = q["subject"].map(String.init), !s.isEmpty { f.subject = String(s.prefix(60)) }
        if let c = q["column"].map(String.init), !c.isEmpty { f.column = try service.settings.column(c).code }
        return f
    }

    func page(_ request: Request) throws -> Int {
        try DocumentsController.positive(request.uri.queryParameters["page"].map(String.init), "page", default: 1, max: 10_000)
    }

    /// The browsing page for a filter.
    static func model(
        _ env: WebEnvironment, _ service: CatalogService, filter: CatalogFilter, page: Int, heading: String, summary: String = "",
        basePath: String = Routes.Portal.browse.path(), perPage: Int = 20
    ) async throws -> BrowsePage {
        let stores = env.database.stores
        let (total, items) = try await stores.documents.list(filter, limit: perPage, offset: (page - 1) * perPage)
        let agencies = Dictionary(try await stores.agencies.all().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return BrowsePage(
            heading: heading, summary: summary, filter: filter, facets: try await stores.documents.facets(filter),
            categories: service.categories, columns: service.settings.columns, agencies: agencies, total: total, page: page, items: items,
            perPage: perPage, basePath: basePath)
    }

    @Sendable func browse(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let site = try await env.portal(request)
        let service = try await CatalogService.portal(env.services, site)
        let model = try await Self.model(
            env, service, filter: site.scoped(try Self.filter(request, service)), page: try page(request), heading: "浏览公开信息")
        return try await pages.respond("浏览公开信息", area: .portal, request: request, context: context, agency: site.agency) {
            model.content($0)
        }
    }

    @Sendable func column(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let site = try await env.portal(request)
        let service = try await CatalogService.portal(env.services, site)
        guard let column = try? service.settings.column(context.pathText("code")) else {
            throw DomainError.notFound("该专栏")
        }
        let model = try await Self.model(
            env, service, filter: site.scoped(CatalogFilter(column: column.code)), page: try page(request), heading: column.name,
            summary: column.summary,
            basePath: Routes.Portal.column.path(column.code))
        let tags = PageMetadata.column(name: column.name, description: column.summary, keywords: ["专题专栏"], type: "专题专栏")
        return try await pages.respond(
            column.name, area: .portal, request: request, context: context, agency: site.agency,
            trail: [Crumb("专题专栏", Routes.Portal.disclosure.path() + "#columns")], metadata: tags
        ) {
            model.content($0)
        }
    }

    @Sendable func subjects(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let site = try await env.portal(request)
        let facets = try await env.database.stores.documents.facets(site.scoped(CatalogFilter.none))
        let content: Node<HTML.BodyContext> = .div(
            .h1(.text("按主题分类浏览")),
            facets.subjects.isEmpty
                ? .p(.class("empty"), .text("暂无按主题分类的公开信息。"))
                : .ul(
                    .class("category-list"),
                    .forEach(facets.subjects) { f in
                        .li(.a(.href(Routes.Portal.browse(CatalogFilter(subject: f.value), page: 1)), .text("\(f.value)（\(f.count)）")))
                    }))
        return try await pages.respond("按主题分类浏览", area: .portal, request: request, context: context, agency: site.agency) { _ in content }
    }

    @Sendable func print(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self), let doc = try await env.database.stores.documents.find(id: id) else {
            throw DomainError.notFound("该文件")
        }
        let model = try await PublicController.documentPage(doc, env: env)
        let origin = FeedsController.publicOrigin(request, context, env)
        var response = PageRenderer.html(PrintView.render(model, address: origin + Routes.Portal.document.path(id)), status: .ok)
        response.headers[PageCache.documentsHeader] = model.shownDocuments
        return response
    }
}
