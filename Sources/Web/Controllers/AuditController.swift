import Domain
import Foundation
import Hummingbird
import Reports
import Services
import Storage

/// The audit archive for auditors: a filtered, paged browser, CSV export and a JSON listing.
/// An auditor of the root agency sees every agency's entries; others see their own agency's.
struct AuditController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer

    /// Rows in one CSV export; a larger archive is exported by narrowing the dates.
    static let exportLimit = 100_000

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, "/console/audit", .roles([.auditor]), use: page)
        router.staff(.get, "/console/audit.csv", .roles([.auditor]), use: csv)
        router.staff(.get, "/api/v1/audit", .roles([.auditor]), use: api)
    }

    static func scope(_ identity: StaffIdentity) -> Int64? { identity.agency.parentID == nil ? nil : identity.agency.id }

    @Sendable func page(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let query = AuditQuery(request)
        var page = AuditPage(query: query)
        do {
            let filter = try query.filter(agencyID: Self.scope(identity))
            let store = env.database.stores.audit
            page.total = try await store.count(filter)
            page.entries = try await store.search(filter, limit: AuditQuery.pageSize, offset: (query.page - 1) * AuditQuery.pageSize)
        } catch let error as DomainError {
            page.errors[error.field ?? "from"] = error.message
        }
        let shown = page
        return try await pages.respond(
            "审计档案", area: .console, request: request, context: context,
            status: page.errors.isEmpty ? .ok : .unprocessableContent
        ) { chrome in shown.content(chrome) }
    }

    @Sendable func csv(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let query = AuditQuery(request)
        let filter = try query.filter(agencyID: Self.scope(identity))
        let entries = try await env.database.stores.audit.search(filter, limit: Self.exportLimit, offset: 0)
        // The export itself is recorded: who took a copy of the archive, and with which filter.
        try await env.database.recordAudit(
            AuditActor(identity, address: context.remoteAddress).event(
                "audit.export", recordType: "audit-log", recordID: "", detail: "\(entries.count) rows \(query.queryString)"),
            atMillis: env.nowMillis)
        let name = "audit-\(env.today.description).csv"
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: AuditExport.csv(entries).bytes())))
    }

    struct Listing: ResponseEncodable {
        var total: Int
        var entries: [AuditEntry]
    }

    @Sendable func api(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Listing {
        let query = AuditQuery(request)
        let filter = try query.filter(agencyID: Self.scope(identity))
        let store = env.database.stores.audit
        return Listing(
            total: try await store.count(filter),
            entries: try await store.search(filter, limit: AuditQuery.pageSize, offset: (query.page - 1) * AuditQuery.pageSize))
    }
}
