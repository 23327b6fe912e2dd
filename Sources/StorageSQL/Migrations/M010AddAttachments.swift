import SQLKit

/// Attachments with their original and public (metadata-stripped) bytes, and the source of a
/// screening finding (the body or an attachment).
struct M010AddAttachments: Migration {
    let number = 10
    let name = "add attachments and finding sources"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "attachments")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("document_id", type: .bigint, .notNull, .references("catalog_documents", "id"))
            .column("file_name", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("content_type", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("removed_metadata", type: .text, .notNull)
            .column("extracted_text", type: .text)
            .column("original", type: .blob, .notNull)
            .column("public_copy", type: .blob, .notNull)
            .column("uploaded_by", type: .text, .notNull)
            .column("created_at_ms", type: .bigint, .notNull)
            .column("retired_at_ms", type: .bigint)
            .run()
        try await db.create(index: "attachments_document").on("attachments").column("document_id").run()
        try await db.alter(table: "screening_findings").column("source", type: .text).run()
        try await db.update("screening_findings").set("source", to: SQLBind("")).run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.alter(table: "screening_findings").dropColumn("source").run()
        try await db.drop(table: "attachments").run()
    }
}
