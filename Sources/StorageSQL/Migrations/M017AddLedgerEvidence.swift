import SQLKit

/// Evidence files attached to progress reports (通知、截图、台账扫描件).
struct M017AddLedgerEvidence: Migration {
    let number = 17
    let name = "add evidence files to ledger reports"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "ledger_files")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("plan_id", type: .bigint, .notNull, .references("work_plans", "id"))
            .column("report_id", type: .bigint, .notNull, .references("progress_reports", "id"))
            .column("file_name", type: .text, .notNull)
            .column("content_type", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("data", type: .blob, .notNull)
            .column("created_at_ms", type: .bigint, .notNull)
            .run()
        try await db.create(index: "ledger_files_report").on("ledger_files").column("report_id").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "ledger_files").run()
    }
}
