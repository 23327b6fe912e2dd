import SQLKit

/// The disclosure catalog: documents with full metadata and workflow state, the review trail,
/// screening findings and the per-agency 索引号 serials. The foundation's minimal `documents`
/// rows move into `catalog_documents` as published 主动公开 documents.
struct M006CreateCatalog: Migration {
    let number = 6
    let name = "create the disclosure catalog"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "catalog_documents")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("department_id", type: .bigint)
            .column("drafter_id", type: .bigint)
            .column("kind", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("document_number", type: .text, .notNull)
            .column("category_code", type: .text, .notNull)
            .column("disclosure", type: .text, .notNull)
            .column("exemption", type: .text)
            .column("legal_basis", type: .text, .notNull)
            .column("index_number", type: .text)
            .column("written_on", type: .text)
            .column("published_on", type: .text)
            .column("formed_on", type: .text)
            .column("keywords", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .column("validity_status", type: .text)
            .column("effective_from", type: .text)
            .column("effective_until", type: .text)
            .column("superseded_by", type: .bigint)
            .column("interprets_id", type: .bigint)
            .column("interpretation_form", type: .text)
            .column("needs_interpretation", type: .int, .notNull)
            .column("important", type: .int, .notNull)
            .column("status", type: .text, .notNull)
            .column("review_level", type: .int, .notNull)
            .column("revision", type: .int, .notNull)
            .column("redacted_body", type: .text)
            .column("created_at_ms", type: .bigint, .notNull)
            .column("updated_at_ms", type: .bigint, .notNull)
            .run()
        try await db.create(index: "catalog_index_number").unique().on("catalog_documents").column("agency_id").column("index_number").run()
        try await db.create(index: "catalog_public").on("catalog_documents").column("status").column("published_on").run()
        try await db.create(index: "catalog_agency_status").on("catalog_documents").column("agency_id").column("status").run()
        try await db.create(index: "catalog_interprets").on("catalog_documents").column("interprets_id").run()

        try await db.create(table: "review_steps")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("document_id", type: .bigint, .notNull, .references("catalog_documents", "id"))
            .column("revision", type: .int, .notNull)
            .column("action", type: .text, .notNull)
            .column("level_name", type: .text, .notNull)
            .column("actor_id", type: .bigint)
            .column("actor_name", type: .text, .notNull)
            .column("comment", type: .text, .notNull)
            .column("at_ms", type: .bigint, .notNull)
            .run()
        try await db.create(index: "review_steps_document").on("review_steps").column("document_id").run()

        try await db.create(table: "screening_findings")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("document_id", type: .bigint, .notNull, .references("catalog_documents", "id"))
            .column("kind", type: .text, .notNull)
            .column("match_text", type: .text, .notNull)
            .column("match_offset", type: .int, .notNull)
            .column("match_length", type: .int, .notNull)
            .column("masked", type: .text, .notNull)
            .column("context", type: .text, .notNull)
            .column("suggestion", type: .text)
            .column("resolution", type: .text, .notNull)
            .column("resolved_by", type: .text, .notNull)
            .column("reason", type: .text, .notNull)
            .run()
        try await db.create(index: "screening_findings_document").on("screening_findings").column("document_id").run()

        try await db.create(table: "index_serials")
            .column("agency_id", type: .bigint, .notNull)
            .column("year", type: .int, .notNull)
            .column("last_serial", type: .int, .notNull)
            .run()
        try await db.create(index: "index_serials_key").unique().on("index_serials").column("agency_id").column("year").run()

        // Carry the foundation's published documents over.
        try await db.raw(
            """
            INSERT INTO catalog_documents (agency_id, kind, title, body, document_number, category_code, disclosure, legal_basis,
              written_on, published_on, formed_on, keywords, subject, needs_interpretation, important, status, review_level, revision,
              created_at_ms, updated_at_ms)
            SELECT agency_id, 'general', title, body, document_number, 'policy', 'public', '', written_on, published_on, written_on,
              '', '', 0, 0, 'published', 0, 1, 0, 0 FROM documents ORDER BY id
            """
        ).run()
        try await db.drop(table: "documents").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await M005CreateDocuments().prepare(on: db)
        try await db.raw(
            """
            INSERT INTO documents (agency_id, title, body, document_number, written_on, published_on)
            SELECT agency_id, title, body, document_number, COALESCE(written_on, published_on), published_on FROM catalog_documents
            WHERE status = 'published' ORDER BY id
            """
        ).run()
        try await db.drop(table: "index_serials").run()
        try await db.drop(table: "screening_findings").run()
        try await db.drop(table: "review_steps").run()
        try await db.drop(table: "catalog_documents").run()
    }
}
