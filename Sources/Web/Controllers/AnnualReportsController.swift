import Domain
import Foundation
import Hummingbird
import OfficeFiles
import Plot
import Reports
import Services
import Storage

/// The annual report over JSON, in the console, and on the portal with its downloads.
struct AnnualReportsController {
    let env: WebEnvironment
    let pages: PageRenderer

    var service: AnnualReportService { AnnualReportService(env: env.services) }
    static let office: Set<Role> = [.officeAdmin]
    static let readers: Set<Role> = [.officeAdmin, .leader]

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, Routes.API.annualReport, .roles(Self.readers), use: apiShow)
        router.staff(.put, Routes.API.annualReport, .roles(Self.office), use: apiSave)
        router.staff(.post, Routes.API.annualReportLock, .roles(Self.office)) { _, context, identity in
            AnnualReportDTO(try await service.lock(year: try year(context), identity: identity, address: context.remoteAddress))
        }
        router.staff(.post, Routes.API.annualReportPublish, .roles(Self.office)) { _, context, identity in
            AnnualReportDTO(try await service.publish(year: try year(context), identity: identity, address: context.remoteAddress))
        }
        router.staff(.post, Routes.API.annualReportCorrections, .roles(Self.office), use: apiCorrect)
        router.staff(.post, Routes.API.annualReportImport, .roles(Self.office), use: apiImport)
        router.staff(.get, Routes.API.annualReportExport, .roles(Self.readers), use: staffExport)
        router.get(Routes.API.publicAnnualReport, use: publicJSON)
        router.get(Routes.Portal.annualReports, use: publicIndex)
        router.get(Routes.Portal.annualReport, use: publicPage)
        router.get(Routes.Portal.agencyAnnualReport, use: publicPage)
        router.get(Routes.Portal.agencyAnnualReportFile, use: publicFile)
        router.staff(.get, Routes.Console.reports, .roles(Self.readers), use: consoleList)
        router.staff(.post, Routes.Console.importReport, .roles(Self.office), use: consoleImport)
        router.staff(.get, Routes.Console.report, .roles(Self.readers), use: consoleShow)
        router.staff(.get, Routes.Console.reportExport, .roles(Self.readers), use: staffExport)
        router.staff(.post, Routes.Console.report, .roles(Self.office)) { request, context, identity in
            try await self.act(request, context, identity) { year, form in
                _ = try await service.save(year: year, try Self.edit(from: form), identity: identity, address: context.remoteAddress)
                return "已保存。"
            }
        }
        router.staff(.post, Routes.Console.reportLock, .roles(Self.office)) { request, context, identity in
            try await self.act(request, context, identity) { year, _ in
                _ = try await service.lock(year: year, identity: identity, address: context.remoteAddress)
                return "已锁定\(year)年度数据。此后数据变动须记录更正。"
            }
        }
        router.staff(.post, Routes.Console.reportPublish, .roles(Self.office)) { request, context, identity in
            try await self.act(request, context, identity) { year, _ in
                _ = try await service.publish(year: year, identity: identity, address: context.remoteAddress)
                return "\(year)年度报告已在门户网站发布。"
            }
        }
        router.staff(.post, Routes.Console.reportCorrections, .roles(Self.office)) { request, context, identity in
            try await self.act(request, context, identity) { year, form in
                guard let value = Double(form["value"]) else { throw DomainError.invalid("value", "请填写更正后的数值") }
                _ = try await service.correct(
                    year: year, .init(cell: form["cell"], value: value, reason: form.raw("reason")), identity: identity,
                    address: context.remoteAddress)
                return "已记录更正，报告中列出更正说明。"
            }
        }
    }

    func year(_ context: GongkaiRequestContext) throws -> Int {
        guard let y = context.parameters.get("year", as: Int.self) else { throw DomainError.notFound("该年度报告") }
        return y
    }

    // MARK: JSON

    @Sendable func apiShow(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> AnnualReportDTO {
        let agencyID = request.uri.queryParameters["agency"].flatMap { Int64(String($0)) }
        if request.uri.queryParameters["agency"] != nil && agencyID == nil { throw DomainError.invalid("agency", "agency 须为单位编号") }
        let agency = try await service.agency(agencyID, for: identity)
        if request.uri.queryParameters["rollup"] == "true" {
            return AnnualReportDTO(try await service.rollup(agency, year: try year(context)))
        }
        return AnnualReportDTO(try await service.view(agency, year: try year(context)))
    }

    @Sendable func apiSave(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> AnnualReportDTO {
        let edit = try await request.decodeJSON(AnnualReportService.Edit.self, context: context)
        return AnnualReportDTO(try await service.save(year: try year(context), edit, identity: identity, address: context.remoteAddress))
    }

    @Sendable func apiCorrect(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws
        -> EditedResponse<AnnualReportDTO>
    {
        let input = try await request.decodeJSON(AnnualReportService.CorrectionInput.self, context: context)
        return EditedResponse(
            status: .created,
            response: AnnualReportDTO(
                try await service.correct(year: try year(context), input, identity: identity, address: context.remoteAddress)))
    }

    struct ImportBody: Decodable {
        var csv: String?
        var problems: String?
    }

    @Sendable func apiImport(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws
        -> EditedResponse<AnnualReportDTO>
    {
        let body = try await request.decodeJSON(ImportBody.self, context: context)
        guard let csv = body.csv, !csv.isEmpty else { throw DomainError.invalid("csv", "请在 csv 中给出年度报告数据（本平台导出的 CSV 格式）") }
        return EditedResponse(
            status: .created,
            response: AnnualReportDTO(
                try await service.importYear(
                    year: try year(context), csv: csv, problems: body.problems, identity: identity, address: context.remoteAddress)))
    }

    // MARK: Files

    enum FileFormat: String, CaseIterable {
        case html, pdf, docx, csv, json

        var contentType: String {
            switch self {
            case .html: "text/html; charset=utf-8"
            case .pdf: "application/pdf"
            case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .csv: "text/csv; charset=utf-8"
            case .json: "application/json; charset=utf-8"
            }
        }
    }

    static func content(_ v: AnnualReportService.View) -> AnnualReportHTML.Content {
        AnnualReportHTML.Content(agencyName: v.agency.name, year: v.report.year, report: v.report, figures: v.figures)
    }

    /// The bytes of a report in one format. A frozen report's PDF is printed once and kept.
    func bytes(_ v: AnnualReportService.View, _ format: FileFormat) async throws -> [UInt8] {
        let content = Self.content(v)
        switch format {
        case .html: return Array(AnnualReportHTML.document(content).utf8)
        case .csv: return AnnualReportCSV.table(v.figures).bytes()
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var dto = AnnualReportDTO(v)
            dto.drift = []
            return Array(try encoder.encode(dto))
        case .docx:
            do {
                return Array(try OfficeWriter.docx(Self.docxBlocks(content), landscape: false))
            } catch {
                throw APIFailure(.internalServerError, code: "docx_failed", message: error.message)
            }
        case .pdf:
            return try await AnnualReportService(env: env.services).pdf(v, html: { AnnualReportHTML.document(content) })
        }
    }

    static func docxBlocks(_ c: AnnualReportHTML.Content) -> [OfficeWriter.Block] {
        let f = c.figures
        func paragraphs(_ s: AnnualReport.Section) -> [OfficeWriter.Block] {
            [.heading(s.heading)]
                + c.report.text(s).components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map {
                    .paragraph($0)
                }
        }
        let n = AnnualReportHTML.number
        var blocks: [OfficeWriter.Block] = [.title(AnnualReportHTML.title(c))]
        blocks += paragraphs(.overview)
        blocks.append(.heading("二、主动公开政府信息情况"))
        for b in f.format.activeDisclosure {
            blocks.append(.paragraph(b.header))
            blocks.append(
                .table(
                    header: ["信息内容"] + b.columns.map(\.label),
                    rows: b.rows.map { r in [r.label] + b.columns.map { n(f.active["\(r.key).\($0.key)"]) } }))
        }
        blocks.append(.heading("三、收到和处理政府信息公开申请情况"))
        blocks.append(.paragraph("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"))
        let dto = AnnualReportDTO(
            agency: Agency(id: 0, parentID: nil, name: c.agencyName, creditCode: "", kind: .commission, contact: .init()), year: c.year,
            report: c.report, figures: f)
        blocks.append(
            .table(
                header: ["申请人情况"]
                    + dto.requests.columnLabels.map {
                        ApplicantType(rawValue: $0) == nil && $0 != "自然人" && $0 != "总计" ? "法人或其他组织：\($0)" : $0
                    },
                rows: dto.requests.rows.map { r in
                    [(r.group.map { $0 + " " } ?? "") + r.label] + dto.requests.columns.map { String(r.counts[$0] ?? 0) }
                }))
        blocks.append(.heading("四、政府信息公开行政复议、行政诉讼情况"))
        blocks.append(
            .table(
                header: ["类别"] + RequestAppeal.Result.allCases.map(\.label) + ["总计"],
                rows: dto.reviewLitigation.groups.map { g in [g.label] + dto.reviewLitigation.columns.map { String(g.counts[$0] ?? 0) } }))
        blocks += paragraphs(.problems)
        blocks += paragraphs(.other)
        if !c.report.corrections.isEmpty {
            blocks.append(.heading("更正说明"))
            for k in c.report.corrections {
                blocks.append(
                    .paragraph(
                        "\(k.on.chinese)，\(AnnualFigures.describe(k.cell, format: f.format))由 \(n(k.from)) 更正为 \(n(k.to))。原因：\(k.reason)"))
            }
        }
        if let d = c.report.digest { blocks.append(.paragraph("数据锁定摘要（SHA-256）：\(d)")) }
        return blocks
    }

    func respondFile(_ v: AnnualReportService.View, _ format: FileFormat, download: Bool) async throws -> Response {
        let data = try await bytes(v, format)
        var headers: HTTPFields = [.contentType: format.contentType, .init("X-Content-Type-Options")!: "nosniff"]
        let name = "annual-report-\(v.report.year)-\(v.agency.id).\(format.rawValue)"
        if download || format != .html { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        headers[.cacheControl] = v.report.state == .published ? "public, max-age=300" : "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func fileFormat(_ text: String?) throws -> FileFormat {
        guard let t = text, let f = FileFormat(rawValue: t) else {
            throw DomainError.invalid("format", "format 可选：" + FileFormat.allCases.map(\.rawValue).joined(separator: "、"))
        }
        return f
    }

    @Sendable func staffExport(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let agency = try await service.agency(request.uri.queryParameters["agency"].flatMap { Int64(String($0)) }, for: identity)
        let format = try Self.fileFormat(request.uri.queryParameters["format"].map(String.init))
        return try await respondFile(try await service.view(agency, year: try year(context)), format, download: true)
    }

    // MARK: Portal

    /// A published report of an agency (the site's own when no id is in the path), or 404.
    func published(_ request: Request, _ context: GongkaiRequestContext, agencyID: Int64?) async throws -> AnnualReportService.View {
        let stores = env.database.stores
        let agency: Agency? = if let agencyID { try await stores.agencies.find(id: agencyID) } else { try await env.portal(request).agency }
        guard let agency, let year = context.parameters.get("year", as: Int.self),
            let report = try await stores.annualReports.find(agencyID: agency.id, year: year), report.state == .published,
            let figures = report.snapshot
        else { throw DomainError.notFound("该年度报告") }
        return AnnualReportService.View(agency: agency, report: report, figures: figures, checks: figures.checks, drift: [], stored: true)
    }

    @Sendable func publicJSON(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let agencyID = request.uri.queryParameters["agency"].flatMap { Int64(String($0)) }
        let v = try await published(request, context, agencyID: agencyID)
        var response = try await respondFile(v, .json, download: false)
        response.headers[.contentDisposition] = nil
        return response
    }

    @Sendable func publicFile(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let file = context.parameters.get("file") ?? ""
        guard file.hasPrefix("report."), let format = FileFormat(rawValue: String(file.dropFirst("report.".count))) else {
            throw DomainError.notFound("该文件")
        }
        return try await respondFile(
            try await published(request, context, agencyID: context.parameters.get("id", as: Int64.self)), format, download: true)
    }

    @Sendable func publicPage(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let v = try await published(request, context, agencyID: context.parameters.get("id", as: Int64.self))
        return try await pages.respond(
            AnnualReportHTML.title(Self.content(v)), area: .portal, request: request, context: context, agency: v.agency
        ) { Self.page(v, chrome: $0) }
    }

    /// A published report on the portal, with its downloads; the PDF is printed by the server,
    /// so a static export links it there.
    static func page(_ v: AnnualReportService.View, chrome: PageChrome) -> Node<HTML.BodyContext> {
        func file(_ name: String) -> String { Routes.Portal.agencyAnnualReportFile.path(v.agency.id, v.report.year, name) }
        return .div(
            .raw(AnnualReportHTML.article(content(v))),
            .nav(
                .class("report-downloads"), .attribute(named: "aria-label", value: "下载"),
                .h2(.text("下载本报告")),
                .ul(
                    .li(.a(.href(file("report.docx")), .text("Word 文档（.docx）"))),
                    .li(.a(.href(attr(chrome.serverOrigin + file("report.pdf"))), .text("PDF 文档"))),
                    .li(.a(.href(file("report.csv")), .text("表格数据（.csv）"))),
                    .li(.a(.href(file("report.json")), .text("数据（.json）")))
                ),
                .p(.a(.href(Routes.Portal.annualReports.path()), .text("历年年度报告")))
            )
        )
    }

    static func index(_ reports: [AnnualReport], agencies: [Int64: Agency]) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("政府信息公开工作年度报告")),
            .p(.text("依据《中华人民共和国政府信息公开条例》第四十九条，各机关于每年1月31日前公布本机关上一年度的政府信息公开工作年度报告。")),
            reports.isEmpty
                ? .p(.class("empty"), .text("暂无已发布的年度报告。"))
                : .ul(
                    .class("report-list"),
                    .forEach(reports) { r in
                        let name = agencies[r.agencyID]?.name ?? ""
                        return .li(
                            .a(.href(Routes.Portal.agencyAnnualReport.path(r.agencyID, r.year)), .text("\(name)\(r.year)年政府信息公开工作年度报告")))
                    })
        )
    }

    @Sendable func publicIndex(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let stores = env.database.stores
        let scope = try await env.portal(request).scope
        let reports = try await stores.annualReports.published().filter { scope == nil || $0.agencyID == scope }
        let agencies = Dictionary(uniqueKeysWithValues: try await stores.agencies.all().map { ($0.id, $0) })
        return try await pages.respond("政府信息公开工作年度报告", area: .portal, request: request, context: context) { _ in
            Self.index(reports, agencies: agencies)
        }
    }

    /// Published reports for the static export and the sitemap: each with its figures.
    static func publishedViews(_ env: WebEnvironment) async throws -> [AnnualReportService.View] {
        let stores = env.database.stores
        let agencies = Dictionary(uniqueKeysWithValues: try await stores.agencies.all().map { ($0.id, $0) })
        return try await stores.annualReports.published().compactMap { r in
            guard let agency = agencies[r.agencyID], let f = r.snapshot else { return nil }
            return AnnualReportService.View(agency: agency, report: r, figures: f, checks: f.checks, drift: [], stored: true)
        }
    }
}
