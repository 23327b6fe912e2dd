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

    /// How many of the newest matches are ranked by relevance. Ranking every match of a
    /// common two-character term (a third of the catalog) costs time that grows with the
    /// catalog; ranking the newest window keeps a query's cost flat, and for a disclosure
    /// catalog the newest matches are what readers look for. Pages past the window continue
    /// newest first.
    static let rankedWindow = 1000

    func search(_ query: String, _ filter: CatalogFilter, limit: Int, offset: Int) async throws
        -> (total: Int, hits: [SearchHit])
    {
        let parts = ChineseSegmenter.query(query)
        if parts.isEmpty { return (0, []) }
        let conditions = filters(filter)
        // The index holds exactly the public documents, so without filters it can count alone.
        let unfiltered = filter == .none
        let window = Self.rankedWindow
        let ranked = offset + limit <= window
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
            let matches: SQLQueryString =
                "FROM document_search JOIN catalog_documents d ON d.id = document_search.rowid WHERE document_search MATCH \(bind: all)"
                + conditions
            let total: Int
            if unfiltered {
                total =
                    try await db.raw("SELECT count(*) AS n FROM document_search WHERE document_search MATCH \(bind: all)").first()?
                    .decode(column: "n", as: Int.self) ?? 0
            } else {
                total = try await db.raw("SELECT count(*) AS n " + matches).first()?.decode(column: "n", as: Int.self) ?? 0
            }
            let rows: [any SQLRow]
            if ranked {
                // The newest matches and the newest title matches, title matches first, then BM25
                // (title columns weigh ten times the body).
                rows = try await db.raw(
                    "WITH candidates AS (SELECT document_search.rowid AS id, bm25(document_search, 10.0, 10.0, 1.0, 1.0) AS rank, d.published_on AS published "
                        + matches + " ORDER BY document_search.rowid DESC LIMIT \(bind: window)), "
                        + "titled AS (SELECT rowid AS id FROM document_search WHERE document_search MATCH \(bind: title) ORDER BY rowid DESC LIMIT \(bind: window)) "
                        + "SELECT id, (id IN (SELECT id FROM titled)) AS in_title FROM candidates "
                        + "ORDER BY in_title DESC, rank, published DESC LIMIT \(bind: limit) OFFSET \(bind: offset)"
                ).all()
            } else {
                rows = try await db.raw(
                    "SELECT document_search.rowid AS id, 0 AS in_title " + matches
                        + " ORDER BY document_search.rowid DESC LIMIT \(bind: limit) OFFSET \(bind: offset)"
                ).all()
            }
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
            + " AS q) AS query WHERE s.tsv @@ query.q" + conditions
        let total: Int
        if unfiltered {
            total =
                try await db.raw(
                    "SELECT count(*) AS n FROM document_search s CROSS JOIN (SELECT " + tsquery + " AS q) AS query WHERE s.tsv @@ query.q"
                ).first()?.decode(column: "n", as: Int.self) ?? 0
        } else {
            total = try await db.raw("SELECT count(*) AS n " + from).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        let rows: [any SQLRow]
        if ranked {
            rows = try await db.raw(
                "WITH candidates AS (SELECT s.document_id AS id, (s.title_tsv @@ query.q) AS in_title, ts_rank(s.tsv, query.q) AS rank, d.published_on AS published "
                    + from + " ORDER BY s.document_id DESC LIMIT \(bind: window)) "
                    + "SELECT id, in_title FROM candidates ORDER BY in_title DESC, rank DESC, published DESC LIMIT \(bind: limit) OFFSET \(bind: offset)"
            ).all()
        } else {
            rows = try await db.raw(
                "SELECT s.document_id AS id, false AS in_title " + from
                    + " ORDER BY s.document_id DESC LIMIT \(bind: limit) OFFSET \(bind: offset)"
            ).all()
        }
        return (
            total,
            try rows.map {
                SearchHit(documentID: try $0.decode(column: "id"), titleMatched: try $0.decode(column: "in_title", as: Bool.self))
            }
        )
    }
}
