import Domain
import Foundation
import Hummingbird
import Reports
import Services
import Storage

/// The 政务公开标准目录 (`/console/standard`, `/api/v1/standard-catalog`): the disclosure office
/// loads the catalog from a spreadsheet and maps its items to catalog categories; the office and
/// leaders see, for their agency and each unit below it, which items have had nothing published
/// within their period and which are overdue by their 公开时限.
struct StandardCatalogController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer
    static let office: Set<Role> = [.officeAdmin]

    var service: StandardCatalogService { StandardCatalogService(env: env.services) }

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, Routes.Console.standard, .roles(OversightController.readers), use: page)
        router.staff(.post, Routes.Console.standard, .roles(Self.office), use: upload)
        router.staff(.get, Routes.Console.standardMapping, .roles(Self.office), use: mappingPage)
        router.staff(.post, Routes.Console.standardMapping, .roles(Self.office), use: saveMapping)
        router.staff(.get, Routes.API.standardCatalog, .roles(OversightController.readers), use: apiCatalog)
        router.staff(.post, Routes.API.standardCatalog, .roles(Self.office), use: apiLoad)
        router.staff(.put, Routes.API.standardCatalogMapping, .roles(Self.office), use: apiMap)
        router.staff(.get, Routes.API.standardCatalogCoverage, .roles(OversightController.readers), use: apiCoverage)
    }

    /// The agency and the units below it, and the one `unit` names (the agency itself when
    /// absent); another agency is "not found".
    func units(_ request: Request, _ identity: StaffIdentity) async throws -> (all: [Agency], selected: Agency) {
        let all = try await ComplianceService(env: env.services).units(under: identity.agency)
        let unit = try ComplianceService.unit(request.uri.queryParameters["unit"].map(String.init), among: all)
        return (all, unit ?? identity.agency)
    }

    /// Names of the categories and special columns an agency can map to, by code.
    func categoryNames(_ agencyID: Int64) async throws -> (names: [String: String], settings: CatalogSettings) {
        let settings = try await env.database.stores.agencies.catalogSettings(agencyID: agencyID) ?? .standard
        var names: [String: String] = [:]
        for c in settings.categories { names[c.code] = c.name }
        for c in settings.columns { names[c.code] = c.name }
        return (names, settings)
    }

    // MARK: JSON

    struct ItemDTO: Encodable, Sendable {
        var id: Int
        var number: String
        var group: String
        var name: String
        var content: String
        var basis: String
        var timeLimit: String
        var period: String
        var subject: String
        var channels: String
        var audience: String
        var mode: String
        var level: String
        var categories: [String]

        init(_ i: StandardItem) {
            (id, number, group, name, content, basis) = (i.id, i.number, i.group, i.name, i.content, i.basis)
            (timeLimit, period, subject, channels, audience, mode, level) = (
                i.timeLimit, i.period.label, i.subject, i.channels, i.audience, i.mode, i.level
            )
            categories = i.categories
        }
    }

    struct CatalogDTO: ResponseEncodable {
        var title: String
        var owner: AgencyRef
        var inherited: Bool
        var sourceName: String
        var loadedBy: String
        var loadedAt: String
        var items: [ItemDTO]
    }

    struct AgencyRef: Encodable, Sendable {
        var id: Int64
        var name: String
    }

    func dto(_ inForce: StandardCatalogService.InForce, for agency: Agency) -> CatalogDTO {
        CatalogDTO(
            title: inForce.catalog.title, owner: AgencyRef(id: inForce.owner.id, name: inForce.owner.name),
            inherited: inForce.owner.id != agency.id, sourceName: inForce.catalog.sourceName, loadedBy: inForce.catalog.loadedBy,
            loadedAt: AuditExport.beijingTime(inForce.catalog.loadedAt),
            items: inForce.catalog.items.map(ItemDTO.init))
    }

    @Sendable func apiCatalog(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> CatalogDTO {
        guard let inForce = try await service.inForce(for: identity.agency) else { throw DomainError.notFound("标准目录（尚未导入）") }
        return dto(inForce, for: identity.agency)
    }

    /// The body is the file itself (.xlsx or CSV text); `title` names the catalog.
    @Sendable func apiLoad(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> EditedResponse<
        CatalogDTO
    > {
        let data = Data(buffer: try await request.body.collect(upTo: env.settings.bodyLimit))
        let title = request.uri.queryParameters["title"].map(String.init) ?? ""
        let catalog = try await service.load(
            data, fileName: "catalog", title: title, identity: identity, address: context.remoteAddress)
        return EditedResponse(status: .created, response: dto(.init(catalog: catalog, owner: identity.agency), for: identity.agency))
    }

    struct MappingInput: Decodable {
        struct Item: Decodable {
            var id: Int
            var categories: [String]
        }
        var items: [Item]
    }

    @Sendable func apiMap(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> CatalogDTO {
        let input = try await request.decodeJSON(MappingInput.self, context: context)
        var texts: [Int: String] = [:]
        for item in input.items { texts[item.id] = item.categories.joined(separator: "、") }
        let catalog = try await service.map(texts, identity: identity, address: context.remoteAddress)
        return dto(.init(catalog: catalog, owner: identity.agency), for: identity.agency)
    }

    struct CoverageDTO: ResponseEncodable {
        struct Counts: Encodable, Sendable {
            var covered, gap, overdue, noRecord, unmapped, unchecked: Int
        }
        struct UnitRow: Encodable, Sendable {
            var id: Int64
            var name: String
            var catalog: String?
            var counts: Counts
        }
        struct Item: Encodable, Sendable {
            var id: Int
            var number: String
            var group: String
            var name: String
            var content: String
            var period: String
            var categories: [String]
            var state: String
            var lastPublished: CivilDate?
            var published: Int
            var overdue: Int
            var note: String
        }
        var units: [UnitRow]
        var unit: AgencyRef
        var items: [Item]
    }

    static func counts(_ u: StandardCatalogService.UnitCoverage) -> CoverageDTO.Counts {
        .init(
            covered: u.count(.covered), gap: u.count(.gap), overdue: u.count(.overdue), noRecord: u.count(.noRecord),
            unmapped: u.count(.unmapped), unchecked: u.count(.unchecked))
    }

    /// Every unit in view, checked; the selected one first in the returned list's order of `all`.
    func coverage(_ all: [Agency]) async throws -> [StandardCatalogService.UnitCoverage] {
        var out: [StandardCatalogService.UnitCoverage] = []
        for a in all { out.append(try await service.coverage(of: a)) }
        return out
    }

    @Sendable func apiCoverage(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> CoverageDTO {
        let (all, selected) = try await units(request, identity)
        let covered = try await coverage(all)
        let mine = covered.first { $0.agency.id == selected.id }!
        let items = mine.inForce?.catalog.items ?? []
        return CoverageDTO(
            units: covered.map {
                .init(id: $0.agency.id, name: $0.agency.name, catalog: $0.inForce?.catalog.title, counts: Self.counts($0))
            },
            unit: AgencyRef(id: selected.id, name: selected.name),
            items: zip(items, mine.results).map { item, r in
                .init(
                    id: item.id, number: item.number, group: item.group, name: item.name, content: item.content, period: item.period.label,
                    categories: item.categories, state: r.state.rawValue, lastPublished: r.lastPublished, published: r.published,
                    overdue: r.overdue, note: r.note)
            })
    }

    // MARK: Pages

    @Sendable func page(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await render(request, context, identity)
    }

    func render(
        _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity, message: String? = nil,
        errors: [String: String] = [:], values: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (all, selected) = try await units(request, identity)
        let covered = try await coverage(all)
        let view = StandardCatalogPage(
            units: covered, selected: selected, own: identity.agency, names: try await categoryNames(selected.id).names,
            mayLoad: identity.holds(anyOf: Self.office), onlyProblems: request.uri.queryParameters["problems"] == "1",
            message: message, errors: errors, values: values)
        return try await pages.respond("标准目录", area: .console, request: request, context: context, status: status) { view.content($0) }
    }

    @Sendable func upload(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        do {
            let file = form.files["file"]
            let catalog = try await service.load(
                file?.data ?? Data(), fileName: file?.fileName ?? "", title: form["title"], identity: identity,
                address: context.remoteAddress)
            let unmapped = catalog.items.filter { $0.isActive && $0.categories.isEmpty }.count
            return try await render(
                request, context, identity,
                message: "已导入《\(catalog.title)》，共 \(catalog.items.count) 项。"
                    + (unmapped == 0 ? "" : "还有 \(unmapped) 项主动公开事项未对应栏目，请在“对应栏目”中设置。"))
        } catch let error as DomainError where error.field != nil {
            return try await render(
                request, context, identity, errors: [error.field!: error.message], values: ["title": form["title"]],
                status: .unprocessableContent)
        }
    }

    @Sendable func mappingPage(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await renderMapping(request, context, identity)
    }

    func renderMapping(
        _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity, message: String? = nil,
        errors: [String: String] = [:], values: [String: String]? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let catalog = try await env.database.stores.standardCatalogs.find(agencyID: identity.agency.id) else {
            throw DomainError.notFound("本机关的标准目录（尚未导入；执行上级目录时由上级设置对应栏目）")
        }
        let (names, settings) = try await categoryNames(identity.agency.id)
        var shown: [String: String] = [:]
        for item in catalog.items { shown["item-\(item.id)"] = item.categories.map { names[$0] ?? $0 }.joined(separator: "、") }
        if let values { shown.merge(values) { _, new in new } }
        let view = StandardMappingPage(
            catalog: catalog, choices: settings.categories.map(\.name) + settings.columns.map(\.name), values: shown, message: message,
            errors: errors)
        return try await pages.respond("标准目录对应栏目", area: .console, request: request, context: context, status: status) {
            view.content($0)
        }
    }

    @Sendable func saveMapping(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        var texts: [Int: String] = [:]
        var values: [String: String] = [:]
        for key in form.names where key.hasPrefix("item-") {
            guard let id = Int(key.dropFirst(5)) else { continue }
            texts[id] = form[key]
            values[key] = form[key]
        }
        do {
            _ = try await service.map(texts, identity: identity, address: context.remoteAddress)
            return try await renderMapping(request, context, identity, message: "已保存对应栏目。")
        } catch let error as DomainError where error.field != nil {
            return try await renderMapping(
                request, context, identity, errors: [error.field!: error.message], values: values, status: .unprocessableContent)
        }
    }
}
