import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Web

@testable import Services

@Suite struct PortalTests {
    @Test(arguments: Harness.kinds) func homeListsDocumentsAndTheGuide(_ kind: String) async throws {
        // setup
        let h = try await Harness.make(kind)
        try await h.run { client in
            // MUT
            let home = try await client.getPage("/")
            // validate
            #expect(home.status == .ok)
            #expect(home.headers[.contentType] == "text/html; charset=utf-8")
            #expect(home.headers[values: .setCookie].isEmpty)  // public pages set no cookie: they stay cacheable
            let html = home.text
            #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"zh-CN\">"))
            #expect(html.contains("示范市卫生健康委员会2026年政务公开工作要点"))
            #expect(html.contains("政府信息公开指南"))
            #expect(html.contains("0000-12345679"))  // fax, one of the Art. 12 fields
            #expect(html.contains("href=\"#main\""))
            // One script, and only to offer 朗读本页 where the browser can speak: the page works without it.
            #expect(html.components(separatedBy: "<script").count == 2)
            #expect(html.contains(#"<script src="/assets/read-aloud.js" defer="defer"></script>"#))
            #expect(html.contains(#"id="read-aloud" class="read-aloud" hidden="hidden""#))
            let doc = try await client.getPage("/documents/1")
            #expect(doc.status == .ok)
            #expect(doc.text.contains("示卫办发〔2026〕3号"))
            #expect(doc.text.contains("2026年3月18日"))
            let missing = try await client.getPage("/documents/999")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("未找到该文件"))
            let guide = try await client.getPage("/guide")
            #expect(guide.status == .ok)
            #expect(guide.text.contains("索引号编制规则") && guide.text.contains("示范市疾病预防控制中心"))
            #expect(try await client.getPage("/agencies/2/guide").text.contains("示范市疾病预防控制中心政府信息公开指南"))
            #expect(try await client.getPage("/feeds/nope.atom").status == .notFound)
            let css = try await client.getPage("/assets/site.css")
            #expect(css.text.contains("@media print"))
        }
    }

    @Test func attributeValuesAreEscaped() async throws {
        let h = try await Harness.make("sqlite")
        let agency = try await h.db.stores.agencies.root()!
        _ = try await h.db.stores.catalog.create(
            CatalogDocument(
                id: 0, agencyID: agency.id, title: #"危险"><script>alert(1)</script>"#, body: "正文", categoryCode: "policy",
                writtenOn: CivilDate(iso: "2026-01-01")!, publishedOn: CivilDate(iso: "2026-01-02")!,
                workflow: WorkflowState(status: .published)))
        try await h.run { client in
            let home = try await client.getPage("/")
            #expect(!home.text.contains("<script>"))
            // The return path of the display switch echoes the URL: it must not break out of its attribute.
            let page = try await client.getPage("/?q=%22%3E%3Cscript%3E")
            #expect(!page.text.contains("\"><script>"))
        }
    }

    @Test func elderlyModeIsRememberedAndCrossSitePostsAreRefused() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let r = try await client.postForm("/preferences/display", [("mode", "elderly"), ("next", "/documents/1")])
            #expect(r.status == .seeOther)
            #expect(r.headers[.location] == "/documents/1")
            let cookie = try #require(r.cookie("gk_display"))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            let page = try await client.getPage("/documents/1", cookies: ["gk_display": "elderly"])
            #expect(page.text.contains("<body class=\"portal elderly\">"))
            #expect(page.text.contains("切换到标准版"))
            let offsite = try await client.postForm("/preferences/display", [("mode", "elderly"), ("next", "//evil.example/")])
            #expect(offsite.headers[.location] == "/")
            let bad = try await client.postForm("/preferences/display", [("mode", "huge")])
            #expect(bad.status == .unprocessableContent)
            let forged = try await client.postForm(
                "/preferences/display", [("mode", "elderly")], headers: [.init("Sec-Fetch-Site")!: "cross-site"])
            #expect(forged.status == .forbidden)
        }
    }

    @Test(arguments: Harness.kinds) func healthAndMetrics(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let health = try await client.getJSON("/healthz")
            #expect(health.status == .ok)
            #expect(try health.json()["database"] as? String == (kind == "postgres" ? "postgres" : "sqlite"))
            let metrics = try await client.getPage("/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
        }
    }

    @Test func healthAnswers503WhenTheDatabaseIsGone() async throws {
        let h = try await Harness.make("sqlite")
        let app = Application(responder: buildResponder(h.env))
        await h.db.shutdown()
        try await app.test(.router) { client in
            let health = try await client.getJSON("/healthz")
            #expect(health.status == .serviceUnavailable)
        }
    }
}
