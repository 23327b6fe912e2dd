import SQLKit

/// Assessments (考核) and what each assessed unit and the assessing office entered for it. The
/// marks are one row per unit, with a version for concurrent edits by the unit and the office.
struct M031CreateAssessments: Migration {
    let number = 31
    let name = "assessments"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "assessments")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("status", type: .text, .notNull)
            .column("content_json", type: .text, .notNull)
            .column("created_at_ms", type: .bigint, .notNull)
            .run()
        try await db.create(index: "assessments_agency").on("assessments").column("agency_id").run()
        try await db.create(table: "assessment_marks")
            .column("assessment_id", type: .bigint, .notNull, .references("assessments", "id"))
            .column("unit_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("content_json", type: .text, .notNull)
            .column("version", type: .int, .notNull)
            .primaryKey("assessment_id", "unit_id")
            .run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "assessment_marks").run()
        try await db.drop(table: "assessments").run()
    }
}
