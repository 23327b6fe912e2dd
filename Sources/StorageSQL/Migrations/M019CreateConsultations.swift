import SQLKit

/// Consultations on drafts and their comments: the columns lists filter on, the rest as JSON.
struct M019CreateConsultations: Migration {
    let number = 19
    let name = "create consultations and comments"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "consultations")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("published", type: .int, .notNull)
            .column("opens_on", type: .text, .notNull)
            .column("content_json", type: .text, .notNull)
            .column("updated_at_ms", type: .bigint, .notNull)
            .run()
        try await db.create(index: "consultations_agency").on("consultations").column("agency_id").run()
        try await db.create(table: "public_comments")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("consultation_id", type: .bigint, .notNull, .references("consultations", "id"))
            .column("status", type: .text, .notNull)
            .column("content_json", type: .text, .notNull)
            .column("created_at_ms", type: .bigint, .notNull)
            .run()
        try await db.create(index: "public_comments_consultation").on("public_comments").column("consultation_id").column("status").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "public_comments").run()
        try await db.drop(table: "consultations").run()
    }
}
