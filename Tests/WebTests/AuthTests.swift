import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import StorageSQL
import Testing
import Web

@testable import Services

@Suite struct AuthTests {
    @Test(arguments: Harness.kinds) func apiTokensSignInExpireAndRevoke(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            // MUT
            let token = try await client.token("office")
            let me = try await client.getJSON("/api/v1/me", token: token)
            // validate
            #expect(me.status == .ok)
            #expect(try me.json()["roles"] as? [String] == ["office-admin"])
            #expect(try await client.getJSON("/api/v1/me").status == .unauthorized)
            #expect(try await client.getJSON("/api/v1/me", token: "forged").status == .unauthorized)
            // Revoked on logout.
            #expect(try await client.postJSON("/api/v1/auth/logout", "", token: token).status == .noContent)
            #expect(try await client.getJSON("/api/v1/me", token: token).status == .unauthorized)
            // Expired after 12 hours.
            let second = try await client.token("office")
            h.clock.advance(12 * 3600 + 1)
            #expect(try await client.getJSON("/api/v1/me", token: second).status == .unauthorized)
        }
    }

    @Test(arguments: Harness.kinds) func fiveFailuresLockTheAccountFor15Minutes(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let wrong = #"{"username":"drafter","password":"Wrong-pass-1"}"#
            for attempt in 1...4 {
                let r = try await client.postJSON("/api/v1/auth/login", wrong)
                #expect(r.status == .unauthorized)
                #expect(r.errorCode == "unauthenticated")
                #expect(r.text.contains("再错 \(5 - attempt) 次"))
            }
            let fifth = try await client.postJSON("/api/v1/auth/login", wrong)
            #expect(fifth.status.code == 423)
            #expect(fifth.errorCode == "account_locked")
            // Even the right password is refused while locked, on the API and on the form.
            let right = try await client.postJSON("/api/v1/auth/login", #"{"username":"drafter","password":"\#(Harness.password)"}"#)
            #expect(right.status.code == 423)
            let form = try await client.getPage("/login")
            let csrf = try #require(form.cookieValue("gk_csrf"))
            let page = try await client.postForm(
                "/login", [("_csrf", csrf), ("username", "drafter"), ("password", Harness.password)],
                cookies: ["gk_csrf": csrf])
            #expect(page.status.code == 423)
            #expect(page.text.contains("账号已锁定 15 分钟"))
            // The system administrator sees it waiting, and the lock lifts by itself after 15 minutes.
            let admin = try await client.signInWithForm("admin")
            #expect(try await client.getPage("/console", cookies: admin).text.contains("账号 drafter（孙晓雯）因多次输错密码被锁定"))
            h.clock.advance(15 * 60 + 1)
            _ = try await client.token("drafter")
            // Every attempt is in the archive, and the chain is intact.
            let failures = try await h.env.database.stores.audit.count(AuditFilter(action: "auth.login.failure"))
            #expect(failures == 7)
            #expect(try await AuditVerifier.verify(h.db.stores.audit) == .intact(count: try await h.db.stores.audit.count(AuditFilter())))
        }
    }

    /// One address trying many accounts: after 20 failures in 10 minutes even a right password
    /// waits, over the API and the form, until the window has passed.
    @Test func failuresFromOneAddressAreLimitedAcrossAccounts() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            for i in 0..<20 {
                let r = try await client.postJSON("/api/v1/auth/login", #"{"username":"nobody\#(i)","password":"Wrong-Pass-2026"}"#)
                #expect(r.status == .unauthorized)
            }
            let refused = try await client.postJSON("/api/v1/auth/login", #"{"username":"office","password":"\#(Harness.password)"}"#)
            #expect(refused.status.code == 429, "\(refused.text)")
            #expect((try refused.json()["error"] as? [String: Any])?["message"] as? String == "登录失败次数过多，请十分钟后再试")
            let page = try await client.getPage("/login")
            let csrf = try #require(page.cookieValue("gk_csrf"))
            let form = try await client.postForm(
                "/login", [("_csrf", csrf), ("username", "office"), ("password", Harness.password)], cookies: ["gk_csrf": csrf])
            #expect(form.status.code == 429 && form.text.contains("登录失败次数过多"))
            h.clock.advance(601)
            #expect(try await client.token("office").isEmpty == false)
        }
    }

    @Test func unknownUsersAndMissingFieldsGetTheSameAnswer() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let unknown = try await client.postJSON("/api/v1/auth/login", #"{"username":"nobody","password":"Xx-12345678"}"#)
            #expect(unknown.status == .unauthorized)
            #expect(try unknown.json().description.contains("用户名或密码错误"))
            let missing = try await client.postJSON("/api/v1/auth/login", #"{"username":"office"}"#)
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("缺少字段“password”"))
        }
    }

    @Test(arguments: Harness.kinds) func consoleFormNeedsCSRFAndSessionsGoIdle(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            // A post without the token is refused.
            let noToken = try await client.postForm("/login", [("username", "office"), ("password", Harness.password)])
            #expect(noToken.status == .forbidden)
            // Through the form, over HTTPS behind the proxy: the cookie is HttpOnly, SameSite=Lax and Secure.
            let form = try await client.getPage("/login")
            let csrf = try #require(form.cookieValue("gk_csrf"))
            let r = try await client.postForm(
                "/login", [("_csrf", csrf), ("username", "office"), ("password", Harness.password), ("next", "/console/calendar")],
                cookies: ["gk_csrf": csrf], headers: [.init("X-Forwarded-Proto")!: "https"])
            #expect(r.status == .seeOther)
            #expect(r.headers[.location] == "/console/calendar")
            let cookie = try #require(r.cookie("gk_session"))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Secure"))
            let session = ["gk_session": try #require(r.cookieValue("gk_session"))]
            #expect(try await client.getPage("/console", cookies: session).status == .ok)
            // Plain HTTP: no Secure flag (the browser would drop the cookie).
            let plain = try await client.signInWithForm("office")
            #expect(plain["gk_session"] != nil)
            // 29 idle minutes are fine; activity resets the clock; 31 idle minutes end the session.
            h.clock.advance(29 * 60)
            #expect(try await client.getPage("/console", cookies: session).status == .ok)
            h.clock.advance(29 * 60)
            #expect(try await client.getPage("/console", cookies: session).status == .ok)
            h.clock.advance(31 * 60)
            let expired = try await client.getPage("/console", cookies: session)
            #expect(expired.status == .seeOther)
            #expect(expired.headers[.location] == "/login?next=/console&ended=1")
            // The sign-in page says why.
            #expect(try await client.getPage("/login?next=/console&ended=1").text.contains("登录已失效"))
        }
    }

    @Test func logoutEndsTheSession() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let cookies = try await client.signInWithForm("reviewer")
            let csrf = try await client.csrfToken(on: "/console", cookies: cookies)
            #expect(try await client.postForm("/logout", [("_csrf", "wrong")], cookies: cookies).status == .forbidden)
            let out = try await client.postForm("/logout", [("_csrf", csrf)], cookies: cookies)
            #expect(out.status == .seeOther)
            #expect(try await client.getPage("/console", cookies: cookies).status == .seeOther)
            #expect(try await h.env.database.stores.audit.count(AuditFilter(action: "auth.logout")) == 1)
        }
    }

    @Test(arguments: Harness.kinds) func concurrentFailedSignInsKeepTheChainIntact(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<20 {
                    group.addTask {
                        let name = i % 2 == 0 ? "nobody\(i)" : "leader"
                        _ = try await client.postJSON("/api/v1/auth/login", #"{"username":"\#(name)","password":"Wrong-pass-\#(i)"}"#)
                    }
                }
                try await group.waitForAll()
            }
            let total = try await h.db.stores.audit.count(AuditFilter())
            #expect(try await AuditVerifier.verify(h.db.stores.audit) == .intact(count: total))
            #expect(try await h.db.stores.audit.count(AuditFilter(action: "auth.login.failure")) == 20)
        }
    }
}
