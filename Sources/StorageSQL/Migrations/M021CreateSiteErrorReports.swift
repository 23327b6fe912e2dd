import SQLKit

/// Website error reports; an imported report's national number is unique per agency.
struct M021CreateSiteErrorReports: Migration {
    let number = 21
    let name = "create website error reports"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "site_error_reports")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("external_id", type: .text)
            .column("status", type: .text, .notNull)
            .column("received_on", type: .text, .notNull)
            .column("content_json", type: .text, .notNull)
            .run()
        try await db.create(index: "site_error_reports_external").unique().on("site_error_reports").column("agency_id").column(
            "external_id"
        ).run()
        try await db.create(index: "site_error_reports_agency").on("site_error_reports").column("agency_id").column("received_on").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "site_error_reports").run()
    }
}
