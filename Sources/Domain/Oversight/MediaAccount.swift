import Foundation

/// A government new-media account (政务新媒体) in the registry: where it is, who runs it, its
/// filings (备案) for opening, change, suspension and closure, and how recently it was updated.
public struct MediaAccount: Hashable, Sendable, Codable, Identifiable {
    public enum Platform: String, CaseIterable, Hashable, Sendable, Codable {
        case wechat, weibo, douyin, toutiao, kuaishou, channels, app, other

        public var label: String {
            switch self {
            case .wechat: "微信公众号"
            case .weibo: "微博"
            case .douyin: "抖音"
            case .toutiao: "今日头条"
            case .kuaishou: "快手"
            case .channels: "微信视频号"
            case .app: "移动客户端"
            case .other: "其他"
            }
        }
    }

    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        /// Opening filed, not yet approved.
        case pending
        case active
        case suspended
        case closed
        /// The opening was not approved.
        case rejected

        public var label: String {
            switch self {
            case .pending: "开设待审"
            case .active: "运营中"
            case .suspended: "暂停更新"
            case .closed: "已关停"
            case .rejected: "未获准开设"
            }
        }
    }

    /// The particulars a filing can set.
    public struct Details: Hashable, Sendable, Codable {
        public var platform: Platform
        public var name: String
        /// The account's ID or address on the platform.
        public var handle: String
        /// 主办单位.
        public var sponsor: String
        /// 运维单位 (may be a contractor).
        public var operatorName: String
        public var contact: String

        public init(platform: Platform, name: String, handle: String, sponsor: String, operatorName: String, contact: String) {
            self.platform = platform
            self.name = name
            self.handle = handle
            self.sponsor = sponsor
            self.operatorName = operatorName
            self.contact = contact
        }

        public func checked() throws(DomainError) -> Details {
            func clean(_ s: String, _ field: String, _ label: String, limit: Int, required: Bool = true) throws(DomainError) -> String {
                let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
                if required && t.isEmpty { throw .invalid(field, "请填写\(label)") }
                if t.count > limit { throw .invalid(field, "\(label)不超过 \(limit) 个字") }
                return t
            }
            return Details(
                platform: platform, name: try clean(name, "name", "账号名称", limit: 60),
                handle: try clean(handle, "handle", "账号或网址", limit: 200),
                sponsor: try clean(sponsor, "sponsor", "主办单位", limit: 60),
                operatorName: try clean(operatorName, "operatorName", "运维单位", limit: 60),
                contact: try clean(contact, "contact", "联系人及电话", limit: 100, required: false))
        }
    }

    /// A filing (备案) and its decision.
    public struct Filing: Hashable, Sendable, Codable {
        public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
            case open, change, suspend, resume, close

            public var label: String {
                switch self {
                case .open: "开设"
                case .change: "变更"
                case .suspend: "暂停"
                case .resume: "恢复"
                case .close: "关停"
                }
            }
        }

        public enum Decision: String, Hashable, Sendable, Codable {
            case approved, rejected
        }

        public var kind: Kind
        public var reason: String
        /// New particulars (opening and change).
        public var details: Details?
        public var filedOn: CivilDate
        public var filedBy: String
        public var decision: Decision?
        public var decidedOn: CivilDate?
        public var decidedBy: String
        public var comment: String

        public init(kind: Kind, reason: String, details: Details?, filedOn: CivilDate, filedBy: String) {
            self.kind = kind
            self.reason = reason
            self.details = details
            self.filedOn = filedOn
            self.filedBy = filedBy
            self.decision = nil
            self.decidedOn = nil
            self.decidedBy = ""
            self.comment = ""
        }
    }

    public var id: Int64
    public var agencyID: Int64
    public var details: Details
    public var status: Status
    public var filings: [Filing]
    /// The date of the latest post, as the office last recorded it.
    public var lastUpdatedOn: CivilDate?
    /// Posts per month, as recorded (`2026-09` → 12).
    public var postsByMonth: [String: Int]
    public var createdAtMillis: Int64

    /// A new account: its opening filed, waiting for approval.
    public init(id: Int64 = 0, agencyID: Int64, opening: Filing, createdAtMillis: Int64) {
        self.id = id
        self.agencyID = agencyID
        self.details = opening.details!
        self.status = .pending
        self.filings = [opening]
        self.lastUpdatedOn = nil
        self.postsByMonth = [:]
        self.createdAtMillis = createdAtMillis
    }

    /// The filing waiting for a decision, if any.
    public var pending: Filing? { filings.last.flatMap { $0.decision == nil ? $0 : nil } }

    /// Files a change, suspension, resumption or closure; one filing at a time, and only what
    /// the account's state allows.
    public mutating func file(_ filing: Filing) throws(DomainError) {
        if pending != nil { throw .conflict("该账号有待审批的备案，请先审批") }
        let allowed: [Status: Set<Filing.Kind>] = [.active: [.change, .suspend, .close], .suspended: [.resume, .close, .change]]
        guard allowed[status]?.contains(filing.kind) == true else {
            throw .conflict("“\(status.label)”的账号不能申请\(filing.kind.label)")
        }
        if filing.kind == .change && filing.details == nil { throw .invalid("details", "变更备案须填写变更后的账号信息") }
        if filing.reason.trimmingCharacters(in: .whitespaces).isEmpty { throw .invalid("reason", "请说明理由") }
        filings.append(filing)
    }

    /// Approves or rejects the pending filing; an approval takes effect at once.
    public mutating func decide(_ approve: Bool, on: CivilDate, by: String, comment: String) throws(DomainError) {
        guard var filing = pending else { throw .conflict("没有待审批的备案") }
        if !approve && comment.trimmingCharacters(in: .whitespaces).isEmpty { throw .invalid("comment", "不予同意时请说明理由") }
        filing.decision = approve ? .approved : .rejected
        filing.decidedOn = on
        filing.decidedBy = by
        filing.comment = comment
        filings[filings.count - 1] = filing
        if approve {
            switch filing.kind {
            case .open: status = .active
            case .change: if let d = filing.details { details = d }
            case .suspend: status = .suspended
            case .resume: status = .active
            case .close: status = .closed
            }
        } else if filing.kind == .open {
            status = .rejected
        }
    }

    /// Records the latest post and a month's count of posts.
    public mutating func recordUpdate(lastPost: CivilDate, month: YearMonth?, posts: Int?, today: CivilDate) throws(DomainError) {
        guard status == .active || status == .suspended else { throw .conflict("“\(status.label)”的账号不记录更新") }
        if lastPost > today { throw .invalid("lastPost", "最近更新日期不能晚于今天") }
        if let posts, posts < 0 || posts > 10_000 { throw .invalid("posts", "发布条数须为 0-10000") }
        lastUpdatedOn = max(lastUpdatedOn ?? lastPost, lastPost)
        if let month, let posts { postsByMonth[month.description] = posts }
    }

    /// An active account not updated for more than `idleDays` (or never): the 检查指标 treat
    /// an account silent for over two weeks as not updated.
    public func isIdle(today: CivilDate, idleDays: Int) -> Bool {
        guard status == .active else { return false }
        guard let last = lastUpdatedOn else { return true }
        return last.adding(days: idleDays) < today
    }

    /// Posts a month over the recorded months (nil when none are recorded).
    public var averagePostsPerMonth: Double? {
        postsByMonth.isEmpty ? nil : Double(postsByMonth.values.reduce(0, +)) / Double(postsByMonth.count)
    }
}
