import Foundation

/// What sort of document it is; the kind decides which rules apply.
public enum DocumentKind: String, Hashable, Sendable, Codable, CaseIterable {
    case general
    /// 政策文件: may need an interpretation.
    case policy
    /// 规范性文件: carries 有效性.
    case normative
    /// 政策解读: linked to the policy it explains.
    case interpretation

    public var label: String {
        switch self {
        case .general: "一般文件"
        case .policy: "政策文件"
        case .normative: "规范性文件"
        case .interpretation: "政策解读"
        }
    }
}

/// The form of a policy interpretation (解读形式).
public enum InterpretationForm: String, Hashable, Sendable, Codable, CaseIterable {
    case text
    case graphic
    case audioVideo = "audio_video"
    case questionsAndAnswers = "qa"
    case pressConference = "press_conference"

    public var label: String {
        switch self {
        case .text: "文字解读"
        case .graphic: "图解"
        case .audioVideo: "音视频解读"
        case .questionsAndAnswers: "问答"
        case .pressConference: "新闻发布会"
        }
    }
}

/// A document of the disclosure catalog with its metadata and place in the workflow.
public struct CatalogDocument: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var agencyID: Int64
    public var departmentID: Int64?
    public var drafterID: Int64?
    public var kind: DocumentKind
    public var title: String
    public var body: String
    /// 文号 in standard form; empty when the document has none.
    public var documentNumber: String
    public var categoryCode: String
    public var disclosure: DisclosureDecision
    /// 索引号, assigned on approval.
    public var indexNumber: String?
    /// 成文日期
    public var writtenOn: CivilDate?
    /// 发布日期, set when it goes live.
    public var publishedOn: CivilDate?
    /// When the information was formed or last changed (Art. 26 clock).
    public var formedOn: CivilDate?
    public var keywords: String
    /// 主题分类
    public var subject: String
    /// 有效性, for normative documents.
    public var validity: Validity?
    /// For an interpretation: the document it explains, and its form.
    public var interpretsID: Int64?
    public var interpretationForm: InterpretationForm?
    /// Policy and normative documents marked as needing an interpretation (谁起草谁解读).
    public var needsInterpretation: Bool
    /// Important documents go to an extra sign-off level.
    public var important: Bool
    public var workflow: WorkflowState
    public var revision: Int
    /// The public copy of a 删减后公开 document.
    public var redactedBody: String?
    public var createdAtMillis: Int64
    public var updatedAtMillis: Int64
    /// When a scheduled document goes live (milliseconds since 1970).
    public var scheduledAtMillis: Int64?
    /// After this day the document leaves the portal automatically (e.g. a notice of an event).
    public var expiresOn: CivilDate?
    /// For a revision: the document it revises. When the revision is published its content
    /// replaces the document's, which keeps its id, 索引号 and address.
    public var revisionOf: Int64?
    /// Codes of the 专题专栏 the document also appears in.
    public var columns: [String]

    public init(
        id: Int64, agencyID: Int64, departmentID: Int64? = nil, drafterID: Int64? = nil, kind: DocumentKind = .general, title: String,
        body: String, documentNumber: String = "", categoryCode: String, disclosure: DisclosureDecision = .init(attribute: .public),
        indexNumber: String? = nil, writtenOn: CivilDate? = nil, publishedOn: CivilDate? = nil, formedOn: CivilDate? = nil,
        keywords: String = "", subject: String = "", validity: Validity? = nil, interpretsID: Int64? = nil,
        interpretationForm: InterpretationForm? = nil, needsInterpretation: Bool = false, important: Bool = false,
        workflow: WorkflowState = WorkflowState(), revision: Int = 1, redactedBody: String? = nil, createdAtMillis: Int64 = 0,
        updatedAtMillis: Int64 = 0, scheduledAtMillis: Int64? = nil, expiresOn: CivilDate? = nil, revisionOf: Int64? = nil,
        columns: [String] = []
    ) {
        self.columns = columns
        self.id = id
        self.agencyID = agencyID
        self.departmentID = departmentID
        self.drafterID = drafterID
        self.kind = kind
        self.title = title
        self.body = body
        self.documentNumber = documentNumber
        self.categoryCode = categoryCode
        self.disclosure = disclosure
        self.indexNumber = indexNumber
        self.writtenOn = writtenOn
        self.publishedOn = publishedOn
        self.formedOn = formedOn
        self.keywords = keywords
        self.subject = subject
        self.validity = validity
        self.interpretsID = interpretsID
        self.interpretationForm = interpretationForm
        self.needsInterpretation = needsInterpretation
        self.important = important
        self.workflow = workflow
        self.revision = revision
        self.redactedBody = redactedBody
        self.createdAtMillis = createdAtMillis
        self.updatedAtMillis = updatedAtMillis
        self.scheduledAtMillis = scheduledAtMillis
        self.expiresOn = expiresOn
        self.revisionOf = revisionOf
    }

    /// Whether the public may see it: published, and 主动公开 or 删减后公开.
    public var isPublic: Bool { workflow.status == .published && disclosure.attribute.reachesPortal }

    /// The text the public sees: the redacted copy when one was made (always for 删减后公开,
    /// and whenever a screening finding was resolved by redaction), else the body.
    public var publicBody: String { redactedBody ?? (disclosure.attribute == .redacted ? "" : body) }

    /// The text that will go public before screening redactions: for 删减后公开 the body with
    /// the drafter's marked spans cut, otherwise the body. Screening scans this text, and its
    /// findings' offsets refer to it.
    public var publicBase: String { disclosure.attribute == .redacted ? RedactionMarks.apply(body) : body }

    /// Checks the content fields a drafter sets.
    public func validate(categories: [CatalogCategory]) throws(DomainError) {
        let t = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty || t.count > 200 { throw .invalid("title", "标题须为 1-200 个字") }
        if body.count > 1_000_000 { throw .invalid("body", "正文过长（超过 100 万字）") }
        if !categories.contains(where: { $0.code == categoryCode }) { throw .invalid("category", "未知的目录分类“\(categoryCode)”") }
        try disclosure.validate()
        try RedactionMarks.validate(body)
        if disclosure.attribute == .redacted && !RedactionMarks.hasMarks(body) {
            throw .invalid("body", "删减后公开的文件须在正文中用【删减】…【/删减】标出不公开的内容")
        }
        if keywords.count > 200 { throw .invalid("keywords", "关键词不超过 200 字") }
        if let written = writtenOn, let formed = formedOn, formed < written {
            throw .invalid("formedOn", "信息形成日期不能早于成文日期")
        }
        switch kind {
        case .normative:
            if validity == nil { throw .invalid("validity", "规范性文件须填写有效性") }
            try validity?.validate()
        case .interpretation:
            if interpretsID == nil { throw .invalid("interprets", "政策解读须关联被解读的文件") }
            if interpretationForm == nil { throw .invalid("interpretationForm", "请选择解读形式") }
        case .general, .policy:
            if validity != nil { throw .invalid("validity", "只有规范性文件填写有效性") }
        }
        if kind != .interpretation && (interpretsID != nil || interpretationForm != nil) {
            throw .invalid("interprets", "只有政策解读可以关联被解读文件")
        }
        if let expires = expiresOn, let written = writtenOn, expires < written { throw .invalid("expiresOn", "下线日期不能早于成文日期") }
        if (kind == .policy || kind == .normative) && writtenOn == nil { throw .invalid("writtenOn", "政策文件须填写成文日期") }
    }
}
