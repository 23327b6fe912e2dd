import SQLKit

/// Annual reports: one row per agency and year, the report itself as JSON (narratives, entries,
/// the locked figures and corrections), and the PDF once printed.
struct M018CreateAnnualReports: Migration {
    let number = 18
    let name = "create annual reports"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "annual_reports")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("year", type: .int, .notNull)
            .column("state", type: .text, .notNull)
            .column("content_json", type: .text, .notNull)
            .column("pdf", type: .blob)
            .column("updated_at_ms", type: .bigint, .notNull)
            .run()
        try await db.create(index: "annual_reports_agency_year").unique().on("annual_reports").column("agency_id").column("year").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "annual_reports").run()
    }
}
