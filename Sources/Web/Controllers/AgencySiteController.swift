import Domain
import Foundation
import Hummingbird
import Plot
import Services
import Storage

/// An agency's own site on the shared installation: host name, title and colour. The system
/// administrator of each agency sets them (settings belong to the 系统管理员 of 三员分立); the
/// host must also be pointed at the installation in DNS and in the proxy.
struct AgencySiteController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, Routes.API.agencySite, .anyStaff, use: show)
        router.staff(.put, Routes.API.agencySite, .roles([.systemAdmin]), use: replace)
        router.staff(.get, Routes.Console.site, .roles([.systemAdmin]), use: page)
        router.staff(.post, Routes.Console.site, .roles([.systemAdmin]), use: submit)
        router.staff(.post, Routes.Console.siteEmblem, .roles([.systemAdmin]), use: submitEmblem)
    }

    struct Input: Decodable {
        var host: String?
        var title: String?
        var color: String?
        /// The footer's filings; left out, they stay as they are.
        var registration: SiteRegistration?
        /// The header's navigation; left out, it stays as it is; empty, the usual shape.
        var navigation: [SiteLink]?
    }

    struct Body: ResponseEncodable {
        var agencyId: Int64
        var host: String?
        var title: String
        var color: String
        /// What the header shows: the title, or the agency's name.
        var shownTitle: String
        /// The filings and marks the footer shows.
        var registration: SiteRegistration
        /// The header's navigation as set (empty: the usual shape, `shownNavigation`).
        var navigation: [SiteLink]
        /// What the header shows.
        var shownNavigation: [SiteLink]
    }

    static func body(_ a: Agency) -> Body {
        Body(
            agencyId: a.id, host: a.site.host, title: a.site.title, color: a.site.color, shownTitle: a.siteTitle,
            registration: a.site.registration, navigation: a.site.navigation,
            shownNavigation: a.site.navigation.isEmpty ? PortalSection.defaultNavigation : a.site.navigation)
    }

    /// Checks, stores and archives the new site settings; the portal's cached pages go.
    func save(_ input: Input, _ identity: StaffIdentity, address: String) async throws -> Agency {
        try await AgencySettingsService(env: env.services).saveSite(
            host: input.host ?? "", title: input.title ?? "", color: input.color ?? "", registration: input.registration,
            navigation: input.navigation, by: identity,
            address: address)
    }

    @Sendable func show(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Body {
        Self.body(identity.agency)
    }

    @Sendable func replace(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Body {
        let input = try await request.decodeJSON(Input.self, context: context)
        return Self.body(try await save(input, identity, address: context.remoteAddress))
    }

    func render(
        _ values: [String: String], _ request: Request, _ context: GongkaiRequestContext, errors: [String: String] = [:],
        message: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = AgencySitePage(
            values: values, errors: errors, message: message,
            emblem: context.identity.flatMap { Routes.Portal.emblemPath($0.agency) })
        return try await pages.respond("网站设置", area: .console, request: request, context: context, status: status) { page.content($0) }
    }

    @Sendable func page(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let saved = request.uri.queryParameters["saved"] == "emblem"
        return try await render(try await currentValues(identity), request, context, message: saved ? "网站标识已更新。" : nil)
    }

    /// Uploads (or, with `remove`, deletes) the masthead's emblem.
    @Sendable func submitEmblem(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let service = AgencySettingsService(env: env.services)
        do {
            let remove = form["remove"] == "1"
            _ = try await service.saveEmblem(
                remove ? nil : (form.files["emblem"]?.data ?? Data()), by: identity, address: context.remoteAddress)
            return Response.redirect(to: Routes.Console.site.path() + "?saved=emblem", type: .normal)
        } catch let error as DomainError where error.field != nil {
            return try await render(
                try await currentValues(identity), request, context, errors: [error.field!: error.message], status: .unprocessableContent)
        }
    }

    func currentValues(_ identity: StaffIdentity) async throws -> [String: String] {
        let site = identity.agency.site
        let r = site.registration
        return [
            "host": site.host ?? "", "title": site.title, "color": site.color, "sponsor": r.sponsor, "siteCode": r.siteCode, "icp": r.icp,
            "psb": r.psb, "psbLink": r.psbLink, "conacImage": r.conacImage, "conacLink": r.conacLink,
            "navigation": SiteLink.text(site.navigation),
        ]
    }

    static let fields = ["host", "title", "color", "sponsor", "siteCode", "icp", "psb", "psbLink", "conacImage", "conacLink", "navigation"]

    @Sendable func submit(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        var values: [String: String] = [:]
        for name in Self.fields { values[name] = form[name] }
        do {
            let registration = SiteRegistration(
                sponsor: form["sponsor"], siteCode: form["siteCode"], icp: form["icp"], psb: form["psb"], psbLink: form["psbLink"],
                conacImage: form["conacImage"], conacLink: form["conacLink"])
            let navigation = try SiteLink.parse(form["navigation"])
            _ = try await save(
                Input(
                    host: values["host"], title: values["title"], color: values["color"], registration: registration,
                    navigation: navigation), identity,
                address: context.remoteAddress)
            return try await render(values, request, context, message: "已保存。")
        } catch let error as DomainError {
            return try await render(values, request, context, errors: [error.field ?? "host": error.message], status: .unprocessableContent)
        }
    }
}

/// The site settings form.
struct AgencySitePage {
    var values: [String: String]
    var errors: [String: String]
    var message: String?
    /// The current emblem's address, if there is one.
    var emblem: String? = nil

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("网站设置")),
            .p(
                .text(
                    "本机关在集约化平台上的网站：设置域名后，访问该域名即进入本机关的门户，页面、目录、申请和信箱均归本机关；"
                        + "域名须在 DNS 和反向代理中指向本平台。不设域名时，公众从平台主门户访问本机关的信息。")),
            Fragments.alert(message, kind: "ok"),
            Fragments.alert(errors.isEmpty ? nil : "设置未保存，请修改标出的问题。"),
            .form(
                .method(.post), .action(Routes.Console.site.path()),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    Fragments.textField(
                        "域名", name: "host", value: values["host"] ?? "", errors: errors, hint: "如 cdc.example.gov.cn，不含 http:// 和端口；留空则不设",
                        required: false),
                    Fragments.textField(
                        "网站名称", name: "title", value: values["title"] ?? "", errors: errors, hint: "页眉显示的名称；留空则用机关名称",
                        required: false),
                    Fragments.textField(
                        "主色", name: "color", value: values["color"] ?? "", errors: errors,
                        hint: "#rrggbb，用于页眉和标题线；须足够深，使白色文字对比度不低于 4.5:1；留空则用默认红色 \(AgencySite.defaultColor)",
                        required: false),
                    .fieldset(
                        .element(named: "legend", text: "网站标识与备案（显示在每一页的页脚）"),
                        Fragments.textField(
                            "主办单位", name: "sponsor", value: values["sponsor"] ?? "", errors: errors, hint: "默认为本机关名称", required: false),
                        Fragments.textField(
                            "网站标识码", name: "siteCode", value: values["siteCode"] ?? "", errors: errors,
                            hint: "全国政府网站基本信息数据库分配的标识码，如 3700000001", required: false),
                        Fragments.textField(
                            "ICP备案编号", name: "icp", value: values["icp"] ?? "", errors: errors, hint: "如 鲁ICP备12345678号-1", required: false),
                        Fragments.textField(
                            "公安机关备案号", name: "psb", value: values["psb"] ?? "", errors: errors, hint: "如 鲁公网安备 37010202000001号",
                            required: false),
                        Fragments.textField(
                            "公安机关备案链接", name: "psbLink", value: values["psbLink"] ?? "", errors: errors, hint: "公安机关互联网站安全管理服务平台上的备案页面网址",
                            required: false),
                        Fragments.textField(
                            "党政机关网站标识图片", name: "conacImage", value: values["conacImage"] ?? "", errors: errors,
                            hint: "开办单位标识的图片网址（https://dcs.conac.cn/…）", required: false),
                        Fragments.textField(
                            "党政机关网站标识证书链接", name: "conacLink", value: values["conacLink"] ?? "", errors: errors, hint: "标识证书页面的网址",
                            required: false),
                    ),
                    Fragments.textArea(
                        "页眉导航", name: "navigation", value: values["navigation"] ?? "", rows: 6, errors: errors,
                        hint: "每行一项：名称 | 地址，地址为本站路径（如 /open）或 https:// 网址，最多 \(SiteLink.maxEntries) 项；"
                            + "留空则用常见结构："
                            + PortalSection.defaultNavigation.map(\.label).joined(separator: " / "),
                        required: false),
                    .button(.type(.submit), .text("保存"))
                )
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "emblem-h"),
                .h2(.id("emblem-h"), .text("网站标识（页眉左侧的徽标）")),
                .unwrap(emblem) {
                    .p(.img(.src(attr($0)), .alt("当前的网站标识"), .class("site-emblem-preview"), .attribute(named: "height", value: "64")))
                },
                .form(
                    .method(.post), .action(Routes.Console.siteEmblem.path()), .enctype(.multipartData),
                    Fragments.csrfField(chrome.csrf),
                    .div(
                        .class(errors["emblem"] == nil ? "field" : "field has-error"),
                        .label(.for("emblem"), .text("标识图片")),
                        .p(
                            .id("emblem-hint"), .class("hint"),
                            .text("PNG 或 JPEG，不超过 \(SiteEmblem.maxBytes / 1024) KB；显示高度 48 像素，建议上传高 96 像素的图片")),
                        Fragments.fieldError(errors, "emblem"),
                        .input(
                            .type(.file), .id("emblem"), .name("emblem"), .attribute(named: "accept", value: "image/png,image/jpeg"),
                            .attribute(
                                named: "aria-describedby", value: errors["emblem"] == nil ? "emblem-hint" : "emblem-error emblem-hint"))),
                    .button(.type(.submit), .text("上传标识"))),
                .unwrap(emblem) { _ in
                    .form(
                        .method(.post), .action(Routes.Console.siteEmblem.path()), Fragments.csrfField(chrome.csrf),
                        .input(.type(.hidden), .name("remove"), .value("1")),
                        .button(.type(.submit), .class("secondary"), .text("删除标识")))
                })
        )
    }
}
