/// The single-veto items of the government website inspection (政府网站与政务新媒体检查指标,
/// 国办秘函〔2019〕19号) that a site can check on itself: any one failed makes the site 不合格
/// whatever its score. Each item carries its rule, what was found and the records that break it,
/// so the office can act before the inspector looks.
public struct SingleVetoCheck: Hashable, Sendable {
    public enum Outcome: String, CaseIterable, Hashable, Sendable, Codable {
        case pass
        case fail
        /// Not enough to judge (no link check has run yet, say).
        case unknown

        public var label: String {
            switch self {
            case .pass: "未触及"
            case .fail: "触及单项否决"
            case .unknown: "无法判断"
            }
        }
    }

    public struct Item: Hashable, Sendable {
        /// A stable name for the API (`unreachable`, `homeStale`, `columnsStale`, `columnsLong`,
        /// `columnsEmpty`, `unanswered`).
        public var code: String
        public var title: String
        /// The indicator's rule with this installation's figures.
        public var rule: String
        public var outcome: Outcome
        public var finding: String
        /// The columns, messages or pages that break it (at most `listLimit`).
        public var offenders: [String]

        public init(code: String, title: String, rule: String, outcome: Outcome, finding: String, offenders: [String] = []) {
            self.code = code
            self.title = title
            self.rule = rule
            self.outcome = outcome
            self.finding = finding
            self.offenders = Array(offenders.prefix(SingleVetoCheck.listLimit))
        }
    }

    public static let listLimit = 50

    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    public var failed: [Item] { items.filter { $0.outcome == .fail } }
    public var passes: Bool { failed.isEmpty }
}

/// The limits of the items beyond column freshness (which `FreshnessRules` holds). The 2 weeks
/// and 3 months are the indicator's (MEDIUM-HIGH confidence, see the regulation facts); both
/// are settings.
public struct SingleVetoRules: Hashable, Sendable {
    /// 首页栏目信息: the home page's newest item no older than this.
    public var homeDays = 14
    /// 互动回应差: a public message unanswered for longer than this many months.
    public var unansweredMonths = 3

    public init() {}
}
