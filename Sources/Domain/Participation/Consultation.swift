import Foundation

/// What a draft put out for comment is, which sets its minimum comment period.
public enum ConsultationKind: String, CaseIterable, Hashable, Sendable, Codable {
    /// 规章草案
    case rules
    /// 行政规范性文件
    case normative
    /// 行政规范性文件 closely related to market entities (与市场主体生产经营活动密切相关)
    case normativeMarket = "normative_market"
    /// Other policies and plans: the agency's own minimum applies.
    case other

    public var label: String {
        switch self {
        case .rules: "规章草案"
        case .normative: "行政规范性文件"
        case .normativeMarket: "与市场主体生产经营活动密切相关的行政规范性文件"
        case .other: "其他政策文件"
        }
    }
}

/// The minimum comment periods (settings; the defaults follow the 规章制定程序条例 and the
/// State Council's rules for normative documents).
public struct ConsultationRules: Hashable, Sendable, Codable {
    public var rulesDays = 30
    public var normativeWorkdays = 7
    public var normativeMarketDays = 30
    public var otherDays = 7

    public init() {}

    public func describe(_ kind: ConsultationKind) -> String {
        switch kind {
        case .rules: "不少于 \(rulesDays) 日"
        case .normative: "不少于 \(normativeWorkdays) 个工作日"
        case .normativeMarket: "不少于 \(normativeMarketDays) 日"
        case .other: "不少于 \(otherDays) 日"
        }
    }

    /// Checks a period [opens, closes] (both days included) against the kind's minimum.
    public func check(_ kind: ConsultationKind, opens: CivilDate, closes: CivilDate, calendar: WorkingDayCalendar) throws(DomainError) {
        guard opens <= closes else { throw .invalid("closesOn", "截止日期须晚于开始日期") }
        let days = closes.daysSinceEpoch - opens.daysSinceEpoch + 1
        let ok: Bool
        switch kind {
        case .rules: ok = days >= rulesDays
        case .normativeMarket: ok = days >= normativeMarketDays
        case .other: ok = days >= otherDays
        case .normative: ok = calendar.workdays(from: opens.adding(days: -1), to: closes).days >= normativeWorkdays
        }
        if !ok { throw .invalid("closesOn", "\(kind.label)公开征求意见的期限应\(describe(kind))，请推迟截止日期") }
    }
}

/// How commenters identify themselves, as the agency allows for a consultation.
public enum CommentIdentity: String, CaseIterable, Hashable, Sendable, Codable {
    /// Anonymous comments accepted; a name and contact may be given.
    case anonymousAllowed = "anonymous_allowed"
    /// A confirmed e-mail address is required (a code is sent to it).
    case emailConfirmed = "email_confirmed"
    /// A confirmed mainland mobile number is required (a code is sent by SMS).
    case phoneConfirmed = "phone_confirmed"

    public var label: String {
        switch self {
        case .anonymousAllowed: "可匿名提交"
        case .emailConfirmed: "须通过电子邮箱验证"
        case .phoneConfirmed: "须通过手机短信验证"
        }
    }

    public var needsConfirmation: Bool { self != .anonymousAllowed }

    /// Where the code goes, in words (“电子邮箱” or “手机”).
    public var channel: String { self == .phoneConfirmed ? "手机" : "电子邮箱" }
}

/// A draft put out for public comment (意见征集), with its versions.
public struct Consultation: Hashable, Sendable, Codable {
    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        case draft
        case open
        case closed

        public var label: String {
            switch self {
            case .draft: "未发布"
            case .open: "征集中"
            case .closed: "已结束"
            }
        }
    }

    /// An earlier text of the draft and why it changed (修改说明).
    public struct Version: Hashable, Sendable, Codable {
        public var number: Int
        public var body: String
        public var note: String
        public var atMillis: Int64

        public init(number: Int, body: String, note: String, atMillis: Int64) {
            self.number = number
            self.body = body
            self.note = note
            self.atMillis = atMillis
        }
    }

    public var id: Int64
    public var agencyID: Int64
    public var title: String
    public var kind: ConsultationKind
    /// 起草说明: why and what, shown above the draft.
    public var summary: String
    /// The current text; paragraphs are separated by line breaks.
    public var body: String
    public var version: Int
    public var history: [Version]
    public var opensOn: CivilDate
    public var closesOn: CivilDate
    public var identity: CommentIdentity
    /// Published (the public can see it) — whether comments are taken follows the dates.
    public var published: Bool
    /// The final policy, once issued, and the published feedback report (意见采纳情况).
    public var documentID: Int64?
    public var reportDocumentID: Int64?
    public var createdAtMillis: Int64
    public var updatedAtMillis: Int64

    public init(
        id: Int64 = 0, agencyID: Int64, title: String, kind: ConsultationKind, summary: String, body: String, version: Int = 1,
        history: [Version] = [], opensOn: CivilDate, closesOn: CivilDate, identity: CommentIdentity = .anonymousAllowed,
        published: Bool = false, documentID: Int64? = nil, reportDocumentID: Int64? = nil, createdAtMillis: Int64 = 0,
        updatedAtMillis: Int64 = 0
    ) {
        self.id = id
        self.agencyID = agencyID
        self.title = title
        self.kind = kind
        self.summary = summary
        self.body = body
        self.version = version
        self.history = history
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.identity = identity
        self.published = published
        self.documentID = documentID
        self.reportDocumentID = reportDocumentID
        self.createdAtMillis = createdAtMillis
        self.updatedAtMillis = updatedAtMillis
    }

    public func status(today: CivilDate) -> Status {
        if !published || today < opensOn { return .draft }
        return today > closesOn ? .closed : .open
    }

    /// The draft's paragraphs, numbered from 1; blank lines do not count.
    public static func paragraphs(_ body: String) -> [String] {
        body.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public var paragraphs: [String] { Self.paragraphs(body) }

    /// A new text: the old one goes to the history with the note.
    public mutating func revise(body newBody: String, note: String, atMillis: Int64) throws(DomainError) {
        let text = newBody.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .invalid("body", "请填写征求意见稿正文") }
        let why = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw .invalid("note", "请写明修改说明") }
        guard text != body else { throw .invalid("body", "正文没有变化") }
        history.append(Version(number: version, body: body, note: why, atMillis: atMillis))
        version += 1
        body = text
    }
}
