import Domain
import Foundation
import Hummingbird
import OfficeFiles
import Plot
import Reports
import Services
import Storage

/// The 政府网站工作年度报表 draft (`/console/website-report`, `/api/v1/website-report`): the year
/// so far, month by month, from the agency's records; as a workbook; and, once the year is over,
/// drafted into the catalog for review and publication on the home page by January 31.
struct WebsiteReportController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, Routes.Console.websiteReport, .roles(OversightController.readers), use: page)
        router.staff(.get, Routes.Console.websiteReportXLSX, .roles(OversightController.readers), use: workbook)
        router.staff(.post, Routes.Console.websiteReportDraft, .roles([.officeAdmin]), use: draft)
        router.staff(.get, Routes.API.websiteReport, .roles(OversightController.readers), use: api)
    }

    /// `year` (default this year) and `month` (default this month, or December for a past year).
    func period(_ year: String?, _ month: String?) throws(DomainError) -> (year: Int, through: CivilDate) {
        let today = env.today
        let y: Int
        if let year, !year.isEmpty {
            guard let v = Int(year), (2000...today.year).contains(v) else { throw .invalid("year", "年度须为 2000 至 \(today.year) 年") }
            y = v
        } else {
            y = today.year
        }
        let last = y == today.year ? today.month : 12
        let m: Int
        if let month, !month.isEmpty {
            guard let v = Int(month), (1...last).contains(v) else { throw .invalid("month", "月份须为 1 至 \(last)") }
            m = v
        } else {
            m = last
        }
        let end = CivilDate(year: y, month: m, day: CivilDate.daysIn(month: m, year: y))!
        return (y, min(end, today))
    }

    func report(_ agency: Agency, year: Int, through: CivilDate) async throws -> WebsiteReport {
        let stores = env.database.stores
        let settings = try await stores.agencies.catalogSettings(agencyID: agency.id) ?? .standard
        let consultations = try await stores.consultations.list(agencyID: agency.id)
        var comments: [Int64: [PublicComment]] = [:]
        for c in consultations where c.opensOn.year == year {
            comments[c.id] = try await stores.consultations.comments(consultationID: c.id)
        }
        let surveys = try await stores.surveys.list(agencyID: agency.id)
        var responses: [Int64: Int] = [:]
        for s in surveys where s.opensOn.year == year { responses[s.id] = try await stores.surveys.responseCount(surveyID: s.id) }
        var linkCheck: (pages: Int, broken: Int, on: String)?
        if let run = try await stores.linkChecks.latest(agencyID: agency.id), run.finishedAtMillis != nil {
            let body = LinkChecksController.body(run)
            linkCheck = (body.pagesRead ?? 0, body.broken?.count ?? 0, AuditExport.beijingTime(run.startedAtMillis))
        }
        let freshness = try await FreshnessController(env: env, pages: pages).report(agency)
        let input = WebsiteReport.Input(
            documents: try await stores.catalog.outlines(agencyID: agency.id),
            dynamicColumns: Set(settings.columnKinds.filter { $0.value == .dynamic }.keys), specialColumns: settings.columns.count,
            letters: try await stores.mailbox.list(agencyID: agency.id, departmentID: nil), consultations: consultations,
            comments: comments, surveys: surveys, responses: responses, siteErrors: try await stores.siteErrors.list(agencyID: agency.id),
            opinions: try await stores.opinions.list(agencyID: agency.id),
            media: try await stores.mediaAccounts.list(agencyIDs: [agency.id]), linkCheck: linkCheck, freshnessFailures: freshness.failures)
        return WebsiteReport.make(year: year, through: through, input)
    }

    struct Body: ResponseEncodable {
        struct Row: Encodable, Sendable {
            var section: String
            var label: String
            var value: String?
            var note: String
        }
        struct Series: Encodable, Sendable {
            var label: String
            var counts: [Int]
            var total: Int
        }
        var year: Int
        var through: CivilDate
        var dueBy: CivilDate
        var months: [String]
        var rows: [Row]
        var monthly: [Series]
        var blanks: Int
    }

    static func dueBy(_ year: Int) -> CivilDate { CivilDate(year: year + 1, month: 1, day: 31)! }

    @Sendable func api(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Body {
        let q = request.uri.queryParameters
        let (year, through) = try period(q["year"].map(String.init), q["month"].map(String.init))
        let r = try await report(identity.agency, year: year, through: through)
        return Body(
            year: year, through: through, dueBy: Self.dueBy(year), months: r.months.map(\.description),
            rows: r.sections.flatMap { s in s.rows.map { .init(section: s.title, label: $0.label, value: $0.value, note: $0.note) } },
            monthly: r.monthly.map { .init(label: $0.label, counts: $0.counts, total: $0.total) }, blanks: r.blanks)
    }

    /// Rows for the workbook and the drafted document: section, item, figure, note.
    static func rows(_ r: WebsiteReport) -> [[String]] {
        r.sections.flatMap { s in s.rows.map { [s.title, $0.label, $0.value ?? "（待填写）", $0.note] } }
    }

    @Sendable func workbook(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let q = request.uri.queryParameters
        let (year, through) = try period(q["year"].map(String.init), q["month"].map(String.init))
        let r = try await report(identity.agency, year: year, through: through)
        var rows = [["\(year)年政府网站工作年度报表（截至 \(through)）"], ["类别", "项目", "数据", "说明"]] + Self.rows(r)
        rows += [[], ["逐月"] + r.months.map { "\($0.month)月" } + ["合计"]]
        rows += r.monthly.map { [$0.label] + $0.counts.map(String.init) + [String($0.total)] }
        let data = try OfficeWriter.xlsx(sheet: "网站年度报表", rows: rows, bold: [0, 1], columnWidths: [22, 34, 40, 30])
        var headers = HTTPFields()
        headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        headers[.contentDisposition] = "attachment; filename=\"website-report-\(year).xlsx\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    @Sendable func page(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let q = request.uri.queryParameters
        return try await render(q["year"].map(String.init), q["month"].map(String.init), request, context, identity)
    }

    func render(
        _ yearText: String?, _ monthText: String?, _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity,
        message: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        do {
            let (year, through) = try period(yearText, monthText)
            let r = try await report(identity.agency, year: year, through: through)
            let view = WebsiteReportPage(
                report: r, dueBy: Self.dueBy(year), yearOver: year < env.today.year, mayDraft: identity.holds(anyOf: [.officeAdmin]),
                message: message, error: error, errors: [:], values: [:])
            return try await pages.respond("网站工作年度报表", area: .console, request: request, context: context, status: status) {
                view.content($0)
            }
        } catch let e as DomainError where e.field != nil {
            let view = WebsiteReportPage(
                report: nil, dueBy: Self.dueBy(env.today.year), yearOver: false, mayDraft: false, message: nil, error: nil,
                errors: [e.field!: e.message], values: ["year": yearText ?? "", "month": monthText ?? ""])
            return try await pages.respond("网站工作年度报表", area: .console, request: request, context: context, status: .unprocessableContent) {
                view.content($0)
            }
        }
    }

    /// Drafts last year's (or an earlier year's) report as a catalog document.
    @Sendable func draft(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        do {
            let (year, through) = try period(form["year"], "")
            guard year < env.today.year else { throw DomainError.conflict("\(year) 年尚未结束，年度结束后才能形成报表") }
            let r = try await report(identity.agency, year: year, through: through)
            let catalog = try await CatalogService.load(env.services, agencyID: identity.agency.id)
            let lines =
                ["| 类别 | 项目 | 数据 | 说明 |", "|---|---|---|---|"]
                + Self.rows(r).map { "| " + $0.map { $0.replacingOccurrences(of: "|", with: "／") }.joined(separator: " | ") + " |" }
            var document = CatalogDocument(
                id: 0, agencyID: identity.agency.id, title: "\(identity.agency.name)\(year)年政府网站工作年度报表",
                body: "\(identity.agency.name)门户网站 \(year) 年度工作情况如下。\n" + lines.joined(separator: "\n"),
                categoryCode: try catalog.category("other").code)
            document.writtenOn = env.today
            document.formedOn = env.today
            let created = try await catalog.create(document, by: identity, from: context.remoteAddress)
            return try await render(
                "\(year)", nil, request, context, identity,
                message: "已形成报表草稿（文件 #\(created.id)），尚有 \(r.blanks) 项待填写；请补充后送审，于 \(Self.dueBy(year).chinese)前在网站首页公开。")
        } catch let e as DomainError where e.field != nil || e.code == "conflict" {
            return try await render(
                form["year"], nil, request, context, identity, error: e.message,
                status: e.code == "conflict" ? .conflict : .unprocessableContent)
        }
    }
}

struct WebsiteReportPage {
    var report: WebsiteReport?
    var dueBy: CivilDate
    var yearOver: Bool
    var mayDraft: Bool
    var message: String?
    var error: String?
    var errors: [String: String]
    var values: [String: String]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("政府网站工作年度报表")),
            Fragments.oversightNav(current: Routes.Console.websiteReport.path()),
            .p(
                .text(
                    "按月更新的年度报表草稿：数据取自本机关的目录、信箱、征集调查、纠错、舆情、新媒体登记和链接检查；标“待填写”的项目（访问量、备案号、安全检测等）由办公室补充。报表须于次年 1 月 31 日前在网站首页公开。"
                )),
            Fragments.alert(message, kind: "success"),
            Fragments.alert(error),
            .form(
                .method(.get), .action(Routes.Console.websiteReport.path()), .class("filters"),
                .div(
                    Fragments.textField(
                        "年度", name: "year", value: values["year"] ?? report.map { "\($0.year)" } ?? "", errors: errors, required: false),
                    Fragments.textField(
                        "截至月份", name: "month", value: values["month"] ?? report.map { "\($0.through.month)" } ?? "", errors: errors,
                        required: false),
                    .button(.type(.submit), .class("button secondary"), .text("查看")))),
            .unwrap(report) { r in
                .group(
                    .p(
                        .text("\(r.year) 年 1 月 1 日至 \(r.through)；还有 \(r.blanks) 项待填写；公开期限 \(dueBy.chinese)。 "),
                        .a(.href(Routes.Console.websiteReportXLSX.path() + "?year=\(r.year)&month=\(r.through.month)"), .text("下载 Excel"))),
                    .forEach(r.sections) { s in
                        .section(
                            .h2(.text(s.title)),
                            .div(
                                .class("table-wrap"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                                .attribute(named: "aria-label", value: "表格，可左右滚动"),
                                .table(
                                    .class("website-report"),
                                    .tbody(
                                        .forEach(s.rows) { row in
                                            .tr(
                                                .class(row.value == nil ? "blank" : ""),
                                                .th(.text(row.label)), .td(.text(row.value ?? "待填写")),
                                                .td(.class("hint"), .text(row.note)))
                                        }))))
                    },
                    .section(
                        .h2(.text("逐月情况")),
                        .div(
                            .class("table-wrap"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                            .attribute(named: "aria-label", value: "表格，可左右滚动"),
                            .table(
                                .thead(.tr(.th(.text("项目")), .forEach(r.months) { .th(.text("\($0.month)月")) }, .th(.text("合计")))),
                                .tbody(
                                    .forEach(r.monthly) { s in
                                        .tr(.th(.text(s.label)), .forEach(s.counts) { .td(.text("\($0)")) }, .td(.text("\(s.total)")))
                                    })))),
                    .if(
                        mayDraft && yearOver,
                        .form(
                            .method(.post), .action(Routes.Console.websiteReportDraft.path()),
                            .div(
                                Fragments.csrfField(chrome.csrf), .input(.type(.hidden), .name("year"), .value("\(r.year)")),
                                .button(.type(.submit), .class("button"), .text("形成 \(r.year) 年报表草稿（送审后在首页公开）")))))
                )
            }
        )
    }
}
