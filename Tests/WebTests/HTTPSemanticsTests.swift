import AsyncHTTPClient
import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Storage
import Synchronization
import Testing

@testable import Services
@testable import Web

/// HTTP done right: HEAD on every GET route, validators and 304s on public pages, feeds and
/// attachments (never on console pages), a favicon, the print view's absolute source, and a
/// server that answers over IPv6 and IPv4.
@Suite struct HTTPSemanticsTests {
    @Test func headAnswersEveryGetRouteWithTheHeadersAndNoBody() async throws {
        let h = try await Harness.make("sqlite")
        let routes = buildRouter(h.env).routes.filter { $0.method == .get && !$0.path.description.contains("{") }
            .map(\.path.description)
        try await h.run { client in
            let cookies = try await client.signInWithForm("office")
            for path in routes + [Routes.Portal.document.path(1), Routes.Portal.catalog.path("policy")] {
                let get = try await client.execute(uri: path, method: .get, headers: Self.cookieHeader(cookies))
                let head = try await client.execute(uri: path, method: .head, headers: Self.cookieHeader(cookies))
                #expect(head.status == get.status, "HEAD \(path): \(head.status), GET \(get.status)")
                #expect(head.body.readableBytes == 0, "HEAD \(path) has a body")
                if get.status == .ok, head.headers[.contentLength] != nil {
                    #expect(head.headers[.contentLength] == String(get.body.readableBytes), "HEAD \(path): Content-Length")
                }
            }
        }
    }

    static func cookieHeader(_ cookies: [String: String]) -> HTTPFields {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        return headers
    }

    @Test(arguments: [true, false]) func publicPagesRevalidateWithA304(_ cached: Bool) async throws {
        var settings = WebSettings()
        if !cached { settings.pageCacheSeconds = 0 }
        let h = try await Harness.make("sqlite", settings: settings)
        try await h.run { client in
            for path in [
                Routes.Portal.home.path(), Routes.Portal.document.path(1), Routes.Portal.feed.path("all.atom"),
                Routes.Portal.sitemap.path(),
            ] {
                let first = try await client.getPage(path)
                #expect(first.status == .ok, "\(path)")
                let tag = try #require(first.headers[.eTag], "\(path) has no ETag")
                #expect(first.headers[.cacheControl] == "public, no-cache" && first.headers[.vary] == "Cookie", "\(path)")
                let again = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: tag])
                #expect(again.status == .notModified && again.body.readableBytes == 0 && again.headers[.eTag] == tag, "\(path)")
                let stale = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "\"something-else\""])
                #expect(stale.status == .ok && stale.body.readableBytes > 0, "\(path)")
            }
            // A staff page is never public and never validated for a shared cache.
            let cookies = try await client.signInWithForm("office")
            let console = try await client.getPage(Routes.Console.home.path(), cookies: cookies)
            #expect(console.headers[.cacheControl] == "no-store" && console.headers[.eTag] == nil)
        }
    }

    @Test func aPublishedAttachmentRevalidatesByItsDigest() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let pdf = Data("%PDF-1.4\n%%EOF\n".utf8)
            let added = try await h.db.stores.attachments.add(
                Attachment(
                    documentID: 1, fileName: "附件.pdf", kind: "pdf", contentType: "application/pdf", size: pdf.count,
                    sha256: "0123456789abcdef0123456789abcdef", removedMetadata: [], text: nil, uploadedBy: "test", createdAtMillis: 0),
                original: pdf, publicCopy: pdf)
            let aid = added.id
            let path = Routes.Portal.documentAttachment.path(1, aid, "附件.pdf")
            let first = try await client.getPage(path)
            let tag = try #require(first.headers[.eTag])
            #expect(tag.hasPrefix("\"a\(aid)-"))
            #expect(try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "W/" + tag]).status == .notModified)
        }
    }

    @Test func theFaviconIsAnIcon() async throws {
        let h = try await Harness.make("sqlite", demo: false)
        try await h.run { client in
            let icon = try await client.getPage(Routes.Portal.favicon.path())
            #expect(icon.status == .ok && icon.headers[.contentType] == "image/x-icon")
            #expect(Array(icon.body.readableBytesView.prefix(4)) == [0, 0, 1, 0])  // ICONDIR: reserved 0, type 1 (icon)
        }
    }

    @Test func thePrintViewCitesItsSourceInFull() async throws {
        var settings = WebSettings()
        settings.publicOrigin = "https://wjw.example.gov.cn"
        let h = try await Harness.make("sqlite", settings: settings)
        try await h.run { client in
            let print = try await client.getPage(Routes.Portal.documentPrint.path(1))
            #expect(print.text.contains("https://wjw.example.gov.cn/documents/1"))
        }
        #expect(throws: DomainError.self) { try WebSettings.fromEnvironment(["GONGKAI_PUBLIC_ORIGIN": "wjw.example.gov.cn"]) }
        #expect(
            try WebSettings.fromEnvironment(["GONGKAI_PUBLIC_ORIGIN": "https://wjw.example.gov.cn/"]).publicOrigin
                == "https://wjw.example.gov.cn")
    }

    /// `serve --hostname ::` answers on IPv6 and, through the IPv4-mapped addresses, on IPv4.
    @Test func theServerAnswersOverIPv6AndIPv4() async throws {
        let h = try await Harness.make("sqlite", demo: false)
        let bound = Mutex<Int?>(nil)
        let app = Application(
            responder: buildResponder(h.env), configuration: .init(address: .hostname("::", port: 0)),
            onServerRunning: { channel in bound.withLock { $0 = channel.localAddress?.port } })
        let server = Task { try await app.runService() }
        var port: Int?
        for _ in 0..<100 where port == nil {
            try await Task.sleep(for: .milliseconds(50))
            port = bound.withLock { $0 }
        }
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        do {
            let p = try #require(port)
            for host in ["[::1]", "127.0.0.1"] {
                let response = try await client.execute(HTTPClientRequest(url: "http://\(host):\(p)/healthz"), timeout: .seconds(10))
                #expect(response.status == .ok, "\(host)")
            }
        } catch {
            Issue.record(error)
        }
        try await client.shutdown()
        server.cancel()
        _ = await server.result
        await h.close()
    }
}

/// Staff pages show personal identifiers masked; the handler (or the office) reveals them with a
/// click that is archived, and nobody else can.
@Suite struct PersonalDataTests {
    @Test func identifiersAreMaskedUntilAnArchivedReveal() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let handler = try await client.token("handler")
            let made = try await client.postJSON(
                Routes.API.requests.path(),
                #"{"applicant":{"type":"natural_person","name":"张三","idNumber":"110105198001010016","phone":"13912345678","email":"zhangsan@example.com","address":"示范市人民路 8 号 3 单元"},"description":"2025年本市医疗机构名单","delivery":"email","channel":"letter","receivedOn":"2026-09-18"}"#,
                token: handler)
            #expect(made.status == .created, "\(made.text)")
            let id = Int64(try #require(try made.json()["id"] as? Int))
            let office = try await client.signInWithForm("office")
            let page = try await client.getPage(Routes.Console.request.path(id), cookies: office)
            #expect(page.text.contains("110105********0016") && !page.text.contains("110105198001010016"))
            #expect(page.text.contains("139****5678") && page.text.contains("z***@example.com") && !page.text.contains("13912345678"))
            #expect(page.text.contains("示范市人民路****") && !page.text.contains("3 单元"))

            let csrf = try await client.csrfToken(on: Routes.Console.request.path(id), cookies: office)
            let shown = try await client.postForm(Routes.Console.requestReveal.path(id), [("_csrf", csrf)], cookies: office)
            #expect(shown.status == .ok && shown.text.contains("110105198001010016") && shown.text.contains("13912345678"))
            let reveals = try await h.db.stores.audit.search(
                AuditFilter(action: "request.reveal", recordID: String(id)), limit: 10, offset: 0)
            #expect(reveals.count == 1 && reveals.first?.actorName == "office")

            // A handler the request is not assigned to may not look.
            let drafterless = try await client.signInWithForm("handler")
            let token = try await client.csrfToken(on: Routes.Console.request.path(id), cookies: drafterless)
            let refused = try await client.postForm(Routes.Console.requestReveal.path(id), [("_csrf", token)], cookies: drafterless)
            #expect(refused.status == .forbidden && !refused.text.contains("110105198001010016"))
        }
    }
}
