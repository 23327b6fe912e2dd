import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Synchronization
import Testing

@testable import Services
@testable import Web

/// The link checker against a local test site with known broken links, and our own portal
/// served on loopback: nothing leaves 127.0.0.1.
@Suite struct LinkCheckTests {
    /// The "other website": a page that works, one that is gone, redirects (one to a page, one
    /// to itself), a server that refuses HEAD and one too slow to answer.
    final class Hits: Sendable {
        let count = Mutex(0)
    }

    static func testSite(hits: Hits) -> Application<RouterResponder<BasicRequestContext>> {
        let router = Router()
        router.middlewares.add(
            CountingMiddleware(count: { hits.count.withLock { $0 += 1 } }))
        let page = "<html><body>ok</body></html>"
        router.get("/ok") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: page)))
        }
        router.get("/gone") { _, _ in Response(status: .notFound) }
        router.get("/moved") { _, _ in Response.redirect(to: "/ok", type: .permanent) }
        router.get("/loop") { _, _ in Response.redirect(to: "/loop", type: .found) }
        router.on("/no-head", method: .head) { _, _ in Response(status: .methodNotAllowed) }
        router.get("/no-head") { _, _ in Response(status: .ok) }
        router.get("/slow") { _, _ in
            try await Task.sleep(for: .seconds(8))
            return Response(status: .ok)
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    struct CountingMiddleware: RouterMiddleware {
        typealias Context = BasicRequestContext
        let count: @Sendable () -> Void
        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
            count()
            return try await next(request, context)
        }
    }

    /// A published document of 政策法规科 whose text names the links.
    static func publish(_ h: Harness, body: String) async throws -> CatalogDocument {
        let stores = h.db.stores
        let department = try #require(try await stores.agencies.departments(of: 1).first { $0.name == "政策法规科" })
        let at = h.env.nowMillis
        let on = h.env.today
        let d = try await stores.catalog.create(
            CatalogDocument(
                id: 0, agencyID: 1, departmentID: department.id, kind: .general, title: "关于公布部分医疗机构网址的通知", body: body,
                documentNumber: "", categoryCode: "other", indexNumber: "11370812004339255B/2026-09001", writtenOn: on, publishedOn: on,
                formedOn: on, workflow: WorkflowState(status: .published), createdAtMillis: at, updatedAtMillis: at))
        try await stores.catalog.appendVersion(
            DocumentVersion(
                documentID: d.id, revision: d.revision, title: d.title, body: d.body, publicBody: d.publicBody, publishedAtMillis: at,
                publishedBy: "测试"))
        return d
    }

    func check(allowPrivate: Bool, _ assertions: @Sendable (TestResponse, [String: Any], Int, Int, Int64, Int) async throws -> Void)
        async throws
    {
        var settings = ServiceSettings(bcryptCost: 4)
        settings.linkCheck.allowPrivateHosts = allowPrivate
        settings.linkCheck.concurrency = 2
        // Generous for our own pages while other tests load the machine; /slow takes 8 s.
        settings.linkCheck.timeoutSeconds = 4
        let h = try await Harness.make("sqlite", rules: settings)
        // The footer's filing links lead to the national filing sites, which this sandbox cannot
        // reach; the crawl here is about the links the tests plant.
        let root = try #require(try await h.db.stores.agencies.root())
        var site = root.site
        site.registration = SiteRegistration()
        try await h.db.stores.agencies.saveSite(agencyID: root.id, site)
        let hits = Hits()
        do {
            try await Self.testSite(hits: hits).test(.live) { site in
                let sitePort = try #require(site.port)
                let portal = Application(responder: buildResponder(h.env), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
                try await portal.test(.live) { client in
                    let port = try #require(client.port)
                    let base = "http://127.0.0.1:\(sitePort)"
                    let doc = try await Self.publish(
                        h,
                        body: "医院网站：\(base)/ok ，\(base)/gone ，\(base)/moved 。\n预约平台（\(base)/no-head）、\(base)/loop、\(base)/slow。\n"
                            + "原通知见 http://127.0.0.1:\(port)/documents/999999 。")
                    let office = try await client.token("office")
                    let bad = try await client.postJSON("/api/v1/link-checks", #"{"origin":"ftp://example.cn"}"#, token: office)
                    #expect(bad.status == .unprocessableContent && bad.errorField == "origin")
                    let started = try await client.postJSON(
                        "/api/v1/link-checks", #"{"origin":"http://127.0.0.1:\#(port)"}"#, token: office)
                    #expect(started.status == .accepted, "\(started.text)")
                    var latest = try await client.getJSON("/api/v1/link-checks/latest", token: office)
                    for _ in 0..<300 where try latest.json()["running"] as? Bool == true {
                        try await Task.sleep(for: .milliseconds(200))
                        latest = try await client.getJSON("/api/v1/link-checks/latest", token: office)
                    }
                    try await assertions(latest, try latest.json(), sitePort, port, doc.id, hits.count.withLock { $0 })
                    let cookies = try await client.signInWithForm("office")
                    let page = try await client.getPage("/console/links", cookies: cookies)
                    #expect(page.status == .ok && page.text.contains("政策法规科") && page.text.contains("关于公布部分医疗机构网址的通知"))
                }
            }
        } catch {
            await h.close()
            throw error
        }
        await h.close()
    }

    @Test func brokenLinksAreFoundWithTheirPagesAndOwners() async throws {
        try await check(allowPrivate: true) { latest, json, site, port, docID, hits in
            #expect(json["running"] as? Bool == false, "\(latest.text)")
            let broken = try #require(json["broken"] as? [[String: Any]])
            let urls = Set(broken.compactMap { $0["url"] as? String })
            let base = "http://127.0.0.1:\(site)"
            #expect(urls == ["\(base)/gone", "\(base)/loop", "\(base)/slow", "http://127.0.0.1:\(port)/documents/999999"], "\(urls)")
            let gone = try #require(broken.first { $0["url"] as? String == "\(base)/gone" })
            #expect(gone["status"] as? Int == 404)
            let pages = try #require(gone["pages"] as? [[String: Any]])
            #expect(pages.first?["path"] as? String == "/documents/\(docID)")
            #expect(pages.first?["owner"] as? String == "政策法规科")
            func problem(_ path: String) -> String {
                broken.first(where: { $0["url"] as? String == base + path })?["problem"] as? String ?? ""
            }
            #expect(problem("/loop") == "跳转次数过多")
            #expect(problem("/slow").contains("没有应答"))
            #expect((json["pagesRead"] as? Int ?? 0) >= 5)
            #expect(hits > 0)
        }
    }

    @Test func theIntranetIsListedNotProbed() async throws {
        try await check(allowPrivate: false) { _, json, site, port, _, hits in
            let notChecked = Set((json["notChecked"] as? [[String: Any]] ?? []).compactMap { $0["url"] as? String })
            #expect(notChecked.contains("http://127.0.0.1:\(site)/gone"))
            #expect(hits == 0)
            // Our own portal is checked all the same.
            let broken = Set((json["broken"] as? [[String: Any]] ?? []).compactMap { $0["url"] as? String })
            #expect(broken == ["http://127.0.0.1:\(port)/documents/999999"])
        }
    }

    @Test func linksAreFoundAndResolved() {
        let html =
            ##"<a href="/documents/3">x</a><img src='/a.png'><a href="#top">t</a> 见https://www.nhc.gov.cn/x?a=1&amp;b=2，及 http://a.cn/b。"##
        #expect(
            LinkExtractor.links(inHTML: html) == ["/documents/3", "/a.png", "#top", "https://www.nhc.gov.cn/x?a=1&b=2", "http://a.cn/b"])
        let page = WebAddress("https://wjw.example.cn/columns/news?page=2#x")!
        #expect(page.target == "/columns/news?page=2")
        #expect(page.resolve("../guide")?.description == "https://wjw.example.cn/guide")
        #expect(page.resolve("//cdn.example.cn/a.js")?.description == "https://cdn.example.cn/a.js")
        #expect(page.resolve("mailto:a@b.cn") == nil && page.resolve("javascript:void(0)") == nil)
        #expect(WebAddress("http://10.1.2.3:8080/")!.isPrivate && WebAddress("http://localhost/")!.isPrivate)
        #expect(!WebAddress("http://172.32.0.1/")!.isPrivate && !WebAddress("https://www.gov.cn/")!.isPrivate)
        #expect(WebAddress("ftp://x.cn/") == nil && WebAddress("http://a.cn:99999/") == nil)
    }
}
