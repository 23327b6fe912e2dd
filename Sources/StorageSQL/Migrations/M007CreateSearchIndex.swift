import SQLKit

/// The full-text index of public documents. The one place where the two databases differ:
/// SQLite gets an FTS5 table, PostgreSQL a table of `tsvector`s with a GIN index. Both hold
/// the terms `ChineseSegmenter` makes, so the same queries find the same documents.
struct M007CreateSearchIndex: Migration {
    let number = 7
    let name = "create the full-text search index"

    func prepare(on db: any SQLDatabase) async throws {
        if db.dialect.name == "sqlite" {
            try await db.raw(
                "CREATE VIRTUAL TABLE document_search USING fts5(title_bi, title_uni, body_bi, body_uni, tokenize = 'unicode61')"
            ).run()
        } else {
            try await db.raw(
                """
                CREATE TABLE document_search (
                  document_id BIGINT PRIMARY KEY REFERENCES catalog_documents (id),
                  title_tsv TSVECTOR NOT NULL,
                  tsv TSVECTOR NOT NULL)
                """
            ).run()
            try await db.raw("CREATE INDEX document_search_tsv ON document_search USING GIN (tsv)").run()
        }
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "document_search").run()
    }
}
