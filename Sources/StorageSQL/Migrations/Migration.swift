import SQLKit

/// One numbered schema change with its exact inverse. Migrations run in number order; each
/// is applied in its own transaction and recorded in `schema_migrations`.
protocol Migration: Sendable {
    var number: Int { get }
    var name: String { get }
    func prepare(on db: any SQLDatabase) async throws
    func revert(on db: any SQLDatabase) async throws
}

/// Every migration, in order. Append only; never renumber or edit one that has shipped.
let allMigrations: [any Migration] = [
    M001CreateAgencies(),
    M002CreateAccounts(),
    M003CreateAuditArchive(),
    M004CreateCalendar(),
    M005CreateDocuments(),
    M006CreateCatalog(),
    M007CreateSearchIndex(),
    M008AddSchedulingAndWordList(),
    M009AddRevisions(),
    M010AddAttachments(),
    M011AddCatalogSettings(),
    M012AddColumnsAndSubjects(),
    M013AddCountingIndex(),
    M014CreateRequests(),
    M015AddRequestHandling(),
    M016CreateLedgers(),
    M017AddLedgerEvidence(),
    M018CreateAnnualReports(),
    M019CreateConsultations(),
    M020CreateMailbox(),
    M021CreateSiteErrorReports(),
    M022CreateProposals(),
    M023CreateOpinionRegister(),
    M024CreateOpenDays(),
    M025CreateSurveys(),
    M026AddExpiryIndex(),
    M027AddAgencySites(),
    M028CreateLinkChecks(),
    M029CreateMediaAccounts(),
    M030CreateStandardCatalogs(),
    M031CreateAssessments(),
    M032CreateJobLeases(),
    M033CreateInstanceCounters(),
    M034CreatePublicChanges(),
    M035SearchIndexWithoutPendingList(),
    M036AddSiteRegistration(),
    M037AddSiteEmblem(),
]
