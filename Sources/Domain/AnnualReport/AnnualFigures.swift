/// The figures of an annual report's three tables (二 主动公开, 三 依申请公开, 四 复议诉讼).
///
/// Every cell has a key: `t2.normative.issued`, `t3.received.natural_person`,
/// `t4.reconsideration.upheld`. Totals (table 三's （七）总计 row and 总计 column, table 四's
/// 总计 per group) are recomputed from their parts unless a total was itself entered by hand,
/// which is how a wrong figure can reach a report and why the checks exist.
public struct AnnualFigures: Hashable, Sendable, Codable {
    public var format: AnnualReportFormat
    /// Table 二 by `row.column`; money in 万元.
    public var active: [String: Double]
    /// Table 三: row code (`RequestReportRow`) → column code (applicant type or `total`) → count.
    public var requests: [String: [String: Int]]
    /// Table 四: kind code (`RequestAppeal.Kind`) → result code or `total` → count.
    public var appeals: [String: [String: Int]]
    /// Keys of the cells entered by hand, sorted.
    public var entered: [String]

    public init(
        format: AnnualReportFormat, active: [String: Double] = [:], requests: [String: [String: Int]] = [:],
        appeals: [String: [String: Int]] = [:], entered: [String] = []
    ) {
        self.format = format
        self.active = active
        self.requests = requests
        self.appeals = appeals
        self.entered = entered
    }

    public static let totalColumn = "total"
    /// Table 三's columns in order: the six applicant types, then 总计.
    public static var requestColumns: [String] { ApplicantType.allCases.map(\.rawValue) + [totalColumn] }
    public static var appealColumns: [String] { RequestAppeal.Result.allCases.map(\.rawValue) + [totalColumn] }

    // MARK: Derivation

    /// The figures as the records give them: table 二 from the catalog, 三 from the requests,
    /// 四 from the cases.
    public static func derived(
        year: Int, catalog: CatalogYearFigures, requests: [DisclosureRequest], appeals: [RequestAppeal],
        format: AnnualReportFormat = .standard2021
    ) -> AnnualFigures {
        var f = AnnualFigures(format: format, active: format == .standard2021 ? catalog.derivedCells : [:])
        f.requests = requestTable(requests, year: year)
        for (kind, results) in RequestAppeal.table(appeals, year: year) {
            f.appeals[kind.rawValue] = Dictionary(uniqueKeysWithValues: results.map { ($0.key.rawValue, $0.value) })
        }
        f.fillZeros()
        f.recomputeTotals()
        return f
    }

    /// Table 三's parts: received in the year (一), open at the start of it (二), answered in
    /// it by outcome (三), open at its end (四). Requests received after the year are ignored.
    public static func requestTable(_ list: [DisclosureRequest], year: Int) -> [String: [String: Int]] {
        var t: [String: [String: Int]] = [:]
        func add(_ row: RequestReportRow, _ r: DisclosureRequest) {
            t[row.rawValue, default: [:]][r.applicant.type.rawValue, default: 0] += 1
        }
        for r in list {
            let received = r.clock.receivedOn
            guard received.year <= year else { continue }
            let answered = r.status == .replied ? r.repliedOn : nil
            if received.year == year { add(.newThisYear, r) }
            if received.year < year, answered.map({ $0.year >= year }) ?? true { add(.carriedIn, r) }
            if let answered, answered.year == year, let outcome = r.outcome { add(outcome.reportRow, r) }
            if answered.map({ $0.year > year }) ?? true { add(.carriedOut, r) }
        }
        return t
    }

    public mutating func fillZeros() {
        for row in RequestReportRow.allCases {
            for c in Self.requestColumns where requests[row.rawValue]?[c] == nil { requests[row.rawValue, default: [:]][c] = 0 }
        }
        for kind in RequestAppeal.Kind.allCases {
            for c in Self.appealColumns where appeals[kind.rawValue]?[c] == nil { appeals[kind.rawValue, default: [:]][c] = 0 }
        }
        for block in format.activeDisclosure {
            for key in block.cellKeys where active[key] == nil { active[key] = 0 }
        }
    }

    /// Sets every total from its parts, leaving totals that were entered by hand as entered.
    public mutating func recomputeTotals() {
        let kept = Set(entered)
        let total = Self.totalColumn
        for row in RequestReportRow.allCases where row != .total {
            let key = "t3.\(row.rawValue).\(total)"
            if !kept.contains(key) {
                requests[row.rawValue, default: [:]][total] = ApplicantType.allCases.reduce(0) {
                    $0 + (requests[row.rawValue]?[$1.rawValue] ?? 0)
                }
            }
        }
        for c in Self.requestColumns where !kept.contains("t3.\(RequestReportRow.total.rawValue).\(c)") {
            requests[RequestReportRow.total.rawValue, default: [:]][c] = RequestReportRow.outcomeRows.reduce(0) {
                $0 + (requests[$1.rawValue]?[c] ?? 0)
            }
        }
        for kind in RequestAppeal.Kind.allCases where !kept.contains("t4.\(kind.rawValue).\(total)") {
            appeals[kind.rawValue, default: [:]][total] = RequestAppeal.Result.allCases.reduce(0) {
                $0 + (appeals[kind.rawValue]?[$1.rawValue] ?? 0)
            }
        }
    }

    // MARK: Cells by key

    /// Every cell key of the report in this format, in table order.
    public var cellKeys: [String] {
        format.activeDisclosure.flatMap(\.cellKeys).map { "t2.\($0)" }
            + RequestReportRow.allCases.flatMap { r in Self.requestColumns.map { "t3.\(r.rawValue).\($0)" } }
            + RequestAppeal.Kind.allCases.flatMap { k in Self.appealColumns.map { "t4.\(k.rawValue).\($0)" } }
    }

    public func value(_ key: String) -> Double? {
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let rest = parts[1].split(separator: ".").map(String.init)
        guard rest.count == 2 else { return nil }
        switch parts[0] {
        case "t2": return active[parts[1]]
        case "t3": return requests[rest[0]]?[rest[1]].map(Double.init)
        case "t4": return appeals[rest[0]]?[rest[1]].map(Double.init)
        default: return nil
        }
    }

    /// Sets one cell and marks it entered; totals are recomputed afterwards. Counts must be
    /// whole and not negative; money may have up to four decimals (万元 to the yuan).
    public mutating func enter(_ key: String, _ value: Double) throws(DomainError) {
        guard cellKeys.contains(key), let rest = key.split(separator: ".", maxSplits: 1).last.map(String.init) else {
            throw .invalid("cell", "表格中没有单元格“\(key)”")
        }
        guard value.isFinite, value >= 0, value < 1e12 else { throw .invalid("cell", "“\(Self.describe(key, format: format))”须为不小于 0 的数") }
        let isMoney = key == "t2.fees.amount" || key == "t2.procurement.amount"
        if !isMoney && value != value.rounded() {
            throw .invalid("cell", "“\(Self.describe(key, format: format))”是件数，须为整数")
        }
        let parts = rest.split(separator: ".").map(String.init)
        switch key.prefix(2) {
        case "t2": active[rest] = isMoney ? (value * 10000).rounded() / 10000 : value
        case "t3": requests[parts[0], default: [:]][parts[1]] = Int(value)
        default: appeals[parts[0], default: [:]][parts[1]] = Int(value)
        }
        if !entered.contains(key) {
            entered.append(key)
            entered.sort()
        }
    }

    /// The figures with the office's entries applied: parts first, then totals recomputed,
    /// then any totals entered by hand.
    public func applying(_ entries: [String: Double]) throws(DomainError) -> AnnualFigures {
        var f = self
        let isTotal = { (key: String) in key.hasSuffix(".\(Self.totalColumn)") || key.hasPrefix("t3.\(RequestReportRow.total.rawValue).") }
        for (key, value) in entries.sorted(by: { $0.key < $1.key }) where !isTotal(key) { try f.enter(key, value) }
        f.recomputeTotals()
        for (key, value) in entries.sorted(by: { $0.key < $1.key }) where isTotal(key) { try f.enter(key, value) }
        return f
    }

    /// Cell by cell sum (a roll-up of units); every cell counts as derived.
    public static func sum(_ list: [AnnualFigures], format: AnnualReportFormat) -> AnnualFigures {
        var f = AnnualFigures(format: format)
        f.fillZeros()
        for part in list where part.format == format {
            for (k, v) in part.active { f.active[k, default: 0] += v }
            for (r, cols) in part.requests { for (c, v) in cols { f.requests[r, default: [:]][c, default: 0] += v } }
            for (r, cols) in part.appeals { for (c, v) in cols { f.appeals[r, default: [:]][c, default: 0] += v } }
        }
        for (k, v) in f.active { f.active[k] = (v * 10000).rounded() / 10000 }
        return f
    }

    /// A cell's name as a reader finds it in the printed table: 表三「一、本年新收…」行「自然人」列.
    public static func describe(_ key: String, format: AnnualReportFormat) -> String {
        let parts = key.split(separator: ".").map(String.init)
        guard parts.count == 3 else { return key }
        switch parts[0] {
        case "t2":
            for block in format.activeDisclosure {
                if let row = block.rows.first(where: { $0.key == parts[1] }), let col = block.columns.first(where: { $0.key == parts[2] }) {
                    return "表二「\(row.label)」行「\(col.label)」列"
                }
            }
            return key
        case "t3":
            let row = RequestReportRow(rawValue: parts[1])?.label ?? parts[1]
            return "表三「\(row)」行「\(columnLabel(parts[2]))」列"
        default:
            let kind = RequestAppeal.Kind(rawValue: parts[1])?.label ?? parts[1]
            let result = RequestAppeal.Result(rawValue: parts[2])?.label ?? "总计"
            return "表四「\(kind)」「\(result)」"
        }
    }

    public static func columnLabel(_ code: String) -> String { ApplicantType(rawValue: code)?.label ?? "总计" }
}
