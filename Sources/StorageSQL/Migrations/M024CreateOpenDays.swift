import SQLKit

/// Government open days; registrations are kept with the day and changed in its row.
struct M024CreateOpenDays: Migration {
    let number = 24
    let name = "create open days"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "open_days")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("announced", type: .int, .notNull)
            .column("day", type: .text, .notNull)
            .column("content_json", type: .text, .notNull)
            .run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "open_days").run()
    }
}
