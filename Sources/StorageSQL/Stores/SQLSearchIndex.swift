import Domain
import SQLKit
import Storage

/// Full-text search over `ChineseSegmenter` terms: FTS5 on SQLite, `tsvector` on PostgreSQL.
struct SQLSearchIndex: SearchIndex {
    let db: any SQLDatabase

    var isSQLite: Bool { db.dialect.name == "sqlite" }

    func put(documentID: Int64, title: String, body: String) async throws {
        let t = ChineseSegmenter.terms(title)
        let b = ChineseSegmenter.terms(body)
        if isSQLite {
            try await remove(documentID: documentID)
            try await db.raw(
                """
                INSERT INTO document_search (rowid, title_bi, title_uni, body_bi, body_uni)
                VALUES (\(bind: documentID), \(bind: t.bigrams), \(bind: t.unigrams), \(bind: b.bigrams), \(bind: b.unigrams))
                """
            ).run()
        } else {
            let titleTerms = t.bigrams + " " + t.unigrams
            let bodyTerms = b.bigrams + " " + b.unigrams
            try await db.raw(
                """
                INSERT INTO document_search (document_id, title_tsv, tsv)
                VALUES (\(bind: documentID), to_tsvector('simple', \(bind: titleTerms)),
                        setweight(to_tsvector('simple', \(bind: titleTerms)), 'A') || setweight(to_tsvector('simple', \(bind: bodyTerms)), 'D'))
                ON CONFLICT (document_id) DO UPDATE SET title_tsv = EXCLUDED.title_tsv, tsv = EXCLUDED.tsv
                """
            ).run()
        }
    }

    func remove(documentID: Int64) async throws {
        if isSQLite {
            try await db.raw("DELETE FROM document_search WHERE rowid = \(bind: documentID)").run()
        } else {
            try await db.raw("DELETE FROM document_search WHERE document_id = \(bind: documentID)").run()
        }
    }

    /// The catalog filters every search applies: public and published, plus the caller's.
    private func filters(_ filter: CatalogFilter) -> SQLQueryString {
        var sql: SQLQueryString = " AND d.status = 'published' AND d.disclosure IN ('public', 'redacted')"
        if let c = filter.categoryCode { sql += " AND d.category_code = \(bind: c)" }
        if let a = filter.agencyID { sql += " AND d.agency_id = \(bind: a)" }
        if let y = filter.year { sql += " AND d.published_on LIKE \(bind: "\(y)-%")" }
        if let v = filter.validity { sql += " AND d.validity_status = \(bind: v.rawValue)" }
        if let s = filter.subject { sql += " AND d.subject = \(bind: s)" }
        if let c = filter.column { sql += " AND d.special_columns LIKE \(bind: "%|\(c)|%")" }
        return sql
    }

    func search(_ query: String, _ filter: CatalogFilter, limit: Int, offset: Int) async throws
        -> (total: Int, hits: [SearchHit])
    {
        let parts = ChineseSegmenter.query(query)
        if parts.isEmpty { return (0, []) }
        let conditions = filters(filter)
        if isSQLite {
            // FTS5 phrases, each limited to the bigram or unigram columns.
            func expression(titleOnly: Bool) -> String {
                parts.map { part in
                    let columns =
                        part.inUnigrams ? (titleOnly ? "title_uni" : "title_uni body_uni") : (titleOnly ? "title_bi" : "title_bi body_bi")
                    return "({\(columns)} : \"\(part.terms.joined(separator: " "))\")"
                }.joined(separator: " AND ")
            }
            let all = expression(titleOnly: false)
            let title = expression(titleOnly: true)
            let from: SQLQueryString =
                "FROM document_search JOIN catalog_documents d ON d.id = document_search.rowid WHERE document_search MATCH \(bind: all)"
            let total = try await db.raw("SELECT count(*) AS n " + from + conditions).first()?.decode(column: "n", as: Int.self) ?? 0
            let rows = try await db.raw(
                "SELECT document_search.rowid AS id, (document_search.rowid IN (SELECT rowid FROM document_search WHERE document_search MATCH \(bind: title))) AS in_title, bm25(document_search, 10.0, 10.0, 1.0, 1.0) AS rank "
                    + from + conditions + " ORDER BY in_title DESC, rank, d.published_on DESC LIMIT \(bind: limit) OFFSET \(bind: offset)"
            ).all()
            return (
                total,
                try rows.map {
                    SearchHit(documentID: try $0.decode(column: "id"), titleMatched: try $0.decode(column: "in_title", as: Int.self) != 0)
                }
            )
        }
        var tsquery: SQLQueryString = "("
        for (i, part) in parts.enumerated() {
            if i > 0 { tsquery += " && " }
            tsquery += "phraseto_tsquery('simple', \(bind: part.terms.joined(separator: " ")))"
        }
        tsquery += ")"
        let from: SQLQueryString =
            "FROM document_search s JOIN catalog_documents d ON d.id = s.document_id CROSS JOIN (SELECT " + tsquery
            + " AS q) AS query WHERE s.tsv @@ query.q"
        let total = try await db.raw("SELECT count(*) AS n " + from + conditions).first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            "SELECT s.document_id AS id, (s.title_tsv @@ query.q) AS in_title, ts_rank(s.tsv, query.q) AS rank " + from + conditions
                + " ORDER BY in_title DESC, rank DESC, d.published_on DESC LIMIT \(bind: limit) OFFSET \(bind: offset)"
        ).all()
        return (
            total,
            try rows.map {
                SearchHit(documentID: try $0.decode(column: "id"), titleMatched: try $0.decode(column: "in_title", as: Bool.self))
            }
        )
    }
}
