import SQLKit

/// NPC suggestions and CPPCC proposals: one per kind, year and number within an agency.
struct M022CreateProposals: Migration {
    let number = 22
    let name = "create proposals"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "proposals")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("kind", type: .text, .notNull)
            .column("year", type: .int, .notNull)
            .column("number", type: .text, .notNull)
            .column("content_json", type: .text, .notNull)
            .run()
        try await db.create(index: "proposals_number").unique().on("proposals").column("agency_id").column("kind").column("year").column(
            "number"
        ).run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "proposals").run()
    }
}
