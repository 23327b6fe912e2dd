import Foundation

/// A report of an error on the website (我为政府网站找错), from the site's own form or imported
/// from the national platform, to be handled within a few working days.
public struct SiteErrorReport: Hashable, Sendable, Codable {
    public enum Category: String, CaseIterable, Hashable, Sendable, Codable {
        case content
        case link
        case typo
        case stale
        case service
        case other

        public var label: String {
            switch self {
            case .content: "内容错误"
            case .link: "链接错误"
            case .typo: "错别字"
            case .stale: "栏目不更新"
            case .service: "服务不可用"
            case .other: "其他"
            }
        }

        /// The category a label from an imported file names, by its words.
        public static func from(label: String) -> Category {
            let t = label.trimmingCharacters(in: .whitespaces)
            if let exact = allCases.first(where: { $0.label == t || $0.rawValue == t }) { return exact }
            if t.contains("链接") { return .link }
            if t.contains("错别字") || t.contains("错字") { return .typo }
            if t.contains("更新") { return .stale }
            if t.contains("服务") || t.contains("访问") || t.contains("打不开") { return .service }
            if t.contains("内容") || t.contains("信息") { return .content }
            return .other
        }
    }

    public enum Source: String, CaseIterable, Hashable, Sendable, Codable {
        case site
        case national

        public var label: String {
            switch self {
            case .site: "本网站"
            case .national: "全国政府网站找错平台"
            }
        }
    }

    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        case open
        case resolved
        case rejected

        public var label: String {
            switch self {
            case .open: "待处理"
            case .resolved: "已整改"
            case .rejected: "经核实无误"
            }
        }
    }

    public var id: Int64
    public var agencyID: Int64
    public var source: Source
    /// The national platform's number, for imported reports (one import per number).
    public var externalID: String?
    public var pageURL: String
    public var category: Category
    public var description: String
    public var contact: String
    public var receivedOn: CivilDate
    public var dueOn: CivilDate
    public var status: Status
    public var resolution: String
    public var resolvedOn: CivilDate?
    public var handledBy: String
    public var createdAtMillis: Int64

    public init(
        id: Int64 = 0, agencyID: Int64, source: Source, externalID: String? = nil, pageURL: String, category: Category, description: String,
        contact: String = "", receivedOn: CivilDate, dueOn: CivilDate, status: Status = .open, resolution: String = "",
        resolvedOn: CivilDate? = nil,
        handledBy: String = "", createdAtMillis: Int64 = 0
    ) {
        self.id = id
        self.agencyID = agencyID
        self.source = source
        self.externalID = externalID
        self.pageURL = pageURL
        self.category = category
        self.description = description
        self.contact = contact
        self.receivedOn = receivedOn
        self.dueOn = dueOn
        self.status = status
        self.resolution = resolution
        self.resolvedOn = resolvedOn
        self.handledBy = handledBy
        self.createdAtMillis = createdAtMillis
    }

    public func isOverdue(today: CivilDate) -> Bool { status == .open && today > dueOn }

    public mutating func resolve(_ status: Status, note: String, by: String, on: CivilDate) throws(DomainError) {
        guard self.status == .open else { throw .conflict("该报告已处理（\(self.status.label)）") }
        guard status != .open else { throw .invalid("status", "status 须为 resolved（已整改）或 rejected（经核实无误）") }
        let n = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !n.isEmpty else { throw .invalid("note", "请写明处理情况") }
        self.status = status
        resolution = String(n.prefix(2_000))
        resolvedOn = on
        handledBy = by
    }

    /// One month's figures: received, handled, handled in time, still open past the deadline,
    /// and by category.
    public struct Month: Hashable, Sendable {
        public var month: String
        public var received: Int
        public var handled: Int
        public var handledInTime: Int
        public var overdueOpen: Int
        public var byCategory: [Category: Int]
    }

    /// Figures per month (`YYYY-MM`) of the year, January first, for months with reports.
    public static func monthly(_ reports: [SiteErrorReport], year: Int, today: CivilDate) -> [Month] {
        var out: [String: Month] = [:]
        for r in reports where r.receivedOn.year == year {
            let key = String(format: "%04d-%02d", r.receivedOn.year, r.receivedOn.month)
            var m = out[key] ?? Month(month: key, received: 0, handled: 0, handledInTime: 0, overdueOpen: 0, byCategory: [:])
            m.received += 1
            if let done = r.resolvedOn {
                m.handled += 1
                if done <= r.dueOn { m.handledInTime += 1 }
            } else if r.isOverdue(today: today) {
                m.overdueOpen += 1
            }
            m.byCategory[r.category, default: 0] += 1
            out[key] = m
        }
        return out.values.sorted { $0.month < $1.month }
    }
}
