import Domain
import Foundation
import Hummingbird
import Reports
import Services
import Storage

/// The catalog's JSON API: drafting and the review workflow for staff, and the public listing,
/// search and documents.
struct DocumentsController: Sendable {
    let env: WebEnvironment
    /// The catalog service with the signed-in person's agency settings.
    func catalog(_ identity: StaffIdentity) async throws -> CatalogService {
        try await CatalogService.load(env.services, agencyID: identity.agency.id)
    }

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.post, Routes.API.documents, .roles([.drafter, .officeAdmin]), use: create)
        router.staff(.get, Routes.API.document, .anyStaff, use: show)
        router.staff(.put, Routes.API.document, .roles([.drafter, .officeAdmin]), use: edit)
        router.staff(.post, Routes.API.documentRevise, .roles([.drafter, .officeAdmin]), use: revise)
        router.staff(.get, Routes.API.documentVersions, .anyStaff, use: versions)
        router.staff(.get, Routes.API.documentDiff, .anyStaff, use: diff)
        router.staff(.post, Routes.API.documentSubmit, .roles([.drafter, .officeAdmin])) { request, context, identity in
            try await self.step(.submit, request, context, identity)
        }
        router.staff(.post, Routes.API.documentApprove, .roles([.reviewer, .officeAdmin, .leader])) { request, context, identity in
            let body = try await request.decodeJSON(Decision.self, context: context)
            return try await self.step(
                .approve(comment: body.comment ?? "", confidentialityCleared: body.confidentialityCleared ?? false), request, context,
                identity)
        }
        router.staff(.post, Routes.API.documentReject, .roles([.reviewer, .officeAdmin, .leader])) { request, context, identity in
            let body = try await request.decodeJSON(Decision.self, context: context)
            return try await self.step(.reject(comment: body.comment ?? ""), request, context, identity)
        }
        router.staff(.post, Routes.API.documentPublish, .roles([.publisher])) { request, context, identity in
            try await self.step(.publish, request, context, identity)
        }
        router.staff(.post, Routes.API.documentSchedule, .roles([.publisher])) { request, context, identity in
            let body = try await request.decodeJSON(ScheduleRequest.self, context: context)
            guard let date = ISO8601DateFormatter().date(from: body.at) else {
                throw DomainError.invalid("at", "at 须为带时区的 ISO 8601 时间，如 2026-11-24T09:00:00+08:00")
            }
            return try await self.step(.schedule(atMillis: Int64(date.timeIntervalSince1970 * 1000)), request, context, identity)
        }
        router.staff(.post, Routes.API.documentWithdraw, .roles([.publisher, .officeAdmin])) { request, context, identity in
            let body = try await request.decodeJSON(Decision.self, context: context)
            return try await self.step(.withdraw(reason: body.reason ?? body.comment ?? ""), request, context, identity)
        }
        router.staff(.post, Routes.API.documentFinding, .roles([.reviewer, .officeAdmin, .leader]), use: resolve)
        router.get(Routes.API.publicDocuments) { request, context in
            let list = try await publicList(request, context: context)
            var response = try list.response(from: request, context: context)
            PageCache.markShown(&response, documents: list.items.map(\.id), seconds: env.settings.searchCacheSeconds)
            return response
        }
        router.get(Routes.API.publicDocument) { request, context in
            let document = try await publicShow(request, context: context)
            var response = try document.response(from: request, context: context)
            response.headers[PageCache.documentsHeader] = String(document.id)
            return response
        }
    }

    struct ScheduleRequest: Decodable {
        var at: String
    }

    struct Decision: Decodable {
        var comment: String?
        var reason: String?
        var confidentialityCleared: Bool?
    }

    func id(_ context: GongkaiRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该文件") }
        return id
    }

    func dto(_ d: CatalogDocument, _ catalog: CatalogService) async throws -> DocumentDTO {
        let stores = env.database.stores
        let findings = try await stores.catalog.findings(documentID: d.id)
        return DocumentDTO(
            d, levels: catalog.levels(for: d, findings: findings),
            steps: try await stores.catalog.steps(documentID: d.id), findings: findings,
            attachments: try await stores.attachments.list(documentID: d.id))
    }

    @Sendable func create(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> EditedResponse<
        DocumentDTO
    > {
        let catalog = try await self.catalog(identity)
        let input = try await request.decodeJSON(DocumentInput.self, context: context)
        let draft = try input.document(category: try catalog.category(input.category))
        let created = try await catalog.create(draft, by: identity, from: context.remoteAddress)
        return EditedResponse(status: .created, response: try await dto(created, catalog))
    }

    @Sendable func show(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> DocumentDTO {
        let catalog = try await self.catalog(identity)
        return try await dto(try await catalog.document(try id(context), for: identity), catalog)
    }

    @Sendable func edit(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> DocumentDTO {
        let catalog = try await self.catalog(identity)
        let input = try await request.decodeJSON(DocumentInput.self, context: context)
        let content = try input.document(category: try catalog.category(input.category))
        return try await dto(try await catalog.edit(try id(context), with: content, by: identity, from: context.remoteAddress), catalog)
    }

    @Sendable func revise(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> EditedResponse<
        DocumentDTO
    > {
        let catalog = try await self.catalog(identity)
        let created = try await catalog.revise(try id(context), by: identity, from: context.remoteAddress)
        return EditedResponse(status: .created, response: try await dto(created, catalog))
    }

    struct VersionList: ResponseEncodable {
        struct Version: Encodable {
            var revision: Int
            var title: String
            var publishedAt: String
            var publishedBy: String
        }
        var items: [Version]
    }

    @Sendable func versions(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> VersionList {
        let catalog = try await self.catalog(identity)
        let d = try await catalog.document(try id(context), for: identity)
        let versions = try await env.database.stores.catalog.versions(documentID: d.id)
        return VersionList(
            items: versions.map {
                .init(
                    revision: $0.revision, title: $0.title, publishedAt: AuditExport.beijingTime($0.publishedAtMillis),
                    publishedBy: $0.publishedBy)
            })
    }

    struct DiffBody: ResponseEncodable {
        var from: String
        var to: String
        var title: [String]
        var added: Int
        var removed: Int
        var lines: [TextDiff.Line]
    }

    @Sendable func diff(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> DiffBody {
        let catalog = try await self.catalog(identity)
        let q = request.uri.queryParameters
        let from = try q["from"].map { try Self.positive(String($0), "from", default: 1, max: 100_000) }
        let to = try q["to"].map { try Self.positive(String($0), "to", default: 1, max: 100_000) }
        guard let c = try await catalog.comparison(try id(context), from: from, to: to, for: identity) else {
            throw DomainError.notFound("可对照的版本（文件只有一个版本）")
        }
        let (added, removed) = TextDiff.summary(c.lines)
        return DiffBody(
            from: c.fromLabel, to: c.toLabel, title: c.titleChanged ? [c.fromTitle, c.toTitle] : [c.toTitle], added: added,
            removed: removed, lines: c.lines)
    }

    func step(_ step: CatalogService.Step, _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity) async throws
        -> Response
    {
        let catalog = try await self.catalog(identity)
        do {
            let d = try await catalog.apply(step, to: try id(context), by: identity, from: context.remoteAddress)
            return try await dto(d, catalog).response(from: request, context: context)
        } catch let blocked as ScreeningBlocked {
            struct Body: Encodable {
                struct Detail: Encodable { var code: String, message: String, findings: [DocumentDTO.Finding] }
                var error: Detail
            }
            let body = Body(
                error: .init(
                    code: "sensitive_content", message: "发布前审查发现 \(blocked.findings.count) 处需处理的内容（个人信息、密级标志或错敏词），须逐项删除或由审核人说明理由后方可发布",
                    findings: blocked.findings.map(DocumentDTO.finding)))
            let data = try JSONEncoder().encode(body)
            return Response(
                status: .unprocessableContent, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    struct Resolution: Decodable {
        var resolution: String
        var reason: String?
    }

    @Sendable func resolve(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> DocumentDTO {
        let catalog = try await self.catalog(identity)
        let body = try await request.decodeJSON(Resolution.self, context: context)
        guard let findingID = context.parameters.get("finding", as: Int64.self) else { throw DomainError.notFound("审查结果") }
        guard let resolution = StoredFinding.Resolution(rawValue: body.resolution), resolution != .open else {
            throw DomainError.invalid("resolution", "resolution 须为 redacted（删除）或 accepted（保留并说明理由）")
        }
        let documentID = try id(context)
        try await catalog.resolve(
            findingID: findingID, of: documentID, as: resolution, reason: body.reason ?? "", by: identity, from: context.remoteAddress)
        return try await dto(try await catalog.document(documentID, for: identity), catalog)
    }

    // MARK: - Public

    struct PublicItem: Codable {
        var id: Int64
        var title: String
        var indexNumber: String?
        var documentNumber: String
        var publishedOn: CivilDate?
        var category: String
        var snippet: String
    }

    struct PublicList: ResponseEncodable {
        var items: [PublicItem]
        var total: Int
        /// False when more than `total` (the count limit) documents match a search.
        var totalIsExact = true
        var page: Int
        var per: Int
    }

    @Sendable func publicList(_ request: Request, context: GongkaiRequestContext) async throws -> PublicList {
        let q = request.uri.queryParameters
        let page = try Self.positive(q["page"].map(String.init), "page", default: 1, max: 10_000)
        let per = try Self.positive(q["per"].map(String.init), "per", default: 20, max: 100)
        let query = (q["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
        let site = try await env.portal(request)
        let catalog = try await CatalogService.portal(env.services, site)
        let filter = site.scoped(try BrowseController.filter(request, catalog))
        let stores = env.database.stores
        if query.isEmpty {
            let (total, items) = try await stores.documents.list(
                filter, limit: per, offset: (page - 1) * per)
            return PublicList(items: items.map { Self.item($0, query: "") }, total: total, page: page, per: per)
        }
        let found = try await stores.search.search(query, filter, limit: per, offset: (page - 1) * per)
        var items: [PublicItem] = []
        for d in try await stores.documents.find(ids: found.hits.map(\.documentID)) { items.append(Self.item(d, query: query)) }
        return PublicList(items: items, total: found.total, totalIsExact: found.totalIsExact, page: page, per: per)
    }

    /// The public filters from query parameters, with a 422 naming a bad one.
    static func filter(_ category: String?, year: String?, agency: String?, validity: String?, catalog: CatalogService) throws(DomainError)
        -> CatalogFilter
    {
        var filter = CatalogFilter()
        if let category, !category.isEmpty { filter.categoryCode = try catalog.category(category).code }
        if let year, !year.isEmpty {
            guard let y = Int(year), (1949...2100).contains(y) else { throw .invalid("year", "year 须为四位年份") }
            filter.year = y
        }
        if let agency, !agency.isEmpty {
            guard let a = Int64(agency) else { throw .invalid("agency", "agency 须为机关编号") }
            filter.agencyID = a
        }
        if let validity, !validity.isEmpty { filter.validity = try DocumentInput.parse(validity, "validity") as ValidityStatus? }
        return filter
    }

    static func positive(_ text: String?, _ field: String, default fallback: Int, max: Int) throws(DomainError) -> Int {
        guard let text else { return fallback }
        guard let n = Int(text), (1...max).contains(n) else { throw .invalid(field, "\(field) 须为 1 到 \(max) 之间的整数") }
        return n
    }

    static func item(_ d: CatalogDocument, query: String) -> PublicItem {
        PublicItem(
            id: d.id, title: d.title, indexNumber: d.indexNumber, documentNumber: d.documentNumber, publishedOn: d.publishedOn,
            category: d.categoryCode, snippet: Snippet.make(RichText.plain(d.body), query: query))
    }

    struct PublicDocument: ResponseEncodable {
        var id: Int64
        var title: String
        var body: String
        var indexNumber: String?
        var documentNumber: String
        var writtenOn: CivilDate?
        var publishedOn: CivilDate?
        var category: String
        var kind: String
        var validity: String?
    }

    @Sendable func publicShow(_ request: Request, context: GongkaiRequestContext) async throws -> PublicDocument {
        guard let id = context.parameters.get("id", as: Int64.self), let d = try await env.database.stores.documents.find(id: id) else {
            throw DomainError.notFound("该文件")
        }
        return PublicDocument(
            id: d.id, title: d.title, body: d.body, indexNumber: d.indexNumber, documentNumber: d.documentNumber,
            writtenOn: d.writtenOn, publishedOn: d.publishedOn, category: d.categoryCode, kind: d.kind.rawValue,
            validity: d.validity.map { $0.status(on: env.today).rawValue })
    }
}

/// A short excerpt of a body around the first occurrence of the query, for result lists.
/// Plain text: pages escape it and mark the query themselves. Compares characters directly
/// (ASCII letters case-insensitively): Foundation's case-insensitive search on Linux costs a
/// millisecond per body, which a results page would pay twenty times.
enum Snippet {
    /// Works on Unicode scalars, not characters: finding grapheme boundaries in every body of a
    /// results page cost more than the search itself.
    static func make(_ body: String, query: String, radius: Int = 40) -> String {
        let chars = body.unicodeScalars.map { $0 == "\n" ? " " : $0 }
        let needle = query.unicodeScalars.map(fold)
        var start: Int?
        if !needle.isEmpty, needle.count <= chars.count {
            search: for i in 0...(chars.count - needle.count) where fold(chars[i]) == needle[0] {
                for j in 1..<needle.count where fold(chars[i + j]) != needle[j] { continue search }
                start = i
                break
            }
        }
        func text(_ slice: ArraySlice<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: slice)
            return String(view)
        }
        guard let start else { return text(chars.prefix(radius * 2)) + (chars.count > radius * 2 ? "…" : "") }
        let from = max(0, start - radius)
        let to = min(chars.count, start + needle.count + radius)
        return (from > 0 ? "…" : "") + text(chars[from..<to]) + (to < chars.count ? "…" : "")
    }

    static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar {
        guard c.isASCII, (65...90).contains(c.value) else { return c }
        return Unicode.Scalar(c.value + 32)!
    }
}
