import Domain
import Foundation
import SQLKit
import Storage

struct SQLOpenDayStore: OpenDayStore {
    let db: any SQLDatabase

    static func decode(_ row: any SQLRow) throws -> OpenDay { try SQLConsultationStore.decode(row, as: OpenDay.self) { $0.id = $1 } }

    func create(_ d: OpenDay) async throws -> OpenDay {
        let row = try await db.insert(into: "open_days").columns("agency_id", "announced", "day", "content_json")
            .values(
                SQLBind(d.agencyID), SQLBind(d.announced ? 1 : 0), SQLBind(d.date.description), SQLBind(try SQLConsultationStore.json(d))
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("保存失败") }
        var stored = d
        stored.id = id
        return stored
    }

    func find(id: Int64) async throws -> OpenDay? {
        try await db.select().columns("id", "content_json").from("open_days").where("id", .equal, SQLBind(id)).first().map(Self.decode)
    }

    func findForUpdate(id: Int64) async throws -> OpenDay? {
        // SQLite transactions here begin IMMEDIATE and are serialised already.
        if db.dialect.name == "sqlite" { return try await find(id: id) }
        return try await db.raw("SELECT id, content_json FROM open_days WHERE id = \(bind: id) FOR UPDATE").first().map(Self.decode)
    }

    func update(_ d: OpenDay) async throws {
        try await db.update("open_days").set("announced", to: SQLBind(d.announced ? 1 : 0)).set("day", to: SQLBind(d.date.description))
            .set("content_json", to: SQLBind(try SQLConsultationStore.json(d))).where("id", .equal, SQLBind(d.id)).run()
    }

    func list(agencyID: Int64?) async throws -> [OpenDay] {
        var q = db.select().columns("id", "content_json").from("open_days")
        if let agencyID { q = q.where("agency_id", .equal, SQLBind(agencyID)) } else { q = q.where("announced", .equal, SQLBind(1)) }
        return try await q.orderBy("day", .descending).orderBy("id", .descending).all().map(Self.decode)
    }
}
