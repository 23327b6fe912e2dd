/// One entry of the append-only audit archive (档案留存备查).
///
/// Entries form a SHA-256 chain: `hash` covers every field of the entry and `previousHash`, so
/// changing, removing or reordering any entry breaks the chain from that point on.
public struct AuditEntry: Hashable, Sendable, Codable {
    public var seq: Int64
    /// Milliseconds since 1970 (UTC).
    public var atMillis: Int64
    public var agencyID: Int64?
    public var actorID: Int64?
    public var actorName: String
    public var remoteAddress: String
    public var action: String
    public var recordType: String
    public var recordID: String
    public var beforeDigest: String
    public var afterDigest: String
    public var detail: String
    public var previousHash: String
    public var hash: String

    public init(
        seq: Int64, atMillis: Int64, agencyID: Int64?, actorID: Int64?, actorName: String, remoteAddress: String,
        action: String, recordType: String, recordID: String, beforeDigest: String, afterDigest: String,
        detail: String, previousHash: String, hash: String
    ) {
        self.seq = seq
        self.atMillis = atMillis
        self.agencyID = agencyID
        self.actorID = actorID
        self.actorName = actorName
        self.remoteAddress = remoteAddress
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
        self.beforeDigest = beforeDigest
        self.afterDigest = afterDigest
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The exact text that `hash` is computed over. Fields are separated by U+001F, which no
    /// field may contain (the store replaces it), so two different entries never share a text.
    public var canonicalText: String {
        [
            String(seq), String(atMillis), agencyID.map(String.init) ?? "", actorID.map(String.init) ?? "",
            actorName, remoteAddress, action, recordType, recordID, beforeDigest, afterDigest, detail, previousHash,
        ].joined(separator: "\u{1F}")
    }

    /// The `previousHash` of the first entry.
    public static let genesisHash = String(repeating: "0", count: 64)
}

/// What a caller records; the store fills in the sequence number, time and chain.
public struct AuditEvent: Sendable, Hashable {
    public var agencyID: Int64?
    public var actorID: Int64?
    public var actorName: String
    public var remoteAddress: String
    public var action: String
    public var recordType: String
    public var recordID: String
    /// Canonical text (sorted-key JSON) of the record before and after; digested, never stored.
    public var before: String?
    public var after: String?
    public var detail: String

    public init(
        agencyID: Int64?, actorID: Int64?, actorName: String, remoteAddress: String, action: String,
        recordType: String, recordID: String, before: String? = nil, after: String? = nil, detail: String = ""
    ) {
        self.agencyID = agencyID
        self.actorID = actorID
        self.actorName = actorName
        self.remoteAddress = remoteAddress
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
        self.before = before
        self.after = after
        self.detail = detail
    }
}
