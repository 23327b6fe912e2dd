import Domain

/// One run of the link checker.
public struct LinkCheckRun: Sendable, Hashable {
    public var id: Int64
    public var agencyID: Int64
    public var origin: String
    public var startedBy: String
    public var startedAtMillis: Int64
    public var finishedAtMillis: Int64?
    /// The checker's findings as JSON, once finished.
    public var resultJSON: String?

    public init(
        id: Int64 = 0, agencyID: Int64, origin: String, startedBy: String, startedAtMillis: Int64, finishedAtMillis: Int64? = nil,
        resultJSON: String? = nil
    ) {
        self.id = id
        self.agencyID = agencyID
        self.origin = origin
        self.startedBy = startedBy
        self.startedAtMillis = startedAtMillis
        self.finishedAtMillis = finishedAtMillis
        self.resultJSON = resultJSON
    }
}

/// Link checker runs, per agency.
public protocol LinkCheckStore: Sendable {
    func create(_ run: LinkCheckRun) async throws -> LinkCheckRun
    func finish(id: Int64, atMillis: Int64, resultJSON: String) async throws
    /// The newest run of an agency.
    func latest(agencyID: Int64) async throws -> LinkCheckRun?
}
