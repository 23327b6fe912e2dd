import SQLKit

/// Each agency's catalog configuration (categories, review chains, 索引号 rule) as JSON.
struct M011AddCatalogSettings: Migration {
    let number = 11
    let name = "add per-agency catalog settings"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "agency_catalog_settings")
            .column("agency_id", type: .bigint, .primaryKey(autoIncrement: false), .references("agencies", "id"))
            .column("settings_json", type: .text, .notNull)
            .column("updated_at_ms", type: .bigint, .notNull)
            .run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "agency_catalog_settings").run()
    }
}
