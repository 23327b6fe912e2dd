import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web

@testable import Services

@Suite struct APITests {
    @Test func openAPIDescribesEveryJSONRoute() async throws {
        let h = try await Harness.make("sqlite", demo: false)
        let routes = buildRouter(h.env).routes.filter { $0.path.description.hasPrefix("/api/") }.map {
            (method: $0.method, path: $0.path.description)
        }
        try await h.run { client in
            let r = try await client.getJSON("/api/v1/openapi.json")
            let doc = try r.json()
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            for route in routes {
                let path = route.path.replacingOccurrences(of: #":([a-zA-Z]+)"#, with: "{$1}", options: .regularExpression)
                #expect(paths[path]?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(path) is missing from openapi.json")
            }
            #expect(routes.count >= 9)
        }
    }

    @Test(arguments: [
        ("2025-09-30", 20, "2025-11-04"),  // facts §4: across the National Day week
        ("2026-02-13", 1, "2026-02-14"),  // a make-up Saturday is a working day
        ("2026-05-01", 0, "2026-05-01"),
    ])
    func addWorkdays(_ from: String, _ days: Int, _ due: String) async throws {
        let h = try await Harness.make("sqlite", demo: false)
        try await h.run { client in
            let r = try await client.getJSON("/api/v1/calendar/add-workdays?from=\(from)&days=\(days)")
            #expect(r.status == .ok)
            let body = try r.json()
            #expect(body["due"] as? String == due)
            #expect(body["from"] as? String == from)
            #expect(body["days"] as? Int == days)
            #expect(body["provisional"] as? Bool == false)
        }
    }

    @Test func calendarRejectsBadInput() async throws {
        let h = try await Harness.make("sqlite", demo: false)
        try await h.run { client in
            for uri in [
                "/api/v1/calendar/add-workdays?from=2026-02-30&days=3", "/api/v1/calendar/add-workdays?from=20260101&days=3",
                "/api/v1/calendar/add-workdays?from=2026-01-05&days=401", "/api/v1/calendar/add-workdays?from=2026-01-05&days=-1",
                "/api/v1/calendar/add-workdays?from=2026-01-05&days=abc", "/api/v1/calendar/add-workdays?days=3",
                "/api/v1/calendar/workdays-between?from=2026-01-05",
            ] {
                let r = try await client.getJSON(uri)
                #expect(r.status == .unprocessableContent, "\(uri)")
                #expect(r.errorCode == "invalid")
            }
            let provisional = try await client.getJSON("/api/v1/calendar/add-workdays?from=2030-01-01&days=5")
            #expect(try provisional.json()["provisional"] as? Bool == true)
            let between = try await client.getJSON("/api/v1/calendar/workdays-between?from=2025-09-30&to=2025-11-04")
            #expect(try between.json()["workdays"] as? Int == 20)
        }
    }

    @Test(arguments: Harness.kinds) func malformedRequestsAre4xxAndWriteNothing(_ kind: String) async throws {
        var settings = WebSettings()
        settings.bodyLimit = 1024 * 1024
        let h = try await Harness.make(kind, settings: settings)
        try await h.run { client in
            let token = try await client.token("admin")
            let stores = h.db.stores
            let users = try await stores.users.count()
            let audit = try await stores.audit.count(AuditFilter())
            let cases: [(String, Int, String)] = [
                ("{not json", 400, "malformed_json"),
                ("", 400, "malformed_json"),
                (#"{"username":"lisi","displayName":"李四","password":"Li-Si-2026x","roles":"drafter"}"#, 422, "invalid"),
                (#"{"username":"lisi","displayName":"李四","password":"Li-Si-2026x","roles":["boss"]}"#, 422, "invalid"),
                (#"{"username":"lisi","displayName":"李四","password":"Li-Si-2026x","roles":["auditor","drafter"]}"#, 422, "invalid"),
                (
                    #"{"username":"lisi","displayName":"李四","password":"Li-Si-2026x","roles":["drafter"],"departmentID":"x"}"#, 422,
                    "invalid"
                ),
                (#"{"username":"office","displayName":"重名","password":"Li-Si-2026x","roles":["drafter"]}"#, 409, "conflict"),
                (
                    #"{"username":"lisi","displayName":"李四","password":"Li-Si-2026x","roles":["drafter"],"departmentID":9999}"#, 422,
                    "invalid"
                ),
            ]
            for (body, status, code) in cases {
                let r = try await client.postJSON("/api/v1/users", body, token: token)
                #expect(r.status.code == status, "\(body): \(r.text)")
                #expect(r.errorCode == code, "\(body)")
                let message = try #require(((try r.json())["error"] as? [String: Any])?["message"] as? String)
                #expect(message.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "message in Chinese: \(message)")
            }
            let big = String(repeating: "x", count: 2 * 1024 * 1024)
            let tooLarge = try await client.postJSON("/api/v1/users", #"{"username":"\#(big)"}"#, token: token)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.errorCode == "body_too_large")
            let unknownNotice = try await client.postJSON(
                "/api/v1/calendar/notices", #"{"year":2027,"holidays":["2027-13-01"],"workdays":[],"source":"x"}"#,
                token: try await client.token("office"))
            #expect(unknownNotice.status == .unprocessableContent)
            #expect(unknownNotice.text.contains("holidays[0]"))
            #expect(try await stores.users.count() == users)
            // Only the sign-ins were archived: no half-written change.
            #expect(try await stores.audit.count(AuditFilter()) == audit + 1)
            let created = try await client.postJSON(
                "/api/v1/users", #"{"username":"lisi","displayName":"李四","password":"Li-Si-2026x","roles":["drafter"]}"#,
                token: token)
            #expect(created.status == .created)
            let unknownRoute = try await client.getJSON("/api/v1/nothing-here")
            #expect(unknownRoute.status == .notFound)
            #expect(unknownRoute.errorCode == "not_found")
        }
    }

    @Test func auditorReadsTheArchiveOverTheAPI() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let token = try await client.token("auditor")
            let r = try await client.getJSON("/api/v1/audit?action=user.create", token: token)
            #expect(r.status == .ok)
            // Eight role accounts and one office account in each of the two units.
            #expect(try r.json()["total"] as? Int == 10)
            let office = try await client.token("office")
            #expect(try await client.getJSON("/api/v1/audit", token: office).status == .forbidden)
        }
    }

    @Test(arguments: Harness.kinds) func rolesChangeIsAuditedAndEndsSessions(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let admin = try await client.token("admin")
            let drafterToken = try await client.token("drafter")
            let drafter = try #require(try await h.db.stores.users.find(username: "drafter"))
            let r = try await client.postJSON("/api/v1/users/\(drafter.id)/roles", #"{"roles":["drafter","reviewer"]}"#, token: admin)
            #expect(r.status == .ok)
            #expect(try r.json()["roles"] as? [String] == ["drafter", "reviewer"])
            #expect(try await client.getJSON("/api/v1/me", token: drafterToken).status == .unauthorized)
            #expect(try await h.db.stores.audit.count(AuditFilter(action: "user.roles.change", recordID: String(drafter.id))) == 1)
            let me = try #require(try await h.db.stores.users.find(username: "admin"))
            let selfDemotion = try await client.postJSON("/api/v1/users/\(me.id)/roles", #"{"roles":["auditor"]}"#, token: admin)
            #expect(selfDemotion.status == .conflict)
            let bad = try await client.postJSON("/api/v1/users/\(drafter.id)/roles", #"{"roles":["system-admin","drafter"]}"#, token: admin)
            #expect(bad.status == .unprocessableContent)
            #expect(try await client.postJSON("/api/v1/users/99999/roles", #"{"roles":["drafter"]}"#, token: admin).status == .notFound)
        }
    }
}
