import SQLKit

struct M004CreateCalendar: Migration {
    let number = 4
    let name = "create holiday notices added by the office"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "holiday_notices")
            .column("year", type: .int, .primaryKey(autoIncrement: false))
            .column("source", type: .text, .notNull)
            .column("saved_ms", type: .bigint, .notNull)
            .run()
        try await db.create(table: "holiday_days")
            .column("year", type: .int, .notNull, .references("holiday_notices", "year"))
            .column("day", type: .text, .notNull)
            .column("is_workday", type: .int, .notNull)
            .unique("year", "day")
            .run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "holiday_days").run()
        try await db.drop(table: "holiday_notices").run()
    }
}
