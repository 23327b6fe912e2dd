import Domain
import Hummingbird
import Plot
import Services
import Storage

/// The disclosure office's catalog configuration: review chains (per category too), its own
/// categories and deadlines, the 索引号 rule and the review service standard. JSON for
/// integrations, a form for the office.
struct CatalogSettingsController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, Routes.API.catalogSettings, .anyStaff, use: show)
        router.staff(.put, Routes.API.catalogSettings, .roles([.officeAdmin]), use: replace)
        router.staff(.get, Routes.Console.catalogSettings, .roles([.officeAdmin]), use: page)
        router.staff(.post, Routes.Console.catalogSettings, .roles([.officeAdmin]), use: submit)
    }

    struct Body: ResponseEncodable {
        var settings: CatalogSettings
        var categories: [CatalogCategory]

        func encode(to encoder: any Encoder) throws {
            try settings.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(categories, forKey: .categories)
        }

        enum Key: String, CodingKey { case categories }
    }

    var service: AgencySettingsService { AgencySettingsService(env: env.services) }

    func current(_ identity: StaffIdentity) async throws -> CatalogSettings {
        try await service.catalogSettings(of: identity.agency.id)
    }

    func save(_ settings: CatalogSettings, _ identity: StaffIdentity, address: String) async throws {
        try await service.saveCatalogSettings(settings, by: identity, address: address)
    }

    @Sendable func show(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Body {
        let s = try await current(identity)
        return Body(settings: s, categories: s.categories)
    }

    @Sendable func replace(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Body {
        let s = try await request.decodeJSON(CatalogSettings.self, context: context)
        try await save(s, identity, address: context.remoteAddress)
        return Body(settings: s, categories: s.categories)
    }

    func render(
        _ text: CatalogSettingsText, _ request: Request, _ context: GongkaiRequestContext, errors: [String: String] = [:],
        message: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = CatalogSettingsPage(text: text, errors: errors, message: message)
        return try await pages.respond("目录与审核设置", area: .console, request: request, context: context, status: status) {
            page.content($0)
        }
    }

    @Sendable func page(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await render(CatalogSettingsText(try await current(identity)), request, context)
    }

    @Sendable func submit(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let text = CatalogSettingsText(
            chain: form.raw("chain"), categoryChains: form.raw("categoryChains"), extraCategories: form.raw("categories"),
            deadlines: form.raw("deadlines"), indexRule: form["indexRule"], reviewDueWorkdays: form["reviewDueWorkdays"],
            columns: form.raw("columns"), columnKinds: form.raw("columnKinds"))
        do {
            try await save(try text.settings(), identity, address: context.remoteAddress)
            return try await render(text, request, context, message: "已保存。新的设置对此后提交和审核的文件生效。")
        } catch let error as DomainError {
            return try await render(text, request, context, errors: [error.field ?? "chain": error.message], status: .unprocessableContent)
        }
    }
}

/// The settings form.
struct CatalogSettingsPage {
    var text: CatalogSettingsText
    var errors: [String: String]
    var message: String?

    func area<C: HTML.BodyContext>(_ label: String, name: String, value: String, hint: String, rows: Int = 5) -> Node<C> {
        .div(
            .class(errors[name] == nil ? "field" : "field has-error"),
            .label(.for(name), .text(label)),
            .p(.id("\(name)-hint"), .class("hint"), .text(hint)),
            Fragments.fieldError(errors, name),
            .textarea(.id(name), .name(name), .rows(rows), .attribute(named: "aria-describedby", value: "\(name)-hint"), .text(value))
        )
    }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("目录与审核设置")),
            Fragments.alert(message, kind: "ok"),
            Fragments.alert(errors.isEmpty ? nil : "设置未保存，请修改标出的问题。"),
            .form(
                .method(.post), .action(Routes.Console.catalogSettings.path()),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    area(
                        "审核链", name: "chain", value: text.chain,
                        hint:
                            "每行一个层级：名称 | 角色 | 条件 | 保密审查。角色：reviewer（审核人）、office-admin（政务公开办公室）、leader（签发领导）；条件：always（总是）、important（重要文件）、important_or_flagged（重要文件或有保留的审查发现）；须有一个每次都经过的保密审查层级。"
                    ),
                    area(
                        "按分类设置的审核链", name: "categoryChains", value: text.categoryChains,
                        hint: "先写一行“[分类代码]”，下面按上面的格式写该分类的层级；没有设置的分类使用上面的审核链。"),
                    area("自设分类（专栏）", name: "categories", value: text.extraCategories, hint: "每行：代码 | 名称 | 公开时限（工作日），如 covid | 疫情防控专栏 | 7"),
                    area(
                        "专题专栏", name: "columns", value: text.columns,
                        hint: "每行：代码 | 名称 | 说明，如 covid | 疫情防控 | 疫情防控政策与通告。任何分类的文件都可同时发布到专栏。", rows: 3),
                    area(
                        "栏目更新要求", name: "columnKinds", value: text.columnKinds,
                        hint:
                            "每行：分类或专栏代码 | 类型。dynamic 为动态、要闻类（2 周内须更新），notice 为通知公告、政策文件类（6 个月内须更新）；未列出的为其他栏目（长期未更新或空白时提示）。",
                        rows: 3),
                    area("公开时限", name: "deadlines", value: text.deadlines, hint: "与默认不同的分类：分类代码 | 工作日数（第二十六条默认 20 个工作日）", rows: 3),
                    Fragments.textField(
                        "索引号规则", name: "indexRule", value: text.indexRule, errors: errors,
                        hint: "占位符：{creditCode} 统一社会信用代码、{orgCode} 组织机构代码、{year} 年份、{serial:5} 五位流水号"),
                    Fragments.textField(
                        "每级审核时限（工作日）", name: "reviewDueWorkdays", value: text.reviewDueWorkdays, type: .number, errors: errors,
                        hint: "待办中超过此期限的文件标为超期；本委内部服务标准，非法定时限"),
                    .button(.type(.submit), .text("保存设置"))
                )
            )
        )
    }
}
