/// A comment on a consultation draft, on the whole text or on one paragraph.
public struct PublicComment: Hashable, Sendable, Codable {
    /// Pre-moderation (先审后发): nothing is shown before a moderator passes it.
    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        /// Waiting for the commenter to confirm the e-mail address or mobile number.
        case unconfirmed
        /// Waiting for a moderator.
        case pending
        /// Screening found personal data or a listed word: a moderator must look closely.
        case held
        /// Shown beside the draft.
        case published
        /// Not shown (kept for the record and still counted as received).
        case rejected

        public var label: String {
            switch self {
            case .unconfirmed: "待验证"
            case .pending: "待审核"
            case .held: "筛查发现敏感内容，待审核"
            case .published: "已公开"
            case .rejected: "不予公开"
            }
        }
    }

    /// What became of the comment (意见采纳情况).
    public enum Disposition: String, CaseIterable, Hashable, Sendable, Codable {
        case adopted
        case partlyAdopted = "partly_adopted"
        case notAdopted = "not_adopted"
        case irrelevant

        public var label: String {
            switch self {
            case .adopted: "采纳"
            case .partlyAdopted: "部分采纳"
            case .notAdopted: "不予采纳"
            case .irrelevant: "与征求意见内容无关"
            }
        }
    }

    public var id: Int64
    public var consultationID: Int64
    /// The draft version commented on, and the paragraph (1-based; nil for the whole draft)
    /// with its text at the time, so a later version does not lose the anchor.
    public var version: Int
    public var paragraph: Int?
    public var quote: String
    public var text: String
    /// Shown as given, or “匿名” when empty.
    public var name: String
    public var email: String
    public var phone: String
    public var status: Status
    /// Kinds of what screening found, for the moderator.
    public var findings: [String]
    public var confirmationCode: String?
    public var disposition: Disposition?
    public var reason: String
    public var theme: String
    public var moderatedBy: String?
    public var createdAtMillis: Int64

    public init(
        id: Int64 = 0, consultationID: Int64, version: Int, paragraph: Int?, quote: String, text: String, name: String, email: String,
        phone: String, status: Status, findings: [String] = [], confirmationCode: String? = nil, disposition: Disposition? = nil,
        reason: String = "", theme: String = "", moderatedBy: String? = nil, createdAtMillis: Int64 = 0
    ) {
        self.id = id
        self.consultationID = consultationID
        self.version = version
        self.paragraph = paragraph
        self.quote = quote
        self.text = text
        self.name = name
        self.email = email
        self.phone = phone
        self.status = status
        self.findings = findings
        self.confirmationCode = confirmationCode
        self.disposition = disposition
        self.reason = reason
        self.theme = theme
        self.moderatedBy = moderatedBy
        self.createdAtMillis = createdAtMillis
    }

    public var displayName: String { name.isEmpty ? "匿名" : name }
}

/// The 意见采纳情况 of a consultation: counts and the reasons for not adopting, by theme.
public struct FeedbackReport: Hashable, Sendable {
    public struct Theme: Hashable, Sendable {
        public var theme: String
        public var counts: [PublicComment.Disposition: Int]
        /// Reasons given for comments not adopted, each once, in order of first use.
        public var reasons: [String]
    }

    public var received: Int
    public var published: Int
    public var counts: [PublicComment.Disposition: Int]
    public var undecided: Int
    public var themes: [Theme]

    /// Counts every comment received (confirmed), by disposition and theme.
    public init(comments: [PublicComment]) {
        let received = comments.filter { $0.status != .unconfirmed }
        self.received = received.count
        published = received.filter { $0.status == .published }.count
        var counts: [PublicComment.Disposition: Int] = [:]
        for c in received { if let d = c.disposition { counts[d, default: 0] += 1 } }
        self.counts = counts
        undecided = received.filter { $0.disposition == nil }.count
        var themes: [Theme] = []
        for c in received {
            guard let d = c.disposition else { continue }
            let name = c.theme.isEmpty ? "其他" : c.theme
            if !themes.contains(where: { $0.theme == name }) { themes.append(Theme(theme: name, counts: [:], reasons: [])) }
            let i = themes.firstIndex { $0.theme == name }!
            themes[i].counts[d, default: 0] += 1
            if d == .notAdopted || d == .partlyAdopted, !c.reason.isEmpty, !themes[i].reasons.contains(c.reason) {
                themes[i].reasons.append(c.reason)
            }
        }
        self.themes = themes
    }

    /// The report's text, for the catalog document the office reviews and publishes.
    public func text(title: String, opensOn: CivilDate, closesOn: CivilDate) -> String {
        func n(_ d: PublicComment.Disposition) -> Int { counts[d] ?? 0 }
        var lines = [
            "《\(title)》于\(opensOn.chinese)至\(closesOn.chinese)公开征求社会公众意见，共收到意见 \(received) 条。经逐条研究，采纳 \(n(.adopted)) 条，部分采纳 \(n(.partlyAdopted)) 条，未予采纳 \(n(.notAdopted)) 条，与征求意见内容无关 \(n(.irrelevant)) 条。"
        ]
        if undecided > 0 { lines.append("另有 \(undecided) 条意见尚在研究。") }
        for (i, t) in themes.enumerated() {
            let parts = PublicComment.Disposition.allCases.compactMap { d in t.counts[d].map { "\(d.label) \($0) 条" } }
            lines.append("\(i + 1). 关于“\(t.theme)”：" + parts.joined(separator: "，") + "。")
            if !t.reasons.isEmpty { lines.append("未予采纳或部分采纳的理由：" + t.reasons.joined(separator: "；") + "。") }
        }
        lines.append("感谢社会各界对本项工作的关心和支持。")
        return lines.joined(separator: "\n")
    }
}
