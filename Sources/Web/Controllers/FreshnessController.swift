import Domain
import Hummingbird
import Plot
import Services
import Storage

/// Column freshness (栏目更新情况): each category and special column of the agency's portal
/// against the 栏目不更新 indicator, and whether the site would fail it.
struct FreshnessController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, Routes.Console.freshness, .roles(OversightController.readers), use: page)
        router.staff(.get, Routes.API.freshness, .roles(OversightController.readers), use: api)
    }

    /// The agency's columns with their published documents counted.
    func report(_ agency: Agency) async throws -> FreshnessReport {
        try await SelfCheckService(env: env.services).freshness(agency)
    }

    struct Body: ResponseEncodable {
        struct Column: Encodable {
            var code: String
            var name: String
            var kind: String
            var documents: Int
            var lastPublished: CivilDate?
            var dueBy: CivilDate?
            var state: String
        }
        var passes: Bool
        var failures: [String]
        var columns: [Column]
    }

    @Sendable func api(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Body {
        let r = try await report(identity.agency)
        return Body(
            passes: r.failures.isEmpty, failures: r.failures,
            columns: r.columns.map {
                .init(
                    code: $0.code, name: $0.name, kind: $0.kind.rawValue, documents: $0.documents, lastPublished: $0.lastPublished,
                    dueBy: $0.dueBy,
                    state: $0.state.rawValue)
            })
    }

    @Sendable func page(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let r = try await report(identity.agency)
        let order: [ColumnFreshness.State] = [.stale, .long, .empty, .fresh]
        let rows = r.columns.sorted { (order.firstIndex(of: $0.state)!, $0.code) < (order.firstIndex(of: $1.state)!, $1.code) }
        let content: Node<HTML.BodyContext> = .div(
            .h1(.text("栏目更新情况")),
            Fragments.oversightNav(current: Routes.Console.freshness.path()),
            .p(
                .text(
                    "按政府网站检查指标（栏目不更新）检查本机关门户的各分类和专栏：动态、要闻类 \(r.rules.dynamicDays) 天内须更新，通知公告、政策文件类 \(r.rules.noticeMonths) 个月内须更新；"
                        + "其他栏目 \(r.rules.regularMonths) 个月未更新视为长期未更新。栏目类型在“目录与审核设置”中设定。")),
            r.failures.isEmpty
                ? .p(.class("alert alert-success"), .text("按当前数据，本网站不触及“栏目不更新”单项否决指标。"))
                : .div(.class("alert alert-error"), .p(.text("按当前数据，本网站将被判为不合格：")), .ul(.forEach(r.failures) { .li(.text($0)) })),
            .p(.text("超期未更新 \(r.count(.stale)) 个，长期未更新 \(r.count(.long)) 个，空白栏目 \(r.count(.empty)) 个，按时更新 \(r.count(.fresh)) 个。")),
            .div(
                .class("table-wrap"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                .attribute(named: "aria-label", value: "表格，可左右滚动"),
                .table(
                    .thead(
                        .tr(
                            .th(.text("栏目")), .th(.text("类型")), .th(.text("信息数")), .th(.text("最近发布")), .th(.text("应更新日期")), .th(.text("状态"))
                        )),
                    .tbody(
                        .forEach(rows) { c in
                            .tr(
                                .class(c.state == .fresh ? "" : "overdue"), .td(.text(c.name)), .td(.text(c.kind.label)),
                                .td(.text(String(c.documents))),
                                .td(.text(c.lastPublished?.description ?? "—")), .td(.text(c.dueBy?.description ?? "—")),
                                .td(.text(c.state.label)))
                        })
                ))
        )
        return try await pages.respond("栏目更新情况", area: .console, request: request, context: context) { _ in content }
    }
}
