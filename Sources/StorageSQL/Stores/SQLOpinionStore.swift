import Domain
import Foundation
import SQLKit
import Storage

struct SQLOpinionStore: OpinionStore {
    let db: any SQLDatabase

    static func decode(_ row: any SQLRow) throws -> OpinionItem {
        try SQLConsultationStore.decode(row, as: OpinionItem.self) { $0.id = $1 }
    }

    func create(_ o: OpinionItem) async throws -> OpinionItem {
        let row = try await db.insert(into: "opinion_items").columns("agency_id", "found_at_ms", "content_json")
            .values(SQLBind(o.agencyID), SQLBind(o.foundAtMillis), SQLBind(try SQLConsultationStore.json(o))).returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("保存失败") }
        var stored = o
        stored.id = id
        return stored
    }

    func find(id: Int64) async throws -> OpinionItem? {
        try await db.select().columns("id", "content_json").from("opinion_items").where("id", .equal, SQLBind(id)).first().map(Self.decode)
    }

    func update(_ o: OpinionItem) async throws {
        try await db.update("opinion_items").set("content_json", to: SQLBind(try SQLConsultationStore.json(o))).where(
            "id", .equal, SQLBind(o.id)
        ).run()
    }

    func list(agencyID: Int64) async throws -> [OpinionItem] {
        try await db.select().columns("id", "content_json").from("opinion_items").where("agency_id", .equal, SQLBind(agencyID))
            .orderBy("found_at_ms", .descending).orderBy("id", .descending).all().map(Self.decode)
    }
}
