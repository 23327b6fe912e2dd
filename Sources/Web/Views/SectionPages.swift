import Domain
import Plot
import Services

/// The page of one first-level section (机构概况, 政务公开, 政务服务, 互动交流): its entries in
/// groups, each with a line saying what is behind it, and for 政务公开 the newest items of the
/// statutory catalog. A reader who opens a section from the header finds everything it holds.
struct SectionPage {
    struct Entry {
        var title: String
        var href: String
        var note: String = ""
    }

    struct Group {
        var title: String
        var id: String
        var entries: [Entry]
        var intro: String = ""
    }

    var section: PortalSection
    var intro: String
    var groups: [Group]
    var latest: [CatalogDocument] = []
    var agency: Agency?

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .class("section-page"),
            .h1(.text(section == .disclosure ? "政府信息公开" : section.label)),
            .p(.class("lead"), .text(intro)),
            .if(section == .about && agency != nil, .unwrap(agency) { HomePage.contacts($0) }),
            .div(
                .class("section-groups"),
                .forEach(groups.filter { !$0.entries.isEmpty }) { group in
                    .section(
                        .class("section-group"), .id(group.id), .attribute(named: "aria-labelledby", value: group.id + "-h"),
                        .h2(.id(group.id + "-h"), .text(group.title)),
                        .if(!group.intro.isEmpty, .p(.class("hint"), .text(group.intro))),
                        .ul(
                            .class("entry-list"),
                            .forEach(group.entries) { entry in
                                .li(
                                    // A rule named without an address: its text is on www.gov.cn.
                                    entry.href.isEmpty
                                        ? .strong(.text(entry.title))
                                        : .a(.href(attr(chrome.serverOrigin + entry.href)), .text(entry.title)),
                                    .if(!entry.note.isEmpty, .span(.class("doc-meta"), .text(entry.note))))
                            }))
                }),
            .if(
                !latest.isEmpty,
                .section(
                    .attribute(named: "aria-labelledby", value: "section-latest"),
                    .h2(.id("section-latest"), .text("最新公开")),
                    DocumentList.items(latest)))
        )
    }

    /// The national rules every 政府信息公开制度 column lists (国办公开办函〔2019〕61号 asks for
    /// the column; the rules themselves are the State Council's). Named, not linked: their
    /// addresses on www.gov.cn could not be confirmed here, and a wrong link is what the
    /// inspection counts.
    static let nationalRules: [Entry] = [
        Entry(
            title: "中华人民共和国政府信息公开条例", href: "",
            note: "国务院令第711号，2019年5月15日起施行"),
        Entry(
            title: "政府信息公开信息处理费管理办法", href: "",
            note: "国办函〔2020〕109号"),
    ]

    static func about(agency: Agency?, categories: [CatalogCategory], subordinates: [Agency], latest: [CatalogDocument]) -> SectionPage {
        let own = categories.filter { ["organization", "personnel"].contains($0.code) }
        return SectionPage(
            section: .about, intro: "本机关的职能、机构设置、领导分工和联系方式。",
            groups: [
                Group(
                    title: "机构信息", id: "organization",
                    entries: own.map { Entry(title: $0.name, href: Routes.Portal.catalog(category: $0.code, page: 1)) }
                        + [Entry(title: "政府信息公开指南", href: Routes.Portal.guide(agencyID: nil), note: "公开工作机构、受理方式和办理流程")]),
                Group(
                    title: "下属单位", id: "subordinates",
                    entries: subordinates.map { Entry(title: $0.name, href: Routes.Portal.guide(agencyID: $0.id), note: "政府信息公开指南") }),
            ], latest: latest, agency: agency)
    }

    static func disclosure(categories: [CatalogCategory], columns: [SpecialColumn], latest: [CatalogDocument]) -> SectionPage {
        SectionPage(
            section: .disclosure, intro: "依照《中华人民共和国政府信息公开条例》，本机关主动公开的政府信息和申请公开的渠道。",
            groups: [
                Group(
                    title: "政府信息公开指南", id: "guide",
                    entries: [Entry(title: "政府信息公开指南", href: Routes.Portal.guide(agencyID: nil), note: "公开的方式、受理机构和申请流程")]),
                Group(
                    title: "政府信息公开制度", id: "rules",
                    entries: [Entry(title: "政府信息公开制度", href: Routes.Portal.disclosureRules.path(), note: "法规、规章和本机关的工作制度")]),
                Group(
                    title: "法定主动公开内容", id: "statutory",
                    entries: categories.map {
                        Entry(title: $0.name, href: Routes.Portal.catalog(category: $0.code, page: 1))
                    } + [
                        Entry(title: "按年份、发布机构浏览", href: Routes.Portal.browse(.none, page: 1)),
                        Entry(title: "按主题分类浏览", href: Routes.Portal.subjects.path()),
                    ]),
                Group(
                    title: "政府信息公开年报", id: "annual-reports",
                    entries: [Entry(title: "政府信息公开工作年度报告", href: Routes.Portal.annualReports.path(), note: "每年1月31日前公布上一年度报告")]),
                Group(
                    title: "依申请公开", id: "requests",
                    entries: [
                        Entry(title: "在线申请", href: Routes.Portal.newRequest.path(), note: "填写申请表，提交后得到查询码"),
                        Entry(title: "办理进度查询", href: Routes.Portal.trackRequest.path(), note: "凭查询码查看办理进度和答复"),
                    ]),
                Group(
                    title: "专题专栏", id: "columns", entries: columns.map { Entry(title: $0.name, href: Routes.Portal.column.path($0.code)) }),
                Group(
                    title: "政务公开工作", id: "work",
                    entries: [
                        Entry(title: "工作要点与落实进展", href: Routes.Portal.plans.path()),
                        Entry(title: "政务新媒体", href: Routes.Portal.media.path(), note: "本机关开设的微信公众号、微博等"),
                    ]),
            ], latest: latest)
    }

    static func rules(agency: Agency?) -> SectionPage {
        SectionPage(
            section: .disclosure, intro: "政府信息公开工作依据的法规、规章和本机关的工作制度。",
            groups: [
                Group(title: "法规和规章", id: "national", entries: nationalRules),
                Group(
                    title: "本机关制度", id: "own",
                    entries: [
                        Entry(
                            title: "政府信息公开指南", href: Routes.Portal.guide(agencyID: nil),
                            note: "\(agency?.name ?? "本机关")政府信息公开的方式、受理机构和办理流程"),
                        Entry(title: "政策文件", href: Routes.Portal.catalog(category: "policy", page: 1), note: "本机关发布的规范性文件和其他政策文件"),
                    ]),
            ])
    }

    static func services(categories: [CatalogCategory]) -> SectionPage {
        let wanted = ["licensing", "medical-services", "fees"]
        let own = wanted.compactMap { code in categories.first { $0.code == code } }
        return SectionPage(
            section: .services, intro: "申请政府信息公开、查询办理进度，以及与群众办事相关的公开信息。",
            groups: [
                Group(
                    title: "依申请公开", id: "requests",
                    entries: [
                        Entry(title: "在线申请政府信息公开", href: Routes.Portal.newRequest.path(), note: "申请不收费；超出一定数量或页数的按规定收取信息处理费"),
                        Entry(title: "办理进度查询", href: Routes.Portal.trackRequest.path()),
                    ]),
                Group(
                    title: "办事相关信息", id: "information",
                    entries: own.map { Entry(title: $0.name, href: Routes.Portal.catalog(category: $0.code, page: 1)) }),
                Group(
                    title: "便民服务", id: "convenience",
                    entries: [
                        Entry(title: "政府开放日", href: Routes.Portal.openDays.path(), note: "报名参加本机关的开放活动"),
                        Entry(title: "常见问题", href: Routes.Portal.faq.path()),
                    ]),
            ])
    }

    static func interaction() -> SectionPage {
        SectionPage(
            section: .interaction, intro: "给领导写信、对政策草案提意见、参加问卷调查，或者报告本网站的错误。",
            groups: [
                Group(
                    title: "领导信箱", id: "mailbox",
                    entries: [
                        Entry(title: "写信", href: Routes.Portal.mailbox.path(), note: "来信在规定时限内答复，答复可公开"),
                        Entry(title: "查询回复", href: Routes.Portal.trackMailbox.path()),
                    ]),
                Group(
                    title: "公众参与", id: "participation",
                    entries: [
                        Entry(title: "意见征集", href: Routes.Portal.consultations.path(), note: "对政策草案逐条发表意见"),
                        Entry(title: "问卷调查", href: Routes.Portal.surveys.path()),
                        Entry(title: "政府开放日", href: Routes.Portal.openDays.path()),
                    ]),
                Group(
                    title: "网站纠错", id: "site-errors",
                    entries: [
                        Entry(title: "我为政府网站找错", href: Routes.Portal.newSiteError.path(), note: "报告错别字、无法打开的链接、过时的信息"),
                        Entry(title: "常见问题", href: Routes.Portal.faq.path()),
                    ]),
            ])
    }
}

/// A list of documents with their number and date, as the home page and the section pages show it.
enum DocumentList {
    static func items(_ documents: [CatalogDocument]) -> Node<HTML.BodyContext> {
        .ul(
            .class("doc-list"),
            .forEach(documents) { doc in
                .li(
                    .a(.href(Routes.Portal.document.path(doc.id)), .text(doc.title)),
                    .span(
                        .class("doc-meta"),
                        .text([doc.documentNumber, doc.publishedOn?.description ?? ""].filter { !$0.isEmpty }.joined(separator: " · "))))
            })
    }
}
