/// A case brought about a request (政府信息公开行政复议、行政诉讼): what the annual report's
/// table 四 counts.
public struct RequestAppeal: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case reconsideration
        /// 未经复议直接起诉
        case litigationDirect = "litigation_direct"
        /// 复议后起诉
        case litigationAfterReconsideration = "litigation_after_reconsideration"

        public var label: String {
            switch self {
            case .reconsideration: "行政复议"
            case .litigationDirect: "行政诉讼（未经复议直接起诉）"
            case .litigationAfterReconsideration: "行政诉讼（复议后起诉）"
            }
        }
    }

    public enum Result: String, CaseIterable, Hashable, Sendable, Codable {
        case upheld
        case corrected
        case other
        case pending

        /// The column heading of table 四.
        public var label: String {
            switch self {
            case .upheld: "结果维持"
            case .corrected: "结果纠正"
            case .other: "其他结果"
            case .pending: "尚未审结"
            }
        }
    }

    public var id: Int64
    public var agencyID: Int64
    /// The request it is about, when it is one on this installation.
    public var requestID: Int64?
    public var kind: Kind
    /// The reconsideration body or the court.
    public var forum: String
    public var filedOn: CivilDate
    public var result: Result
    public var decidedOn: CivilDate?
    public var note: String
    public var createdAtMillis: Int64

    public init(
        id: Int64 = 0, agencyID: Int64, requestID: Int64?, kind: Kind, forum: String, filedOn: CivilDate, result: Result = .pending,
        decidedOn: CivilDate? = nil, note: String = "", createdAtMillis: Int64 = 0
    ) {
        self.id = id
        self.agencyID = agencyID
        self.requestID = requestID
        self.kind = kind
        self.forum = forum
        self.filedOn = filedOn
        self.result = result
        self.decidedOn = decidedOn
        self.note = note
        self.createdAtMillis = createdAtMillis
    }

    /// Table 四 for one year: for each kind, the count per result and the total. A case counts in
    /// the year it was decided, or (still pending) in the year it was filed.
    public static func table(_ appeals: [RequestAppeal], year: Int) -> [Kind: [Result: Int]] {
        var table: [Kind: [Result: Int]] = [:]
        for kind in Kind.allCases { table[kind] = Dictionary(uniqueKeysWithValues: Result.allCases.map { ($0, 0) }) }
        for a in appeals where (a.decidedOn?.year ?? a.filedOn.year) == year {
            table[a.kind, default: [:]][a.result, default: 0] += 1
        }
        return table
    }
}

/// An e-mail waiting to go out, sent, or kept after failing (the outbox).
public struct OutboxMessage: Hashable, Sendable {
    public var id: Int64
    public var agencyID: Int64
    public var requestID: Int64?
    public var recipient: String
    public var subject: String
    public var body: String
    public var attempts: Int
    public var nextAttemptAtMillis: Int64
    public var lastError: String?
    public var sentAtMillis: Int64?
    public var createdAtMillis: Int64

    public init(
        id: Int64 = 0, agencyID: Int64, requestID: Int64?, recipient: String, subject: String, body: String, attempts: Int = 0,
        nextAttemptAtMillis: Int64, lastError: String? = nil, sentAtMillis: Int64? = nil, createdAtMillis: Int64
    ) {
        self.id = id
        self.agencyID = agencyID
        self.requestID = requestID
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.attempts = attempts
        self.nextAttemptAtMillis = nextAttemptAtMillis
        self.lastError = lastError
        self.sentAtMillis = sentAtMillis
        self.createdAtMillis = createdAtMillis
    }

    /// The prefix of a recipient that is a mobile number: the message goes by SMS.
    public static let smsPrefix = "sms:"

    /// The mobile number of a text message, or nil for an e-mail.
    public var smsNumber: String? { recipient.hasPrefix(Self.smsPrefix) ? String(recipient.dropFirst(Self.smsPrefix.count)) : nil }

    /// Retries back off: 1, 2, 4 ... minutes, at most six hours apart.
    public static func retryDelayMillis(afterAttempts n: Int) -> Int64 {
        Int64(min(360, 1 << min(max(n - 1, 0), 9))) * 60_000
    }
}
