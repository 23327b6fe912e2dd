import SQLKit

/// Scheduled publishing and automatic expiry on catalog documents, and each agency's list of
/// wrong or sensitive words (错敏词库) for screening.
struct M008AddSchedulingAndWordList: Migration {
    let number = 8
    let name = "add scheduled publishing, expiry and the 错敏词 list"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.alter(table: "catalog_documents").column("scheduled_at_ms", type: .bigint).run()
        try await db.alter(table: "catalog_documents").column("expires_on", type: .text).run()
        try await db.create(table: "sensitive_words")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("word", type: .text, .notNull)
            .column("replacement", type: .text)
            .column("created_at_ms", type: .bigint, .notNull)
            .run()
        try await db.create(index: "sensitive_words_key").unique().on("sensitive_words").column("agency_id").column("word").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "sensitive_words").run()
        try await db.alter(table: "catalog_documents").dropColumn("expires_on").run()
        try await db.alter(table: "catalog_documents").dropColumn("scheduled_at_ms").run()
    }
}
