import Domain
import Hummingbird
import Plot
import Services
import Storage

/// 单项否决自查: the single-veto items of the website inspection for the agency's own site and
/// for each unit below it, with the rule, what was found and what breaks it.
struct SelfCheckController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, Routes.Console.selfCheck, .roles(OversightController.readers), use: page)
        router.staff(.get, Routes.API.selfCheck, .roles(OversightController.readers), use: api)
    }

    struct Body: ResponseEncodable {
        struct Item: Encodable {
            var code: String
            var title: String
            var rule: String
            var outcome: SingleVetoCheck.Outcome
            var finding: String
            var offenders: [String]
        }
        struct Site: Encodable {
            var agencyId: Int64
            var agency: String
            var passes: Bool
            var items: [Item]
        }
        var sites: [Site]
    }

    /// The agency and the units below it, each with its check.
    func checks(_ identity: StaffIdentity) async throws -> [(Agency, SingleVetoCheck)] {
        let service = SelfCheckService(env: env.services)
        let units = try await env.database.stores.agencies.all().filter { $0.parentID == identity.agency.id }
        var out: [(Agency, SingleVetoCheck)] = []
        for agency in [identity.agency] + units { out.append((agency, try await service.check(agency))) }
        return out
    }

    @Sendable func api(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Body {
        Body(
            sites: try await checks(identity).map { agency, check in
                .init(
                    agencyId: agency.id, agency: agency.name, passes: check.passes,
                    items: check.items.map {
                        .init(
                            code: $0.code, title: $0.title, rule: $0.rule, outcome: $0.outcome, finding: $0.finding, offenders: $0.offenders
                        )
                    })
            })
    }

    @Sendable func page(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let all = try await checks(identity)
        let content: Node<HTML.BodyContext> = .div(
            .h1(.text("单项否决自查")),
            Fragments.oversightNav(current: Routes.Console.selfCheck.path()),
            .p(
                .text(
                    "按《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）的单项否决指标，用本平台的数据自查本机关和所属单位的网站。"
                        + "触及任何一项，网站即被判为不合格。站点能否访问取自最近一次链接检查。")),
            .forEach(all) { agency, check in
                .section(
                    .attribute(named: "aria-labelledby", value: "site-\(agency.id)"),
                    .h2(.id("site-\(agency.id)"), .text(agency.name)),
                    check.passes
                        ? .p(.class("alert alert-success"), .text("按当前数据，未触及单项否决指标。"))
                        : .p(
                            .class("alert alert-error"),
                            .text("按当前数据，触及 \(check.failed.count) 项单项否决指标：" + check.failed.map(\.title).joined(separator: "、"))),
                    .table(
                        .class("stack"),
                        .caption(.text("\(agency.name) 单项否决指标")),
                        .thead(.tr(.th(.text("指标")), .th(.text("规则")), .th(.text("结果")), .th(.text("情况")), .th(.text("涉及")))),
                        .tbody(
                            .forEach(check.items) { item in
                                .tr(
                                    .class(item.outcome == .fail ? "overdue" : ""),
                                    .td(.label("指标"), .text(item.title)), .td(.label("规则"), .text(item.rule)),
                                    .td(.label("结果"), .text(item.outcome.label)), .td(.label("情况"), .text(item.finding)),
                                    .td(
                                        .label("涉及"),
                                        item.offenders.isEmpty
                                            ? .text("—") : .ul(.forEach(item.offenders) { .li(.text($0)) })))
                            })))
            })
        return try await pages.respond("单项否决自查", area: .console, request: request, context: context) { _ in content }
    }
}
