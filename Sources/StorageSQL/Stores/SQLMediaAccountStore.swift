import Domain
import Foundation
import SQLKit
import Storage

struct SQLMediaAccountStore: MediaAccountStore {
    let db: any SQLDatabase

    static func decode(_ row: any SQLRow) throws -> MediaAccount {
        try SQLConsultationStore.decode(row, as: MediaAccount.self) { $0.id = $1 }
    }

    func create(_ a: MediaAccount) async throws -> MediaAccount {
        let row = try await db.insert(into: "media_accounts").columns("agency_id", "status", "content_json", "created_at_ms")
            .values(SQLBind(a.agencyID), SQLBind(a.status.rawValue), SQLBind(try SQLConsultationStore.json(a)), SQLBind(a.createdAtMillis))
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("保存失败") }
        var stored = a
        stored.id = id
        return stored
    }

    func find(id: Int64) async throws -> MediaAccount? {
        try await db.select().columns("id", "content_json").from("media_accounts").where("id", .equal, SQLBind(id)).first().map(Self.decode)
    }

    func update(_ a: MediaAccount) async throws {
        try await db.update("media_accounts").set("status", to: SQLBind(a.status.rawValue))
            .set("content_json", to: SQLBind(try SQLConsultationStore.json(a))).where("id", .equal, SQLBind(a.id)).run()
    }

    func list(agencyIDs: [Int64]) async throws -> [MediaAccount] {
        if agencyIDs.isEmpty { return [] }
        return try await db.select().columns("id", "content_json").from("media_accounts")
            .where("agency_id", .in, SQLBind.group(agencyIDs)).orderBy("agency_id").orderBy("id", .descending).all().map(Self.decode)
    }
}
