import Domain
import Foundation
import Hummingbird
import Plot
import Reports
import Services
import Storage

/// The compliance dashboard (政务公开监测): the disclosure office and leaders of an agency see
/// their own indicators and, read-only, those of every unit below them, month by month, with
/// charts, tables and a CSV file. `unit` picks one unit; without it the page shows the whole.
struct OversightController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer
    static let readers: Set<Role> = [.officeAdmin, .leader]

    var service: ComplianceService { ComplianceService(env: env.services) }

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, Routes.Console.oversight, .roles(Self.readers), use: page)
        router.staff(.get, Routes.Console.oversightCSV, .roles(Self.readers), use: csv)
        router.staff(.get, Routes.API.oversight, .roles(Self.readers), use: api)
    }

    /// What a request asks for: the months, the units in view and the one selected (nil: all).
    struct Query {
        var months: [YearMonth]
        var units: [Agency]
        var selected: Agency?
    }

    /// `units`: the caller's agency and the units below it, when already read.
    func query(_ request: Request, _ identity: StaffIdentity, units known: [Agency]? = nil) async throws -> Query {
        let q = request.uri.queryParameters
        let months = try ComplianceService.months(from: q["from"].map(String.init), to: q["to"].map(String.init), today: env.today)
        let units = if let known { known } else { try await service.units(under: identity.agency) }
        let text = q["unit"].map(String.init)
        let selected = text == "all" ? nil : try ComplianceService.unit(text, among: units)
        return Query(months: months, units: selected.map { [$0] } ?? units, selected: selected)
    }

    @Sendable func page(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let q = request.uri.queryParameters
        let all = try await service.units(under: identity.agency)
        do {
            let query = try await self.query(request, identity, units: all)
            let report = try await service.report(query.units, months: query.months)
            let view = OversightDashboard(
                report: report, all: all, selected: query.selected, from: query.months.first!.description,
                to: query.months.last!.description, errors: [:])
            return try await pages.respond("政务公开监测", area: .console, request: request, context: context) { view.content($0) }
        } catch let error as DomainError where error.field != nil {
            let view = OversightDashboard(
                report: nil, all: all, selected: nil, from: q["from"].map(String.init) ?? "", to: q["to"].map(String.init) ?? "",
                errors: [error.field!: error.message])
            return try await pages.respond("政务公开监测", area: .console, request: request, context: context, status: .unprocessableContent) {
                view.content($0)
            }
        }
    }

    @Sendable func csv(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let query = try await self.query(request, identity)
        let report = try await service.report(query.units, months: query.months)
        var table = CSVTable(header: ["单位", "指标", "月份", "符合", "总数", "比率"])
        var rows: [(String, ComplianceSeries)] = report.units.map { ($0.agency.name, $0.series) }
        if query.selected == nil && report.units.count > 1 { rows.append(("合计", report.whole)) }
        for (name, series) in rows {
            for indicator in ComplianceIndicator.allCases {
                for m in report.months {
                    let t = series.tally(indicator, m)
                    table.append([name, indicator.label, m.description, String(t.met), String(t.total), t.rate == nil ? "" : t.percent])
                }
            }
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"oversight-\(report.months.first!)-\(report.months.last!).csv\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: table.bytes())))
    }

    struct Body: ResponseEncodable {
        struct Cell: Encodable {
            var month: String
            var met: Int
            var total: Int
            var rate: Double?
        }
        struct Indicator: Encodable {
            var code: String
            var label: String
            var met: Int
            var total: Int
            var rate: Double?
            var months: [Cell]
        }
        struct Unit: Encodable {
            var agencyId: Int64?
            var name: String
            var indicators: [Indicator]
            var outcomes: [String: Int]
        }
        var from: String
        var to: String
        var units: [Unit]
        var whole: Unit
    }

    static func unit(_ id: Int64?, _ name: String, _ series: ComplianceSeries, _ outcomes: [RequestOutcome: Int]) -> Body.Unit {
        Body.Unit(
            agencyId: id, name: name,
            indicators: ComplianceIndicator.allCases.map { i in
                let t = series.total(i)
                return Body.Indicator(
                    code: i.rawValue, label: i.label, met: t.met, total: t.total, rate: t.rate,
                    months: series.months.map { m in
                        let c = series.tally(i, m)
                        return Body.Cell(month: m.description, met: c.met, total: c.total, rate: c.rate)
                    })
            },
            outcomes: Dictionary(uniqueKeysWithValues: outcomes.map { ($0.key.rawValue, $0.value) }))
    }

    @Sendable func api(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Body {
        let query = try await self.query(request, identity)
        let report = try await service.report(query.units, months: query.months)
        return Body(
            from: report.months.first!.description, to: report.months.last!.description,
            units: report.units.map { Self.unit($0.agency.id, $0.agency.name, $0.series, $0.outcomes) },
            whole: Self.unit(nil, "合计", report.whole, report.wholeOutcomes))
    }
}

/// The dashboard page: the units side by side, then the trend of each indicator for the unit
/// chosen (or all together), each chart with its table.
struct OversightDashboard {
    var report: ComplianceService.Report?
    var all: [Agency]
    var selected: Agency?
    var from: String
    var to: String
    var errors: [String: String]

    func query(unit: Int64?) -> String {
        var parts = ["from=\(from)", "to=\(to)"]
        if let unit { parts.append("unit=\(unit)") }
        return parts.joined(separator: "&")
    }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("政务公开监测")),
            Fragments.oversightNav(current: Routes.Console.oversight.path()),
            .p(
                .text(
                    "各指标为符合要求的件数占应计件数的比例，按月统计，数据实时取自本平台的目录、申请、信箱、征集、台账和纠错记录；"
                        + (all.count > 1 ? "上级机关可查看所属单位的指标（只读）。" : ""))),
            Fragments.alert(errors.isEmpty ? nil : "查询条件有误，请修改标出的问题。"),
            .form(
                .method(.get), .action(Routes.Console.oversight.path()), .class("filters"),
                .div(
                    .class("filter-row"),
                    Fragments.select(
                        "单位", name: "unit",
                        options: [("all", all.count > 1 ? "全部单位（合计）" : all.first?.name ?? "本机关")]
                            + (all.count > 1 ? all.map { (String($0.id), $0.name) } : []),
                        selected: selected.map { String($0.id) } ?? "all"),
                    Fragments.textField("起始月份", name: "from", value: from, errors: errors, hint: "YYYY-MM", required: false),
                    Fragments.textField("结束月份", name: "to", value: to, errors: errors, hint: "YYYY-MM", required: false),
                    .button(.type(.submit), .text("查看"))
                )
            ),
            .unwrap(report) { report in
                .group(
                    .p(.a(.href(attr(Routes.Console.oversightCSV.path() + "?" + query(unit: selected?.id))), .text("下载 CSV（逐月明细）"))),
                    unitsTable(report),
                    trends(report),
                    outcomes(report)
                )
            }
        )
    }

    func unitsTable(_ report: ComplianceService.Report) -> Node<HTML.BodyContext> {
        let rows: [(Int64?, String, ComplianceSeries)] =
            report.units.map { ($0.agency.id, $0.agency.name, $0.series) }
            + (report.units.count > 1 ? [(nil, "合计", report.whole)] : [])
        return .section(
            .h2(.text("各单位指标（\(from) 至 \(to)）")),
            .div(
                .class("table-wrap"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                .attribute(named: "aria-label", value: "表格，可左右滚动"),
                .table(
                    .class("oversight-units"),
                    .thead(
                        .tr(
                            .th(.text("单位")),
                            .forEach(ComplianceIndicator.allCases) { .th(.attribute(named: "scope", value: "col"), .text($0.label)) })),
                    .tbody(
                        .forEach(rows) { row in
                            .tr(
                                .th(
                                    .attribute(named: "scope", value: "row"),
                                    row.0.map { id in .a(.href(attr(Routes.Console.oversight.path() + "?" + query(unit: id))), .text(row.1))
                                    }
                                        ?? .text(row.1)),
                                .forEach(ComplianceIndicator.allCases) { i in
                                    let t = row.2.total(i)
                                    return .td(
                                        .class(t.rate.map { $0 < 0.9 ? "rate low" : "rate" } ?? "rate none"), .text(t.percent),
                                        .if(t.total > 0, .span(.class("count"), .text("（\(t.met)/\(t.total)）"))))
                                }
                            )
                        })
                )
            ),
            .p(.class("hint"), .text("低于 90% 的比率以粗体标出；“—”表示期间内没有应计件数。"))
        )
    }

    func trends(_ report: ComplianceService.Report) -> Node<HTML.BodyContext> {
        let series = selected == nil ? report.whole : report.units[0].series
        let name = selected?.name ?? (report.units.count > 1 ? "全部单位" : report.units.first?.agency.name ?? "")
        return .section(
            .h2(.text("逐月趋势：\(name)")),
            .forEach(ComplianceIndicator.allCases) { indicator in
                let points = report.months.map { m in
                    let t = series.tally(indicator, m)
                    return LineChart.Point(
                        label: m.shortLabel, value: t.rate, detail: t.total == 0 ? "无数据" : "\(t.percent)（\(t.met)/\(t.total)）")
                }
                return .div(
                    .class("indicator"),
                    .h3(.text(indicator.label + "：" + series.total(indicator).percent)),
                    .p(.class("hint"), .text(indicator.rule)),
                    .div(
                        .class("chart-pair"),
                        .raw(LineChart(title: "\(name)\(indicator.label)", points: points).svg),
                        .div(
                            .class("table-wrap"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                            .attribute(named: "aria-label", value: "表格，可左右滚动"),
                            .table(
                                .thead(.tr(.th(.text("月份")), .th(.text("符合")), .th(.text("总数")), .th(.text("比率")))),
                                .tbody(
                                    .forEach(report.months) { m in
                                        let t = series.tally(indicator, m)
                                        return .tr(
                                            .td(.text(m.description)), .td(.text(String(t.met))), .td(.text(String(t.total))),
                                            .td(.text(t.percent)))
                                    })
                            ))
                    )
                )
            }
        )
    }

    func outcomes(_ report: ComplianceService.Report) -> Node<HTML.BodyContext> {
        let counts = selected == nil ? report.wholeOutcomes : report.units[0].outcomes
        let total = counts.values.reduce(0, +)
        let rows = RequestOutcome.allCases.compactMap { o in counts[o].map { (o.label, $0) } }
        return .section(
            .h2(.text("依申请公开答复结果（\(total) 件）")),
            rows.isEmpty
                ? .p(.class("empty"), .text("期间内没有答复的申请。"))
                : .div(
                    .class("chart-pair"),
                    .raw(BarChart(title: "答复结果", bars: rows.map { .init(label: $0.0, count: $0.1) }, base: total).svg),
                    .table(.tbody(.forEach(rows) { r in .tr(.td(.text(r.0)), .td(.text(String(r.1)))) }))
                )
        )
    }
}
