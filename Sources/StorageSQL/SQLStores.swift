import Foundation
import PostgresKit
import SQLKit
import SQLiteKit
import Storage

/// All stores over one SQLKit database (a pool, or one connection inside a transaction).
struct SQLStores: Stores {
    let db: any SQLDatabase

    var agencies: any AgencyStore { SQLAgencyStore(db: db) }
    var users: any UserStore { SQLUserStore(db: db) }
    var sessions: any SessionStore { SQLSessionStore(db: db) }
    var audit: any AuditStore { SQLAuditStore(db: db) }
    var calendar: any CalendarStore { SQLCalendarStore(db: db) }
    var documents: any DocumentStore { SQLDocumentStore(db: db) }
    var catalog: any CatalogStore { SQLCatalogStore(db: db) }
    var search: any SearchIndex { SQLSearchIndex(db: db) }
    var attachments: any AttachmentStore { SQLAttachmentStore(db: db) }
    var requests: any RequestStore { SQLRequestStore(db: db) }
    var letters: any LetterStore { SQLLetterStore(db: db) }
    var appeals: any AppealStore { SQLAppealStore(db: db) }
    var outbox: any OutboxStore { SQLOutboxStore(db: db) }
    var ledgers: any LedgerStore { SQLLedgerStore(db: db) }
    var annualReports: any AnnualReportStore { SQLAnnualReportStore(db: db) }
    var consultations: any ConsultationStore { SQLConsultationStore(db: db) }
    var mailbox: any MailboxStore { SQLMailboxStore(db: db) }
    var siteErrors: any SiteErrorStore { SQLSiteErrorStore(db: db) }
    var proposals: any ProposalStore { SQLProposalStore(db: db) }
    var opinions: any OpinionStore { SQLOpinionStore(db: db) }
    var openDays: any OpenDayStore { SQLOpenDayStore(db: db) }
    var surveys: any SurveyStore { SQLSurveyStore(db: db) }
    var linkChecks: any LinkCheckStore { SQLLinkCheckStore(db: db) }
    var mediaAccounts: any MediaAccountStore { SQLMediaAccountStore(db: db) }
    var standardCatalogs: any StandardCatalogStore { SQLStandardCatalogStore(db: db) }
    var assessments: any AssessmentStore { SQLAssessmentStore(db: db) }
    var leases: any LeaseStore { SQLLeaseStore(db: db) }
}

/// Whether a driver error says a UNIQUE constraint was violated.
func isUniqueViolation(_ error: any Error) -> Bool {
    if let e = error as? SQLiteError {
        return e.reason == .constraintUniqueFailed || e.reason == .constraintPrimaryKeyFailed
            || (e.reason == .constraint && e.message.contains("UNIQUE"))
    }
    if let e = error as? PSQLError { return e.serverInfo?[.sqlState] == "23505" }
    return false
}

extension Int64 {
    /// Milliseconds to seconds.
    var seconds: Double { Double(self) / 1000 }
}

extension Double {
    /// Seconds to whole milliseconds.
    var millis: Int64 { Int64((self * 1000).rounded()) }
}
