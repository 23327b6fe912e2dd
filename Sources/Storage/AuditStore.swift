public import Domain

/// The append-only audit archive. There is no update or delete.
public protocol AuditStore: Sendable {
    /// Appends one entry to the chain. Call inside the transaction that makes the change.
    @discardableResult
    func append(_ event: AuditEvent, atMillis: Int64) async throws -> AuditEntry
    /// Entries matching `filter`, newest first.
    func search(_ filter: AuditFilter, limit: Int, offset: Int) async throws -> [AuditEntry]
    func count(_ filter: AuditFilter) async throws -> Int
    /// Entries in sequence order after `seq`, for verifying the chain in pages.
    func entries(after seq: Int64, limit: Int) async throws -> [AuditEntry]
}

/// What an auditor filters the archive by. Empty fields do not filter.
public struct AuditFilter: Sendable, Hashable {
    public var agencyID: Int64?
    public var actorName: String?
    public var action: String?
    public var recordType: String?
    public var recordID: String?
    public var fromMillis: Int64?
    public var toMillis: Int64?

    public init(
        agencyID: Int64? = nil, actorName: String? = nil, action: String? = nil, recordType: String? = nil,
        recordID: String? = nil, fromMillis: Int64? = nil, toMillis: Int64? = nil
    ) {
        self.agencyID = agencyID
        self.actorName = actorName
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
        self.fromMillis = fromMillis
        self.toMillis = toMillis
    }
}
