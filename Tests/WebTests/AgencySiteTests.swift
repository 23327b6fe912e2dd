import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Services
@testable import Web

/// Each agency's own site on the shared installation: host name, title, colour, and a portal
/// that shows and takes only that agency's records.
@Suite struct AgencySiteTests {
    static func onHost(_ host: String) -> HTTPFields { [.init("X-Forwarded-Host")!: host] }

    @Test(arguments: Harness.kinds) func anAgencyHostShowsItsOwnPortal(_ kind: String) async throws {
        let h = try await Harness.make(kind, settings: WebSettings(trustProxy: true))
        try await h.run { client in
            let stores = h.db.stores
            let cdc = try #require(try await stores.agencies.all().first { $0.kind == .subordinate })
            let county = try #require(try await stores.agencies.all().first { $0.kind == .county })
            let actor = AuditActor(agencyID: nil, userID: nil, name: "system", address: "local")
            try await DemoContent.loadConsultations(into: cdc, env: h.env.services, actor: actor)
            for (name, agency) in [("cdc-admin", cdc), ("county-admin", county)] {
                _ = try await h.env.userAdministration.create(
                    agencyID: agency.id, departmentID: nil, username: name, displayName: name, password: Harness.password,
                    roles: [.systemAdmin], by: actor)
            }
            let admin = try await client.token("cdc-admin")
            // Bad input names its field and stores nothing.
            let pale = try await client.postJSON("/api/v1/agency/site", ##"{"color":"#ffd21f"}"##, token: admin, method: .put)
            #expect(pale.status == .unprocessableContent && pale.errorField == "color")
            #expect(pale.text.contains("4.5:1"))
            let url = try await client.postJSON("/api/v1/agency/site", #"{"host":"http://cdc.example.gov.cn"}"#, token: admin, method: .put)
            #expect(url.errorField == "host")
            #expect(try await stores.agencies.find(id: cdc.id)?.site == AgencySite())
            #expect(
                try await client.postJSON("/api/v1/agency/site", #"{"host":"x"}"#, token: try await client.token("office"), method: .put)
                    .status == .forbidden)
            let saved = try await client.postJSON(
                "/api/v1/agency/site", ##"{"host":"CDC.Example.gov.cn","title":"示范市疾控中心","color":"#0B4F9C"}"##, token: admin, method: .put)
            #expect(saved.status == .ok, "\(saved.text)")
            #expect(try saved.json()["host"] as? String == "cdc.example.gov.cn")
            #expect(try saved.json()["color"] as? String == "#0b4f9c")
            #expect(try await stores.audit.count(AuditFilter(action: "agency.site", recordID: String(cdc.id))) == 1)
            // One agency per host.
            let taken = try await client.postJSON(
                "/api/v1/agency/site", #"{"host":"cdc.example.gov.cn"}"#, token: try await client.token("county-admin"), method: .put)
            #expect(taken.status == .conflict)

            // The main portal and the agency's own, each twice (the second from the page cache).
            let rootTitle = "示范市卫生健康委员会2026年政务公开工作要点"
            let cdcTitle = "公开征求意见采纳情况的说明"
            for _ in 0..<2 {
                let own = try await client.execute(uri: "/", method: .get, headers: Self.onHost("cdc.example.gov.cn:443"))
                #expect(own.text.contains("示范市疾控中心 政府信息公开"))
                #expect(own.text.contains("/assets/brand/\(cdc.id)-0b4f9c.css"))
                #expect(!own.text.contains(rootTitle))
                let main = try await client.execute(uri: "/", method: .get, headers: Self.onHost("www.example.gov.cn"))
                #expect(main.text.contains("示范市卫生健康委员会 政府信息公开"))
                #expect(main.text.contains(rootTitle))
                #expect(!main.text.contains("/assets/brand/"))
                let browse = try await client.execute(uri: "/browse", method: .get, headers: Self.onHost("cdc.example.gov.cn"))
                #expect(browse.text.contains(cdcTitle) && !browse.text.contains(rootTitle))
                let all = try await client.execute(uri: "/browse", method: .get, headers: Self.onHost("www.example.gov.cn"))
                #expect(all.text.contains(cdcTitle) && all.text.contains(rootTitle))
            }
            let api = try await client.execute(uri: "/api/v1/public/documents", method: .get, headers: Self.onHost("cdc.example.gov.cn"))
            #expect(try api.json()["total"] as? Int == 1)
            let css = try await client.getPage("/assets/brand/\(cdc.id)-0b4f9c.css")
            #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8" && css.text.contains("#0b4f9c"))
            #expect(try await client.getPage("/assets/brand/\(cdc.id)-8c1c13.css").status == .notFound)
            #expect(try await client.getPage("/assets/brand/\(county.id)-0b4f9c.css").status == .notFound)

            // What the public sends through the agency's site goes to that agency.
            var headers = Self.onHost("cdc.example.gov.cn")
            headers[.contentType] = "application/json"
            let report = try await client.execute(
                uri: "/api/v1/public/site-errors", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"pageUrl":"/","description":"首页图片无法显示"}"#))
            #expect(report.status == .created)
            let id = try #require(try report.json()["id"] as? Int)
            #expect(try await stores.siteErrors.find(id: Int64(id))?.agencyID == cdc.id)
            let letter = try await client.execute(
                uri: "/api/v1/public/mailbox", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"kind":"inquiry","subject":"疫苗接种点","body":"请问周末是否可以接种？","name":"王先生","phone":"13800000000"}"#))
            #expect(letter.status == .created, "\(letter.text)")
            let mail = try await stores.mailbox.find(id: Int64(try #require(try letter.json()["id"] as? Int)))
            #expect(mail?.agencyID == cdc.id)
            // Without a trusted proxy the header is ignored: the visitor cannot pick a site.
            let plain = try await Harness.make(kind)
            try await plain.run { other in
                let page = try await other.execute(uri: "/", method: .get, headers: Self.onHost("cdc.example.gov.cn"))
                #expect(page.text.contains("示范市卫生健康委员会 政府信息公开"))
            }
        }
    }

    @Test func hostsAndColoursAreChecked() throws {
        #expect(try AgencySite.normalizedHost(" WJW.Example.GOV.cn ") == "wjw.example.gov.cn")
        #expect(try AgencySite.normalizedHost("") == nil)
        for bad in ["localhost", "a..b", "-a.example.cn", "a_b.example.cn", "wjw.example.cn:8080", "wjw.example.cn/x"] {
            #expect(throws: DomainError.self) { _ = try AgencySite.normalizedHost(bad) }
        }
        // #8c1c13 (the default) is 9.2:1, #767676 is the lightest grey that passes, #777777 fails.
        #expect((AgencySite.contrastWithWhite(0x8c1c13) * 10).rounded() == 92)
        #expect(try AgencySite.normalizedColor("#767676") == "#767676")
        #expect(throws: DomainError.self) { _ = try AgencySite.normalizedColor("#777777") }
        #expect(throws: DomainError.self) { _ = try AgencySite.normalizedColor("red") }
    }
}
