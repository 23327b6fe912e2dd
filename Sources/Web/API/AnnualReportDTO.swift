import Domain
import Hummingbird
import Reports
import Services

/// The annual report over JSON: each table with the format's labels in order, the checks, the
/// texts and, for a frozen report, corrections and drift since the lock.
struct AnnualReportDTO: ResponseEncodable, Sendable {
    struct Block: Encodable, Sendable {
        var header: String
        var columns: [String]
        var rows: [BlockRow]
    }

    struct BlockRow: Encodable, Sendable {
        var key: String
        var label: String
        /// Column key → value.
        var cells: [String: Double]
        var entered: [String]
    }

    struct ActiveDisclosure: Encodable, Sendable {
        var blocks: [Block]
        /// `row.column` → value, for integrations that address cells directly.
        var cells: [String: Double]
    }

    struct Row: Encodable, Sendable {
        var label: String
        var code: String
        var group: String?
        var counts: [String: Int]
    }

    struct Requests: Encodable, Sendable {
        var columns: [String]
        var columnLabels: [String]
        var rows: [Row]
    }

    struct Group: Encodable, Sendable {
        var kind: String
        var label: String
        var counts: [String: Int]
    }

    struct ReviewLitigation: Encodable, Sendable {
        var columns: [String]
        var groups: [Group]
    }

    struct Drift: Encodable, Sendable {
        var cell: String
        var label: String
        var locked: Double
        var current: Double
    }

    struct Unit: Encodable, Sendable {
        var agencyId: Int64
        var agency: String
        var state: AnnualReport.State
        var checksPassed: Bool
        var received: Int
        var answered: Int
        var carriedOver: Int
    }

    var year: Int
    var agencyId: Int64
    var agency: String
    var format: AnnualReportFormat
    var state: AnnualReport.State
    var locked: Bool
    var published: Bool
    var rollup: Bool
    var activeDisclosure: ActiveDisclosure
    var requests: Requests
    var reviewLitigation: ReviewLitigation
    var checks: [AnnualReportCheck]
    var narrative: [String: String]
    var entered: [String]
    var missingEntries: [String]
    var corrections: [AnnualReport.Correction]
    var drift: [Drift]
    var digest: String?
    var units: [Unit]?

    init(_ v: AnnualReportService.View) {
        self.init(agency: v.agency, year: v.report.year, report: v.report, figures: v.figures, drift: v.drift)
    }

    init(
        agency: Agency, year: Int, report: AnnualReport, figures f: AnnualFigures,
        drift: [(cell: String, frozen: Double, live: Double)] = [],
        rollup: Bool = false
    ) {
        self.year = year
        agencyId = agency.id
        self.agency = agency.name
        format = f.format
        state = report.state
        locked = report.state.isFrozen
        published = report.state == .published
        self.rollup = rollup
        let entered = Set(f.entered)
        activeDisclosure = ActiveDisclosure(
            blocks: f.format.activeDisclosure.map { b in
                Block(
                    header: b.header, columns: b.columns.map(\.label),
                    rows: b.rows.map { r in
                        BlockRow(
                            key: r.key, label: r.label,
                            cells: Dictionary(uniqueKeysWithValues: b.columns.map { ($0.key, f.active["\(r.key).\($0.key)"] ?? 0) }),
                            entered: b.columns.map(\.key).filter { entered.contains("t2.\(r.key).\($0)") })
                    })
            }, cells: f.active)
        var group: String? = nil
        requests = Requests(
            columns: AnnualFigures.requestColumns, columnLabels: AnnualFigures.requestColumns.map(AnnualFigures.columnLabel),
            rows: AnnualReportHTML.requestRows(f.format).map { item in
                if let g = item.row.groupHeading { group = g }
                if item.row.groupHeading == nil && !item.label.first!.isNumber { group = nil }
                var counts = f.requests[item.row.rawValue] ?? [:]
                if f.format == .trial2019 && item.row == .otherOther {
                    for c in AnnualFigures.requestColumns {
                        counts[c] =
                            [RequestReportRow.otherNoCorrection, .otherFeeUnpaid, .otherOther].reduce(0) {
                                $0 + (f.requests[$1.rawValue]?[c] ?? 0)
                            }
                    }
                }
                return Row(label: item.label, code: item.row.rawValue, group: group, counts: counts)
            })
        reviewLitigation = ReviewLitigation(
            columns: AnnualFigures.appealColumns,
            groups: RequestAppeal.Kind.allCases.map { Group(kind: $0.rawValue, label: $0.label, counts: f.appeals[$0.rawValue] ?? [:]) })
        checks = f.checks
        narrative = report.narrative
        self.entered = f.entered
        missingEntries = report.state.isFrozen ? [] : report.missingEntries
        corrections = report.corrections
        self.drift = drift.map {
            Drift(cell: $0.cell, label: AnnualFigures.describe($0.cell, format: f.format), locked: $0.frozen, current: $0.live)
        }
        digest = report.digest
    }

    init(_ r: AnnualReportService.Rollup) {
        var own = r.units.first?.report ?? AnnualReport(agencyID: r.agency.id, year: r.year)
        own.narrative = [:]
        own.corrections = []
        own.digest = nil
        self.init(agency: r.agency, year: r.year, report: own, figures: r.sum, rollup: true)
        units = r.units.map { v in
            let t = AnnualFigures.totalColumn
            return Unit(
                agencyId: v.agency.id, agency: v.agency.name, state: v.report.state, checksPassed: v.figures.failedChecks.isEmpty,
                received: v.figures.requests[RequestReportRow.newThisYear.rawValue]?[t] ?? 0,
                answered: v.figures.requests[RequestReportRow.total.rawValue]?[t] ?? 0,
                carriedOver: v.figures.requests[RequestReportRow.carriedOut.rawValue]?[t] ?? 0)
        }
    }
}
