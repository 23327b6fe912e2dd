import Domain
import Foundation
import SQLKit
import Storage

/// Full-text search over `ChineseSegmenter` terms: FTS5 on SQLite, `tsvector` on PostgreSQL.
struct SQLSearchIndex: SearchIndex {
    let db: any SQLDatabase
    /// How many of the newest matches are ranked (see `rankedWindow`); small in tests.
    var window = Self.rankedWindow
    /// Where counting stops (see `SearchResults.countLimit`); small in tests.
    var countLimit = SearchResults.countLimit

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
    static let rankedWindow = 500

    /// The public text of a document, as indexed: the redacted copy of a 删减后公开 document.
    static let publicText: SQLQueryString =
        "CASE WHEN d.redacted_body IS NOT NULL THEN d.redacted_body WHEN d.disclosure = 'redacted' THEN '' ELSE d.body END"

    /// Ranks the window's rows (`id`, `title`, `text`, `published`) and cuts out the page.
    static func rankWindow(_ rows: [any SQLRow], _ parts: [ChineseSegmenter.QueryPart], limit: Int, offset: Int) throws -> [SearchHit] {
        let candidates = try rows.map {
            SearchRanking.Candidate(
                id: try $0.decode(column: "id"), title: try $0.decode(column: "title"), body: try $0.decode(column: "text"),
                publishedOn: try $0.decode(column: "published", as: String?.self) ?? "")
        }
        return SearchRanking.rank(parts, candidates).dropFirst(offset).prefix(limit).map {
            SearchHit(documentID: $0.id, titleMatched: $0.titleMatched)
        }
    }

    /// The window PostgreSQL counted, from its rows `id,published,title bytes,body bytes,title
    /// count 1,body count 1,...` joined by `;` (a date holds neither separator).
    static func windowCounts(_ text: String?, parts: Int) throws -> [SearchRanking.Counts] {
        guard let text, !text.isEmpty else { return [] }
        var out: [SearchRanking.Counts] = []
        for row in text.utf8.split(separator: UInt8(ascii: ";")) {
            let f = row.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard f.count == 4 + 2 * parts, let id = Int64(Substring(f[0])) else { throw DomainError.conflict("检索结果格式有误") }
            let n = try f[2...].map { v -> Int in
                guard let n = Int(Substring(v)) else { throw DomainError.conflict("检索结果格式有误") }
                return n
            }
            out.append(
                .init(
                    id: id, title: (0..<parts).map { n[2 + 2 * $0] }, body: (0..<parts).map { n[3 + 2 * $0] },
                    titleLength: Double(n[0]), bodyLength: Double(n[1]), publishedOn: String(Substring(f[1]))))
        }
        return out
    }

    /// The total from a count that stopped at `countLimit + 1`.
    func counted(_ n: Int, _ hits: [SearchHit]) -> SearchResults {
        SearchResults(total: min(n, countLimit), totalIsExact: n <= countLimit, hits: hits)
    }

    func search(_ query: String, _ filter: CatalogFilter, limit: Int, offset: Int) async throws -> SearchResults {
        let parts = ChineseSegmenter.query(query)
        if parts.isEmpty { return SearchResults(total: 0, hits: []) }
        let cap = countLimit
        let limit = max(0, min(limit, cap - offset))
        let conditions = filters(filter)
        // The index holds exactly the public documents, so without filters it can count alone.
        let unfiltered = filter == .none
        let ranked = offset + limit <= window
        if isSQLite {
            // FTS5 phrases, each limited to the bigram or unigram columns.
            let expression = parts.map { part in
                "({\(part.inUnigrams ? "title_uni body_uni" : "title_bi body_bi")} : \"\(part.terms.joined(separator: " "))\")"
            }.joined(separator: " AND ")
            let matches: SQLQueryString =
                "FROM document_search JOIN catalog_documents d ON d.id = document_search.rowid WHERE document_search MATCH \(bind: expression)"
                + conditions
            func count() async throws -> Int {
                let sql: SQLQueryString =
                    unfiltered
                    ? "SELECT count(*) AS n FROM (SELECT rowid FROM document_search WHERE document_search MATCH \(bind: expression)"
                    : "SELECT count(*) AS n FROM (SELECT document_search.rowid " + matches
                return try await db.raw(sql + " LIMIT \(bind: cap + 1))").first()?.decode(column: "n", as: Int.self) ?? 0
            }
            if ranked {
                // FTS5 lists matches newest first without touching the rest of the index. The
                // count runs beside it on another connection; it is needed only when the window
                // is full, and is cheap when it is not.
                async let total = count()
                let rows = try await db.raw(
                    "SELECT d.id AS id, d.title AS title, " + Self.publicText + " AS text, d.published_on AS published " + matches
                        + " ORDER BY document_search.rowid DESC LIMIT \(bind: window)"
                ).all()
                let hits = try Self.rankWindow(rows, parts, limit: limit, offset: offset)
                return counted(try await total, hits)
            }
            let rows =
                limit == 0
                ? []
                : try await db.raw(
                    "SELECT document_search.rowid AS id " + matches
                        + " ORDER BY document_search.rowid DESC LIMIT \(bind: limit) OFFSET \(bind: offset)"
                ).all()
            return counted(try await count(), try rows.map { SearchHit(documentID: try $0.decode(column: "id"), titleMatched: false) })
        }
        var tsquery: SQLQueryString = "("
        for (i, part) in parts.enumerated() {
            if i > 0 { tsquery += " && " }
            tsquery += "phraseto_tsquery('simple', \(bind: part.terms.joined(separator: " ")))"
        }
        tsquery += ")"
        let from: SQLQueryString =
            "FROM document_search s JOIN catalog_documents d ON d.id = s.document_id WHERE s.tsv @@ " + tsquery + conditions
        // A GIN index returns matches unordered, and checking a phrase reads each match's
        // tsvector, so counting the matches of a common phrase in 1,000,000 documents takes
        // longer than the whole search may. The newest matches come from a backward scan of the
        // primary key that stops at the window; past a full window the total is estimated from
        // how far back the window reached, and marked as an estimate.
        func estimate(windowIDs ids: [Int64]) async throws -> SearchResults.Total {
            guard ids.count >= window, let oldest = ids.min() else { return .init(count: ids.count, exact: true) }
            let row = try await db.raw("SELECT min(document_id) AS lo, max(document_id) AS hi FROM document_search").first()
            let lo = try row?.decode(column: "lo", as: Int64?.self) ?? oldest
            let hi = try row?.decode(column: "hi", as: Int64?.self) ?? oldest
            let reached = Double(max(1, hi - oldest + 1))
            let estimate = Int((Double(ids.count) * Double(hi - lo + 1) / reached).rounded())
            return .init(count: min(max(estimate, ids.count), cap), exact: false)
        }
        if ranked {
            let newest: SQLQueryString =
                "SELECT d.id AS id, d.title AS title, " + Self.publicText + " AS text, d.published_on AS published " + from
                + " ORDER BY s.document_id DESC LIMIT \(bind: window)"
            if parts.allSatisfy(\.isHan) {
                // PostgreSQL counts each part in the window's titles and bodies itself (`replace`
                // removes non-overlapping occurrences, as the ranking counts them), so 500 bodies
                // need not cross the socket to be ranked.
                // The window comes back as one text of `id,published,title bytes,body bytes,
                // counts...` rows joined by `;`: one value to decode instead of thousands.
                var fields: SQLQueryString = "w.id, coalesce(w.published, ''), octet_length(w.title), octet_length(w.text)"
                for part in parts {
                    let needle = String(String.UnicodeScalarView(part.scalars))
                    let bytes = String(needle.utf8.count)
                    fields += ", (octet_length(w.title) - octet_length(replace(w.title, \(bind: needle), ''))) / \(unsafeRaw: bytes)"
                    fields += ", (octet_length(w.text) - octet_length(replace(w.text, \(bind: needle), ''))) / \(unsafeRaw: bytes)"
                }
                let text =
                    try await db.raw("SELECT string_agg(concat_ws(',', " + fields + "), ';') AS j FROM (" + newest + ") w").first()?
                    .decode(column: "j", as: String?.self) ?? nil
                let counted = try Self.windowCounts(text, parts: parts.count)
                let hits = SearchRanking.rank(parts, counted: counted).dropFirst(offset).prefix(limit).map {
                    SearchHit(documentID: $0.id, titleMatched: $0.titleMatched)
                }
                let total = try await estimate(windowIDs: counted.map(\.id))
                return SearchResults(total: total.count, totalIsExact: total.exact, hits: Array(hits))
            }
            let rows = try await db.raw(newest).all()
            let hits = try Self.rankWindow(rows, parts, limit: limit, offset: offset)
            let total = try await estimate(windowIDs: try rows.map { try $0.decode(column: "id", as: Int64.self) })
            return SearchResults(total: total.count, totalIsExact: total.exact, hits: hits)
        }
        let ids = try await db.raw("SELECT s.document_id AS id " + from + " ORDER BY s.document_id DESC LIMIT \(bind: window)").all()
        let total = try await estimate(windowIDs: try ids.map { try $0.decode(column: "id", as: Int64.self) })
        let rows =
            limit == 0
            ? []
            : try await db.raw(
                "SELECT s.document_id AS id " + from + " ORDER BY s.document_id DESC LIMIT \(bind: limit) OFFSET \(bind: offset)"
            ).all()
        return SearchResults(
            total: total.count, totalIsExact: total.exact,
            hits: try rows.map { SearchHit(documentID: try $0.decode(column: "id"), titleMatched: false) })
    }
}
