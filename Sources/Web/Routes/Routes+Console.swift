import Storage

/// Routes of the portal, the console and the API: see `Route`. Generated once from the
/// registrations and kept by hand since.
extension Routes {
    /// The staff console (`/console`): pages and the forms they post.
    public enum Console {
        public static let home: Route<> = .init("/console")
        public static let assessments: Route<> = .init("/console/assessments")
        public static let assessment: Route<Int64> = .init("/console/assessments/{id}", owns: ["id": .assessment])
        public static let assessmentClose: Route<Int64> = .init("/console/assessments/{id}/close", owns: ["id": .assessment])
        public static let assessmentNotice: Route<Int64> = .init("/console/assessments/{id}/notice", owns: ["id": .assessment])
        public static let assessmentOpen: Route<Int64> = .init("/console/assessments/{id}/open", owns: ["id": .assessment])
        public static let assessmentSelf: Route<Int64> = .init("/console/assessments/{id}/self", owns: ["id": .assessment])
        public static let assessmentUnit: Route<Int64, Int64> = .init("/console/assessments/{id}/units/{unit}", owns: ["id": .assessment])
        public static let assessmentUnitDeductions: Route<Int64, Int64> = .init(
            "/console/assessments/{id}/units/{unit}/deductions", owns: ["id": .assessment])
        public static let assessmentUnitReview: Route<Int64, Int64> = .init(
            "/console/assessments/{id}/units/{unit}/review", owns: ["id": .assessment])
        public static let assessmentUnitVetoes: Route<Int64, Int64> = .init(
            "/console/assessments/{id}/units/{unit}/vetoes", owns: ["id": .assessment])
        public static let audit: Route<> = .init("/console/audit")
        public static let auditCSV: Route<> = .init("/console/audit.csv")
        public static let calendar: Route<> = .init("/console/calendar")
        public static let catalogSettings: Route<> = .init("/console/catalog-settings")
        public static let consultations: Route<> = .init("/console/consultations")
        public static let consultation: Route<Int64> = .init("/console/consultations/{id}", owns: ["id": .consultation])
        public static let consultationComments: Route<Int64> = .init("/console/consultations/{id}/comments", owns: ["id": .consultation])
        public static let consultationPublish: Route<Int64> = .init("/console/consultations/{id}/publish", owns: ["id": .consultation])
        public static let consultationReport: Route<Int64> = .init("/console/consultations/{id}/report", owns: ["id": .consultation])
        public static let consultationRevise: Route<Int64> = .init("/console/consultations/{id}/revise", owns: ["id": .consultation])
        public static let documents: Route<> = .init("/console/documents")
        public static let importDocument: Route<> = .init("/console/documents/import")
        public static let newDocument: Route<> = .init("/console/documents/new")
        public static let document: Route<Int64> = .init("/console/documents/{id}", owns: ["id": .document])
        public static let documentAttachments: Route<Int64> = .init("/console/documents/{id}/attachments", owns: ["id": .document])
        public static let documentAttachment: Route<Int64, Int64> = .init(
            "/console/documents/{id}/attachments/{attachment}", owns: ["id": .document, "attachment": .attachment])
        public static let documentAttachmentRemove: Route<Int64, Int64> = .init(
            "/console/documents/{id}/attachments/{attachment}/remove", owns: ["id": .document, "attachment": .attachment])
        public static let documentEdit: Route<Int64> = .init("/console/documents/{id}/edit", owns: ["id": .document])
        public static let documentFinding: Route<Int64, Int64> = .init(
            "/console/documents/{id}/findings/{finding}", owns: ["id": .document])
        public static let documentPublish: Route<Int64> = .init("/console/documents/{id}/publish", owns: ["id": .document])
        public static let documentReview: Route<Int64> = .init("/console/documents/{id}/review", owns: ["id": .document])
        public static let documentRevise: Route<Int64> = .init("/console/documents/{id}/revise", owns: ["id": .document])
        public static let documentSubmit: Route<Int64> = .init("/console/documents/{id}/submit", owns: ["id": .document])
        public static let documentWithdraw: Route<Int64> = .init("/console/documents/{id}/withdraw", owns: ["id": .document])
        public static let faq: Route<> = .init("/console/faq")
        public static let freshness: Route<> = .init("/console/freshness")
        public static let selfCheck: Route<> = .init("/console/self-check")
        public static let ledgers: Route<> = .init("/console/ledgers")
        public static let importLedger: Route<> = .init("/console/ledgers/import")
        public static let ledger: Route<Int64> = .init("/console/ledgers/{id}", owns: ["id": .plan])
        public static let ledgerExport: Route<Int64> = .init("/console/ledgers/{id}/export", owns: ["id": .plan])
        public static let ledgerFile: Route<Int64, Int64> = .init(
            "/console/ledgers/{id}/files/{fid}", owns: ["id": .plan, "fid": .evidenceFile])
        public static let ledgerReportReview: Route<Int64, Int64> = .init(
            "/console/ledgers/{id}/reports/{rid}/review", owns: ["id": .plan, "rid": .progressReport])
        public static let ledgerRounds: Route<Int64> = .init("/console/ledgers/{id}/rounds", owns: ["id": .plan])
        public static let ledgerTaskReport: Route<Int64, Int64> = .init(
            "/console/ledgers/{id}/tasks/{tid}/report", owns: ["id": .plan, "tid": .task])
        public static let ledgerTaskSupervise: Route<Int64, Int64> = .init(
            "/console/ledgers/{id}/tasks/{tid}/supervise", owns: ["id": .plan, "tid": .task])
        public static let ledgerUnits: Route<Int64> = .init("/console/ledgers/{id}/units", owns: ["id": .plan])
        public static let letter: Route<Int64> = .init("/console/letters/{lid}", owns: ["lid": .letter])
        public static let letterPDF: Route<Int64> = .init("/console/letters/{lid}/pdf", owns: ["lid": .letter])
        public static let links: Route<> = .init("/console/links")
        public static let mailbox: Route<> = .init("/console/mailbox")
        public static let mailboxLetter: Route<Int64> = .init("/console/mailbox/{id}", owns: ["id": .mailbox])
        public static let mailboxAnswer: Route<Int64> = .init("/console/mailbox/{id}/answer", owns: ["id": .mailbox])
        public static let mailboxAssign: Route<Int64> = .init("/console/mailbox/{id}/assign", owns: ["id": .mailbox])
        public static let mailboxPublish: Route<Int64> = .init("/console/mailbox/{id}/publish", owns: ["id": .mailbox])
        public static let mailboxReveal: Route<Int64> = .init("/console/mailbox/{id}/reveal", owns: ["id": .mailbox])
        public static let mailboxReview: Route<Int64> = .init("/console/mailbox/{id}/review", owns: ["id": .mailbox])
        public static let mailboxSupervise: Route<Int64> = .init("/console/mailbox/{id}/supervise", owns: ["id": .mailbox])
        public static let media: Route<> = .init("/console/media")
        public static let mediaAccount: Route<Int64> = .init("/console/media/{id}", owns: ["id": .mediaAccount])
        public static let mediaDecision: Route<Int64> = .init("/console/media/{id}/decision", owns: ["id": .mediaAccount])
        public static let mediaFilings: Route<Int64> = .init("/console/media/{id}/filings", owns: ["id": .mediaAccount])
        public static let mediaUpdates: Route<Int64> = .init("/console/media/{id}/updates", owns: ["id": .mediaAccount])
        public static let opinions: Route<> = .init("/console/opinions")
        public static let opinionRespond: Route<Int64> = .init("/console/opinions/{id}/respond", owns: ["id": .opinion])
        public static let oversight: Route<> = .init("/console/oversight")
        public static let oversightCSV: Route<> = .init("/console/oversight.csv")
        public static let proposals: Route<> = .init("/console/proposals")
        public static let proposal: Route<Int64> = .init("/console/proposals/{id}", owns: ["id": .proposal])
        public static let proposalContacts: Route<Int64> = .init("/console/proposals/{id}/contacts", owns: ["id": .proposal])
        public static let proposalReply: Route<Int64> = .init("/console/proposals/{id}/reply", owns: ["id": .proposal])
        public static let reports: Route<> = .init("/console/reports")
        public static let importReport: Route<> = .init("/console/reports/import")
        public static let report: Route<Int> = .init("/console/reports/{year}")
        public static let reportCorrections: Route<Int> = .init("/console/reports/{year}/corrections")
        public static let reportExport: Route<Int> = .init("/console/reports/{year}/export")
        public static let reportLock: Route<Int> = .init("/console/reports/{year}/lock")
        public static let reportPublish: Route<Int> = .init("/console/reports/{year}/publish")
        public static let requests: Route<> = .init("/console/requests")
        public static let newRequest: Route<> = .init("/console/requests/new")
        public static let request: Route<Int64> = .init("/console/requests/{id}", owns: ["id": .request])
        public static let requestAppeals: Route<Int64> = .init("/console/requests/{id}/appeals", owns: ["id": .request])
        public static let requestAppeal: Route<Int64, Int64> = .init(
            "/console/requests/{id}/appeals/{aid}", owns: ["id": .request, "aid": .appeal])
        public static let requestAssign: Route<Int64> = .init("/console/requests/{id}/assign", owns: ["id": .request])
        public static let requestConsultations: Route<Int64> = .init("/console/requests/{id}/consultations", owns: ["id": .request])
        public static let requestConsultationClose: Route<Int64, Int> = .init(
            "/console/requests/{id}/consultations/{n}/close", owns: ["id": .request])
        public static let requestCorrection: Route<Int64> = .init("/console/requests/{id}/correction", owns: ["id": .request])
        public static let requestCorrectionReceived: Route<Int64> = .init(
            "/console/requests/{id}/correction-received", owns: ["id": .request])
        public static let requestDeferral: Route<Int64> = .init("/console/requests/{id}/deferral", owns: ["id": .request])
        public static let requestDeliveries: Route<Int64> = .init("/console/requests/{id}/deliveries", owns: ["id": .request])
        public static let requestExtension: Route<Int64> = .init("/console/requests/{id}/extension", owns: ["id": .request])
        public static let requestFeeNotice: Route<Int64> = .init("/console/requests/{id}/fee-notice", owns: ["id": .request])
        public static let requestFeePaid: Route<Int64> = .init("/console/requests/{id}/fee-paid", owns: ["id": .request])
        public static let requestInternalConsultations: Route<Int64> = .init(
            "/console/requests/{id}/internal-consultations", owns: ["id": .request])
        public static let requestInternalConsultationAnswer: Route<Int64, Int> = .init(
            "/console/requests/{id}/internal-consultations/{n}/answer", owns: ["id": .request])
        public static let requestLetter: Route<Int64> = .init("/console/requests/{id}/letter", owns: ["id": .request])
        public static let requestLetterEdit: Route<Int64> = .init("/console/requests/{id}/letter-edit", owns: ["id": .request])
        public static let requestProactive: Route<Int64> = .init("/console/requests/{id}/proactive", owns: ["id": .request])
        public static let requestReceipt: Route<Int64> = .init("/console/requests/{id}/receipt", owns: ["id": .request])
        public static let requestReply: Route<Int64> = .init("/console/requests/{id}/reply", owns: ["id": .request])
        public static let requestReveal: Route<Int64> = .init("/console/requests/{id}/reveal", owns: ["id": .request])
        public static let requestTransfer: Route<Int64> = .init("/console/requests/{id}/transfer", owns: ["id": .request])
        public static let sensitiveWords: Route<> = .init("/console/sensitive-words")
        public static let site: Route<> = .init("/console/site")
        public static let siteEmblem: Route<> = .init("/console/site/emblem")
        public static let siteErrors: Route<> = .init("/console/site-errors")
        public static let importSiteErrors: Route<> = .init("/console/site-errors/import")
        public static let siteErrorResolve: Route<Int64> = .init("/console/site-errors/{id}/resolve", owns: ["id": .siteError])
        public static let standard: Route<> = .init("/console/standard")
        public static let standardMapping: Route<> = .init("/console/standard/mapping")
        public static let surveys: Route<> = .init("/console/surveys")
        public static let survey: Route<Int64> = .init("/console/surveys/{id}", owns: ["id": .survey])
        public static let surveyClose: Route<Int64> = .init("/console/surveys/{id}/close", owns: ["id": .survey])
        public static let surveyPublish: Route<Int64> = .init("/console/surveys/{id}/publish", owns: ["id": .survey])
        public static let surveyResultsPublic: Route<Int64> = .init("/console/surveys/{id}/results-public", owns: ["id": .survey])
        public static let timeliness: Route<> = .init("/console/timeliness")
        public static let users: Route<> = .init("/console/users")
        public static let userPassword: Route<Int64> = .init("/console/users/{id}/password", owns: ["id": .user])
        public static let userUnlock: Route<Int64> = .init("/console/users/{id}/unlock", owns: ["id": .user])
        public static let websiteReport: Route<> = .init("/console/website-report")
        public static let websiteReportXLSX: Route<> = .init("/console/website-report.xlsx")
        public static let websiteReportDraft: Route<> = .init("/console/website-report/draft")

        /// Every route above, for the tests that check the router and the API description against them.
        static let all: [any RouteDescription] = [
            home,
            assessments,
            assessment,
            assessmentClose,
            assessmentNotice,
            assessmentOpen,
            assessmentSelf,
            assessmentUnit,
            assessmentUnitDeductions,
            assessmentUnitReview,
            assessmentUnitVetoes,
            audit,
            auditCSV,
            calendar,
            catalogSettings,
            consultations,
            consultation,
            consultationComments,
            consultationPublish,
            consultationReport,
            consultationRevise,
            documents,
            importDocument,
            newDocument,
            document,
            documentAttachments,
            documentAttachment,
            documentAttachmentRemove,
            documentEdit,
            documentFinding,
            documentPublish,
            documentReview,
            documentRevise,
            documentSubmit,
            documentWithdraw,
            faq,
            freshness,
            selfCheck,
            ledgers,
            importLedger,
            ledger,
            ledgerExport,
            ledgerFile,
            ledgerReportReview,
            ledgerRounds,
            ledgerTaskReport,
            ledgerTaskSupervise,
            ledgerUnits,
            letter,
            letterPDF,
            links,
            mailbox,
            mailboxLetter,
            mailboxAnswer,
            mailboxAssign,
            mailboxPublish,
            mailboxReveal,
            mailboxReview,
            mailboxSupervise,
            media,
            mediaAccount,
            mediaDecision,
            mediaFilings,
            mediaUpdates,
            opinions,
            opinionRespond,
            oversight,
            oversightCSV,
            proposals,
            proposal,
            proposalContacts,
            proposalReply,
            reports,
            importReport,
            report,
            reportCorrections,
            reportExport,
            reportLock,
            reportPublish,
            requests,
            newRequest,
            request,
            requestAppeals,
            requestAppeal,
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
            requestLetterEdit,
            requestProactive,
            requestReceipt,
            requestReply,
            requestReveal,
            requestTransfer,
            sensitiveWords,
            site,
            siteEmblem,
            siteErrors,
            importSiteErrors,
            siteErrorResolve,
            standard,
            standardMapping,
            surveys,
            survey,
            surveyClose,
            surveyPublish,
            surveyResultsPublic,
            timeliness,
            users,
            userPassword,
            userUnlock,
            websiteReport,
            websiteReportXLSX,
            websiteReportDraft,
        ]
    }
}
