import Domain
import Plot
import Services

/// Which half of the site a page belongs to.
enum SiteArea {
    case portal
    case console
}

/// What every page's frame needs: title, area, the reader's preferences, who is signed in, the
/// CSRF token for the frame's own forms, and the agency whose site this is.
struct PageChrome {
    var title: String
    var area: SiteArea
    var elderly: Bool
    var textOnly = false
    var identity: StaffIdentity?
    var csrf: String
    /// Path and query of this page, to come back to after switching display mode.
    var returnPath: String
    var agency: Agency?
    /// Where forms and sign-in point: empty on the live site (same origin), the server's URL in
    /// a static export (`gongkai publish-static --server`).
    var serverOrigin = ""
    /// The host name the page was asked for (the site's domain when the agency has none set).
    var host = ""
    /// The 当前位置 crumbs between 首页 and this page (`PortalMap`); nil on the home page and in
    /// the console.
    var trail: [Crumb]? = nil
    /// The page's own metadata tags of the 网页设计规范 (column or article), after the site's.
    var metadata: [(name: String, content: String)] = []

    var siteName: String {
        area == .console ? (agency?.name ?? "卫生健康委员会") + " 政务公开工作平台" : (agency?.siteTitle ?? "卫生健康委员会") + " 政府信息公开"
    }

    /// The agency's colours, when it has chosen some (`AgencySite.color`).
    var brandStylesheet: String? {
        guard let agency, !agency.site.color.isEmpty else { return nil }
        return Stylesheet.brandPath(agencyID: agency.id, color: agency.site.color)
    }
}

/// The frame around every page: skip link, header with navigation, display-mode switch,
/// main content, footer. Semantic HTML that works without JavaScript.
enum Layout {
    static func render(_ chrome: PageChrome, _ content: Node<HTML.BodyContext>) -> String {
        let html = HTML(
            .attribute(named: "lang", value: "zh-CN"),
            // Elderly mode scales the root size, so every rem-sized text grows with it.
            .attribute(
                named: "class",
                value: [chrome.elderly ? "elderly" : nil, chrome.textOnly ? "text-only" : nil].compactMap { $0 }.joined(separator: " "),
                ignoreIfValueIsEmpty: true),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(chrome.title) - \(chrome.siteName)"),
                .link(.rel(.stylesheet), .href(Routes.Portal.stylesheet.path())),
                .unwrap(chrome.brandStylesheet) { .link(.rel(.stylesheet), .href($0)) },
                .if(chrome.area == .portal, siteMetadata(chrome)),
                .script(.src(Routes.Portal.readAloudScript.path()), .attribute(named: "defer", value: "defer"))
            ),
            .body(
                .class(
                    (chrome.area == .console ? "console" : "portal") + (chrome.elderly ? " elderly" : "")
                        + (chrome.textOnly ? " text-only" : "")),
                .a(.class("skip-link"), .href("#main"), .text("跳到正文")),
                header(chrome),
                .if(chrome.area == .portal, PortalMap.breadcrumb(chrome)),
                .main(.id("main"), .attribute(named: "tabindex", value: "-1"), content),
                footer(chrome)
            )
        )
        return html.render()
    }

    /// The site's metadata tags of the 政府网站网页设计规范, on every portal page.
    static func siteMetadata(_ chrome: PageChrome) -> Node<HTML.HeadContext> {
        let site = chrome.agency?.site
        // A tag with nothing to say is left out (a meta tag without content is not valid HTML).
        func meta(_ name: String, _ value: String) -> Node<HTML.HeadContext> {
            .if(!value.isEmpty, .meta(.name(name), .content(attr(value))))
        }
        return .group(
            [
                meta("SiteName", chrome.agency?.siteTitle ?? ""), meta("SiteDomain", site?.host ?? chrome.host),
                meta("SiteIDCode", site?.registration.siteCode ?? ""),
            ] + chrome.metadata.map { meta($0.name, $0.content) })
    }

    private static func header(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .header(
            .class("site-header"),
            .div(
                .class("wrap"),
                .p(
                    .class("site-name"),
                    .a(
                        .href(chrome.area == .console ? Routes.Console.home.path() : Routes.Portal.home.path()),
                        // The emblem goes with the name beside it, so it needs no words of its own.
                        .unwrap(chrome.agency.flatMap(Routes.Portal.emblemPath)) {
                            .img(
                                .src(attr(chrome.serverOrigin + $0)), Attribute(name: "alt", value: "", ignoreIfValueIsEmpty: false),
                                .class("site-emblem"),
                                .attribute(named: "height", value: "48"))
                        },
                        .text(chrome.siteName))),
                .nav(
                    .attribute(named: "aria-label", value: "主导航"),
                    .ul(navigation(chrome))
                ),
                .div(
                    .class("reader-tools"),
                    // Shown by the script when the browser can speak; without script the page is unchanged.
                    .button(
                        .type(.button), .id("read-aloud"), .class("read-aloud"), .attribute(named: "hidden", value: "hidden"),
                        .attribute(named: "aria-pressed", value: "false"), .text("朗读本页")),
                    // A static export is served from another host; a post from there would be refused as cross-site.
                    .if(chrome.serverOrigin.isEmpty, modeSwitch(chrome)))
            )
        )
    }

    private static func navigation(_ chrome: PageChrome) -> Node<HTML.ListContext> {
        var links: [(String, String)] = []
        if let identity = chrome.identity {
            links.append((Routes.Portal.home.path(), "首页"))
            links.append((Routes.Console.home.path(), "工作台"))
            if identity.holds(anyOf: [.drafter, .reviewer, .officeAdmin, .leader, .publisher]) {
                links.append((Routes.Console.documents.path(), "主动公开"))
            }
            if identity.holds(anyOf: [.requestHandler, .officeAdmin]) { links.append((Routes.Console.requests.path(), "依申请公开")) }
            links.append((Routes.Console.ledgers.path(), "工作台账"))
            if identity.holds(anyOf: [.officeAdmin, .drafter]) { links.append((Routes.Console.consultations.path(), "意见征集")) }
            if identity.holds(anyOf: MailboxService.staff) { links.append((Routes.Console.mailbox.path(), "领导信箱")) }
            if identity.holds(anyOf: [.officeAdmin, .drafter, .leader]) { links.append((Routes.Console.media.path(), "新媒体")) }
            if identity.holds(anyOf: [.officeAdmin, .leader]) {
                // The oversight pages share one entry; each shows `Fragments.oversightNav` to the others.
                links.append((Routes.Console.oversight.path(), "监督考核"))
            }
            if identity.holds(anyOf: [.auditor]) { links.append((Routes.Console.audit(AuditQuery()), "审计档案")) }
            if identity.holds(anyOf: [.officeAdmin]) { links.append((Routes.Console.calendar.path(), "工作日历")) }
            if identity.holds(anyOf: [.systemAdmin]) {
                links.append((Routes.Console.users.path(), "账号管理"))
                links.append((Routes.Console.site.path(), "网站设置"))
            }
        } else {
            let own = chrome.agency?.site.navigation ?? []
            for link in own.isEmpty ? PortalSection.defaultNavigation : own {
                // A path on this site: from a static export it is the server's.
                let local = link.href.hasPrefix("/") && !(link.href == Routes.Portal.home.path() && chrome.serverOrigin.isEmpty)
                links.append(((local ? chrome.serverOrigin : "") + link.href, link.label))
            }
        }
        return .group(
            links.map { link in
                .li(
                    .a(
                        .href(attr(link.0)),
                        .attribute(named: "aria-current", value: link.0 == chrome.returnPath ? "page" : nil),
                        .text(link.1)))
            }
                + (chrome.identity.map { identity in
                    [
                        .li(
                            .form(
                                .method(.post), .action(Routes.Portal.logout.path()), .class("inline"),
                                .input(.type(.hidden), .name(CSRF.fieldName), .value(attr(chrome.csrf))),
                                .button(.type(.submit), .class("link-button"), .text("退出（\(identity.user.displayName)）"))
                            ))
                    ]
                } ?? [])
        )
    }

    /// A form, not a script: the switch works in any browser and is remembered in a cookie.
    private static func modeSwitch(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        func form(_ target: DisplayMode, _ label: String) -> Node<HTML.BodyContext> {
            .form(
                .method(.post), .action(chrome.serverOrigin + Routes.Portal.displayMode.path()), .class("mode-switch"),
                .input(.type(.hidden), .name("mode"), .value(target.rawValue)),
                .input(.type(.hidden), .name("next"), .value(attr(chrome.returnPath))),
                .button(.type(.submit), .text(label)))
        }
        return .group(
            form(chrome.elderly ? .standard : .elderly, chrome.elderly ? "切换到标准版" : "长者模式（大字体）"),
            form(chrome.textOnly ? .graphic : .text, chrome.textOnly ? "图文版" : "纯文本"))
    }

    /// The console's own frame: who is signed in, for which agency, and where the public site is.
    private static func consoleFooter(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .footer(
            .class("site-footer console-footer"),
            .div(
                .class("wrap"),
                .p(
                    .text("政务公开工作平台 · \(chrome.agency?.name ?? "")"),
                    .unwrap(chrome.identity) { identity in
                        .text(" · 当前账号：\(identity.user.displayName)（\(identity.user.roles.sorted().map(\.label).joined(separator: "、"))）")
                    }),
                .p(
                    .a(.href(Routes.Portal.home.path()), .text("查看公众门户")), .text(" · "),
                    .text("工作人员页面不被缓存；离开工作台请点页眉的“退出”。"))))
    }

    /// The filings the inspection looks for: 主办单位, 网站标识码, ICP and public-security filings
    /// and the 党政机关网站开办单位标识, each shown when the agency has entered it.
    private static func registration(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let r = chrome.agency?.site.registration ?? SiteRegistration()
        let sponsor = r.sponsor.isEmpty ? (chrome.agency?.name ?? "") : r.sponsor
        return .div(
            .class("site-registration"),
            .p(
                .text("主办单位：\(sponsor)"),
                .if(!r.siteCode.isEmpty, .group(.text("　网站标识码："), .span(.class("site-code"), .text(r.siteCode))))),
            .if(
                !r.icp.isEmpty || !r.psb.isEmpty,
                .p(
                    .if(!r.icp.isEmpty, .a(.href(SiteRegistration.icpLink), .attribute(named: "rel", value: "noopener"), .text(r.icp))),
                    .if(!r.icp.isEmpty && !r.psb.isEmpty, .text("　")),
                    .if(
                        !r.psb.isEmpty,
                        r.psbLink.isEmpty
                            ? .text(r.psb) : .a(.href(attr(r.psbLink)), .attribute(named: "rel", value: "noopener"), .text(r.psb))))),
            .if(
                !r.conacImage.isEmpty,
                .p(
                    .class("conac"),
                    .a(
                        .href(attr(r.conacLink.isEmpty ? r.conacImage : r.conacLink)), .attribute(named: "rel", value: "noopener"),
                        .img(.src(attr(r.conacImage)), .alt("党政机关网站开办单位标识"), .attribute(named: "width", value: "60"))))))
    }

    private static func footer(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        if chrome.area == .console { return consoleFooter(chrome) }
        let contact = chrome.agency?.contact ?? AgencyContact()
        return .footer(
            .class("site-footer"),
            .div(
                .class("wrap"),
                .p(.text(chrome.agency?.name ?? "")),
                .if(!contact.address.isEmpty, .p(.text("地址：\(contact.address)"))),
                .if(!contact.phone.isEmpty, .p(.text("政府信息公开咨询电话：\(contact.phone)"))),
                .if(
                    chrome.area == .portal,
                    .p(
                        .a(.href(attr(chrome.serverOrigin + Routes.Portal.siteMap.path())), .text("网站地图")), .text(" · "),
                        .a(.href(attr(chrome.serverOrigin + Routes.Portal.surveys.path())), .text("问卷调查")), .text(" · "),
                        .a(.href(attr(chrome.serverOrigin + Routes.Portal.openDays.path())), .text("政府开放日")), .text(" · "),
                        .a(.href(attr(chrome.serverOrigin + Routes.Portal.faq.path())), .text("常见问题")), .text(" · "),
                        .a(.href(attr(chrome.serverOrigin + Routes.Portal.login(next: nil))), .text("工作人员登录")), .text(" · "),
                        .a(
                            .class("report-error"),
                            .href(
                                attr(chrome.serverOrigin + Routes.Portal.newSiteError.path() + "?page=" + Routes.encode(chrome.returnPath))),
                            .text("我为网站找错：报告本页的错误")))),
                .if(chrome.area == .portal, registration(chrome))
            )
        )
    }
}

/// Small shared pieces of page content.
enum Fragments {
    /// The oversight pages, linked from each other (the site header has one entry for them all).
    static let oversightPages: [(String, String)] = [
        (Routes.Console.oversight.path(), "监测"), (Routes.Console.timeliness.path(), "公开时效"), (Routes.Console.standard.path(), "标准目录"),
        (Routes.Console.assessments.path(), "考核"),
        (Routes.Console.links.path(), "链接检查"), (Routes.Console.freshness.path(), "栏目更新"),
        (Routes.Console.selfCheck.path(), "单项否决自查"), (Routes.Console.websiteReport.path(), "网站年报"),
    ]

    static func oversightNav<C: HTML.BodyContext>(current: String) -> Node<C> {
        .nav(
            .class("subnav"), .attribute(named: "aria-label", value: "监督考核"),
            .ul(
                .forEach(oversightPages) { path, label in
                    .li(
                        path == current
                            ? .element(named: "strong", nodes: [.attribute(named: "aria-current", value: "page"), .text(label)])
                            : .a(.href(path), .text(label)))
                }))
    }

    /// A field error, announced by screen readers and tied to its input by id.
    static func fieldError<C: HTML.BodyContext>(_ errors: [String: String], _ field: String, id: String? = nil) -> Node<C> {
        .unwrap(errors[field]) { message in
            .p(.id("\(id ?? field)-error"), .class("field-error"), .text("错误：\(message)"))
        }
    }

    /// The message box at the top of a form.
    static func alert<C: HTML.BodyContext>(_ message: String?, kind: String = "error") -> Node<C> {
        .unwrap(message) { text in
            .div(.class("alert alert-\(kind)"), .attribute(named: "role", value: kind == "error" ? "alert" : "status"), .p(.text(text)))
        }
    }

    static func csrfField<C: HTML.BodyContext>(_ token: String) -> Node<C> {
        .input(.type(.hidden), .name(CSRF.fieldName), .value(attr(token)))
    }

    static func textField<C: HTML.BodyContext>(
        _ label: String, name: String, id: String? = nil, value: String = "", type: HTMLInputType = .text,
        errors: [String: String] = [:], hint: String? = nil, autocomplete: String? = nil, required: Bool = true
    ) -> Node<C> {
        let id = id ?? name
        return labelled(
            label, name: name, id: id, errors: errors, hint: hint, required: required,
            .input(
                .type(type), .id(id), .name(name), .value(attr(value)), .required(required),
                .attribute(named: "autocomplete", value: autocomplete ?? "off"),
                .attribute(named: "aria-invalid", value: errors[name] == nil ? nil : "true"),
                .attribute(named: "aria-describedby", value: describedBy(name, id: id, errors: errors, hint: hint))
            ))
    }

    /// A labelled drop-down with its error, if any.
    static func select<C: HTML.BodyContext>(
        _ label: String, name: String, id: String? = nil, options: [(String, String)], selected: String, errors: [String: String] = [:]
    ) -> Node<C> {
        let id = id ?? name
        return labelled(
            label, name: name, id: id, errors: errors, hint: nil,
            .select(
                .attribute(named: "id", value: id), .attribute(named: "name", value: name),
                .attribute(named: "aria-invalid", value: errors[name] == nil ? nil : "true"),
                .group(
                    options.map { option -> Node<HTML.SelectContext> in
                        .element(
                            named: "option",
                            nodes: [
                                .attribute(named: "value", value: attr(option.0), ignoreIfValueIsEmpty: false),
                                .attribute(named: "selected", value: option.0 == selected ? "selected" : nil),
                                .text(option.1),
                            ])
                    })
            ))
    }

    /// A labelled multi-line field with its hint and error, if any.
    static func textArea<C: HTML.BodyContext>(
        _ label: String, name: String, id: String? = nil, value: String, rows: Int = 5, errors: [String: String] = [:],
        hint: String? = nil, required: Bool = true
    ) -> Node<C> {
        let id = id ?? name
        return labelled(
            label, name: name, id: id, errors: errors, hint: hint, required: required,
            .textarea(
                .id(id), .name(name), .rows(rows), .required(required),
                .attribute(named: "aria-invalid", value: errors[name] == nil ? nil : "true"),
                .attribute(named: "aria-describedby", value: describedBy(name, id: id, errors: errors, hint: hint)),
                .text(value)))
    }

    /// A form control in its field: label, hint, error, then the control.
    private static func labelled<C: HTML.BodyContext>(
        _ label: String, name: String, id: String, errors: [String: String], hint: String?, required: Bool = false,
        _ control: Node<C>
    ) -> Node<C> {
        .div(
            .class(errors[name] == nil ? "field" : "field has-error"),
            // The mark is words, not a lone asterisk: it reads the same to everyone.
            .label(.for(id), .text(label), .if(required, .span(.class("required-mark"), .text("（必填）")))),
            .unwrap(hint) { .p(.id("\(id)-hint"), .class("hint"), .text($0)) },
            fieldError(errors, name, id: id),
            control
        )
    }

    /// The ids of a field's error and hint, for `aria-describedby`.
    private static func describedBy(_ name: String, id: String, errors: [String: String], hint: String?) -> String? {
        let ids = [errors[name] != nil ? "\(id)-error" : nil, hint != nil ? "\(id)-hint" : nil].compactMap { $0 }
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }
}

extension Node where Context == HTML.TableRowContext {
    /// A cell's column name, which a table of class `stack` shows before the value when its rows
    /// become blocks on a narrow screen.
    static func label(_ column: String) -> Node { .attribute(named: "data-label", value: column) }
}
