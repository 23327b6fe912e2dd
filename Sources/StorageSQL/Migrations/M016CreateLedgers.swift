import SQLKit

/// Work plans and their task ledgers: tasks (with sub-tasks), reporting rounds, progress reports
/// with the office's review, and 督办 notices.
struct M016CreateLedgers: Migration {
    let number = 16
    let name = "create work plans and task ledgers"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "work_plans")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("year", type: .int, .notNull)
            .column("title", type: .text, .notNull)
            .column("document_id", type: .bigint)
            .column("created_at_ms", type: .bigint, .notNull)
            .run()
        try await db.create(table: "ledger_tasks")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("plan_id", type: .bigint, .notNull, .references("work_plans", "id"))
            .column("agency_id", type: .bigint, .notNull)
            .column("parent_id", type: .bigint)
            .column("position", type: .int, .notNull)
            .column("section_number", type: .text, .notNull)
            .column("section_title", type: .text, .notNull)
            .column("number", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("content", type: .text, .notNull)
            .column("indicator", type: .text, .notNull)
            .column("leader", type: .text, .notNull)
            .column("units_json", type: .text, .notNull)
            .column("deadline", type: .text)
            .column("deadline_text", type: .text, .notNull)
            .column("weight", type: .int, .notNull)
            .column("status", type: .text, .notNull)
            .column("progress", type: .int, .notNull)
            .column("carried_from", type: .bigint)
            .run()
        try await db.create(index: "ledger_tasks_plan").on("ledger_tasks").column("plan_id").column("position").run()
        try await db.create(table: "reporting_rounds")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("plan_id", type: .bigint, .notNull, .references("work_plans", "id"))
            .column("title", type: .text, .notNull)
            .column("due_on", type: .text, .notNull)
            .run()
        try await db.create(table: "progress_reports")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("plan_id", type: .bigint, .notNull, .references("work_plans", "id"))
            .column("task_id", type: .bigint, .notNull, .references("ledger_tasks", "id"))
            .column("round_id", type: .bigint, .notNull, .references("reporting_rounds", "id"))
            .column("unit_name", type: .text, .notNull)
            .column("department_id", type: .bigint)
            .column("text", type: .text, .notNull)
            .column("percent", type: .int, .notNull)
            .column("state", type: .text, .notNull)
            .column("evidence_json", type: .text, .notNull)
            .column("submitted_by", type: .text, .notNull)
            .column("submitted_at_ms", type: .bigint, .notNull)
            .column("review", type: .text, .notNull)
            .column("review_comment", type: .text, .notNull)
            .column("reviewed_by", type: .text, .notNull)
            .column("reviewed_at_ms", type: .bigint)
            .run()
        try await db.create(index: "progress_reports_plan").on("progress_reports").column("plan_id").column("task_id").run()
        try await db.create(table: "ledger_notices")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("plan_id", type: .bigint, .notNull, .references("work_plans", "id"))
            .column("task_id", type: .bigint, .notNull, .references("ledger_tasks", "id"))
            .column("text", type: .text, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("created_at_ms", type: .bigint, .notNull)
            .run()
    }

    func revert(on db: any SQLDatabase) async throws {
        for t in ["ledger_notices", "progress_reports", "reporting_rounds", "ledger_tasks", "work_plans"] {
            try await db.drop(table: t).run()
        }
    }
}
