import SQLKit

/// The public-opinion register (舆情台账).
struct M023CreateOpinionRegister: Migration {
    let number = 23
    let name = "create public-opinion register"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "opinion_items")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("found_at_ms", type: .bigint, .notNull)
            .column("content_json", type: .text, .notNull)
            .run()
        try await db.create(index: "opinion_items_agency").on("opinion_items").column("agency_id").column("found_at_ms").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "opinion_items").run()
    }
}
