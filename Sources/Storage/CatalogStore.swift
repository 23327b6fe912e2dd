public import Domain

/// The disclosure catalog's documents, their review trail and screening findings.
public protocol CatalogStore: Sendable {
    /// Stores a new draft (id, timestamps and workflow are taken from `document` except the id).
    func create(_ document: CatalogDocument) async throws -> CatalogDocument
    func find(id: Int64) async throws -> CatalogDocument?
    /// Writes every field of `document`, provided its workflow state is still `expected`
    /// (compare-and-set); throws `DomainError.conflict` when someone else moved it first.
    func update(_ document: CatalogDocument, expecting expected: WorkflowState) async throws
    /// The next 索引号 serial of an agency for a year (1, 2, ...), unique even under concurrency.
    func nextIndexSerial(agencyID: Int64, year: Int) async throws -> Int
    func appendStep(_ step: ReviewStep) async throws
    func steps(documentID: Int64) async throws -> [ReviewStep]
    /// Replaces the open findings of a document with a new scan; resolved ones are kept.
    func replaceOpenFindings(documentID: Int64, with findings: [ScreeningFinding]) async throws -> [StoredFinding]
    func findings(documentID: Int64) async throws -> [StoredFinding]
    func resolveFinding(id: Int64, documentID: Int64, resolution: StoredFinding.Resolution, by: String, reason: String) async throws
    /// The agency's list of wrong or sensitive words (错敏词库), alphabetically.
    func sensitiveWords(agencyID: Int64) async throws -> [SensitiveWord]
    /// Adds a word. Throws `DomainError.conflict` when the agency already lists it.
    func addSensitiveWord(agencyID: Int64, _ word: SensitiveWord, atMillis: Int64) async throws
    func removeSensitiveWord(agencyID: Int64, word: String) async throws
    /// Scheduled documents (any agency) whose time has come.
    func dueForPublication(atMillis: Int64, limit: Int) async throws -> [CatalogDocument]
    /// Published documents (any agency) whose expiry day has passed.
    func dueForExpiry(today: CivilDate, limit: Int) async throws -> [CatalogDocument]
    /// The revision of a document still being drafted, reviewed or waiting to go live, if any.
    func openRevision(of id: Int64) async throws -> CatalogDocument?
    /// Records a version that went live; (document, revision) is unique.
    func appendVersion(_ version: DocumentVersion) async throws
    /// The versions of a document that went live, oldest first.
    func versions(documentID: Int64) async throws -> [DocumentVersion]
    /// Documents of an agency in the given states, newest change first (for queues).
    func list(agencyID: Int64, statuses: Set<DocumentStatus>, limit: Int, offset: Int) async throws -> [CatalogDocument]
    /// Every document of an agency in outline: what timeliness and freshness need (kind,
    /// category, columns, disclosure, status, dates, department, interpretation links), with
    /// title, body and the other texts left empty. Reading 100,000 documents whole took seconds
    /// and hundreds of megabytes.
    func outlines(agencyID: Int64) async throws -> [CatalogDocument]
    /// For each category code and special column of an agency's published portal documents:
    /// how many there are and the latest publication date.
    func columnActivity(agencyID: Int64) async throws -> [String: (count: Int, last: CivilDate?)]
}

/// A hit of a full-text search.
public struct SearchHit: Hashable, Sendable {
    public var documentID: Int64
    public var titleMatched: Bool

    public init(documentID: Int64, titleMatched: Bool) {
        self.documentID = documentID
        self.titleMatched = titleMatched
    }
}

/// A page of search hits and how many documents match.
public struct SearchResults: Hashable, Sendable {
    /// Matches are counted up to this many. Counting every match of a common phrase costs time
    /// that grows with the catalog (two seconds for a five-bigram phrase in 1,000,000
    /// documents); past the limit the reader is told there are more than this many, and pages
    /// stop there, as in Elasticsearch's `track_total_hits` and `max_result_window`.
    public static let countLimit = 10_000

    /// A count and whether it is exact.
    public struct Total: Hashable, Sendable {
        public var count: Int
        public var exact: Bool

        public init(count: Int, exact: Bool) {
            self.count = count
            self.exact = exact
        }
    }

    public var total: Int
    /// False when `total` is `countLimit` and more documents match, or when it is an estimate
    /// (PostgreSQL, past a full ranking window).
    public var totalIsExact: Bool
    public var hits: [SearchHit]

    public init(total: Int, totalIsExact: Bool = true, hits: [SearchHit]) {
        self.total = total
        self.totalIsExact = totalIsExact
        self.hits = hits
    }
}

/// The full-text index of public documents: SQLite FTS5 or PostgreSQL text search over terms
/// made by `ChineseSegmenter`. Updated in the transaction that publishes or withdraws.
public protocol SearchIndex: Sendable {
    func put(documentID: Int64, title: String, body: String) async throws
    func remove(documentID: Int64) async throws
    /// Matching documents: the newest matches ranked, title matches first, then by relevance;
    /// pages past them newest first; nothing past `SearchResults.countLimit`.
    func search(_ query: String, _ filter: CatalogFilter, limit: Int, offset: Int) async throws -> SearchResults
}
