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

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, Routes.Console.audit, .roles([.auditor]), use: page)
        router.staff(.get, Routes.Console.auditCSV, .roles([.auditor]), use: csv)
        router.staff(.get, Routes.API.audit, .roles([.auditor]), use: api)
    }

    static func scope(_ identity: StaffIdentity) -> Int64? { AuditArchive.scope(identity) }
    var archive: AuditArchive { AuditArchive(env: env.services) }

    @Sendable func page(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let query = AuditQuery(request)
        var page = AuditPage(query: query)
        do {
            let filter = try query.filter(agencyID: Self.scope(identity))
            (page.total, page.entries) = try await archive.page(filter, page: query.page, size: AuditQuery.pageSize)
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
        let entries = try await archive.export(filter, described: query.queryString, by: identity, address: context.remoteAddress)
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
        let (total, entries) = try await archive.page(filter, page: query.page, size: AuditQuery.pageSize)
        return Listing(total: total, entries: entries)
    }
}
