import Foundation

/// An agency's annual report on government information disclosure (政府信息公开工作年度报告)
/// for one year: the narrative sections, the office's entries, and once locked the figures as
/// they stood, with any later corrections listed.
public struct AnnualReport: Hashable, Sendable, Codable {
    public enum State: String, CaseIterable, Hashable, Sendable, Codable {
        /// Figures follow the records; narratives and entries may change.
        case draft
        /// Figures frozen; only recorded corrections change them.
        case locked
        /// On the portal (locked too).
        case published
        /// An earlier year's figures imported for comparison.
        case imported

        public var label: String {
            switch self {
            case .draft: "编制中"
            case .locked: "已锁定"
            case .published: "已发布"
            case .imported: "历年数据（导入）"
            }
        }

        public var isFrozen: Bool { self != .draft }
    }

    /// The narrative sections; 二 to 四 are the tables.
    public enum Section: String, CaseIterable, Hashable, Sendable, Codable {
        case overview
        case problems
        case other

        public var heading: String {
            switch self {
            case .overview: "一、总体情况"
            case .problems: "五、存在的主要问题及改进情况"
            case .other: "六、其他需要报告的事项"
            }
        }
    }

    /// A change to a locked figure: which cell, from what to what, why, when and by whom.
    public struct Correction: Hashable, Sendable, Codable {
        public var cell: String
        public var from: Double
        public var to: Double
        public var reason: String
        public var on: CivilDate
        public var by: String

        public init(cell: String, from: Double, to: Double, reason: String, on: CivilDate, by: String) {
            self.cell = cell
            self.from = from
            self.to = to
            self.reason = reason
            self.on = on
            self.by = by
        }
    }

    public var id: Int64
    public var agencyID: Int64
    public var year: Int
    public var state: State
    public var format: AnnualReportFormat
    /// Section code → text; paragraphs separated by blank lines.
    public var narrative: [String: String]
    /// Cells entered by the office (table 二's non-derived cells, and any override).
    public var entries: [String: Double]
    /// The figures as locked or imported.
    public var snapshot: AnnualFigures?
    /// SHA-256 of the locked figures' canonical JSON, printed on the report.
    public var digest: String?
    public var corrections: [Correction]
    public var lockedAtMillis: Int64?
    public var lockedBy: String?
    public var publishedAtMillis: Int64?
    public var publishedBy: String?
    public var updatedAtMillis: Int64

    public init(
        id: Int64 = 0, agencyID: Int64, year: Int, state: State = .draft, format: AnnualReportFormat? = nil,
        narrative: [String: String] = [:],
        entries: [String: Double] = [:], snapshot: AnnualFigures? = nil, digest: String? = nil, corrections: [Correction] = [],
        lockedAtMillis: Int64? = nil, lockedBy: String? = nil, publishedAtMillis: Int64? = nil, publishedBy: String? = nil,
        updatedAtMillis: Int64 = 0
    ) {
        self.id = id
        self.agencyID = agencyID
        self.year = year
        self.state = state
        self.format = format ?? .forYear(year)
        self.narrative = narrative
        self.entries = entries
        self.snapshot = snapshot
        self.digest = digest
        self.corrections = corrections
        self.lockedAtMillis = lockedAtMillis
        self.lockedBy = lockedBy
        self.publishedAtMillis = publishedAtMillis
        self.publishedBy = publishedBy
        self.updatedAtMillis = updatedAtMillis
    }

    public func text(_ section: Section) -> String { narrative[section.rawValue] ?? "" }

    /// The cells the office must fill before the figures can be locked.
    public var missingEntries: [String] {
        guard format == .standard2021 else { return [] }
        return CatalogYearFigures.enteredCells2021.map { "t2.\($0)" }.filter { entries[$0] == nil }
    }

    /// Whether the figures can be frozen: every entry made and every check passing.
    public static func lockProblems(_ report: AnnualReport, figures: AnnualFigures) -> [String] {
        var out = report.missingEntries.map { "请填写\(AnnualFigures.describe($0, format: report.format))（没有的填 0）" }
        out += figures.failedChecks.map(\.message)
        return out
    }

    /// What stops publication: figures not locked, a failing check, an empty section.
    public var publishProblems: [String] {
        var out: [String] = []
        if state == .draft || snapshot == nil { out.append("须先锁定本年度数据") }
        if state == .imported { out.append("导入的历年数据不在本平台发布") }
        out += snapshot?.failedChecks.map(\.message) ?? []
        for s in Section.allCases where text(s).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            out.append("“\(s.heading)”尚未填写")
        }
        return out
    }

    /// Records a change to a frozen figure; totals follow their parts.
    public mutating func correct(cell: String, to value: Double, reason: String, on date: CivilDate, by: String) throws(DomainError) {
        guard state == .locked || state == .published, var figures = snapshot else {
            throw .conflict("只有已锁定的年度报告才记录更正；编制中的报告请直接修改")
        }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw .invalid("reason", "请写明更正原因") }
        guard let before = figures.value(cell) else { throw .invalid("cell", "表格中没有单元格“\(cell)”") }
        guard before != value else { throw .invalid("value", "更正后的数值与原数值相同") }
        try figures.enter(cell, value)
        figures.recomputeTotals()
        snapshot = figures
        corrections.append(Correction(cell: cell, from: before, to: value, reason: why, on: date, by: by))
    }
}
