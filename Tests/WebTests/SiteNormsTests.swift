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
            }
            #expect(checked >= 15)
            let map = try await client.getPage(Routes.Portal.siteMap.path())
            for entry in ["政府信息公开指南", "法定主动公开内容", "政府信息公开年报", "依申请公开", "领导信箱", "我为政府网站找错"] {
                #expect(map.text.contains(entry), "site map: \(entry)")
            }
            #expect(map.text.contains(Routes.Portal.catalog(category: "policy", page: 1)))
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
}
