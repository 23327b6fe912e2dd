import SQLKit

/// The 政务公开标准目录 an agency has loaded: one row per agency, its items (with their category
/// mapping) in the JSON content.
struct M030CreateStandardCatalogs: Migration {
    let number = 30
    let name = "standard catalogs"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "standard_catalogs")
            .column("agency_id", type: .bigint, .primaryKey(autoIncrement: false), .references("agencies", "id"))
            .column("content_json", type: .text, .notNull)
            .column("loaded_at_ms", type: .bigint, .notNull)
            .run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "standard_catalogs").run()
    }
}
