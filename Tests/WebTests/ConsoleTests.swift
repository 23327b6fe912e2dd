import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import StorageSQL
import Testing
import Web

@testable import Services

@Suite struct ConsoleTests {
    /// Routes anyone may use. Every other route must refuse a visitor who is not signed in.
    static let publicRoutes: Set<String> = [
        "GET /", "GET /documents/{id}", "GET /search", "GET /catalog/{category}", "GET /sitemap.xml", "GET /feeds/{feed}",
        "GET /guide", "GET /agencies/{id}/guide", "GET /assets/site.css", "GET /favicon.ico", "GET /site-map", "POST /preferences/display",
        "GET /assets/read-aloud.js", "GET /assets/emblem/{file}", "GET /assets/cursor.svg", "GET /requests/receipt",
        "GET /site-errors/receipt", "GET /mailbox/receipt",
        "GET /about", "GET /open", "GET /open/rules",
        "GET /services", "GET /interaction",
        "GET /documents/{id}/attachments/{attachment}/{name}", "GET /browse", "GET /columns/{code}", "GET /subjects",
        "GET /documents/{id}/print",
        "GET /login", "POST /login", "GET /healthz",
        "GET /metrics", "GET /api/v1/openapi.json", "POST /api/v1/auth/login", "GET /api/v1/calendar/add-workdays",
        "GET /api/v1/calendar/workdays-between", "GET /api/v1/calendar/notices", "GET /api/v1/public/documents",
        "GET /api/v1/public/documents/{id}", "GET /requests/new", "POST /requests/new", "GET /requests/track",
        "POST /api/v1/public/requests", "GET /api/v1/public/requests/{code}", "GET /plans/{id}", "GET /plans",
        "GET /api/v1/public/ledgers/{id}", "GET /reports/annual", "GET /reports/annual/{year}", "GET /agencies/{id}/reports/annual/{year}",
        "GET /agencies/{id}/reports/annual/{year}/{file}", "GET /api/v1/public/reports/annual/{year}", "GET /consultations",
        "GET /consultations/{id}", "POST /consultations/{id}/comments", "POST /consultations/{id}/comments/{cid}/confirm",
        "GET /api/v1/public/consultations", "GET /api/v1/public/consultations/{id}", "POST /api/v1/public/consultations/{id}/comments",
        "POST /api/v1/public/consultations/{id}/comments/{cid}/confirm", "GET /mailbox", "POST /mailbox", "GET /mailbox/track",
        "POST /mailbox/rate", "GET /mailbox/replies/{id}", "GET /faq", "POST /api/v1/public/mailbox", "GET /api/v1/public/mailbox",
        "GET /api/v1/public/mailbox/{code}", "POST /api/v1/public/mailbox/{code}/rating", "GET /api/v1/public/faq",
        "GET /site-errors/new", "POST /site-errors", "POST /api/v1/public/site-errors", "GET /open-days", "GET /open-days/{id}",
        "POST /open-days/{id}/register", "GET /api/v1/public/open-days", "POST /api/v1/public/open-days/{id}/registrations",
        "GET /assets/survey.js", "GET /assets/brand/{file}", "GET /media", "GET /surveys", "GET /surveys/{id}", "GET /surveys/{id}/results",
        "POST /surveys/{id}/responses",
        "POST /surveys/{id}/responses/{rid}/confirm", "GET /api/v1/public/surveys", "GET /api/v1/public/surveys/{id}",
        "GET /api/v1/public/surveys/{id}/results", "POST /api/v1/public/surveys/{id}/responses",
        "POST /api/v1/public/surveys/{id}/responses/{rid}/confirm",
    ]

    static func key(_ route: (method: HTTPRequest.Method, path: String)) -> String {
        "\(route.method.rawValue) " + route.path.replacingOccurrences(of: #":([a-z]+)"#, with: "{$1}", options: .regularExpression)
    }

    @Test func staffRoutesDenyByDefault() async throws {
        let h = try await Harness.make("sqlite")
        let routes = buildRouter(h.env).routes.map { (method: $0.method, path: $0.path.description) }
        try await h.run { client in
            var checked = 0
            for route in routes where !Self.publicRoutes.contains(Self.key(route)) {
                let uri = route.path.replacingOccurrences(of: ":id", with: "1")
                let r = try await client.execute(
                    uri: uri, method: route.method, headers: [.contentType: "application/x-www-form-urlencoded"])
                if uri.hasPrefix("/api/") {
                    #expect(r.status == .unauthorized, "\(Self.key(route))")
                } else {
                    #expect([.seeOther, .unauthorized].contains(r.status), "\(Self.key(route)) answered \(r.status)")
                }
                checked += 1
            }
            #expect(checked >= 10)
        }
    }

    @Test(arguments: Harness.kinds) func rolesSeparateTheConsole(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let auditor = try await client.signInWithForm("auditor")
            let admin = try await client.signInWithForm("admin")
            let office = try await client.signInWithForm("office")
            #expect(try await client.getPage("/console/users", cookies: auditor).status == .forbidden)
            #expect(try await client.getPage("/console/audit", cookies: admin).status == .forbidden)
            #expect(try await client.getPage("/console/audit", cookies: office).status == .forbidden)
            #expect(try await client.getPage("/console/calendar", cookies: admin).status == .forbidden)
            let audit = try await client.getPage("/console/audit?action=auth.login.success", cookies: auditor)
            #expect(audit.status == .ok)
            #expect(audit.text.contains("auth.login.success"))
            #expect(!audit.text.contains("user.create"))
            let bad = try await client.getPage("/console/audit?from=2026-13-01", cookies: auditor)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("日期格式应为 YYYY-MM-DD"))
            let csv = try await client.getPage("/console/audit.csv?action=auth.login.success", cookies: auditor)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.split(separator: "\r\n")
            #expect(lines.first?.contains("操作人") == true)
            #expect(lines.count == 4)  // header + three sign-ins
            #expect(try await h.db.stores.audit.count(AuditFilter(action: "audit.export")) == 1)
        }
    }

    @Test(arguments: Harness.kinds) func systemAdminCreatesUnlocksAndResets(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let admin = try await client.signInWithForm("admin")
            let csrf = try await client.csrfToken(on: "/console/users", cookies: admin)
            let stores = h.db.stores
            let before = try await stores.users.count()
            // Three-member separation: system-admin with drafter is refused, and nothing is written.
            let refused = try await client.postForm(
                "/console/users",
                [
                    ("_csrf", csrf), ("username", "zhangsan"), ("displayName", "张三"), ("password", "Zhang-San-2026"),
                    ("roles", "system-admin"), ("roles", "drafter"),
                ], cookies: admin)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("三员分立"))
            #expect(refused.text.contains("value=\"zhangsan\""))  // the form comes back filled in
            #expect(try await stores.users.count() == before)
            let weak = try await client.postForm(
                "/console/users",
                [
                    ("_csrf", csrf), ("username", "zhangsan"), ("displayName", "张三"), ("password", "password"), ("roles", "drafter"),
                ], cookies: admin)
            #expect(weak.text.contains("id=\"password-error\""))
            let department = try #require(try await stores.agencies.departments(of: 1).first)
            let ok = try await client.postForm(
                "/console/users",
                [
                    ("_csrf", csrf), ("username", "zhangsan"), ("displayName", "张三"), ("password", "Zhang-San-2026"), ("roles", "drafter"),
                    ("roles", "reviewer"), ("department", String(department.id)),
                ], cookies: admin)
            #expect(ok.status == .ok)
            let created = try #require(try await stores.users.find(username: "zhangsan"))
            #expect(created.roles == [.drafter, .reviewer])
            #expect(created.departmentID == department.id)
            // Lock the new account, then unlock it from the console.
            for _ in 1...5 { _ = try await client.postJSON("/api/v1/auth/login", #"{"username":"zhangsan","password":"nope-Nope-1"}"#) }
            #expect(try await stores.users.find(username: "zhangsan")!.isLocked(at: h.clock.read()))
            #expect(try await client.postForm("/console/users/\(created.id)/unlock", [("_csrf", csrf)], cookies: admin).status == .ok)
            _ = try await client.token("zhangsan", password: "Zhang-San-2026")
            // Reset ends the account's sessions.
            let token = try await client.token("zhangsan", password: "Zhang-San-2026")
            let reset = try await client.postForm(
                "/console/users/\(created.id)/password", [("_csrf", csrf), ("password-\(created.id)", "New-Pass-2026")],
                cookies: admin)
            #expect(reset.status == .ok)
            #expect(try await client.getJSON("/api/v1/me", token: token).status == .unauthorized)
            _ = try await client.token("zhangsan", password: "New-Pass-2026")
            for action in ["user.create", "user.unlock", "user.password.reset"] {
                #expect(try await stores.audit.count(AuditFilter(action: action, recordID: String(created.id))) == 1, "\(action)")
            }
        }
    }

    @Test(arguments: Harness.kinds) func officeAddsNextYearsNoticeAndDeadlinesFollow(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let before = try await client.getJSON("/api/v1/calendar/add-workdays?from=2026-12-28&days=10")
            #expect(try before.json()["provisional"] as? Bool == true)
            #expect(try before.json()["due"] as? String == "2027-01-11")
            let office = try await client.signInWithForm("office")
            let csrf = try await client.csrfToken(on: "/console/calendar", cookies: office)
            // A malformed date comes back marked, and nothing is stored.
            let bad = try await client.postForm(
                "/console/calendar",
                [
                    ("_csrf", csrf), ("year", "2027"), ("holidays", "2027-01-01 2027-02-30"), ("workdays", ""), ("source", "国办发明电〔2026〕7号"),
                ], cookies: office)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("2027-02-30"))
            #expect(try await h.db.stores.calendar.notices().isEmpty)
            let ok = try await client.postForm(
                "/console/calendar",
                [
                    ("_csrf", csrf), ("year", "2027"), ("holidays", "2027-01-01~2027-01-03\n2027-02-06~2027-02-12"),
                    ("workdays", "2027-02-14"),
                    ("source", "国办发明电〔2026〕7号（测试）"),
                ], cookies: office)
            #expect(ok.status == .ok)
            #expect(ok.text.contains("已保存 2027 年节假日安排"))
            let after = try await client.getJSON("/api/v1/calendar/add-workdays?from=2026-12-28&days=10")
            #expect(try after.json()["provisional"] as? Bool == false)
            // 12-29..31 (3), 01-04..08 (5), 01-11, 01-12: the tenth working day.
            #expect(try after.json()["due"] as? String == "2027-01-12")
            #expect(try await h.db.stores.audit.count(AuditFilter(action: "calendar.notice.add")) == 1)
        }
    }
}
