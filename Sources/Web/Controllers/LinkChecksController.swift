import Domain
import Foundation
import Hummingbird
import Logging
import Plot
import Reports
import Services
import Storage

/// The link checker (网站健康): the disclosure office starts a check of its portal; it runs in
/// the background and the last run's broken links are listed page by page, each page with the
/// department that owns it.
struct LinkChecksController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer
    static let readers: Set<Role> = [.officeAdmin, .leader]

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.post, Routes.API.linkChecks, .roles([.officeAdmin]), use: apiStart)
        router.staff(.get, Routes.API.linkChecksLatest, .roles(Self.readers), use: apiLatest)
        router.staff(.get, Routes.Console.links, .roles(Self.readers), use: page)
        router.staff(.post, Routes.Console.links, .roles([.officeAdmin]), use: formStart)
    }

    typealias Finding = LinkCheckService.Finding
    typealias Page = LinkCheckService.Page

    struct RunBody: ResponseEncodable {
        var id: Int64
        var origin: String
        var startedAt: String
        var finishedAt: String?
        var running: Bool
        var pagesRead: Int?
        var linksChecked: Int?
        var truncated: Bool?
        var broken: [Finding]?
        var notChecked: [Finding]?
    }

    static func body(_ run: LinkCheckRun) -> RunBody {
        let stored = LinkCheckService.report(of: run)
        return RunBody(
            id: run.id, origin: run.origin, startedAt: AuditExport.beijingTime(run.startedAtMillis),
            finishedAt: run.finishedAtMillis.map { AuditExport.beijingTime($0) }, running: run.finishedAtMillis == nil,
            pagesRead: stored?.pagesRead, linksChecked: stored?.linksChecked, truncated: stored?.truncated, broken: stored?.broken,
            notChecked: stored?.notChecked)
    }

    /// The address to crawl: the one asked for, the configured one, the agency's own host, or
    /// the address this request came to.
    func origin(_ asked: String?, _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity) throws -> WebAddress {
        let text =
            asked.flatMap { $0.isEmpty ? nil : $0 } ?? env.rules.linkCheck.origin ?? identity.agency.site.host.map { "https://\($0)" }
            ?? FeedsController.origin(request, context)
        guard let a = WebAddress(text), a.target == "/" || a.target.isEmpty else {
            throw DomainError.invalid("origin", "网站地址应为 http:// 或 https:// 开头的站点地址，如 https://wjw.example.gov.cn")
        }
        return a
    }

    func start(_ origin: WebAddress, _ identity: StaffIdentity, address: String) async throws -> LinkCheckRun {
        try await LinkCheckService(env: env.services).start(origin, by: identity, address: address)
    }

    struct StartInput: Decodable {
        var origin: String?
    }

    @Sendable func apiStart(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> EditedResponse<
        RunBody
    > {
        let input = try await request.decodeJSON(StartInput.self, context: context)
        let run = try await start(try origin(input.origin, request, context, identity), identity, address: context.remoteAddress)
        return EditedResponse(status: .accepted, response: Self.body(run))
    }

    @Sendable func apiLatest(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> RunBody {
        guard let run = try await LinkCheckService(env: env.services).latest(agencyID: identity.agency.id) else {
            throw DomainError.notFound("检查记录（尚未检查过）")
        }
        return Self.body(run)
    }

    func render(
        _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity, origin: String = "", error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let run = try await LinkCheckService(env: env.services).latest(agencyID: identity.agency.id)
        let view = LinkCheckPage(
            run: run.map(Self.body), mayStart: identity.holds(anyOf: [.officeAdmin]), origin: origin, error: error)
        return try await pages.respond("链接检查", area: .console, request: request, context: context, status: status) { view.content($0) }
    }

    @Sendable func page(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await render(request, context, identity)
    }

    @Sendable func formStart(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        do {
            _ = try await start(try origin(form["origin"], request, context, identity), identity, address: context.remoteAddress)
            return .redirect(to: Routes.Console.links.path(), type: .normal)
        } catch let error as DomainError {
            return try await render(
                request, context, identity, origin: form["origin"], error: error.message,
                status: error.field == nil ? .conflict : .unprocessableContent)
        }
    }
}

/// The last run and its broken links, by page.
struct LinkCheckPage {
    var run: LinksRun?
    var mayStart: Bool
    var origin: String
    var error: String?
    typealias LinksRun = LinkChecksController.RunBody

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("链接检查")),
            Fragments.oversightNav(current: Routes.Console.links.path()),
            .p(.text("从首页和网站地图出发读取本机关门户的全部页面，逐一检查页面上的链接（站内页面、附件和外部网站），列出打不开的链接及所在页面的责任科室。")),
            Fragments.alert(error),
            .if(
                mayStart,
                .form(
                    .method(.post), .action(Routes.Console.links.path()), .class("filters"),
                    .div(
                        .class("filter-row"),
                        Fragments.csrfField(chrome.csrf),
                        Fragments.textField(
                            "网站地址", name: "origin", value: origin, hint: "留空则检查本机关的网站", required: false),
                        .button(.type(.submit), .text("开始检查"))
                    )
                )),
            run.map(summary) ?? .p(.class("empty"), .text("尚未检查过。"))
        )
    }

    func summary(_ run: LinksRun) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text(run.running ? "检查进行中" : "最近一次检查")),
            .p(
                .text(
                    "\(run.origin)，\(run.startedAt) 开始" + (run.finishedAt.map { "，\($0) 完成" } ?? "（请稍后刷新本页）")
                        + (run.pagesRead.map { "；读取页面 \($0) 个，检查链接 \(run.linksChecked ?? 0) 个，打不开 \(run.broken?.count ?? 0) 个。" } ?? "")
                        + (run.truncated == true ? "页面数达到上限，部分页面未检查。" : ""))),
            .unwrap(run.broken) { broken in
                broken.isEmpty
                    ? .p(.class("alert alert-success"), .text("没有发现打不开的链接。"))
                    : .div(
                        .class("table-wrap"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                        .attribute(named: "aria-label", value: "表格，可左右滚动"),
                        .table(
                            .class("broken-links"),
                            .thead(.tr(.th(.text("所在页面")), .th(.text("责任科室")), .th(.text("链接")), .th(.text("问题")))),
                            .tbody(
                                .forEach(rows(broken)) { row in
                                    .tr(
                                        .td(.a(.href(attr(row.page.path)), .text(row.page.title))), .td(.text(row.page.owner)),
                                        .td(.class("url"), .text(row.url)), .td(.text(row.problem)))
                                })
                        ))
            },
            .unwrap(run.notChecked) { list in
                .if(
                    !list.isEmpty,
                    .div(
                        .h3(.text("未检查的内网地址（\(list.count) 个）")),
                        .ul(.forEach(list) { f in .li(.text(f.url + "（" + f.pages.map(\.title).joined(separator: "、") + "）")) })
                    ))
            }
        )
    }

    struct Row {
        var page: LinkChecksController.Page
        var url: String
        var problem: String
    }

    /// One row per page and link, pages in order, so each department finds its own.
    func rows(_ broken: [LinkChecksController.Finding]) -> [Row] {
        var out: [Row] = []
        for f in broken {
            let pages = f.pages.isEmpty ? [LinkChecksController.Page(path: f.url, title: f.url, owner: "网站栏目（政务公开办公室）")] : f.pages
            for p in pages { out.append(Row(page: p, url: f.url, problem: f.problem)) }
        }
        return out.sorted { ($0.page.owner, $0.page.path, $0.url) < ($1.page.owner, $1.page.path, $1.url) }
    }
}
