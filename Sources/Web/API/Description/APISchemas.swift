import Domain
import OpenAPIKit
import Services
import Storage

// The schemas of the API's bodies, one per type that is encoded as a body. Generated once from
// the types' declarations and kept by hand since; `APIConformanceTests` checks every body the
// tests see against the schema of its type, so a field added here or there without the other fails.

extension AgencySiteController.Body: APISchema {
    static var schemaName: String { "AgencySiteBody" }
    static let schema: JSONSchema = .object(properties: [
        "agencyId": .integer,
        "host": .string(required: false),
        "title": .string,
        "color": .string,
        "shownTitle": .string,
        "registration": .ref(SiteRegistration.self),
        "navigation": .list(.ref(SiteLink.self)),
        "shownNavigation": .list(.ref(SiteLink.self)),
    ])
}

extension SiteLink: APISchema {
    static let schema: JSONSchema = .object(
        description: "页眉导航的一项",
        properties: ["label": .string(description: "名称，1 到 10 个字"), "href": .string(description: "本站路径或 http(s) 网址")])
}

extension SiteRegistration: APISchema {
    static let schema: JSONSchema = .object(
        description: "页脚显示的网站标识与备案信息",
        properties: [
            "sponsor": .string(description: "主办单位"), "siteCode": .string(description: "网站标识码"), "icp": .string(description: "ICP备案编号"),
            "psb": .string(description: "公安机关备案号"), "psbLink": .string(description: "公安机关备案链接"),
            "conacImage": .string(description: "党政机关网站开办单位标识图片"), "conacLink": .string(description: "标识证书链接"),
        ])
}

extension AnnualReportDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "year": .integer,
        "agencyId": .integer,
        "agency": .string,
        "format": .enumeration(AnnualReportFormat.self),
        "state": .enumeration(AnnualReport.State.self),
        "locked": .boolean,
        "published": .boolean,
        "rollup": .boolean,
        "activeDisclosure": .ref(AnnualReportDTO.ActiveDisclosure.self),
        "requests": .ref(AnnualReportDTO.Requests.self),
        "reviewLitigation": .ref(AnnualReportDTO.ReviewLitigation.self),
        "checks": .list(.ref(AnnualReportCheck.self)),
        "narrative": .map(.string),
        "entered": .list(.string),
        "missingEntries": .list(.string),
        "corrections": .list(.ref(AnnualReport.Correction.self)),
        "drift": .list(.ref(AnnualReportDTO.Drift.self)),
        "digest": .string(required: false),
        "units": .list(.ref(AnnualReportDTO.Unit.self), required: false),
    ])
}

extension AssessmentsController.AssessmentDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "agencyId": .integer,
        "title": .string,
        "from": .string,
        "to": .string,
        "status": .string,
        "fullMarks": .number,
        "scheme": .string,
        "indicators": .list(.ref(AssessmentsController.IndicatorDTO.self)),
        "vetoes": .list(.string),
        "minimumVolume": .integer,
        "grades": .map(.number),
        "noticeDocumentId": .integer(required: false),
        "results": .list(.ref(AssessmentsController.ResultDTO.self)),
    ])
}

extension AssessmentsController.ListDTO: APISchema {
    static var schemaName: String { "AssessmentsListDTO" }
    static let schema: JSONSchema = .object(properties: [
        "own": .list(.ref(AssessmentsController.ListDTO.Item.self)),
        "assessedIn": .list(.ref(AssessmentsController.ListDTO.Item.self)),
    ])
}

extension AssessmentsController.MarksDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "unitId": .integer,
        "state": .string,
        "entries": .list(.ref(AssessmentsController.MarksDTO.Entry.self)),
        "deductions": .list(.ref(AssessmentMarks.Deduction.self)),
        "vetoes": .list(.ref(AssessmentMarks.Veto.self)),
    ])
}

extension AssessmentsController.NoticeDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "documentId": .integer,
        "title": .string,
        "status": .string,
    ])
}

extension AttachmentsController.AttachmentDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "fileName": .string,
        "kind": .string,
        "size": .integer,
        "sha256": .string,
        "removedMetadata": .list(.string),
        "textReadable": .boolean,
    ])
}

extension AttachmentsController.Imported: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "title": .string,
        "body": .string,
    ])
}

extension AuditController.Listing: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "total": .integer,
        "entries": .list(.ref(AuditEntry.self)),
    ])
}

extension AuthController.MeResponse: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "username": .string,
        "displayName": .string,
        "agency": .ref(AuthController.MeResponse.AgencySummary.self),
        "roles": .list(.string),
    ])
}

extension AuthController.TokenResponse: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "token": .string,
        "expiresAt": .string,
    ])
}

extension CalendarController.AddWorkdaysResponse: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "from": .string,
        "days": .integer,
        "due": .string,
        "provisional": .boolean,
    ])
}

extension CalendarController.NoticeList: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "notices": .list(.ref(CalendarController.NoticeSummary.self))
    ])
}

extension CalendarController.WorkdaysBetweenResponse: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "from": .string,
        "to": .string,
        "workdays": .integer,
        "provisional": .boolean,
    ])
}

extension CatalogSettingsController.Body: APISchema {
    static var schemaName: String { "CatalogSettingsBody" }
    /// The settings' own fields (encoded flat, see `encode(to:)`) and the categories in force.
    static let schema: JSONSchema = {
        var properties = CatalogSettings.schema.objectContext?.properties ?? [:]
        properties["categories"] = .list(.ref(CatalogCategory.self))
        return .object(properties: properties)
    }()
}

extension ConsultationsController.Changed: APISchema {
    static var schemaName: String { "ConsultationsChanged" }
    static let schema: JSONSchema = .object(properties: [
        "changed": .integer
    ])
}

extension ConsultationsController.CommentReceipt: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "status": .enumeration(PublicComment.Status.self),
        "message": .string,
    ])
}

extension ConsultationsController.ConsultationDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "title": .string,
        "kind": .enumeration(ConsultationKind.self),
        "kindLabel": .string,
        "summary": .string,
        "body": .string,
        "paragraphs": .list(.string),
        "version": .integer,
        "changes": .list(.ref(ConsultationsController.ConsultationDTO.Change.self)),
        "opensOn": .date,
        "closesOn": .date,
        "status": .enumeration(Consultation.Status.self),
        "identity": .enumeration(CommentIdentity.self),
        "documentId": .integer(required: false),
        "reportDocumentId": .integer(required: false),
        "comments": .list(.ref(ConsultationsController.CommentDTO.self), required: false),
    ])
}

extension ConsultationsController.ConsultationList: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "items": .list(.ref(ConsultationsController.ConsultationDTO.self))
    ])
}

extension ConsultationsController.FeedbackDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "received": .integer,
        "published": .integer,
        "adopted": .integer,
        "partlyAdopted": .integer,
        "notAdopted": .integer,
        "irrelevant": .integer,
        "undecided": .integer,
        "themes": .list(.ref(ConsultationsController.FeedbackDTO.Theme.self)),
        "text": .string,
    ])
}

extension ConsultationsController.ReportDraft: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "documentId": .integer,
        "title": .string,
        "status": .string,
    ])
}

extension DocumentDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "status": .string,
        "statusLabel": .string,
        "reviewLevel": .string(required: false),
        "title": .string,
        "body": .string,
        "kind": .string,
        "category": .string,
        "disclosure": .string,
        "documentNumber": .string,
        "indexNumber": .string(required: false),
        "writtenOn": .date.optional,
        "publishedOn": .date.optional,
        "scheduledAt": .string(required: false),
        "expiresOn": .date.optional,
        "revision": .integer,
        "revisionOf": .integer(required: false),
        "subject": .string,
        "columns": .list(.string),
        "history": .list(.ref(DocumentDTO.Step.self)),
        "findings": .list(.ref(DocumentDTO.Finding.self)),
        "attachments": .list(.ref(AttachmentsController.AttachmentDTO.self)),
    ])
}

extension DocumentsController.DiffBody: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "from": .string,
        "to": .string,
        "title": .list(.string),
        "added": .integer,
        "removed": .integer,
        "lines": .list(.ref(TextDiff.Line.self)),
    ])
}

extension DocumentsController.PublicDocument: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "title": .string,
        "body": .string,
        "indexNumber": .string(required: false),
        "documentNumber": .string,
        "writtenOn": .date.optional,
        "publishedOn": .date.optional,
        "category": .string,
        "kind": .string,
        "validity": .string(required: false),
    ])
}

extension DocumentsController.PublicList: APISchema {
    static var schemaName: String { "DocumentsPublicList" }
    static let schema: JSONSchema = .object(properties: [
        "totalIsExact": .boolean,
        "items": .list(.ref(DocumentsController.PublicItem.self)),
        "total": .integer,
        "page": .integer,
        "per": .integer,
    ])
}

extension DocumentsController.VersionList: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "items": .list(.ref(DocumentsController.VersionList.Version.self))
    ])
}

extension FeesController.Collected: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "year": .integer,
        "requests": .integer,
        "amountYuan": .integer,
    ])
}

extension FeesController.Quote: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "basis": .enumeration(FeeSchedule.Basis.self),
        "basisLabel": .string,
        "amountYuan": .integer,
    ])
}

extension FreshnessController.Body: APISchema {
    static var schemaName: String { "FreshnessBody" }
    static let schema: JSONSchema = .object(properties: [
        "passes": .boolean,
        "failures": .list(.string),
        "columns": .list(.ref(FreshnessController.Body.Column.self)),
    ])
}

extension LedgersController.CarriedDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "planId": .integer,
        "year": .integer,
        "carried": .integer,
    ])
}

extension LedgersController.Changed: APISchema {
    static var schemaName: String { "LedgersChanged" }
    static let schema: JSONSchema = .object(properties: [
        "changed": .integer
    ])
}

extension LedgersController.Created: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer
    ])
}

extension LedgersController.Deductions: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "items": .list(.ref(LedgersController.DeductionDTO.self))
    ])
}

extension LedgersController.FileDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "fileName": .string,
        "contentType": .string,
        "size": .integer,
    ])
}

extension LedgersController.ImportedDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "year": .integer,
        "title": .string,
        "sections": .list(.ref(LedgersController.SectionDTO.self)),
        "unmatchedUnits": .list(.string),
    ])
}

extension LedgersController.Linked: APISchema {
    static var schemaName: String { "LedgersLinked" }
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "documentId": .integer(required: false),
    ])
}

extension LedgersController.PlanDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "year": .integer,
        "title": .string,
        "sections": .list(.ref(LedgersController.SectionDTO.self)),
        "rounds": .list(.ref(LedgersController.RoundDTO.self)),
        "reports": .list(.ref(LedgersController.ReportDTO.self)),
    ])
}

extension LedgersController.Plans: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "items": .list(.ref(LedgersController.PlanItem.self))
    ])
}

extension LedgersController.PublicPlan: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "title": .string,
        "year": .integer,
        "documentId": .integer(required: false),
        "agency": .string,
        "sections": .list(.ref(LedgersController.PublicSection.self)),
    ])
}

extension LedgersController.ReportDTO: APISchema {
    static var schemaName: String { "LedgersReportDTO" }
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "taskId": .integer,
        "roundId": .integer,
        "unit": .string,
        "text": .string,
        "percent": .integer,
        "state": .enumeration(ProgressReport.State.self),
        "evidence": .list(.string),
        "submittedBy": .string,
        "review": .string(allowedValues: ["pending", "accepted", "returned"]),
        "reviewComment": .string,
    ])
}

extension LedgersController.RoundDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "title": .string,
        "dueOn": .date,
    ])
}

extension LedgersController.Summary: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "text": .string
    ])
}

extension LedgersController.TaskOut: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "task": .ref(LedgersController.TaskDTO.self)
    ])
}

extension LinkChecksController.RunBody: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "origin": .string,
        "startedAt": .string,
        "finishedAt": .string(required: false),
        "running": .boolean,
        "pagesRead": .integer(required: false),
        "linksChecked": .integer(required: false),
        "truncated": .boolean(required: false),
        "broken": .list(.ref(LinkCheckService.Finding.self), required: false),
        "notChecked": .list(.ref(LinkCheckService.Finding.self), required: false),
    ])
}

extension MailboxController.Candidates: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "groups": .list(.list(.ref(MailboxController.MessageDTO.self)))
    ])
}

extension MailboxController.FAQDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "question": .string,
        "answer": .string,
        "topic": .string,
        "sources": .list(.integer, required: false),
        "published": .boolean,
    ])
}

extension MailboxController.FAQList: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "items": .list(.ref(MailboxController.FAQDTO.self))
    ])
}

extension MailboxController.MessageDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "trackingCode": .string,
        "kind": .enumeration(MailboxMessage.Kind.self),
        "subject": .string,
        "body": .string,
        "name": .string,
        "phone": .string,
        "email": .string,
        "mayPublish": .boolean,
        "status": .enumeration(MailboxMessage.Status.self),
        "receivedOn": .date,
        "dueOn": .date,
        "overdue": .boolean,
        "unit": .string,
        "departmentId": .integer(required: false),
        "reply": .string,
        "repliedOn": .date.optional,
        "steps": .list(.ref(MailboxMessage.Step.self)),
        "rating": .enumeration(MailboxMessage.Rating.self, required: false),
        "ratingComment": .string,
        "published": .boolean,
    ])
}

extension MailboxController.MessageList: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "items": .list(.ref(MailboxController.MessageDTO.self))
    ])
}

extension MailboxController.PublicList: APISchema {
    static var schemaName: String { "MailboxPublicList" }
    static let schema: JSONSchema = .object(properties: [
        "items": .list(.ref(MailboxController.PublicDTO.self))
    ])
}

extension MailboxController.Receipt: APISchema {
    static var schemaName: String { "MailboxReceipt" }
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "trackingCode": .string,
        "receivedOn": .date,
        "dueOn": .date,
    ])
}

extension MailboxController.TrackDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "trackingCode": .string,
        "subject": .string,
        "status": .enumeration(MailboxMessage.Status.self),
        "statusLabel": .string,
        "receivedOn": .date,
        "dueOn": .date,
        "reply": .string(required: false),
        "repliedOn": .date.optional,
        "rating": .enumeration(MailboxMessage.Rating.self, required: false),
    ])
}

extension MediaAccountsController.DTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "agencyId": .integer,
        "platform": .string,
        "name": .string,
        "handle": .string,
        "sponsor": .string,
        "operatorName": .string,
        "status": .string,
        "lastUpdatedOn": .date.optional,
        "averagePostsPerMonth": .number(required: false),
        "idle": .boolean,
        "pendingFiling": .string(required: false),
        "filings": .list(.ref(MediaAccount.Filing.self)),
    ])
}

extension MediaAccountsController.ListDTO: APISchema {
    static var schemaName: String { "MediaAccountsListDTO" }
    static let schema: JSONSchema = .object(properties: [
        "idleDays": .integer,
        "items": .list(.ref(MediaAccountsController.DTO.self)),
    ])
}

extension OpenDaysController.DayDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "title": .string,
        "date": .date,
        "place": .string,
        "plan": .string,
        "capacity": .integer,
        "registered": .integer,
        "placesLeft": .integer,
        "registrationClosesOn": .date,
        "announced": .boolean,
        "resultDocumentId": .integer(required: false),
        "registrations": .list(.ref(OpenDay.Registration.self), required: false),
    ])
}

extension OpenDaysController.DayList: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "items": .list(.ref(OpenDaysController.DayDTO.self))
    ])
}

extension OpenDaysController.SignupDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "registration": .integer,
        "people": .integer,
        "placesLeft": .integer,
    ])
}

extension OpinionsController.OpinionDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "source": .string,
        "link": .string,
        "foundAt": .string,
        "topic": .string,
        "summary": .string,
        "risk": .enumeration(OpinionItem.Risk.self),
        "unit": .string,
        "status": .enumeration(OpinionItem.Status.self),
        "hoursToFirstResponse": .number(required: false),
        "responses": .list(.ref(OpinionsController.OpinionDTO.ResponseDTO.self)),
    ])
}

extension OpinionsController.OpinionList: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "items": .list(.ref(OpinionsController.OpinionDTO.self))
    ])
}

extension OversightController.Body: APISchema {
    static var schemaName: String { "OversightBody" }
    static let schema: JSONSchema = .object(properties: [
        "from": .string,
        "to": .string,
        "units": .list(.ref(OversightController.Body.Unit.self)),
        "whole": .ref(OversightController.Body.Unit.self),
    ])
}

extension ProposalsController.ProposalDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "kind": .enumeration(Proposal.Kind.self),
        "year": .integer,
        "number": .string,
        "proposer": .string,
        "title": .string,
        "assignedOn": .date,
        "leadUnit": .string,
        "coUnits": .list(.string),
        "complex": .boolean,
        "dueOn": .date,
        "overdue": .boolean,
        "contacts": .list(.ref(Proposal.Contact.self)),
        "reply": .string,
        "outcome": .enumeration(Proposal.Outcome.self, required: false),
        "repliedOn": .date.optional,
        "publishReply": .boolean,
        "replyDocumentId": .integer(required: false),
    ])
}

extension ProposalsController.ProposalList: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "items": .list(.ref(ProposalsController.ProposalDTO.self)),
        "counts": .list(.ref(ProposalsController.CountDTO.self), required: false),
    ])
}

extension RequestFilesController.AppealDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "requestId": .integer(required: false),
        "kind": .enumeration(RequestAppeal.Kind.self),
        "kindLabel": .string,
        "forum": .string,
        "filedOn": .date,
        "result": .enumeration(RequestAppeal.Result.self),
        "resultLabel": .string,
        "decidedOn": .date.optional,
        "note": .string,
    ])
}

extension RequestFilesController.Appeals: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "year": .integer,
        "table": .list(.ref(RequestFilesController.TableRow.self)),
        "cases": .list(.ref(RequestFilesController.AppealDTO.self)),
    ])
}

extension RequestFilesController.Assigned: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "departmentId": .integer(required: false),
        "handlerId": .integer(required: false),
    ])
}

extension RequestFilesController.LetterDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "requestId": .integer,
        "outcome": .enumeration(RequestOutcome.self),
        "outcomeLabel": .string,
        "title": .string,
        "body": .string,
        "status": .string(allowedValues: ["draft", "sent"]),
        "number": .string(required: false),
        "sentOn": .date.optional,
        "htmlURL": .string,
        "pdfURL": .string,
    ])
}

extension RequestFilesController.Linked: APISchema {
    static var schemaName: String { "RequestFilesLinked" }
    static let schema: JSONSchema = .object(properties: [
        "documentId": .integer,
        "requestIds": .list(.integer),
    ])
}

extension RequestFilesController.Outbox: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "configured": .boolean,
        "smsConfigured": .boolean,
        "items": .list(.ref(RequestFilesController.OutboxItem.self)),
    ])
}

extension RequestFilesController.Similar: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "applicants": .integer,
        "suggestProactive": .boolean,
        "proactiveDocumentId": .integer(required: false),
        "requests": .list(.ref(RequestFilesController.SimilarItem.self)),
    ])
}

extension RequestFilesController.Transferred: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "agencyId": .integer,
        "receivedOn": .date,
        "dueOn": .date.optional,
    ])
}

extension RequestsController.Changed: APISchema {
    static var schemaName: String { "RequestsChanged" }
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "status": .enumeration(RequestStatus.self),
        "dueOn": .date.optional,
        "dueExplanation": .string,
        "consultationID": .integer(required: false),
        "outcome": .enumeration(RequestOutcome.self, required: false),
        "letterNumber": .string(required: false),
    ])
}

extension RequestsController.List: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "items": .list(.ref(RequestsController.ListItem.self))
    ])
}

extension RequestsController.Receipt: APISchema {
    static var schemaName: String { "RequestsReceipt" }
    static let schema: JSONSchema = .object(properties: [
        "id": .integer(required: false),
        "trackingCode": .string,
        "receivedOn": .date,
        "dueOn": .date.optional,
        "dueExplanation": .string,
    ])
}

extension RequestsController.Record: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "trackingCode": .string,
        "channel": .enumeration(RequestChannel.self),
        "receiptRule": .string,
        "applicant": .ref(Applicant.self),
        "description": .string,
        "purpose": .string,
        "delivery": .enumeration(DeliveryMethod.self),
        "status": .enumeration(RequestStatus.self),
        "statusLabel": .string,
        "receivedOn": .date,
        "dueOn": .date.optional,
        "dueProvisional": .boolean,
        "dueExplanation": .string,
        "outcome": .enumeration(RequestOutcome.self, required: false),
        "repliedOn": .date.optional,
    ])
}

extension RequestsController.Status: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "trackingCode": .string,
        "status": .enumeration(RequestStatus.self),
        "statusLabel": .string,
        "receivedOn": .date,
        "dueOn": .date.optional,
        "dueExplanation": .string,
        "outcomeLabel": .string(required: false),
        "repliedOn": .date.optional,
    ])
}

extension SiteErrorsController.ImportDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "added": .integer,
        "skipped": .integer,
    ])
}

extension SiteErrorsController.ReportDTO: APISchema {
    static var schemaName: String { "SiteErrorsReportDTO" }
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "source": .enumeration(SiteErrorReport.Source.self),
        "externalId": .string(required: false),
        "pageUrl": .string,
        "category": .enumeration(SiteErrorReport.Category.self),
        "description": .string,
        "receivedOn": .date,
        "dueOn": .date,
        "status": .enumeration(SiteErrorReport.Status.self),
        "overdue": .boolean,
        "resolution": .string,
        "resolvedOn": .date.optional,
    ])
}

extension SiteErrorsController.ReportList: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "items": .list(.ref(SiteErrorsController.ReportDTO.self)),
        "months": .list(.ref(SiteErrorsController.MonthDTO.self)),
    ])
}

extension StandardCatalogController.CatalogDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "title": .string,
        "owner": .ref(StandardCatalogController.AgencyRef.self),
        "inherited": .boolean,
        "sourceName": .string,
        "loadedBy": .string,
        "loadedAt": .string,
        "items": .list(.ref(StandardCatalogController.ItemDTO.self)),
    ])
}

extension StandardCatalogController.CoverageDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "units": .list(.ref(StandardCatalogController.CoverageDTO.UnitRow.self)),
        "unit": .ref(StandardCatalogController.AgencyRef.self),
        "items": .list(.ref(StandardCatalogController.CoverageDTO.Item.self)),
    ])
}

extension SurveysController.Receipt: APISchema {
    static var schemaName: String { "SurveysReceipt" }
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "confirmed": .boolean,
        "message": .string,
    ])
}

extension SurveysController.ResultsDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "results": .ref(SurveyResults.self)
    ])
}

extension SurveysController.SurveyDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "title": .string,
        "intro": .string,
        "opensOn": .date,
        "closesOn": .date,
        "status": .string(allowedValues: ["draft", "not_yet_open", "open", "closed"]),
        "identity": .enumeration(CommentIdentity.self),
        "resultsPublic": .boolean,
        "questions": .list(.ref(SurveysController.QuestionDTO.self)),
    ])
}

extension SurveysController.SurveyList: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "items": .list(.ref(SurveysController.SurveyDTO.self))
    ])
}

extension UsersController.UserDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "username": .string,
        "displayName": .string,
        "departmentID": .integer(required: false),
        "roles": .list(.string),
        "locked": .boolean,
    ])
}

extension UsersController.UserList: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "users": .list(.ref(UsersController.UserDTO.self))
    ])
}

extension WebsiteReportController.Body: APISchema {
    static var schemaName: String { "WebsiteReportBody" }
    static let schema: JSONSchema = .object(properties: [
        "year": .integer,
        "through": .date,
        "dueBy": .date,
        "months": .list(.string),
        "rows": .list(.ref(WebsiteReportController.Body.Row.self)),
        "monthly": .list(.ref(WebsiteReportController.Body.Series.self)),
        "blanks": .integer,
    ])
}

extension AnnualReportDTO.ActiveDisclosure: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "blocks": .list(.ref(AnnualReportDTO.Block.self)),
        "cells": .map(.number),
    ])
}

extension AnnualReportDTO.Requests: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "columns": .list(.string),
        "columnLabels": .list(.string),
        "rows": .list(.ref(AnnualReportDTO.Row.self)),
    ])
}

extension AnnualReportDTO.ReviewLitigation: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "columns": .list(.string),
        "groups": .list(.ref(AnnualReportDTO.Group.self)),
    ])
}

extension AnnualReportCheck: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "name": .string,
        "ok": .boolean,
        "message": .string,
        "cell": .string(required: false),
    ])
}

extension AnnualReport.Correction: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "cell": .string,
        "from": .number,
        "to": .number,
        "reason": .string,
        "on": .date,
        "by": .string,
    ])
}

extension AnnualReportDTO.Drift: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "cell": .string,
        "label": .string,
        "locked": .number,
        "current": .number,
    ])
}

extension AnnualReportDTO.Unit: APISchema {
    static var schemaName: String { "AnnualReportDTOUnit" }
    static let schema: JSONSchema = .object(properties: [
        "agencyId": .integer,
        "agency": .string,
        "state": .enumeration(AnnualReport.State.self),
        "checksPassed": .boolean,
        "received": .integer,
        "answered": .integer,
        "carriedOver": .integer,
    ])
}

extension AssessmentsController.IndicatorDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "code": .string,
        "name": .string,
        "points": .number,
        "rule": .string(required: false),
        "guidance": .string,
        "children": .list(.ref(AssessmentsController.IndicatorDTO.self)),
    ])
}

extension AssessmentsController.ResultDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "unitId": .integer,
        "unitName": .string,
        "state": .string,
        "leaves": .list(.ref(AssessmentsController.ResultDTO.Leaf.self)),
        "subtotal": .number,
        "deducted": .number,
        "total": .number,
        "percent": .number,
        "grade": .string,
        "vetoed": .boolean,
        "volume": .integer,
        "pending": .integer,
        "rank": .integer(required: false),
        "unranked": .string(required: false),
    ])
}

extension AssessmentsController.ListDTO.Item: APISchema {
    static var schemaName: String { "ListDTOItem" }
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "agencyId": .integer,
        "title": .string,
        "status": .string,
        "from": .string,
        "to": .string,
    ])
}

extension AssessmentsController.MarksDTO.Entry: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "code": .string,
        "selfScore": .number(required: false),
        "evidence": .string,
        "reviews": .list(.ref(AssessmentMarks.Review.self)),
    ])
}

extension AssessmentMarks.Deduction: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "reason": .string,
        "points": .number,
        "by": .string,
        "on": .date,
    ])
}

extension AssessmentMarks.Veto: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "item": .string,
        "reason": .string,
        "by": .string,
        "on": .date,
    ])
}

extension AuditEntry: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "seq": .integer,
        "atMillis": .integer,
        "agencyID": .integer(required: false),
        "actorID": .integer(required: false),
        "actorName": .string,
        "remoteAddress": .string,
        "action": .string,
        "recordType": .string,
        "recordID": .string,
        "beforeDigest": .string,
        "afterDigest": .string,
        "detail": .string,
        "previousHash": .string,
        "hash": .string,
    ])
}

extension AuthController.MeResponse.AgencySummary: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "name": .string,
        "creditCode": .string,
    ])
}

extension CalendarController.NoticeSummary: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "year": .integer,
        "holidays": .list(.date),
        "workdays": .list(.date),
        "source": .string,
    ])
}

extension CatalogSettings: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "extraCategories": .list(.ref(CatalogCategory.self)),
        "deadlineOverrides": .map(.integer),
        "chain": .list(.ref(ReviewLevel.self)),
        "categoryChains": .map(.list(.ref(ReviewLevel.self))),
        "indexRule": .ref(IndexNumberRule.self),
        "reviewDueWorkdays": .integer,
        "columns": .list(.ref(SpecialColumn.self)),
        "columnKinds": .map(.enumeration(ColumnKind.self)),
    ])
}

extension CatalogCategory: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "code": .string,
        "name": .string,
        "statutoryItem": .integer(required: false),
        "publishWithinWorkdays": .integer,
    ])
}

extension ConsultationsController.ConsultationDTO.Change: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "fromVersion": .integer,
        "note": .string,
    ])
}

extension ConsultationsController.CommentDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "version": .integer,
        "paragraph": .integer(required: false),
        "quote": .string,
        "text": .string,
        "name": .string,
        "createdAt": .string,
        "status": .enumeration(PublicComment.Status.self, required: false),
        "findings": .list(.string, required: false),
        "email": .string(required: false),
        "phone": .string(required: false),
        "disposition": .enumeration(PublicComment.Disposition.self, required: false),
        "reason": .string(required: false),
        "theme": .string(required: false),
    ])
}

extension ConsultationsController.FeedbackDTO.Theme: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "theme": .string,
        "counts": .map(.integer),
        "reasons": .list(.string),
    ])
}

extension DocumentDTO.Step: APISchema {
    static var schemaName: String { "DocumentDTOStep" }
    static let schema: JSONSchema = .object(properties: [
        "action": .string,
        "level": .string,
        "actor": .string,
        "comment": .string,
        "at": .string,
    ])
}

extension DocumentDTO.Finding: APISchema {
    static var schemaName: String { "DocumentDTOFinding" }
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "kind": .string,
        "masked": .string,
        "context": .string,
        "offset": .integer,
        "suggestion": .string(required: false),
        "source": .string,
        "resolution": .string,
        "reason": .string,
    ])
}

extension TextDiff.Line: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "kind": .string(allowedValues: ["same", "added", "removed"]),
        "text": .string,
        "segments": .list(.ref(TextDiff.Segment.self)),
    ])
}

extension DocumentsController.PublicItem: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "title": .string,
        "indexNumber": .string(required: false),
        "documentNumber": .string,
        "publishedOn": .date.optional,
        "category": .string,
        "snippet": .string,
    ])
}

extension DocumentsController.VersionList.Version: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "revision": .integer,
        "title": .string,
        "publishedAt": .string,
        "publishedBy": .string,
    ])
}

extension SelfCheckController.Body: APISchema {
    static var schemaName: String { "SelfCheckBody" }
    static let schema: JSONSchema = .object(properties: ["sites": .list(.ref(SelfCheckController.Body.Site.self))])
}

extension SelfCheckController.Body.Site: APISchema {
    static var schemaName: String { "SelfCheckSite" }
    static let schema: JSONSchema = .object(properties: [
        "agencyId": .integer, "agency": .string, "passes": .boolean, "items": .list(.ref(SelfCheckController.Body.Item.self)),
    ])
}

extension SelfCheckController.Body.Item: APISchema {
    static var schemaName: String { "SelfCheckItem" }
    static let schema: JSONSchema = .object(properties: [
        "code": .string(
            allowedValues: ["unreachable", "homeStale", "columnsStale", "columnsLong", "columnsEmpty", "unanswered"].map { AnyCodable($0) }),
        "title": .string, "rule": .string, "outcome": .enumeration(SingleVetoCheck.Outcome.self), "finding": .string,
        "offenders": .list(.string),
    ])
}

extension FreshnessController.Body.Column: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "code": .string,
        "name": .string,
        "kind": .string,
        "documents": .integer,
        "lastPublished": .date.optional,
        "dueBy": .date.optional,
        "state": .string,
    ])
}

extension LedgersController.DeductionDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "unit": .string,
        "points": .number,
        "reasons": .list(.string),
    ])
}

extension LedgersController.SectionDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "number": .string,
        "title": .string,
        "tasks": .list(.ref(LedgersController.TaskDTO.self)),
    ])
}

extension LedgersController.PlanItem: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "year": .integer,
        "title": .string,
    ])
}

extension LedgersController.PublicSection: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "number": .string,
        "title": .string,
        "tasks": .list(.ref(LedgersController.PublicTask.self)),
    ])
}

extension LedgersController.TaskDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "parentId": .integer(required: false),
        "number": .string,
        "title": .string,
        "content": .string,
        "indicator": .string,
        "leader": .string,
        "responsible": .list(.string),
        "units": .list(.ref(TaskUnit.self)),
        "deadline": .string(required: false),
        "deadlineText": .string,
        "status": .string(allowedValues: ["open", "closed"]),
        "progress": .integer,
        "overdue": .boolean,
        "carriedFrom": .integer(required: false),
    ])
}

extension LinkCheckService.Finding: APISchema {
    static var schemaName: String { "LinkCheckServiceFinding" }
    static let schema: JSONSchema = .object(properties: [
        "url": .string,
        "status": .integer(required: false),
        "problem": .string,
        "pages": .list(.ref(LinkCheckService.Page.self)),
    ])
}

extension MailboxMessage.Step: APISchema {
    static var schemaName: String { "MailboxMessageStep" }
    static let schema: JSONSchema = .object(properties: [
        "action": .string,
        "detail": .string,
        "by": .string,
        "on": .date,
    ])
}

extension MailboxController.PublicDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "kind": .enumeration(MailboxMessage.Kind.self),
        "subject": .string,
        "body": .string,
        "receivedOn": .date,
        "reply": .string,
        "repliedOn": .date.optional,
        "unit": .string,
    ])
}

extension MediaAccount.Filing: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "kind": .enumeration(MediaAccount.Filing.Kind.self),
        "reason": .string,
        "details": .ref(MediaAccount.Details.self, required: false),
        "filedOn": .date,
        "filedBy": .string,
        "decision": .string(required: false, allowedValues: ["approved", "rejected"]),
        "decidedOn": .date.optional,
        "decidedBy": .string,
        "comment": .string,
    ])
}

extension OpenDay.Registration: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "name": .string,
        "phone": .string,
        "people": .integer,
        "atMillis": .integer,
    ])
}

extension OpinionsController.OpinionDTO.ResponseDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "text": .string,
        "channel": .string,
        "publishedAt": .string,
        "documentId": .integer(required: false),
        "mailboxId": .integer(required: false),
    ])
}

extension OversightController.Body.Unit: APISchema {
    static var schemaName: String { "BodyUnit" }
    static let schema: JSONSchema = .object(properties: [
        "agencyId": .integer(required: false),
        "name": .string,
        "indicators": .list(.ref(OversightController.Body.Indicator.self)),
        "outcomes": .map(.integer),
    ])
}

extension Proposal.Contact: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "on": .date,
        "way": .string,
        "note": .string,
    ])
}

extension ProposalsController.CountDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "kind": .enumeration(Proposal.Kind.self),
        "assigned": .integer,
        "replied": .integer,
        "repliedInTime": .integer,
    ])
}

extension RequestFilesController.TableRow: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "kind": .enumeration(RequestAppeal.Kind.self),
        "label": .string,
        "upheld": .integer,
        "corrected": .integer,
        "other": .integer,
        "pending": .integer,
        "total": .integer,
    ])
}

extension RequestFilesController.OutboxItem: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "requestId": .integer(required: false),
        "recipient": .string,
        "subject": .string,
        "attempts": .integer,
        "sent": .boolean,
        "lastError": .string(required: false),
    ])
}

extension RequestFilesController.SimilarItem: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "trackingCode": .string,
        "receivedOn": .date,
        "description": .string,
        "applicantName": .string,
    ])
}

extension RequestsController.ListItem: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "trackingCode": .string,
        "applicantName": .string,
        "description": .string,
        "status": .enumeration(RequestStatus.self),
        "receivedOn": .date,
        "dueOn": .date.optional,
        "overdue": .boolean,
        "dueSoon": .boolean,
    ])
}

extension Applicant: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "type": .enumeration(ApplicantType.self),
        "name": .string,
        "idNumber": .string,
        "phone": .string,
        "email": .string,
        "address": .string,
    ])
}

extension SiteErrorsController.MonthDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "month": .string,
        "received": .integer,
        "handled": .integer,
        "handledInTime": .integer,
        "overdueOpen": .integer,
        "byCategory": .map(.integer),
    ])
}

extension StandardCatalogController.AgencyRef: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "name": .string,
    ])
}

extension StandardCatalogController.ItemDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "number": .string,
        "group": .string,
        "name": .string,
        "content": .string,
        "basis": .string,
        "timeLimit": .string,
        "period": .string,
        "subject": .string,
        "channels": .string,
        "audience": .string,
        "mode": .string,
        "level": .string,
        "categories": .list(.string),
    ])
}

extension StandardCatalogController.CoverageDTO.UnitRow: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "name": .string,
        "catalog": .string(required: false),
        "counts": .ref(StandardCatalogController.CoverageDTO.Counts.self),
    ])
}

extension StandardCatalogController.CoverageDTO.Item: APISchema {
    static var schemaName: String { "CoverageDTOItem" }
    static let schema: JSONSchema = .object(properties: [
        "id": .integer,
        "number": .string,
        "group": .string,
        "name": .string,
        "content": .string,
        "period": .string,
        "categories": .list(.string),
        "state": .string,
        "lastPublished": .date.optional,
        "published": .integer,
        "overdue": .integer,
        "note": .string,
    ])
}

extension SurveyResults: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "responses": .integer,
        "questions": .list(.ref(SurveyResults.Tally.self)),
    ])
}

extension SurveysController.QuestionDTO: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "number": .integer,
        "kind": .enumeration(Survey.QuestionKind.self),
        "title": .string,
        "options": .list(.string, required: false),
        "required": .boolean,
        "scaleMin": .integer(required: false),
        "scaleMax": .integer(required: false),
        "showIf": .ref(Survey.Condition.self, required: false),
    ])
}

extension WebsiteReportController.Body.Row: APISchema {
    static var schemaName: String { "BodyRow" }
    static let schema: JSONSchema = .object(properties: [
        "section": .string,
        "label": .string,
        "value": .string(required: false),
        "note": .string,
    ])
}

extension WebsiteReportController.Body.Series: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "label": .string,
        "counts": .list(.integer),
        "total": .integer,
    ])
}

extension AnnualReportDTO.Block: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "header": .string,
        "columns": .list(.string),
        "rows": .list(.ref(AnnualReportDTO.BlockRow.self)),
    ])
}

extension AnnualReportDTO.Row: APISchema {
    static var schemaName: String { "AnnualReportDTORow" }
    static let schema: JSONSchema = .object(properties: [
        "label": .string,
        "code": .string,
        "group": .string(required: false),
        "counts": .map(.integer),
    ])
}

extension AnnualReportDTO.Group: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "kind": .string,
        "label": .string,
        "counts": .map(.integer),
    ])
}

extension AssessmentsController.ResultDTO.Leaf: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "code": .string,
        "score": .number(required: false),
        "basis": .string,
    ])
}

extension AssessmentMarks.Review: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "round": .integer,
        "score": .number,
        "comment": .string,
        "by": .string,
        "on": .date,
    ])
}

extension ReviewLevel: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "name": .string,
        "role": .enumeration(Role.self),
        "condition": .string(allowedValues: ["always", "important", "important_or_flagged"]),
        "confidentialityReview": .boolean,
    ])
}

extension IndexNumberRule: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "template": .string
    ])
}

extension SpecialColumn: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "code": .string,
        "name": .string,
        "summary": .string,
    ])
}

extension TextDiff.Segment: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "text": .string,
        "changed": .boolean,
    ])
}

extension LedgersController.PublicTask: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "number": .string,
        "title": .string,
        "units": .list(.string),
        "deadline": .string(required: false),
        "deadlineText": .string,
        "status": .string(allowedValues: ["open", "closed"]),
        "progress": .integer,
        "overdue": .boolean,
        "progressText": .string(required: false),
        "isSubtask": .boolean,
    ])
}

extension TaskUnit: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "name": .string,
        "role": .string(allowedValues: ["lead", "cooperating"]),
        "departmentID": .integer(required: false),
        "agencyID": .integer(required: false),
    ])
}

extension LinkCheckService.Page: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "path": .string,
        "title": .string,
        "owner": .string,
    ])
}

extension MediaAccount.Details: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "platform": .enumeration(MediaAccount.Platform.self),
        "name": .string,
        "handle": .string,
        "sponsor": .string,
        "operatorName": .string,
        "contact": .string,
    ])
}

extension OversightController.Body.Indicator: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "code": .string,
        "label": .string,
        "met": .integer,
        "total": .integer,
        "rate": .number(required: false),
        "months": .list(.ref(OversightController.Body.Cell.self)),
    ])
}

extension StandardCatalogController.CoverageDTO.Counts: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "covered": .integer,
        "gap": .integer,
        "overdue": .integer,
        "noRecord": .integer,
        "unmapped": .integer,
        "unchecked": .integer,
    ])
}

extension SurveyResults.Tally: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "number": .integer,
        "title": .string,
        "kind": .enumeration(Survey.QuestionKind.self),
        "answered": .integer,
        "counts": .list(.ref(SurveyResults.Count.self)),
        "mean": .number(required: false),
        "texts": .list(.string),
    ])
}

extension Survey.Condition: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "question": .integer,
        "values": .list(.integer),
    ])
}

extension AnnualReportDTO.BlockRow: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "key": .string,
        "label": .string,
        "cells": .map(.number),
        "entered": .list(.string),
    ])
}

extension OversightController.Body.Cell: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "month": .string,
        "met": .integer,
        "total": .integer,
        "rate": .number(required: false),
    ])
}

extension SurveyResults.Count: APISchema {
    static let schema: JSONSchema = .object(properties: [
        "label": .string,
        "count": .integer,
    ])
}

/// Every type with a schema, for the description's components.
enum APISchemas {
    static var all: [any APISchema.Type] {
        [
            AgencySiteController.Body.self,
            SiteRegistration.self,
            SiteLink.self,
            AnnualReportDTO.self,
            AssessmentsController.AssessmentDTO.self,
            AssessmentsController.ListDTO.self,
            AssessmentsController.MarksDTO.self,
            AssessmentsController.NoticeDTO.self,
            AttachmentsController.AttachmentDTO.self,
            AttachmentsController.Imported.self,
            AuditController.Listing.self,
            AuthController.MeResponse.self,
            AuthController.TokenResponse.self,
            CalendarController.AddWorkdaysResponse.self,
            CalendarController.NoticeList.self,
            CalendarController.WorkdaysBetweenResponse.self,
            CatalogSettingsController.Body.self,
            ConsultationsController.Changed.self,
            ConsultationsController.CommentReceipt.self,
            ConsultationsController.ConsultationDTO.self,
            ConsultationsController.ConsultationList.self,
            ConsultationsController.FeedbackDTO.self,
            ConsultationsController.ReportDraft.self,
            DocumentDTO.self,
            DocumentsController.DiffBody.self,
            DocumentsController.PublicDocument.self,
            DocumentsController.PublicList.self,
            DocumentsController.VersionList.self,
            FeesController.Collected.self,
            FeesController.Quote.self,
            FreshnessController.Body.self,
            LedgersController.CarriedDTO.self,
            LedgersController.Changed.self,
            LedgersController.Created.self,
            LedgersController.Deductions.self,
            LedgersController.FileDTO.self,
            LedgersController.ImportedDTO.self,
            LedgersController.Linked.self,
            LedgersController.PlanDTO.self,
            LedgersController.Plans.self,
            LedgersController.PublicPlan.self,
            LedgersController.ReportDTO.self,
            LedgersController.RoundDTO.self,
            LedgersController.Summary.self,
            LedgersController.TaskOut.self,
            LinkChecksController.RunBody.self,
            MailboxController.Candidates.self,
            MailboxController.FAQDTO.self,
            MailboxController.FAQList.self,
            MailboxController.MessageDTO.self,
            MailboxController.MessageList.self,
            MailboxController.PublicList.self,
            MailboxController.Receipt.self,
            MailboxController.TrackDTO.self,
            MediaAccountsController.DTO.self,
            MediaAccountsController.ListDTO.self,
            OpenDaysController.DayDTO.self,
            OpenDaysController.DayList.self,
            OpenDaysController.SignupDTO.self,
            OpinionsController.OpinionDTO.self,
            OpinionsController.OpinionList.self,
            OversightController.Body.self,
            ProposalsController.ProposalDTO.self,
            ProposalsController.ProposalList.self,
            RequestFilesController.AppealDTO.self,
            RequestFilesController.Appeals.self,
            RequestFilesController.Assigned.self,
            RequestFilesController.LetterDTO.self,
            RequestFilesController.Linked.self,
            RequestFilesController.Outbox.self,
            RequestFilesController.Similar.self,
            RequestFilesController.Transferred.self,
            RequestsController.Changed.self,
            RequestsController.List.self,
            RequestsController.Receipt.self,
            RequestsController.Record.self,
            RequestsController.Status.self,
            SiteErrorsController.ImportDTO.self,
            SiteErrorsController.ReportDTO.self,
            SiteErrorsController.ReportList.self,
            StandardCatalogController.CatalogDTO.self,
            StandardCatalogController.CoverageDTO.self,
            SurveysController.Receipt.self,
            SurveysController.ResultsDTO.self,
            SurveysController.SurveyDTO.self,
            SurveysController.SurveyList.self,
            UsersController.UserDTO.self,
            UsersController.UserList.self,
            WebsiteReportController.Body.self,
            AnnualReportDTO.ActiveDisclosure.self,
            AnnualReportDTO.Requests.self,
            AnnualReportDTO.ReviewLitigation.self,
            AnnualReportCheck.self,
            AnnualReport.Correction.self,
            AnnualReportDTO.Drift.self,
            AnnualReportDTO.Unit.self,
            AssessmentsController.IndicatorDTO.self,
            AssessmentsController.ResultDTO.self,
            AssessmentsController.ListDTO.Item.self,
            AssessmentsController.MarksDTO.Entry.self,
            AssessmentMarks.Deduction.self,
            AssessmentMarks.Veto.self,
            AuditEntry.self,
            AuthController.MeResponse.AgencySummary.self,
            CalendarController.NoticeSummary.self,
            CatalogSettings.self,
            CatalogCategory.self,
            ConsultationsController.ConsultationDTO.Change.self,
            ConsultationsController.CommentDTO.self,
            ConsultationsController.FeedbackDTO.Theme.self,
            DocumentDTO.Step.self,
            DocumentDTO.Finding.self,
            TextDiff.Line.self,
            DocumentsController.PublicItem.self,
            DocumentsController.VersionList.Version.self,
            FreshnessController.Body.Column.self,
            SelfCheckController.Body.self,
            SelfCheckController.Body.Site.self,
            SelfCheckController.Body.Item.self,
            LedgersController.DeductionDTO.self,
            LedgersController.SectionDTO.self,
            LedgersController.PlanItem.self,
            LedgersController.PublicSection.self,
            LedgersController.TaskDTO.self,
            LinkCheckService.Finding.self,
            MailboxMessage.Step.self,
            MailboxController.PublicDTO.self,
            MediaAccount.Filing.self,
            OpenDay.Registration.self,
            OpinionsController.OpinionDTO.ResponseDTO.self,
            OversightController.Body.Unit.self,
            Proposal.Contact.self,
            ProposalsController.CountDTO.self,
            RequestFilesController.TableRow.self,
            RequestFilesController.OutboxItem.self,
            RequestFilesController.SimilarItem.self,
            RequestsController.ListItem.self,
            Applicant.self,
            SiteErrorsController.MonthDTO.self,
            StandardCatalogController.AgencyRef.self,
            StandardCatalogController.ItemDTO.self,
            StandardCatalogController.CoverageDTO.UnitRow.self,
            StandardCatalogController.CoverageDTO.Item.self,
            SurveyResults.self,
            SurveysController.QuestionDTO.self,
            WebsiteReportController.Body.Row.self,
            WebsiteReportController.Body.Series.self,
            AnnualReportDTO.Block.self,
            AnnualReportDTO.Row.self,
            AnnualReportDTO.Group.self,
            AssessmentsController.ResultDTO.Leaf.self,
            AssessmentMarks.Review.self,
            ReviewLevel.self,
            IndexNumberRule.self,
            SpecialColumn.self,
            TextDiff.Segment.self,
            LedgersController.PublicTask.self,
            TaskUnit.self,
            LinkCheckService.Page.self,
            MediaAccount.Details.self,
            OversightController.Body.Indicator.self,
            StandardCatalogController.CoverageDTO.Counts.self,
            SurveyResults.Tally.self,
            Survey.Condition.self,
            AnnualReportDTO.BlockRow.self,
            OversightController.Body.Cell.self,
            SurveyResults.Count.self,
        ]
    }
}
