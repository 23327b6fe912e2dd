import Domain
import Foundation
import SQLKit
import Storage

struct SQLStandardCatalogStore: StandardCatalogStore {
    let db: any SQLDatabase

    func find(agencyID: Int64) async throws -> StandardCatalog? {
        guard
            let row = try await db.select().column("content_json").from("standard_catalogs")
                .where("agency_id", .equal, SQLBind(agencyID)).first()
        else { return nil }
        return try JSONDecoder().decode(StandardCatalog.self, from: Data(try row.decode(column: "content_json", as: String.self).utf8))
    }

    func save(_ catalog: StandardCatalog) async throws {
        let json = String(decoding: try JSONEncoder().encode(catalog), as: UTF8.self)
        let updated = try await db.update("standard_catalogs").set("content_json", to: SQLBind(json))
            .set("loaded_at_ms", to: SQLBind(catalog.loadedAt)).where("agency_id", .equal, SQLBind(catalog.agencyID))
            .returning("agency_id").all()
        if updated.isEmpty {
            try await db.insert(into: "standard_catalogs").columns("agency_id", "content_json", "loaded_at_ms")
                .values(SQLBind(catalog.agencyID), SQLBind(json), SQLBind(catalog.loadedAt)).run()
        }
    }
}
