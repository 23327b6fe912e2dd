import SQLKit

struct M001CreateAgencies: Migration {
    let number = 1
    let name = "create agencies and departments"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "agencies")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("parent_id", type: .bigint, .references("agencies", "id"))
            .column("name", type: .text, .notNull)
            .column("credit_code", type: .text, .notNull, .unique)
            .column("kind", type: .text, .notNull)
            .column("contact_office", type: .text, .notNull)
            .column("contact_address", type: .text, .notNull)
            .column("contact_hours", type: .text, .notNull)
            .column("contact_phone", type: .text, .notNull)
            .column("contact_fax", type: .text, .notNull)
            .column("contact_email", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "agencies_parent").on("agencies").column("parent_id").run()
        try await db.create(table: "departments")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("name", type: .text, .notNull)
            .unique("agency_id", "name")
            .run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "departments").run()
        try await db.drop(table: "agencies").run()
    }
}
