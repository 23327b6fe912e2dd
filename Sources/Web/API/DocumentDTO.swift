import Domain
import Hummingbird
import Reports
import Services

/// A new document as the JSON API takes it. Enumerations arrive as strings so that an unknown
/// value gets a Chinese message naming the allowed ones.
struct DocumentInput: Decodable {
    var title: String
    var body: String
    var category: String
    var disclosure: String?
    var documentNumber: String?
    var writtenOn: CivilDate?
    var formedOn: CivilDate?
    var expiresOn: CivilDate?
    var kind: String?
    var exemption: String?
    var legalBasis: String?
    var keywords: String?
    var subject: String?
    var important: Bool?
    var needsInterpretation: Bool?
    var interprets: Int64?
    var interpretationForm: String?
    var validity: ValidityInput?
    /// 专题专栏 codes or names.
    var columns: [String]?

    struct ValidityInput: Decodable {
        var status: String
        var effectiveFrom: CivilDate?
        var effectiveUntil: CivilDate?
        var supersededBy: Int64?
    }

    static func parse<E: RawRepresentable & CaseIterable>(_ value: String?, _ field: String, default fallback: E? = nil) throws(DomainError)
        -> E?
    where E.RawValue == String {
        guard let value else { return fallback }
        guard let e = E(rawValue: value) else {
            throw .invalid(field, "字段“\(field)”的取值“\(value)”无效，可选：" + E.allCases.map(\.rawValue).joined(separator: "、"))
        }
        return e
    }

    func document(category: CatalogCategory) throws(DomainError) -> CatalogDocument {
        let validity: Validity? =
            if let v = validity {
                Validity(
                    status: try Self.parse(v.status, "validity.status")!, effectiveFrom: v.effectiveFrom, effectiveUntil: v.effectiveUntil,
                    supersededBy: v.supersededBy)
            } else { nil }
        return CatalogDocument(
            id: 0, agencyID: 0, kind: try Self.parse(kind, "kind", default: DocumentKind.general)!, title: title, body: body,
            documentNumber: documentNumber ?? "", categoryCode: category.code,
            disclosure: DisclosureDecision(
                attribute: try Self.parse(disclosure, "disclosure", default: DisclosureAttribute.public)!,
                exemption: try Self.parse(exemption, "exemption"), legalBasis: legalBasis ?? ""),
            writtenOn: writtenOn, formedOn: formedOn ?? writtenOn, keywords: keywords ?? "", subject: subject ?? "", validity: validity,
            interpretsID: interprets, interpretationForm: try Self.parse(interpretationForm, "interpretationForm"),
            needsInterpretation: needsInterpretation ?? false, important: important ?? false, expiresOn: expiresOn,
            columns: columns ?? [])
    }
}

/// A document as staff see it through the API, with its review trail and findings.
struct DocumentDTO: ResponseEncodable {
    var id: Int64
    var status: String
    var statusLabel: String
    var reviewLevel: String?
    var title: String
    var body: String
    var kind: String
    var category: String
    var disclosure: String
    var documentNumber: String
    var indexNumber: String?
    var writtenOn: CivilDate?
    var publishedOn: CivilDate?
    var scheduledAt: String?
    var expiresOn: CivilDate?
    var revision: Int
    /// For a revision: the document it revises.
    var revisionOf: Int64?
    var subject: String
    var columns: [String]
    var history: [Step]
    var findings: [Finding]
    var attachments: [AttachmentsController.AttachmentDTO]

    struct Step: Codable {
        var action: String
        var level: String
        var actor: String
        var comment: String
        var at: String
    }

    struct Finding: Codable {
        var id: Int64
        var kind: String
        var masked: String
        var context: String
        var offset: Int
        var suggestion: String?
        /// "" for the body, "attachment:<id>" for an attachment.
        var source: String
        var resolution: String
        var reason: String
    }

    init(_ d: CatalogDocument, levels: [ReviewLevel], steps: [ReviewStep], findings: [StoredFinding], attachments: [Attachment] = []) {
        id = d.id
        status = d.workflow.status.rawValue
        statusLabel = d.workflow.status.label
        reviewLevel = d.workflow.status == .inReview && levels.indices.contains(d.workflow.level) ? levels[d.workflow.level].name : nil
        title = d.title
        body = d.body
        kind = d.kind.rawValue
        category = d.categoryCode
        disclosure = d.disclosure.attribute.rawValue
        documentNumber = d.documentNumber
        indexNumber = d.indexNumber
        writtenOn = d.writtenOn
        publishedOn = d.publishedOn
        scheduledAt = d.scheduledAtMillis.map(AuditExport.beijingTime)
        expiresOn = d.expiresOn
        revision = d.revision
        revisionOf = d.revisionOf
        subject = d.subject
        columns = d.columns
        history = steps.map {
            Step(action: $0.action, level: $0.levelName, actor: $0.actorName, comment: $0.comment, at: AuditExport.beijingTime($0.atMillis))
        }
        self.findings = findings.map(Self.finding)
        self.attachments = attachments.map(AttachmentsController.AttachmentDTO.init)
    }

    static func finding(_ f: StoredFinding) -> Finding {
        Finding(
            id: f.id, kind: f.finding.kind.rawValue, masked: f.finding.masked, context: f.finding.context, offset: f.finding.offset,
            suggestion: f.finding.suggestion, source: f.finding.source, resolution: f.resolution.rawValue, reason: f.reason)
    }
}
