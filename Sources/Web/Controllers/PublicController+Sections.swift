import Domain
import Hummingbird
import Services
import Storage

/// The pages of the portal's first-level sections (`PortalSection`) and of 政府信息公开制度.
extension PublicController {
    func registerSections(on router: Router<GongkaiRequestContext>) {
        router.get(Routes.Portal.about, use: about)
        router.get(Routes.Portal.disclosure, use: disclosure)
        router.get(Routes.Portal.disclosureRules, use: disclosureRules)
        router.get(Routes.Portal.services, use: services)
        router.get(Routes.Portal.interaction, use: interaction)
    }

    private func respond(
        _ page: SectionPage, title: String, description: String, type: String, _ request: Request, _ context: GongkaiRequestContext,
        agency: Agency?
    ) async throws -> Response {
        try await pages.respond(
            title, area: .portal, request: request, context: context, agency: agency,
            metadata: PageMetadata.column(name: title, description: description, type: type)
        ) { page.content($0) }
    }

    @Sendable func about(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let site = try await env.portal(request)
        let service = try await CatalogService.portal(env.services, site)
        let stores = env.database.stores
        let subordinates = try await site.agency.asyncMap { a in try await stores.agencies.all().filter { $0.parentID == a.id } } ?? []
        let (_, latest) = try await stores.documents.list(site.scoped(CatalogFilter(categoryCode: "organization")), limit: 5, offset: 0)
        let page = SectionPage.about(agency: site.agency, categories: service.categories, subordinates: subordinates, latest: latest)
        return try await respond(page, title: "机构概况", description: page.intro, type: "机构概况", request, context, agency: site.agency)
    }

    @Sendable func disclosure(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let site = try await env.portal(request)
        let service = try await CatalogService.portal(env.services, site)
        let (_, latest) = try await env.database.stores.documents.list(site.scoped(.none), limit: 8, offset: 0)
        let page = SectionPage.disclosure(categories: service.categories, columns: service.settings.columns, latest: latest)
        return try await respond(
            page, title: "政府信息公开", description: page.intro, type: "信息公开", request, context, agency: site.agency)
    }

    @Sendable func disclosureRules(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let site = try await env.portal(request)
        let page = SectionPage.rules(agency: site.agency)
        return try await respond(page, title: "政府信息公开制度", description: page.intro, type: "信息公开", request, context, agency: site.agency)
    }

    @Sendable func services(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let site = try await env.portal(request)
        let service = try await CatalogService.portal(env.services, site)
        let page = SectionPage.services(categories: service.categories)
        return try await respond(page, title: "政务服务", description: page.intro, type: "政务服务", request, context, agency: site.agency)
    }

    @Sendable func interaction(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let site = try await env.portal(request)
        let page = SectionPage.interaction()
        return try await respond(page, title: "互动交流", description: page.intro, type: "互动交流", request, context, agency: site.agency)
    }
}
