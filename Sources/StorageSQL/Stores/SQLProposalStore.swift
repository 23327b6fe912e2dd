import Domain
import Foundation
import SQLKit
import Storage

struct SQLProposalStore: ProposalStore {
    let db: any SQLDatabase

    static func decode(_ row: any SQLRow) throws -> Proposal { try SQLConsultationStore.decode(row, as: Proposal.self) { $0.id = $1 } }

    func create(_ p: Proposal) async throws -> Proposal {
        do {
            let row = try await db.insert(into: "proposals").columns("agency_id", "kind", "year", "number", "content_json")
                .values(
                    SQLBind(p.agencyID), SQLBind(p.kind.rawValue), SQLBind(p.year), SQLBind(p.number),
                    SQLBind(try SQLConsultationStore.json(p))
                )
                .returning("id").first()
            guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("保存失败") }
            var stored = p
            stored.id = id
            return stored
        } catch  where isUniqueViolation(error) {
            throw DomainError.conflict("\(p.year)年\(p.kind.label)第\(p.number)号已登记")
        }
    }

    func find(id: Int64) async throws -> Proposal? {
        try await db.select().columns("id", "content_json").from("proposals").where("id", .equal, SQLBind(id)).first().map(Self.decode)
    }

    func update(_ p: Proposal) async throws {
        try await db.update("proposals").set("content_json", to: SQLBind(try SQLConsultationStore.json(p))).where(
            "id", .equal, SQLBind(p.id)
        ).run()
    }

    func list(agencyID: Int64, year: Int?) async throws -> [Proposal] {
        var q = db.select().columns("id", "content_json").from("proposals").where("agency_id", .equal, SQLBind(agencyID))
        if let year { q = q.where("year", .equal, SQLBind(year)) }
        return try await q.orderBy("year", .descending).orderBy("kind").orderBy("id").all().map(Self.decode)
    }
}
