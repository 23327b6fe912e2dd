import Domain
import Foundation
import Hummingbird
import Services
import Storage

extension AnnualReportsController {
    /// The console form's fields: the three texts, table 二's entries by cell key, and one
    /// optional adjustment of any other cell (`adjustCell`, `adjustValue`).
    static func edit(from form: FormBody) throws -> AnnualReportService.Edit {
        var edit = AnnualReportService.Edit(narrative: [:], entries: [:])
        let values = form.firstValues
        for s in AnnualReport.Section.allCases where values[s.rawValue] != nil { edit.narrative?[s.rawValue] = form.raw(s.rawValue) }
        func number(_ name: String, _ text: String) throws -> Double? {
            let t = text.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return nil }
            guard let v = Double(t) else { throw DomainError.invalid(name, "“\(t)”不是数字") }
            return v
        }
        for (name, text) in values where name.hasPrefix("t2.") || name.hasPrefix("t3.") || name.hasPrefix("t4.") {
            edit.entries?[name] = .some(try number(name, text))
        }
        let cell = form["adjustCell"]
        if !cell.isEmpty, let v = try number("adjustValue", form["adjustValue"]) { edit.entries?[cell] = v }
        return edit
    }

    @Sendable func consoleList(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await renderList(identity, request, context)
    }

    func renderList(
        _ identity: StaffIdentity, _ request: Request, _ context: GongkaiRequestContext, message: String? = nil, failed: Bool = false,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = AnnualReportListPage(
            reports: try await env.database.stores.annualReports.list(agencyID: identity.agency.id),
            units: try await service.units(below: identity.agency), reminder: try await service.reminder(for: identity)?.text,
            canEdit: identity.holds(anyOf: Self.office), lastYear: env.today.year - 1, message: message, failed: failed)
        return try await pages.respond("年度报告", area: .console, request: request, context: context, status: status) { page.content($0) }
    }

    @Sendable func consoleImport(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        do {
            guard let year = Int(form["year"]) else { throw DomainError.invalid("year", "请填写年度") }
            guard let file = form.files["file"], !file.data.isEmpty else { throw DomainError.invalid("file", "请选择 CSV 文件") }
            let text = String(decoding: file.data, as: UTF8.self)
            let v = try await service.importYear(
                year: year, csv: text, problems: form.raw("problems"), identity: identity, address: context.remoteAddress)
            return try await renderList(identity, request, context, message: "已导入\(year)年度数据（\(v.figures.format.label)）。")
        } catch let e as DomainError {
            return try await renderList(
                identity, request, context, message: e.message, failed: true,
                status: e.code == "conflict" ? .conflict : .unprocessableContent)
        }
    }

    @Sendable func consoleShow(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await render(try year(context), identity, request, context)
    }

    func render(
        _ year: Int, _ identity: StaffIdentity, _ request: Request, _ context: GongkaiRequestContext, message: String? = nil,
        errors: [String: String] = [:], values: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let agencyID = request.uri.queryParameters["agency"].flatMap { Int64(String($0)) }
        let agency = try await service.agency(agencyID, for: identity)
        let rollup = request.uri.queryParameters["rollup"] == "true"
        let page = AnnualReportConsolePage(
            view: try await service.view(agency, year: year), rollup: rollup ? try await service.rollup(agency, year: year) : nil,
            canEdit: identity.holds(anyOf: Self.office) && agency.id == identity.agency.id, yearOver: year < env.today.year,
            message: message, errors: errors, values: values)
        return try await pages.respond("\(year)年度报告", area: .console, request: request, context: context, status: status) {
            page.content($0)
        }
    }

    /// Runs a console form's action and shows the report again, with the problem marked when it fails.
    func act(
        _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity, _ run: (Int, FormBody) async throws -> String
    ) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let year = try year(context)
        do {
            return try await render(year, identity, request, context, message: try await run(year, form))
        } catch DomainError.invalid(let field, let message) {
            return try await render(
                year, identity, request, context, message: message, errors: [field: message, "_": message], values: form.firstValues,
                status: .unprocessableContent)
        } catch DomainError.conflict(let message) {
            return try await render(year, identity, request, context, message: message, errors: ["_": message], status: .conflict)
        } catch let failure as ServiceFailure where failure.kind == .unprocessable {
            return try await render(
                year, identity, request, context, message: failure.message, errors: ["_": failure.message], values: form.firstValues,
                status: .unprocessableContent)
        }
    }
}
