import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Services
@testable import Web

/// The headers every answer carries, and HSTS only where the visitor came over HTTPS, cached
/// pages included (their stored headers do not keep it).
@Suite struct SecurityHeaderTests {
    static let hsts = RequestSetupMiddleware.hstsField

    @Test func headersOnPagesApiAndCachedPages() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let https: HTTPFields = [.init("X-Forwarded-Proto")!: "https"]
            // A cacheable portal page over HTTPS (a miss, then a hit), then over HTTP (a hit).
            let path = "/browse"
            let first = try await client.execute(uri: path, method: .get, headers: https)
            let second = try await client.execute(uri: path, method: .get, headers: https)
            let plain = try await client.execute(uri: path, method: .get)
            #expect(first.status == .ok && second.headers[PageCache.header] == "hit" && plain.headers[PageCache.header] == "hit")
            #expect(first.headers[Self.hsts] == "max-age=31536000" && second.headers[Self.hsts] == "max-age=31536000")
            #expect(plain.headers[Self.hsts] == nil)
            for r in [first, second, plain] {
                #expect(r.headers[.init("X-Content-Type-Options")!] == "nosniff")
                #expect(r.headers[.init("Referrer-Policy")!] == "same-origin")
                let csp = r.headers[.init("Content-Security-Policy")!] ?? ""
                #expect(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"))
            }
            // The API and the console answer the same way.
            let api = try await client.execute(uri: "/api/v1/calendar/add-workdays?from=2025-09-30&days=20", method: .get, headers: https)
            #expect(api.headers[Self.hsts] == "max-age=31536000" && api.headers[.init("X-Content-Type-Options")!] == "nosniff")
            let login = try await client.execute(uri: "/login", method: .get)
            #expect(login.headers[Self.hsts] == nil && login.headers[.init("X-Frame-Options")!] == "DENY")
        }
    }

    @Test func hstsCanBeSwitchedOff() async throws {
        var settings = WebSettings()
        settings.hstsSeconds = 0
        let h = try await Harness.make("sqlite", settings: settings)
        try await h.run { client in
            let r = try await client.execute(uri: "/", method: .get, headers: [.init("X-Forwarded-Proto")!: "https"])
            #expect(r.status == .ok && r.headers[Self.hsts] == nil)
        }
        #expect(throws: DomainError.self) { try WebSettings.fromEnvironment(["GONGKAI_HSTS_SECONDS": "-1"]) }
        #expect(try WebSettings.fromEnvironment(["GONGKAI_HSTS_SECONDS": "600"]).hstsSeconds == 600)
    }
}
