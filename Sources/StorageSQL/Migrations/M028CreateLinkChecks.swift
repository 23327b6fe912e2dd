import SQLKit

/// Runs of the link checker: when, over which address, and what it found (JSON), per agency.
struct M028CreateLinkChecks: Migration {
    let number = 28
    let name = "link checker runs"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "link_check_runs")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("origin", type: .text, .notNull)
            .column("started_by", type: .text, .notNull)
            .column("started_at_ms", type: .bigint, .notNull)
            .column("finished_at_ms", type: .bigint)
            .column("result_json", type: .text)
            .run()
        try await db.create(index: "link_check_runs_agency").on("link_check_runs").column("agency_id").column("id").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "link_check_runs").run()
    }
}
