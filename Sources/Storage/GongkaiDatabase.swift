public import Domain

/// The database as the rest of the program sees it: stores for reading and writing, and
/// transactions so that a change and its audit entry are written together or not at all.
public protocol GongkaiDatabase: Sendable {
    /// Stores that run each call on its own (autocommit).
    var stores: any Stores { get }

    /// Runs `body` in one transaction, committed when it returns and rolled back when it throws.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any Stores) async throws -> T) async throws -> T

    /// Whether the database answers a trivial query (for `/healthz`).
    func isReachable() async -> Bool

    /// `sqlite` or `postgres`, for logs and the health answer.
    var kind: String { get }
}

/// Every store, bound to one database session.
public protocol Stores: Sendable {
    var agencies: any AgencyStore { get }
    var users: any UserStore { get }
    var sessions: any SessionStore { get }
    var audit: any AuditStore { get }
    var calendar: any CalendarStore { get }
    var documents: any DocumentStore { get }
    var catalog: any CatalogStore { get }
    var search: any SearchIndex { get }
    var attachments: any AttachmentStore { get }
    var requests: any RequestStore { get }
    var letters: any LetterStore { get }
    var appeals: any AppealStore { get }
    var outbox: any OutboxStore { get }
    var ledgers: any LedgerStore { get }
    var annualReports: any AnnualReportStore { get }
    var consultations: any ConsultationStore { get }
    var mailbox: any MailboxStore { get }
    var siteErrors: any SiteErrorStore { get }
    var proposals: any ProposalStore { get }
    var opinions: any OpinionStore { get }
    var openDays: any OpenDayStore { get }
    var surveys: any SurveyStore { get }
    var linkChecks: any LinkCheckStore { get }
    var mediaAccounts: any MediaAccountStore { get }
    var standardCatalogs: any StandardCatalogStore { get }
    var assessments: any AssessmentStore { get }
    var leases: any LeaseStore { get }
}

extension GongkaiDatabase {
    /// Appends one audit entry in a transaction of its own, for events that change nothing else
    /// (a failed sign-in, an export). An append is several statements; outside a transaction two
    /// appenders could interleave them and break the chain.
    public func recordAudit(_ event: AuditEvent, atMillis: Int64) async throws {
        try await transaction { stores in _ = try await stores.audit.append(event, atMillis: atMillis) }
    }
}
