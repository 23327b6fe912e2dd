import SQLKit

/// Questionnaires and their responses; one response per respondent where identity is required.
struct M025CreateSurveys: Migration {
    let number = 25
    let name = "create surveys and responses"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "surveys")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("published", type: .int, .notNull)
            .column("opens_on", type: .text, .notNull)
            .column("content_json", type: .text, .notNull)
            .run()
        try await db.create(index: "surveys_agency").on("surveys").column("agency_id").run()
        try await db.create(table: "survey_responses")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("survey_id", type: .bigint, .notNull, .references("surveys", "id"))
            .column("respondent", type: .text, .notNull)
            .column("confirmed", type: .int, .notNull)
            .column("content_json", type: .text, .notNull)
            .column("created_at_ms", type: .bigint, .notNull)
            .run()
        try await db.create(index: "survey_responses_survey").on("survey_responses").column("survey_id").run()
        // Anonymous responses have no respondent; everyone else answers once.
        try await db.raw(
            "CREATE UNIQUE INDEX survey_responses_respondent ON survey_responses (survey_id, respondent) WHERE respondent <> ''"
        ).run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "survey_responses").run()
        try await db.drop(table: "surveys").run()
    }
}
