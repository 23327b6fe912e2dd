import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Services
@testable import Web

/// The norms a government website is inspected against (国办发〔2017〕47号 and its 网页设计规范):
/// every portal page carries the site's metadata tags and, in its footer, the 主办单位, 网站标识码,
/// the ICP and public-security filings and links to the site map and to 我为政府网站找错.
@Suite struct SiteNormsTests {
    @Test func everyPortalPageCarriesTheTagsAndTheFooter() async throws {
        let h = try await Harness.make("sqlite")
        let pages =
            buildRouter(h.env).routes.filter {
                $0.method == .get && !$0.path.description.contains("{") && !$0.path.description.hasPrefix("/api/")
                    && !$0.path.description.hasPrefix("/console") && !$0.path.description.hasPrefix("/assets")
            }.map(\.path.description) + [Routes.Portal.document.path(1), Routes.Portal.catalog.path("policy"), Routes.Portal.guide.path()]
        try await h.run { client in
            var checked = 0
            for path in pages {
                let page = try await client.getPage(path)
                guard page.status == .ok, page.headers[.contentType]?.hasPrefix("text/html") == true else { continue }
                checked += 1
                let html = page.text
                #expect(html.contains(#"<meta name="SiteName" content="示范市卫生健康委员会"/>"#), "\(path): SiteName")
                #expect(html.contains(#"<meta name="SiteDomain" content="#), "\(path): SiteDomain")
                #expect(html.contains(#"<meta name="SiteIDCode" content="9999000001"/>"#), "\(path): SiteIDCode")
                #expect(html.contains("主办单位：示范市卫生健康委员会") && html.contains("网站标识码"), "\(path): 主办单位")
                #expect(html.contains(#"href="https://beian.miit.gov.cn/""#) && html.contains("公网安备"), "\(path): filings")
                #expect(html.contains(#"href="/site-map""#) && html.contains("我为网站找错"), "\(path): site map and error report")
                // 当前位置 on every page below home, starting at 首页 and ending at the page itself.
                if path == Routes.Portal.home.path() {
                    #expect(!html.contains(#"aria-label="当前位置""#))
                } else {
                    #expect(html.contains(#"<nav class="breadcrumb" aria-label="当前位置">"#), "\(path): breadcrumb")
                    #expect(
                        html.contains(#"<li><a href="/">首页</a></li>"#) && html.contains(#"<span aria-current="page">"#), "\(path): trail")
                }
                // The header follows the usual shape.
                for (label, href) in [("机构概况", "/about"), ("政务公开", "/open"), ("政务服务", "/services"), ("互动交流", "/interaction")] {
                    #expect(html.contains(#"<a href="\#(href)""#) && html.contains(">\(label)</a>"), "\(path): nav \(label)")
                }
            }
            #expect(checked >= 15)
            let map = try await client.getPage(Routes.Portal.siteMap.path())
            for entry in ["政府信息公开指南", "法定主动公开内容", "政府信息公开年报", "依申请公开", "领导信箱", "我为政府网站找错"] {
                #expect(map.text.contains(entry), "site map: \(entry)")
            }
            #expect(map.text.contains(Routes.Portal.catalog(category: "policy", page: 1)))

            // 政府信息公开: the first level of 国办公开办函〔2019〕61号, in order.
            let open = try await client.getPage(Routes.Portal.disclosure.path()).text
            let firstLevel = ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开"]
            let positions = firstLevel.map { open.range(of: ">\($0)</h2>")?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil }, "\(positions)")
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
            #expect(open.contains(#"<meta name="ColumnName" content="政府信息公开"/>"#) && open.contains(#"<meta name="ColumnType""#))

            // Column tags on a catalog page, article tags on a document page.
            let catalog = try await client.getPage(Routes.Portal.catalog(category: "policy", page: 1)).text
            for tag in ["ColumnName", "ColumnDescription", "ColumnKeywords", "ColumnType"] {
                #expect(catalog.contains(#"<meta name="\#(tag)" content=""#), "catalog: \(tag)")
            }
            #expect(catalog.contains(#"<li><a href="/open">政务公开</a></li><li><a href="/browse">法定主动公开内容</a></li>"#))
            let document = try await client.getPage(Routes.Portal.document.path(1)).text
            for tag in ["ArticleTitle", "PubDate", "ContentSource", "Keywords", "Author", "Description", "Url"] {
                #expect(document.contains(#"<meta name="\#(tag)" content=""#), "document: \(tag)")
            }
            #expect(document.contains(#"<meta name="Url" content="http://"#) && document.contains("/documents/1\"/>"))

            // The home page carries 我为政府网站找错 in its body, not only in the footer.
            let home = try await client.getPage(Routes.Portal.home.path()).text
            let main = home[home.range(of: "<main")!.lowerBound..<home.range(of: "</main>")!.lowerBound]
            #expect(main.contains("我为政府网站找错"))
        }
    }

    @Test func anAgencySetsItsOwnNavigation() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let admin = try await client.token("admin")
            let bad = try await client.postJSON(
                Routes.API.agencySite.path(), #"{"navigation":[{"label":"首页","href":"javascript:alert(1)"}]}"#, token: admin, method: .put)
            #expect(bad.status == .unprocessableContent && bad.errorField == "navigation", "\(bad.text)")
            let saved = try await client.postJSON(
                Routes.API.agencySite.path(),
                #"{"navigation":[{"label":"首页","href":"/"},{"label":"信息公开","href":"/open"},{"label":"政务服务网","href":"https://zwfw.example.gov.cn/"}]}"#,
                token: admin, method: .put)
            #expect(saved.status == .ok, "\(saved.text)")
            let home = try await client.getPage(Routes.Portal.guide.path()).text
            #expect(home.contains(#"<a href="/open">信息公开</a>"#) && home.contains(#"<a href="https://zwfw.example.gov.cn/">政务服务网</a>"#))
            #expect(!home.contains(">机构概况</a>"))
            // The form: one entry a line; a bad line is marked and nothing is saved.
            let cookies = try await client.signInWithForm("admin")
            let form = try await client.getPage(Routes.Console.site.path(), cookies: cookies)
            #expect(form.text.contains("信息公开 | /open"))
            let csrf = try await client.csrfToken(on: Routes.Console.site.path(), cookies: cookies)
            let refused = try await client.postForm(
                Routes.Console.site.path(), [("_csrf", csrf), ("navigation", "只有名称")], cookies: cookies)
            #expect(refused.status == .unprocessableContent && refused.text.contains("第 1 行应为"))
            #expect(try await client.getPage(Routes.Portal.guide.path()).text.contains(">信息公开</a>"))
        }
    }

    @Test func theSystemAdministratorSetsTheFilings() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let admin = try await client.token("admin")
            let bad = try await client.postJSON(
                Routes.API.agencySite.path(), #"{"title":"","color":"","registration":{"siteCode":"37-00"}}"#, token: admin, method: .put)
            #expect(bad.status == .unprocessableContent && bad.errorField == "siteCode")
            let saved = try await client.postJSON(
                Routes.API.agencySite.path(),
                #"{"title":"","color":"","registration":{"sponsor":"示范市人民政府办公室","siteCode":"3799000042","icp":"示ICP备88888888号-1","psb":"示公网安备 99990002000042号","psbLink":"https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=99990002000042","conacImage":"https://dcs.conac.cn/image/red.png","conacLink":"https://bszs.conac.cn/sitename?method=show&id=1"}}"#,
                token: admin, method: .put)
            #expect(saved.status == .ok, "\(saved.text)")
            let home = try await client.getPage(Routes.Portal.home.path()).text
            #expect(home.contains("主办单位：示范市人民政府办公室") && home.contains("3799000042") && home.contains("示ICP备88888888号-1"))
            #expect(home.contains(#"href="https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=99990002000042""#))
            #expect(home.contains(#"src="https://dcs.conac.cn/image/red.png""#) && home.contains(#"alt="党政机关网站开办单位标识""#))
            let archived = try await h.db.stores.audit.search(AuditFilter(action: "agency.site"), limit: 5, offset: 0)
            #expect(archived.count == 1)
        }
    }

    @Test func theSystemAdministratorUploadsTheEmblem() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let png = try #require(
                Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="))
            let cookies = try await client.signInWithForm("admin")
            let csrf = try await client.csrfToken(on: Routes.Console.site.path(), cookies: cookies)
            // Not a picture: the form again with the field marked, nothing stored.
            let bad = try await client.postFile(
                Routes.Console.siteEmblem.path(), fileName: "logo.svg", data: Data("<svg onload=alert(1)/>".utf8),
                fields: [("_csrf", csrf)],
                cookies: cookies, field: "emblem")
            #expect(bad.status == .unprocessableContent && bad.text.contains("PNG 或 JPEG"), "\(bad.status)")
            #expect(try await h.db.stores.agencies.emblem(agencyID: 1) == nil)
            let saved = try await client.postFile(
                Routes.Console.siteEmblem.path(), fileName: "logo.png", data: png, fields: [("_csrf", csrf)], cookies: cookies,
                field: "emblem")
            #expect(saved.status == .seeOther)
            let home = try await client.getPage(Routes.Portal.home.path()).text
            // An empty alt (written `alt`, the same as `alt=""`): the name beside it says what it is.
            let src = try #require(home.firstMatch(of: /<img src="(\/assets\/emblem\/1-[0-9a-f]{12}\.png)" alt class="site-emblem"/)?.1)
            let image = try await client.getPage(String(src))
            #expect(image.status == .ok && image.headers[.contentType] == "image/png" && Data(image.body.readableBytesView) == png)
            #expect(image.headers[.cacheControl]?.contains("immutable") == true)
            #expect(try await client.getPage("/assets/emblem/1-000000000000.png").status == .notFound)
            let archived = try await h.db.stores.audit.search(AuditFilter(action: "agency.site"), limit: 5, offset: 0)
            #expect(archived.first?.detail.hasPrefix("上传网站标识") == true)
            // Removed: gone from the masthead and from its address.
            let removed = try await client.postForm(Routes.Console.siteEmblem.path(), [("_csrf", csrf), ("remove", "1")], cookies: cookies)
            #expect(removed.status == .seeOther)
            #expect(!(try await client.getPage(Routes.Portal.home.path()).text.contains("site-emblem")))
            #expect(try await client.getPage(String(src)).status == .notFound)
        }
    }
}
