/// How often a column must be updated, per the website inspection indicators (政府网站与政务
/// 新媒体检查指标, 国办秘函〔2019〕19号): 动态、要闻类 within 2 weeks, 通知公告、政策文件类
/// within 6 months; other columns only must not stay empty or unchanged for long.
public enum ColumnKind: String, CaseIterable, Hashable, Sendable, Codable {
    case dynamic
    case notice
    case regular

    public var label: String {
        switch self {
        case .dynamic: "动态、要闻类"
        case .notice: "通知公告、政策文件类"
        case .regular: "其他栏目"
        }
    }
}

/// The limits of the 栏目不更新 single-veto indicator. The 2-week and 6-month limits and the
/// counts 5, 10 and 5 are the indicator's (MEDIUM-HIGH confidence); what "long not updated"
/// means for other columns is not confirmed, so every figure can be changed.
public struct FreshnessRules: Hashable, Sendable {
    public var dynamicDays = 14
    public var noticeMonths = 6
    /// 应更新但长期未更新: months without an update for other columns (UNCONFIRMED).
    public var regularMonths = 12
    /// Dynamic and notice columns out of date: this many fail the site.
    public var staleLimit = 5
    public var longLimit = 10
    public var emptyLimit = 5

    public init() {}
}

/// One column's position against its update limit.
public struct ColumnFreshness: Hashable, Sendable {
    public enum State: String, Hashable, Sendable, Codable {
        case fresh
        /// A dynamic or notice column past its limit.
        case stale
        /// Another column not updated for `regularMonths`.
        case long
        case empty

        public var label: String {
            switch self {
            case .fresh: "按时更新"
            case .stale: "超期未更新"
            case .long: "长期未更新"
            case .empty: "空白栏目"
            }
        }
    }

    public var code: String
    public var name: String
    public var kind: ColumnKind
    public var documents: Int
    public var lastPublished: CivilDate?
    /// The date by which the next update is due (nil for an empty column).
    public var dueBy: CivilDate?
    public var state: State

    public init(
        code: String, name: String, kind: ColumnKind, documents: Int, lastPublished: CivilDate?, today: CivilDate, rules: FreshnessRules
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.documents = documents
        self.lastPublished = lastPublished
        guard documents > 0, let last = lastPublished else {
            dueBy = nil
            state = .empty
            return
        }
        let due: CivilDate =
            switch kind {
            case .dynamic: last.adding(days: rules.dynamicDays)
            case .notice: last.adding(months: rules.noticeMonths)
            case .regular: last.adding(months: rules.regularMonths)
            }
        dueBy = due
        state = today <= due ? .fresh : (kind == .regular ? .long : .stale)
    }
}

/// A site's columns against the 栏目不更新 indicator: which fail, and whether the site does.
public struct FreshnessReport: Hashable, Sendable {
    public var columns: [ColumnFreshness]
    public var rules: FreshnessRules

    public init(columns: [ColumnFreshness], rules: FreshnessRules) {
        self.columns = columns
        self.rules = rules
    }

    public func count(_ state: ColumnFreshness.State) -> Int { columns.filter { $0.state == state }.count }

    /// Why the site fails the indicator; empty when it passes.
    public var failures: [String] {
        var out: [String] = []
        let stale = count(.stale)
        if stale >= rules.staleLimit {
            out.append(
                "动态、要闻类栏目超过 \(rules.dynamicDays) 天或通知公告、政策文件类栏目超过 \(rules.noticeMonths) 个月未更新的共 \(stale) 个（达到 \(rules.staleLimit) 个即不合格）")
        }
        let long = count(.long)
        if long >= rules.longLimit {
            out.append("应更新但长期（\(rules.regularMonths) 个月）未更新的栏目 \(long) 个（达到 \(rules.longLimit) 个即不合格）")
        }
        let empty = count(.empty)
        if empty >= rules.emptyLimit { out.append("空白栏目 \(empty) 个（达到 \(rules.emptyLimit) 个即不合格）") }
        return out
    }
}
