public import Domain

/// Which requests a list shows.
public struct RequestFilter: Sendable {
    public var agencyID: Int64
    public var statuses: Set<RequestStatus>
    /// Only those assigned to this handler.
    public var handlerID: Int64?
    public var limit: Int
    public var offset: Int

    public init(agencyID: Int64, statuses: Set<RequestStatus>, handlerID: Int64? = nil, limit: Int = 500, offset: Int = 0) {
        self.agencyID = agencyID
        self.statuses = statuses
        self.handlerID = handlerID
        self.limit = limit
        self.offset = offset
    }
}

/// Requests for disclosure. A request is written once at intake and then updated whole; the
/// audit archive keeps every step.
public protocol RequestStore: Sendable {
    /// Stores a new request and returns it with its id; a tracking code already in use is a conflict.
    func create(_ request: DisclosureRequest) async throws -> DisclosureRequest
    func find(id: Int64) async throws -> DisclosureRequest?
    func find(trackingCode: String) async throws -> DisclosureRequest?
    func update(_ request: DisclosureRequest) async throws
    /// Requests matching the filter, soonest due first.
    func list(_ filter: RequestFilter) async throws -> [DisclosureRequest]
    /// Which request of the month this is for its applicant at its agency (1 for the first),
    /// counting by receipt date and then by registration order: the 按件 fee's ordinal.
    func ordinalInMonth(of request: DisclosureRequest) async throws -> Int
    /// An agency's requests received on or after `since`, newest first (Art. 44 looks for the same
    /// information asked by several applicants).
    func received(agencyID: Int64, since: CivilDate, limit: Int) async throws -> [DisclosureRequest]
    /// An agency's requests with a fee paid (the annual report sums what was collected).
    func withFeesPaid(agencyID: Int64) async throws -> [DisclosureRequest]
    /// The requests an annual report counts: received by the end of `year` and not answered
    /// before it began.
    func activeIn(agencyID: Int64, year: Int) async throws -> [DisclosureRequest]
}

extension RequestStore {
    public func list(agencyID: Int64, statuses: Set<RequestStatus>, limit: Int, offset: Int) async throws -> [DisclosureRequest] {
        try await list(RequestFilter(agencyID: agencyID, statuses: statuses, limit: limit, offset: offset))
    }
}

/// Reply letters: drafts until sent, then numbered and frozen with their rendered copies.
public protocol LetterStore: Sendable {
    func create(_ letter: ReplyLetter) async throws -> ReplyLetter
    func find(id: Int64) async throws -> ReplyLetter?
    /// A request's letters, oldest first.
    func letters(requestID: Int64) async throws -> [ReplyLetter]
    /// Saves a draft's outcome, title and body; a sent letter is not changed.
    func updateDraft(_ letter: ReplyLetter) async throws
    /// The next serial number of the agency's letters in a year.
    func nextSerial(agencyID: Int64, year: Int) async throws -> Int
    /// Marks a draft sent with its number and the HTML kept as sent.
    func markSent(_ letter: ReplyLetter, html: String) async throws
    func html(id: Int64) async throws -> String?
    func pdf(id: Int64) async throws -> [UInt8]?
    func keepPDF(id: Int64, _ pdf: [UInt8]) async throws
}

/// Reconsideration and litigation cases about requests.
public protocol AppealStore: Sendable {
    func create(_ appeal: RequestAppeal) async throws -> RequestAppeal
    func find(id: Int64) async throws -> RequestAppeal?
    func update(_ appeal: RequestAppeal) async throws
    /// An agency's cases, newest filed first.
    func list(agencyID: Int64) async throws -> [RequestAppeal]
}

/// E-mail waiting to go out; what could not be sent stays and is retried.
public protocol OutboxStore: Sendable {
    func enqueue(_ message: OutboxMessage) async throws -> OutboxMessage
    /// Unsent messages whose next attempt is due, oldest first.
    /// Messages due to be sent: text messages (`sms: true`) or e-mails.
    func due(atMillis: Int64, limit: Int, sms: Bool) async throws -> [OutboxMessage]
    func markSent(id: Int64, atMillis: Int64) async throws
    func markFailed(id: Int64, error: String, attempts: Int, nextAttemptAtMillis: Int64) async throws
    /// An agency's messages, newest first.
    func list(agencyID: Int64, limit: Int) async throws -> [OutboxMessage]
    /// Messages about one request, oldest first.
    func messages(requestID: Int64) async throws -> [OutboxMessage]
}
