import Domain
import Foundation
import Hummingbird
import Plot
import Services
import Storage

/// 我为政府网站找错: the form linked from every portal page (with the page's address), its JSON
/// twin, and handling, monthly figures and import in the console and API.
struct SiteErrorsController {
    let env: WebEnvironment
    let pages: PageRenderer
    var limiter: AttemptLimiter { env.limits.siteErrors }

    var service: SiteErrorService { SiteErrorService(env: env.services) }

    func register(on router: Router<GongkaiRequestContext>) {
        router.get(Routes.Portal.newSiteError, use: formPage)
        router.post(Routes.Portal.siteErrors, use: submitForm)
        router.get(Routes.Portal.siteErrorReceipt, use: receiptPage)
        router.post(Routes.API.publicSiteErrors) { request, context -> EditedResponse<ReportDTO> in
            guard limiter.allow(context.remoteAddress, now: env.clock()) else { throw APIFailure.tooMany("提交过于频繁，请一小时后再试") }
            let input = try await request.decodeJSON(SiteErrorService.Input.self, context: context)
            return EditedResponse(
                status: .created,
                response: ReportDTO(
                    try await service.submit(input, site: try await env.portal(request), address: context.remoteAddress), today: env.today))
        }
        let office = Access.roles(SiteErrorService.office)
        router.staff(.get, Routes.API.siteErrors, office) { request, _, identity in
            let year = request.uri.queryParameters["year"].flatMap { Int(String($0)) } ?? env.today.year
            let all = try await env.database.stores.siteErrors.list(agencyID: identity.agency.id)
            return ReportList(
                items: all.filter { $0.receivedOn.year == year }.map { ReportDTO($0, today: env.today) },
                months: SiteErrorReport.monthly(all, year: year, today: env.today).map(MonthDTO.init))
        }
        router.staff(.post, Routes.API.siteErrorResolve, office) { request, context, identity in
            let body = try await request.decodeJSON(SiteErrorService.Resolution.self, context: context)
            return ReportDTO(
                try await service.resolve(try id(context), body, identity: identity, address: context.remoteAddress), today: env.today)
        }
        router.staff(.post, Routes.API.importSiteErrors, office) { request, context, identity in
            let buffer = try await request.body.collect(upTo: env.settings.bodyLimit)
            let imported = try await service.importCSV(String(buffer: buffer), identity: identity, address: context.remoteAddress)
            return ImportDTO(added: imported.added, skipped: imported.skipped)
        }
        router.staff(.get, Routes.Console.siteErrors, office) { request, context, identity in
            try await render(identity, request, context)
        }
        router.staff(.post, Routes.Console.siteErrorResolve, office) { request, context, identity in
            let form = try await FormBody.read(request, context: context)
            try CSRF.verify(form, request: request, context: context)
            do {
                let r = try await service.resolve(
                    try id(context), .init(status: form["status"], note: form.raw("note")), identity: identity,
                    address: context.remoteAddress)
                return try await render(identity, request, context, message: "报告 #\(r.id) \(r.status.label)。")
            } catch let e as DomainError where e.code == "invalid" || e.code == "conflict" {
                return try await render(
                    identity, request, context, message: e.message, failed: true,
                    status: e.code == "conflict" ? .conflict : .unprocessableContent)
            }
        }
        router.staff(.post, Routes.Console.importSiteErrors, office) { request, context, identity in
            let form = try await FormBody.read(request, context: context)
            try CSRF.verify(form, request: request, context: context)
            do {
                guard let file = form.files["file"], !file.data.isEmpty else { throw DomainError.invalid("file", "请选择 CSV 文件") }
                let r = try await service.importCSV(
                    String(decoding: file.data, as: UTF8.self), identity: identity, address: context.remoteAddress)
                return try await render(identity, request, context, message: "已导入 \(r.added) 条，跳过已导入的 \(r.skipped) 条。")
            } catch let e as DomainError where e.code == "invalid" {
                return try await render(identity, request, context, message: e.message, failed: true, status: .unprocessableContent)
            }
        }
    }

    func id(_ context: GongkaiRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该报告") }
        return id
    }

    struct ReportDTO: ResponseEncodable, Sendable {
        var id: Int64
        var source: SiteErrorReport.Source
        var externalId: String?
        var pageUrl: String
        var category: SiteErrorReport.Category
        var description: String
        var receivedOn: CivilDate
        var dueOn: CivilDate
        var status: SiteErrorReport.Status
        var overdue: Bool
        var resolution: String
        var resolvedOn: CivilDate?

        init(_ r: SiteErrorReport, today: CivilDate) {
            id = r.id
            source = r.source
            externalId = r.externalID
            pageUrl = r.pageURL
            category = r.category
            description = r.description
            receivedOn = r.receivedOn
            dueOn = r.dueOn
            status = r.status
            overdue = r.isOverdue(today: today)
            resolution = r.resolution
            resolvedOn = r.resolvedOn
        }
    }

    struct MonthDTO: Encodable, Sendable {
        var month: String
        var received: Int
        var handled: Int
        var handledInTime: Int
        var overdueOpen: Int
        var byCategory: [String: Int]

        init(_ m: SiteErrorReport.Month) {
            month = m.month
            received = m.received
            handled = m.handled
            handledInTime = m.handledInTime
            overdueOpen = m.overdueOpen
            byCategory = Dictionary(uniqueKeysWithValues: m.byCategory.map { ($0.key.rawValue, $0.value) })
        }
    }

    struct ReportList: ResponseEncodable, Sendable {
        var items: [ReportDTO]
        var months: [MonthDTO]
    }

    struct ImportDTO: ResponseEncodable, Sendable {
        var added: Int
        var skipped: Int
    }

    // MARK: Pages

    @Sendable func formPage(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let page = String((request.uri.queryParameters["page"].map(String.init) ?? "").prefix(500))
        return try await pages.respond("我为网站找错", area: .portal, request: request, context: context, anonymousForm: true) {
            SiteErrorFormPage(values: ["pageUrl": page]).content($0)
        }
    }

    /// The receipt after a report (Post/Redirect/Get): its number and the date it will be dealt with by.
    @Sendable func receiptPage(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        guard let id = PostRedirect.value(request).flatMap({ Int64($0) }), let r = try await env.database.stores.siteErrors.find(id: id)
        else {
            return Response.redirect(to: Routes.Portal.newSiteError.path(), type: .normal)
        }
        var response = try await pages.respond("感谢您的报告", area: .portal, request: request, context: context) { _ in
            .div(
                .h1(.text("感谢您的报告")),
                .p(.class("alert alert-success"), .text("报告编号 \(r.id)。我们将于\(r.dueOn.chinese)前核实处理。")),
                .p(.a(.href(attr(r.pageURL.hasPrefix("/") ? r.pageURL : Routes.Portal.home.path())), .text("返回原页面"))))
        }
        response.headers[.cacheControl] = "no-store"
        return response
    }

    @Sendable func submitForm(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let values = [
            "pageUrl": form["pageUrl"], "category": form["category"], "description": form.raw("description"), "contact": form["contact"],
        ]
        func again(_ errors: [String: String], _ message: String?, status: HTTPResponse.Status) async throws -> Response {
            try await pages.respond("我为网站找错", area: .portal, request: request, context: context, status: status, anonymousForm: true) {
                SiteErrorFormPage(values: values, errors: errors, message: message).content($0)
            }
        }
        guard form["website"].isEmpty else { return try await again([:], "提交未被受理，请刷新页面后重试", status: .unprocessableContent) }
        guard limiter.allow(context.remoteAddress, now: env.clock()) else {
            return try await again([:], "提交过于频繁，请一小时后再试", status: .init(code: 429, reasonPhrase: "Too Many Requests"))
        }
        do {
            let r = try await service.submit(
                .init(
                    pageUrl: values["pageUrl"], category: values["category"], description: values["description"], contact: values["contact"]
                ), site: try await env.portal(request),
                address: context.remoteAddress)
            return PostRedirect.receipt(to: Routes.Portal.siteErrorReceipt.path(), carrying: String(r.id), secure: context.isSecure)
        } catch DomainError.invalid(let field, let message) {
            return try await again([field: message], nil, status: .unprocessableContent)
        }
    }

    func render(
        _ identity: StaffIdentity, _ request: Request, _ context: GongkaiRequestContext, message: String? = nil, failed: Bool = false,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let year = request.uri.queryParameters["year"].flatMap { Int(String($0)) } ?? env.today.year
        let all = try await env.database.stores.siteErrors.list(agencyID: identity.agency.id)
        let page = SiteErrorConsolePage(
            reports: all.filter { $0.receivedOn.year == year }, months: SiteErrorReport.monthly(all, year: year, today: env.today),
            year: year,
            today: env.today, message: message, failed: failed)
        return try await pages.respond("网站找错", area: .console, request: request, context: context, status: status) { page.content($0) }
    }
}
