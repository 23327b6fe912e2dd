import SQLKit

/// Revisions of published documents: a revision is its own catalog row pointing at the document
/// it revises, and every version that went live is kept in `document_versions`. Documents
/// already published get their current text as their first recorded version.
struct M009AddRevisions: Migration {
    let number = 9
    let name = "add document revisions and published versions"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.alter(table: "catalog_documents").column("revision_of", type: .bigint).run()
        try await db.create(index: "catalog_revision_of").on("catalog_documents").column("revision_of").run()
        try await db.create(table: "document_versions")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("document_id", type: .bigint, .notNull, .references("catalog_documents", "id"))
            .column("revision", type: .int, .notNull)
            .column("title", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("public_body", type: .text, .notNull)
            .column("published_at_ms", type: .bigint, .notNull)
            .column("published_by", type: .text, .notNull)
            .run()
        try await db.create(index: "document_versions_key").unique().on("document_versions").column("document_id").column("revision")
            .run()
        try await db.raw(
            """
            INSERT INTO document_versions (document_id, revision, title, body, public_body, published_at_ms, published_by)
            SELECT id, revision, title, body,
                   COALESCE(redacted_body, CASE WHEN disclosure = 'redacted' THEN '' ELSE body END), updated_at_ms, ''
            FROM catalog_documents WHERE status IN ('published', 'withdrawn', 'expired')
            """
        ).run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "document_versions").run()
        try await db.drop(index: "catalog_revision_of").run()
        try await db.alter(table: "catalog_documents").dropColumn("revision_of").run()
    }
}
