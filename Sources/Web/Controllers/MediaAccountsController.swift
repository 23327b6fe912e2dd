import Domain
import Hummingbird
import Plot
import Services
import Storage

/// The new-media registry (政务新媒体): accounts with their filings for opening, change,
/// suspension and closure (filed by the office or a drafter, decided by a leader), their update
/// records, and the accounts idle too long. An agency sees its units' accounts read-only.
struct MediaAccountsController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer
    static let filers: Set<Role> = [.officeAdmin, .drafter]
    static let deciders: Set<Role> = [.leader]
    static let readers: Set<Role> = [.officeAdmin, .drafter, .leader]

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, Routes.API.mediaAccounts, .roles(Self.readers), use: apiList)
        router.staff(.post, Routes.API.mediaAccounts, .roles(Self.filers), use: apiOpen)
        router.staff(.post, Routes.API.mediaAccountFilings, .roles(Self.filers), use: apiFile)
        router.staff(.post, Routes.API.mediaAccountDecision, .roles(Self.deciders), use: apiDecide)
        router.staff(.post, Routes.API.mediaAccountUpdates, .roles(Self.filers), use: apiUpdate)
        router.staff(.get, Routes.Console.media, .roles(Self.readers), use: listPage)
        router.staff(.post, Routes.Console.media, .roles(Self.filers), use: openForm)
        router.staff(.get, Routes.Console.mediaAccount, .roles(Self.readers), use: detailPage)
        router.staff(.post, Routes.Console.mediaFilings, .roles(Self.filers), use: fileForm)
        router.staff(.post, Routes.Console.mediaDecision, .roles(Self.deciders), use: decideForm)
        router.staff(.post, Routes.Console.mediaUpdates, .roles(Self.filers), use: updateForm)
        router.get(Routes.Portal.media, use: publicList)
    }

    var service: MediaAccountService { MediaAccountService(env: env.services) }
    typealias Opening = MediaAccountService.Opening
    typealias FilingInput = MediaAccountService.FilingInput
    typealias DecisionInput = MediaAccountService.DecisionInput
    typealias UpdateInput = MediaAccountService.UpdateInput

    func account(_ id: Int64?, _ identity: StaffIdentity) async throws -> MediaAccount { try await service.account(id, identity) }
    func open(_ input: Opening, _ identity: StaffIdentity, _ address: String) async throws -> MediaAccount {
        try await service.open(input, identity, address)
    }
    func file(_ id: Int64?, _ input: FilingInput, _ identity: StaffIdentity, _ address: String) async throws -> MediaAccount {
        try await service.file(id, input, identity, address)
    }
    func decide(_ id: Int64?, _ input: DecisionInput, _ identity: StaffIdentity, _ address: String) async throws -> MediaAccount {
        try await service.decide(id, input, identity, address)
    }
    func record(_ id: Int64?, _ input: UpdateInput, _ identity: StaffIdentity, _ address: String) async throws -> MediaAccount {
        try await service.record(id, input, identity, address)
    }

    // MARK: JSON

    struct DTO: ResponseEncodable {
        var id: Int64
        var agencyId: Int64
        var platform: String
        var name: String
        var handle: String
        var sponsor: String
        var operatorName: String
        var status: String
        var lastUpdatedOn: CivilDate?
        var averagePostsPerMonth: Double?
        var idle: Bool
        var pendingFiling: String?
        var filings: [MediaAccount.Filing]
    }

    func dto(_ a: MediaAccount) -> DTO {
        DTO(
            id: a.id, agencyId: a.agencyID, platform: a.details.platform.rawValue, name: a.details.name, handle: a.details.handle,
            sponsor: a.details.sponsor, operatorName: a.details.operatorName, status: a.status.rawValue, lastUpdatedOn: a.lastUpdatedOn,
            averagePostsPerMonth: a.averagePostsPerMonth, idle: a.isIdle(today: env.today, idleDays: env.rules.mediaIdleDays),
            pendingFiling: a.pending?.kind.rawValue, filings: a.filings)
    }

    struct ListDTO: ResponseEncodable {
        var idleDays: Int
        var items: [DTO]
    }

    /// The agency's accounts and its units'.
    func visible(_ identity: StaffIdentity) async throws -> [(MediaAccount, Agency)] {
        let units = try await ComplianceService(env: env.services).units(under: identity.agency)
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) })
        return try await env.database.stores.mediaAccounts.list(agencyIDs: units.map(\.id)).compactMap { a in
            byID[a.agencyID].map { (a, $0) }
        }
    }

    @Sendable func apiList(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> ListDTO {
        ListDTO(idleDays: env.rules.mediaIdleDays, items: try await visible(identity).map { dto($0.0) })
    }

    @Sendable func apiOpen(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> EditedResponse<DTO>
    {
        let input = try await request.decodeJSON(Opening.self, context: context)
        return EditedResponse(status: .created, response: dto(try await open(input, identity, context.remoteAddress)))
    }

    @Sendable func apiFile(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> EditedResponse<DTO>
    {
        let input = try await request.decodeJSON(FilingInput.self, context: context)
        let a = try await file(context.parameters.get("id", as: Int64.self), input, identity, context.remoteAddress)
        return EditedResponse(status: .created, response: dto(a))
    }

    @Sendable func apiDecide(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> DTO {
        let input = try await request.decodeJSON(DecisionInput.self, context: context)
        return dto(try await decide(context.parameters.get("id", as: Int64.self), input, identity, context.remoteAddress))
    }

    @Sendable func apiUpdate(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> DTO {
        let input = try await request.decodeJSON(UpdateInput.self, context: context)
        return dto(try await record(context.parameters.get("id", as: Int64.self), input, identity, context.remoteAddress))
    }

    // MARK: Console

    func renderList(
        _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity, values: [String: String] = [:],
        errors: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let view = MediaListPage(
            rows: try await visible(identity), today: env.today, idleDays: env.rules.mediaIdleDays, own: identity.agency.id,
            mayFile: identity.holds(anyOf: Self.filers), values: values, errors: errors)
        return try await pages.respond("政务新媒体", area: .console, request: request, context: context, status: status) { view.content($0) }
    }

    @Sendable func listPage(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await renderList(request, context, identity)
    }

    @Sendable func openForm(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        var values: [String: String] = [:]
        for f in ["platform", "name", "handle", "sponsor", "operatorName", "contact", "reason"] { values[f] = form[f] }
        do {
            let a = try await open(
                Opening(
                    platform: form["platform"], name: form["name"], handle: form["handle"], sponsor: form["sponsor"],
                    operatorName: form["operatorName"], contact: form["contact"], reason: form["reason"]), identity, context.remoteAddress)
            return .redirect(to: Routes.Console.mediaAccount.path(a.id), type: .normal)
        } catch let error as DomainError where error.field != nil {
            return try await renderList(
                request, context, identity, values: values, errors: [error.field!: error.message], status: .unprocessableContent)
        }
    }

    func renderDetail(
        _ a: MediaAccount, _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity, message: String? = nil,
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let view = MediaDetailPage(
            account: a, idle: a.isIdle(today: env.today, idleDays: env.rules.mediaIdleDays), mayFile: identity.holds(anyOf: Self.filers),
            mayDecide: identity.holds(anyOf: Self.deciders), message: message, error: error)
        return try await pages.respond(a.details.name, area: .console, request: request, context: context, status: status) {
            view.content($0)
        }
    }

    @Sendable func detailPage(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await renderDetail(try await account(context.parameters.get("id", as: Int64.self), identity), request, context, identity)
    }

    /// Runs a console step and shows the account again, with the outcome or the problem.
    func step(
        _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity, done: String,
        _ body: @Sendable (FormBody) async throws -> MediaAccount
    ) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let id = context.parameters.get("id", as: Int64.self)
        do {
            return try await renderDetail(try await body(form), request, context, identity, message: done)
        } catch let error as DomainError where error.field != nil || error.code == "conflict" {
            return try await renderDetail(
                try await account(id, identity), request, context, identity, error: error.message,
                status: error.code == "conflict" ? .conflict : .unprocessableContent)
        }
    }

    @Sendable func fileForm(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let id = context.parameters.get("id", as: Int64.self)
        return try await step(request, context, identity, done: "已提交备案，等待领导审批。") { form in
            let details: Opening? =
                form["kind"] == "change"
                ? Opening(
                    platform: form["platform"], name: form["name"], handle: form["handle"], sponsor: form["sponsor"],
                    operatorName: form["operatorName"], contact: form["contact"], reason: nil) : nil
            return try await file(
                id, FilingInput(kind: form["kind"], reason: form["reason"], details: details), identity, context.remoteAddress)
        }
    }

    @Sendable func decideForm(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let id = context.parameters.get("id", as: Int64.self)
        return try await step(request, context, identity, done: "已审批。") { form in
            try await decide(id, DecisionInput(approve: form["approve"] == "1", comment: form["comment"]), identity, context.remoteAddress)
        }
    }

    @Sendable func updateForm(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let id = context.parameters.get("id", as: Int64.self)
        return try await step(request, context, identity, done: "已记录更新情况。") { form in
            try await record(
                id,
                UpdateInput(
                    lastPost: form["lastPost"], month: form["month"], posts: form["posts"].isEmpty ? nil : Int(form["posts"]) ?? -1),
                identity, context.remoteAddress)
        }
    }

    // MARK: Portal

    /// 政务新媒体矩阵: the site's active accounts, for the public.
    @Sendable func publicList(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let site = try await env.portal(request)
        let agencies = try await env.database.stores.agencies.all()
        let ids = site.scope.map { [$0] } ?? agencies.map(\.id)
        let names = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id, $0.name) })
        let active = try await env.database.stores.mediaAccounts.list(agencyIDs: ids).filter { $0.status == .active }
        let content: Node<HTML.BodyContext> = .div(
            .h1(.text("政务新媒体")),
            active.isEmpty
                ? .p(.class("empty"), .text("暂无登记的政务新媒体账号。"))
                : .div(
                    .class("table-wrap"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                    .attribute(named: "aria-label", value: "表格，可左右滚动"),
                    .table(
                        .thead(.tr(.th(.text("平台")), .th(.text("账号名称")), .th(.text("账号")), .th(.text("主办单位")))),
                        .tbody(
                            .forEach(active) { a in
                                .tr(
                                    .td(.text(a.details.platform.label)), .td(.text(a.details.name)), .td(.text(a.details.handle)),
                                    .td(.text(a.details.sponsor.isEmpty ? names[a.agencyID] ?? "" : a.details.sponsor)))
                            })
                    ))
        )
        return try await pages.respond("政务新媒体", area: .portal, request: request, context: context) { _ in content }
    }
}
