import Storage

/// Routes of the portal, the console and the API: see `Route`. Generated once from the
/// registrations and kept by hand since.
extension Routes {
    /// The JSON API (`/api/v1`): the staff API behind bearer tokens and the public one under `/api/v1/public`.
    public enum API {
        public static let agencySite: Route<> = .init("/api/v1/agency/site")
        public static let appeals: Route<> = .init("/api/v1/appeals")
        public static let appeal: Route<Int64> = .init("/api/v1/appeals/{aid}", owns: ["aid": .appeal])
        public static let assessments: Route<> = .init("/api/v1/assessments")
        public static let assessment: Route<Int64> = .init("/api/v1/assessments/{id}", owns: ["id": .assessment])
        public static let assessmentClose: Route<Int64> = .init("/api/v1/assessments/{id}/close", owns: ["id": .assessment])
        public static let assessmentNotice: Route<Int64> = .init("/api/v1/assessments/{id}/notice", owns: ["id": .assessment])
        public static let assessmentOpen: Route<Int64> = .init("/api/v1/assessments/{id}/open", owns: ["id": .assessment])
        public static let assessmentSelf: Route<Int64> = .init("/api/v1/assessments/{id}/self", owns: ["id": .assessment])
        public static let assessmentUnitDeductions: Route<Int64, Int64> = .init(
            "/api/v1/assessments/{id}/units/{unit}/deductions", owns: ["id": .assessment])
        public static let assessmentUnitReview: Route<Int64, Int64> = .init(
            "/api/v1/assessments/{id}/units/{unit}/review", owns: ["id": .assessment])
        public static let assessmentUnitVetoes: Route<Int64, Int64> = .init(
            "/api/v1/assessments/{id}/units/{unit}/vetoes", owns: ["id": .assessment])
        public static let audit: Route<> = .init("/api/v1/audit")
        public static let authLogin: Route<> = .init("/api/v1/auth/login")
        public static let authLogout: Route<> = .init("/api/v1/auth/logout")
        public static let calendarAddWorkdays: Route<> = .init("/api/v1/calendar/add-workdays")
        public static let calendarNotices: Route<> = .init("/api/v1/calendar/notices")
        public static let calendarWorkdaysBetween: Route<> = .init("/api/v1/calendar/workdays-between")
        public static let catalogSettings: Route<> = .init("/api/v1/catalog/settings")
        public static let consultations: Route<> = .init("/api/v1/consultations")
        public static let consultation: Route<Int64> = .init("/api/v1/consultations/{id}", owns: ["id": .consultation])
        public static let consultationDispositions: Route<Int64> = .init(
            "/api/v1/consultations/{id}/dispositions", owns: ["id": .consultation])
        public static let consultationDocument: Route<Int64> = .init("/api/v1/consultations/{id}/document", owns: ["id": .consultation])
        public static let consultationFeedback: Route<Int64> = .init("/api/v1/consultations/{id}/feedback", owns: ["id": .consultation])
        public static let consultationModeration: Route<Int64> = .init("/api/v1/consultations/{id}/moderation", owns: ["id": .consultation])
        public static let consultationPublish: Route<Int64> = .init("/api/v1/consultations/{id}/publish", owns: ["id": .consultation])
        public static let consultationReport: Route<Int64> = .init("/api/v1/consultations/{id}/report", owns: ["id": .consultation])
        public static let consultationRevisions: Route<Int64> = .init("/api/v1/consultations/{id}/revisions", owns: ["id": .consultation])
        public static let documents: Route<> = .init("/api/v1/documents")
        public static let document: Route<Int64> = .init("/api/v1/documents/{id}", owns: ["id": .document])
        public static let documentApprove: Route<Int64> = .init("/api/v1/documents/{id}/approve", owns: ["id": .document])
        public static let documentAttachments: Route<Int64> = .init("/api/v1/documents/{id}/attachments", owns: ["id": .document])
        public static let documentAttachment: Route<Int64, Int64> = .init(
            "/api/v1/documents/{id}/attachments/{attachment}", owns: ["id": .document, "attachment": .attachment])
        public static let documentDiff: Route<Int64> = .init("/api/v1/documents/{id}/diff", owns: ["id": .document])
        public static let documentFinding: Route<Int64, Int64> = .init("/api/v1/documents/{id}/findings/{finding}", owns: ["id": .document])
        public static let documentPublish: Route<Int64> = .init("/api/v1/documents/{id}/publish", owns: ["id": .document])
        public static let documentReject: Route<Int64> = .init("/api/v1/documents/{id}/reject", owns: ["id": .document])
        public static let documentRevise: Route<Int64> = .init("/api/v1/documents/{id}/revise", owns: ["id": .document])
        public static let documentSchedule: Route<Int64> = .init("/api/v1/documents/{id}/schedule", owns: ["id": .document])
        public static let documentSubmit: Route<Int64> = .init("/api/v1/documents/{id}/submit", owns: ["id": .document])
        public static let documentVersions: Route<Int64> = .init("/api/v1/documents/{id}/versions", owns: ["id": .document])
        public static let documentWithdraw: Route<Int64> = .init("/api/v1/documents/{id}/withdraw", owns: ["id": .document])
        public static let faq: Route<> = .init("/api/v1/faq")
        public static let faqCandidates: Route<> = .init("/api/v1/faq/candidates")
        public static let faqEntry: Route<Int64> = .init("/api/v1/faq/{id}", owns: ["id": .faq])
        public static let feesCollected: Route<> = .init("/api/v1/fees/collected")
        public static let feesQuote: Route<> = .init("/api/v1/fees/quote")
        public static let freshness: Route<> = .init("/api/v1/freshness")
        public static let selfCheck: Route<> = .init("/api/v1/self-check")
        public static let imports: Route<> = .init("/api/v1/imports")
        public static let ledgerReportFiles: Route<Int64> = .init("/api/v1/ledger-reports/{rid}/files", owns: ["rid": .progressReport])
        public static let ledgerReportReview: Route<Int64> = .init("/api/v1/ledger-reports/{rid}/review", owns: ["rid": .progressReport])
        public static let ledgerTask: Route<Int64> = .init("/api/v1/ledger-tasks/{tid}", owns: ["tid": .task])
        public static let ledgerTaskReports: Route<Int64> = .init("/api/v1/ledger-tasks/{tid}/reports", owns: ["tid": .task])
        public static let ledgerTaskSupervise: Route<Int64> = .init("/api/v1/ledger-tasks/{tid}/supervise", owns: ["tid": .task])
        public static let ledgers: Route<> = .init("/api/v1/ledgers")
        public static let importLedger: Route<> = .init("/api/v1/ledgers/import")
        public static let ledger: Route<Int64> = .init("/api/v1/ledgers/{id}", owns: ["id": .plan])
        public static let ledgerCarryOver: Route<Int64> = .init("/api/v1/ledgers/{id}/carry-over", owns: ["id": .plan])
        public static let ledgerDeductions: Route<Int64> = .init("/api/v1/ledgers/{id}/deductions", owns: ["id": .plan])
        public static let ledgerDocument: Route<Int64> = .init("/api/v1/ledgers/{id}/document", owns: ["id": .plan])
        public static let ledgerExport: Route<Int64> = .init("/api/v1/ledgers/{id}/export", owns: ["id": .plan])
        public static let ledgerRounds: Route<Int64> = .init("/api/v1/ledgers/{id}/rounds", owns: ["id": .plan])
        public static let ledgerSummary: Route<Int64> = .init("/api/v1/ledgers/{id}/summary", owns: ["id": .plan])
        public static let ledgerUnits: Route<Int64> = .init("/api/v1/ledgers/{id}/units", owns: ["id": .plan])
        public static let letterHTML: Route<Int64> = .init("/api/v1/letters/{lid}/html", owns: ["lid": .letter])
        public static let letterPDF: Route<Int64> = .init("/api/v1/letters/{lid}/pdf", owns: ["lid": .letter])
        public static let linkChecks: Route<> = .init("/api/v1/link-checks")
        public static let linkChecksLatest: Route<> = .init("/api/v1/link-checks/latest")
        public static let mailbox: Route<> = .init("/api/v1/mailbox")
        public static let mailboxLetter: Route<Int64> = .init("/api/v1/mailbox/{id}", owns: ["id": .mailbox])
        public static let mailboxAnswer: Route<Int64> = .init("/api/v1/mailbox/{id}/answer", owns: ["id": .mailbox])
        public static let mailboxAssign: Route<Int64> = .init("/api/v1/mailbox/{id}/assign", owns: ["id": .mailbox])
        public static let mailboxPublish: Route<Int64> = .init("/api/v1/mailbox/{id}/publish", owns: ["id": .mailbox])
        public static let mailboxReview: Route<Int64> = .init("/api/v1/mailbox/{id}/review", owns: ["id": .mailbox])
        public static let mailboxSupervise: Route<Int64> = .init("/api/v1/mailbox/{id}/supervise", owns: ["id": .mailbox])
        public static let me: Route<> = .init("/api/v1/me")
        public static let mediaAccounts: Route<> = .init("/api/v1/media-accounts")
        public static let mediaAccountDecision: Route<Int64> = .init("/api/v1/media-accounts/{id}/decision", owns: ["id": .mediaAccount])
        public static let mediaAccountFilings: Route<Int64> = .init("/api/v1/media-accounts/{id}/filings", owns: ["id": .mediaAccount])
        public static let mediaAccountUpdates: Route<Int64> = .init("/api/v1/media-accounts/{id}/updates", owns: ["id": .mediaAccount])
        public static let openDays: Route<> = .init("/api/v1/open-days")
        public static let openDayAnnounce: Route<Int64> = .init("/api/v1/open-days/{id}/announce", owns: ["id": .openDay])
        public static let openDayReport: Route<Int64> = .init("/api/v1/open-days/{id}/report", owns: ["id": .openDay])
        public static let openAPIDocument: Route<> = .init("/api/v1/openapi.json")
        public static let opinions: Route<> = .init("/api/v1/opinions")
        public static let opinion: Route<Int64> = .init("/api/v1/opinions/{id}", owns: ["id": .opinion])
        public static let opinionAssign: Route<Int64> = .init("/api/v1/opinions/{id}/assign", owns: ["id": .opinion])
        public static let opinionClose: Route<Int64> = .init("/api/v1/opinions/{id}/close", owns: ["id": .opinion])
        public static let opinionResponses: Route<Int64> = .init("/api/v1/opinions/{id}/responses", owns: ["id": .opinion])
        public static let outbox: Route<> = .init("/api/v1/outbox")
        public static let oversight: Route<> = .init("/api/v1/oversight")
        public static let proposals: Route<> = .init("/api/v1/proposals")
        public static let proposal: Route<Int64> = .init("/api/v1/proposals/{id}", owns: ["id": .proposal])
        public static let proposalContacts: Route<Int64> = .init("/api/v1/proposals/{id}/contacts", owns: ["id": .proposal])
        public static let proposalReply: Route<Int64> = .init("/api/v1/proposals/{id}/reply", owns: ["id": .proposal])
        public static let publicConsultations: Route<> = .init("/api/v1/public/consultations")
        public static let publicConsultation: Route<Int64> = .init("/api/v1/public/consultations/{id}")
        public static let publicConsultationComments: Route<Int64> = .init("/api/v1/public/consultations/{id}/comments")
        public static let publicConsultationCommentConfirm: Route<Int64, Int64> = .init(
            "/api/v1/public/consultations/{id}/comments/{cid}/confirm")
        public static let publicDocuments: Route<> = .init("/api/v1/public/documents")
        public static let publicDocument: Route<Int64> = .init("/api/v1/public/documents/{id}")
        public static let publicFAQ: Route<> = .init("/api/v1/public/faq")
        public static let publicLedger: Route<Int64> = .init("/api/v1/public/ledgers/{id}")
        public static let publicMailbox: Route<> = .init("/api/v1/public/mailbox")
        public static let publicMailboxLetter: Route<String> = .init("/api/v1/public/mailbox/{code}")
        public static let publicMailboxRating: Route<String> = .init("/api/v1/public/mailbox/{code}/rating")
        public static let publicOpenDays: Route<> = .init("/api/v1/public/open-days")
        public static let publicOpenDayRegistrations: Route<Int64> = .init("/api/v1/public/open-days/{id}/registrations")
        public static let publicAnnualReport: Route<Int> = .init("/api/v1/public/reports/annual/{year}")
        public static let publicRequests: Route<> = .init("/api/v1/public/requests")
        public static let publicRequest: Route<String> = .init("/api/v1/public/requests/{code}")
        public static let publicSiteErrors: Route<> = .init("/api/v1/public/site-errors")
        public static let publicSurveys: Route<> = .init("/api/v1/public/surveys")
        public static let publicSurvey: Route<Int64> = .init("/api/v1/public/surveys/{id}")
        public static let publicSurveyResponses: Route<Int64> = .init("/api/v1/public/surveys/{id}/responses")
        public static let publicSurveyResponseConfirm: Route<Int64, Int64> = .init("/api/v1/public/surveys/{id}/responses/{rid}/confirm")
        public static let publicSurveyResults: Route<Int64> = .init("/api/v1/public/surveys/{id}/results")
        public static let annualReport: Route<Int> = .init("/api/v1/reports/annual/{year}")
        public static let annualReportCorrections: Route<Int> = .init("/api/v1/reports/annual/{year}/corrections")
        public static let annualReportExport: Route<Int> = .init("/api/v1/reports/annual/{year}/export")
        public static let annualReportImport: Route<Int> = .init("/api/v1/reports/annual/{year}/import")
        public static let annualReportLock: Route<Int> = .init("/api/v1/reports/annual/{year}/lock")
        public static let annualReportPublish: Route<Int> = .init("/api/v1/reports/annual/{year}/publish")
        public static let requests: Route<> = .init("/api/v1/requests")
        public static let request: Route<Int64> = .init("/api/v1/requests/{id}", owns: ["id": .request])
        public static let requestAppeals: Route<Int64> = .init("/api/v1/requests/{id}/appeals", owns: ["id": .request])
        public static let requestAssign: Route<Int64> = .init("/api/v1/requests/{id}/assign", owns: ["id": .request])
        public static let requestConsultations: Route<Int64> = .init("/api/v1/requests/{id}/consultations", owns: ["id": .request])
        public static let requestConsultationClose: Route<Int64, Int64> = .init(
            "/api/v1/requests/{id}/consultations/{cid}/close", owns: ["id": .request])
        public static let requestCorrection: Route<Int64> = .init("/api/v1/requests/{id}/correction", owns: ["id": .request])
        public static let requestCorrectionReceived: Route<Int64> = .init(
            "/api/v1/requests/{id}/correction-received", owns: ["id": .request])
        public static let requestDeferral: Route<Int64> = .init("/api/v1/requests/{id}/deferral", owns: ["id": .request])
        public static let requestDeliveries: Route<Int64> = .init("/api/v1/requests/{id}/deliveries", owns: ["id": .request])
        public static let requestExtension: Route<Int64> = .init("/api/v1/requests/{id}/extension", owns: ["id": .request])
        public static let requestFeeNotice: Route<Int64> = .init("/api/v1/requests/{id}/fee-notice", owns: ["id": .request])
        public static let requestFeePaid: Route<Int64> = .init("/api/v1/requests/{id}/fee-paid", owns: ["id": .request])
        public static let requestInternalConsultations: Route<Int64> = .init(
            "/api/v1/requests/{id}/internal-consultations", owns: ["id": .request])
        public static let requestInternalConsultationAnswer: Route<Int64, Int> = .init(
            "/api/v1/requests/{id}/internal-consultations/{n}/answer", owns: ["id": .request])
        public static let requestLetter: Route<Int64> = .init("/api/v1/requests/{id}/letter", owns: ["id": .request])
        public static let requestProactive: Route<Int64> = .init("/api/v1/requests/{id}/proactive", owns: ["id": .request])
        public static let requestReply: Route<Int64> = .init("/api/v1/requests/{id}/reply", owns: ["id": .request])
        public static let requestSimilar: Route<Int64> = .init("/api/v1/requests/{id}/similar", owns: ["id": .request])
        public static let requestTransfer: Route<Int64> = .init("/api/v1/requests/{id}/transfer", owns: ["id": .request])
        public static let siteErrors: Route<> = .init("/api/v1/site-errors")
        public static let importSiteErrors: Route<> = .init("/api/v1/site-errors/import")
        public static let siteErrorResolve: Route<Int64> = .init("/api/v1/site-errors/{id}/resolve", owns: ["id": .siteError])
        public static let standardCatalog: Route<> = .init("/api/v1/standard-catalog")
        public static let standardCatalogCoverage: Route<> = .init("/api/v1/standard-catalog/coverage")
        public static let standardCatalogMapping: Route<> = .init("/api/v1/standard-catalog/mapping")
        public static let surveys: Route<> = .init("/api/v1/surveys")
        public static let survey: Route<Int64> = .init("/api/v1/surveys/{id}", owns: ["id": .survey])
        public static let surveyClose: Route<Int64> = .init("/api/v1/surveys/{id}/close", owns: ["id": .survey])
        public static let surveyExportCSV: Route<Int64> = .init("/api/v1/surveys/{id}/export.csv", owns: ["id": .survey])
        public static let surveyPublish: Route<Int64> = .init("/api/v1/surveys/{id}/publish", owns: ["id": .survey])
        public static let surveyResults: Route<Int64> = .init("/api/v1/surveys/{id}/results", owns: ["id": .survey])
        public static let surveyResultsPublic: Route<Int64> = .init("/api/v1/surveys/{id}/results-public", owns: ["id": .survey])
        public static let users: Route<> = .init("/api/v1/users")
        public static let userRoles: Route<Int64> = .init("/api/v1/users/{id}/roles", owns: ["id": .user])
        public static let websiteReport: Route<> = .init("/api/v1/website-report")

        /// Every route above, for the tests that check the router and the API description against them.
        static let all: [any RouteDescription] = [
            agencySite,
            appeals,
            appeal,
            assessments,
            assessment,
            assessmentClose,
            assessmentNotice,
            assessmentOpen,
            assessmentSelf,
            assessmentUnitDeductions,
            assessmentUnitReview,
            assessmentUnitVetoes,
            audit,
            authLogin,
            authLogout,
            calendarAddWorkdays,
            calendarNotices,
            calendarWorkdaysBetween,
            catalogSettings,
            consultations,
            consultation,
            consultationDispositions,
            consultationDocument,
            consultationFeedback,
            consultationModeration,
            consultationPublish,
            consultationReport,
            consultationRevisions,
            documents,
            document,
            documentApprove,
            documentAttachments,
            documentAttachment,
            documentDiff,
            documentFinding,
            documentPublish,
            documentReject,
            documentRevise,
            documentSchedule,
            documentSubmit,
            documentVersions,
            documentWithdraw,
            faq,
            faqCandidates,
            faqEntry,
            feesCollected,
            feesQuote,
            freshness,
            selfCheck,
            imports,
            ledgerReportFiles,
            ledgerReportReview,
            ledgerTask,
            ledgerTaskReports,
            ledgerTaskSupervise,
            ledgers,
            importLedger,
            ledger,
            ledgerCarryOver,
            ledgerDeductions,
            ledgerDocument,
            ledgerExport,
            ledgerRounds,
            ledgerSummary,
            ledgerUnits,
            letterHTML,
            letterPDF,
            linkChecks,
            linkChecksLatest,
            mailbox,
            mailboxLetter,
            mailboxAnswer,
            mailboxAssign,
            mailboxPublish,
            mailboxReview,
            mailboxSupervise,
            me,
            mediaAccounts,
            mediaAccountDecision,
            mediaAccountFilings,
            mediaAccountUpdates,
            openDays,
            openDayAnnounce,
            openDayReport,
            openAPIDocument,
            opinions,
            opinion,
            opinionAssign,
            opinionClose,
            opinionResponses,
            outbox,
            oversight,
            proposals,
            proposal,
            proposalContacts,
            proposalReply,
            publicConsultations,
            publicConsultation,
            publicConsultationComments,
            publicConsultationCommentConfirm,
            publicDocuments,
            publicDocument,
            publicFAQ,
            publicLedger,
            publicMailbox,
            publicMailboxLetter,
            publicMailboxRating,
            publicOpenDays,
            publicOpenDayRegistrations,
            publicAnnualReport,
            publicRequests,
            publicRequest,
            publicSiteErrors,
            publicSurveys,
            publicSurvey,
            publicSurveyResponses,
            publicSurveyResponseConfirm,
            publicSurveyResults,
            annualReport,
            annualReportCorrections,
            annualReportExport,
            annualReportImport,
            annualReportLock,
            annualReportPublish,
            requests,
            request,
            requestAppeals,
            requestAssign,
            requestConsultations,
            requestConsultationClose,
            requestCorrection,
            requestCorrectionReceived,
            requestDeferral,
            requestDeliveries,
            requestExtension,
            requestFeeNotice,
            requestFeePaid,
            requestInternalConsultations,
            requestInternalConsultationAnswer,
            requestLetter,
            requestProactive,
            requestReply,
            requestSimilar,
            requestTransfer,
            siteErrors,
            importSiteErrors,
            siteErrorResolve,
            standardCatalog,
            standardCatalogCoverage,
            standardCatalogMapping,
            surveys,
            survey,
            surveyClose,
            surveyExportCSV,
            surveyPublish,
            surveyResults,
            surveyResultsPublic,
            users,
            userRoles,
            websiteReport,
        ]
    }
}
