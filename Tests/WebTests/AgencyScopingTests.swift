import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Storage
import Testing

@testable import Services
@testable import StorageSQL
@testable import Web

/// Many agencies on one installation: no staff route lets one agency's staff read or change
/// another's records. Two sibling agencies under the demo root: B holds one record of every
/// kind, A's staff (every role) walk every staff route with B's IDs and read every list.
@Suite struct AgencyScopingTests {
    static let contentRoles: Set<Role> = [.officeAdmin, .drafter, .reviewer, .leader, .publisher, .requestHandler]

    /// Loads B's records: the demo loaders, then the kinds the demo has none of.
    static func populate(_ h: Harness, agency b: Agency) async throws -> [String] {
        let env = h.env
        let actor = AuditActor(agencyID: nil, userID: nil, name: "system", address: "local")
        try await DemoContent.loadRequests(into: b, env: env.services, actor: actor)
        try await DemoContent.loadLedger(into: b, env: env.services, actor: actor)
        try await DemoContent.loadAnnualReports(into: b, env: env.services, actor: actor)
        try await DemoContent.loadConsultations(into: b, env: env.services, actor: actor)
        try await DemoContent.loadMailbox(into: b, env: env.services, actor: actor)
        try await DemoContent.loadSurveys(into: b, env: env.services, actor: actor)
        let stores = h.db.stores
        let today = env.today
        let proposal = try await stores.proposals.create(
            Proposal(
                agencyID: b.id, kind: .suggestion, year: 2026, number: "B-7", proposer: "乙代表", title: "乙单位专属建议标题",
                assignedOn: CivilDate(iso: "2026-04-10")!, leadUnit: "办公室", dueOn: CivilDate(iso: "2026-07-10")!))
        let day = try await stores.openDays.create(
            OpenDay(
                agencyID: b.id, title: "乙单位专属开放日", date: today.adding(days: 20), place: "乙单位礼堂", plan: "参观", capacity: 20,
                registrationClosesOn: today.adding(days: 10), announced: true))
        let opinion = try await stores.opinions.create(
            OpinionItem(
                agencyID: b.id, source: "网络", link: "", foundAtMillis: env.nowMillis, topic: "乙单位专属舆情", summary: "摘要", risk: .low))
        let error = try await stores.siteErrors.create(
            SiteErrorReport(
                agencyID: b.id, source: .site, pageURL: "/", category: .typo, description: "乙单位专属纠错描述", receivedOn: today,
                dueOn: today.adding(days: 3)))
        let request = try #require(try await Self.first("disclosure_requests", agency: b.id, h))
        let appeal = try await stores.appeals.create(
            RequestAppeal(agencyID: b.id, requestID: request, kind: .reconsideration, forum: "乙单位复议机关", filedOn: today))
        let task = try #require(try await Self.first("ledger_tasks", agency: b.id, h))
        let plan = try #require(try await Self.first("work_plans", agency: b.id, h))
        let round = try #require(
            try await h.db.sql.raw("SELECT MIN(id) AS id FROM reporting_rounds WHERE plan_id = \(bind: plan)")
                .first(decodingColumn: "id", as: Int64?.self) ?? nil)
        let report = try await stores.ledgers.createReport(
            ProgressReport(
                planID: plan, taskID: task, roundID: round, unitName: "办公室", departmentID: nil, text: "乙单位专属进展", percent: 50,
                state: .onTrack, submittedBy: "乙单位", submittedAtMillis: env.nowMillis))
        let media = try await stores.mediaAccounts.create(
            MediaAccount(
                agencyID: b.id,
                opening: .init(
                    kind: .open, reason: "",
                    details: .init(
                        platform: .wechat, name: "乙单位专属公众号", handle: "b-wechat", sponsor: "乙单位", operatorName: "乙单位", contact: ""),
                    filedOn: today, filedBy: "乙单位"), createdAtMillis: env.nowMillis))
        let assessment = try await stores.assessments.create(
            Assessment(
                agencyID: b.id, title: "乙单位专属考核", from: YearMonth(year: 2026, month: 1), to: YearMonth(year: 2026, month: 12),
                scheme: try AssessmentScheme.parse("组织保障 10"), status: .open, createdAtMillis: env.nowMillis))
        _ = (proposal, day, opinion, error, appeal, report, media, assessment)
        let user = try await env.userAdministration.create(
            agencyID: b.id, departmentID: nil, username: "b-staff", displayName: "乙单位工作人员", password: Harness.password,
            roles: contentRoles, by: actor)
        _ = user
        // Text only B's records carry: none may appear on any page A's staff can open.
        var markers = ["乙单位专属考核", "乙单位专属公众号", "乙单位专属进展", "乙单位专属建议标题", "乙单位专属开放日", "乙单位专属舆情", "乙单位专属纠错描述", "乙单位复议机关", "乙单位工作人员"]
        let codes = try await h.db.sql.raw("SELECT tracking_code FROM disclosure_requests WHERE agency_id = \(bind: b.id)").all()
        markers += try codes.map { try $0.decode(column: "tracking_code", as: String.self) }
        func ids(_ table: String) async throws -> [Int64] {
            try await h.db.sql.raw("SELECT id FROM \(unsafeRaw: table) WHERE agency_id = \(bind: b.id)").all()
                .map { try $0.decode(column: "id", as: Int64.self) }
        }
        for id in try await ids("consultations") { markers.append(try #require(try await stores.consultations.find(id: id)).title) }
        for id in try await ids("surveys") { markers.append(try #require(try await stores.surveys.find(id: id)).title) }
        for id in try await ids("work_plans") { markers.append(try #require(try await stores.ledgers.plan(id: id)).title) }
        let mail = try await h.db.sql.raw("SELECT tracking_code FROM mailbox_messages WHERE agency_id = \(bind: b.id)").all()
        markers += try mail.map { try $0.decode(column: "tracking_code", as: String.self) }
        return markers
    }

    static func first(_ table: String, agency: Int64, _ h: Harness) async throws -> Int64? {
        try await h.db.sql.raw("SELECT MIN(id) AS id FROM \(unsafeRaw: table) WHERE agency_id = \(bind: agency)")
            .first(decodingColumn: "id", as: Int64?.self) ?? nil
    }

    /// B's record for each route parameter, by the resource the route names.
    static func bIDs(_ h: Harness, agency b: Int64) async throws -> [String: [String: Int64]] {
        func one(_ table: String) async throws -> Int64 {
            let id = try await first(table, agency: b, h)
            guard let id else { throw HTTPError(.internalServerError, message: "B has no row in \(table)") }
            return id
        }
        func joined(_ sql: String) async throws -> Int64 {
            guard let id = try await h.db.sql.raw(SQLQueryString(sql)).first(decodingColumn: "id", as: Int64?.self) ?? nil else {
                throw HTTPError(.internalServerError, message: "B has no row for \(sql)")
            }
            return id
        }
        let document = try await one("catalog_documents")
        let plan = try await one("work_plans")
        let task = try await one("ledger_tasks")
        let consultation = try await one("consultations")
        return [
            "documents": ["id": document, "attachment": 1, "finding": 0],
            "consultations": ["id": consultation],
            "ledgers": ["id": plan, "tid": task, "rid": 1, "fid": 1],
            "ledger-tasks": ["tid": task],
            "ledger-reports": [
                "rid": try await joined(
                    "SELECT MIN(r.id) AS id FROM progress_reports r JOIN work_plans p ON p.id = r.plan_id WHERE p.agency_id = \(b)")
            ],
            "letters": ["lid": try await one("reply_letters")],
            "mailbox": ["id": try await one("mailbox_messages")],
            "faq": ["id": try await one("faq_entries")],
            "open-days": ["id": try await one("open_days")],
            "opinions": ["id": try await one("opinion_items")],
            "proposals": ["id": try await one("proposals")],
            "requests": ["id": try await one("disclosure_requests"), "aid": try await one("request_appeals"), "n": 0, "cid": 0],
            "appeals": ["aid": try await one("request_appeals")],
            "site-errors": ["id": try await one("site_error_reports")],
            "surveys": ["id": try await one("surveys")],
            "users": ["id": try await one("users")],
            "media-accounts": ["id": try await one("media_accounts")],
            "media": ["id": try await one("media_accounts")],
            "assessments": ["id": try await one("assessments"), "unit": b],
        ]
    }

    static func resource(_ path: String) -> String {
        let parts = path.split(separator: "/").map(String.init)
        let start = parts.first == "api" ? 2 : 1
        return parts.count > start ? parts[start] : ""
    }

    @Test(arguments: Harness.kinds) func noStaffRouteReachesAnotherAgency(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let agencies = try await h.db.stores.agencies.all().filter { $0.parentID == 1 }
            let b = try #require(agencies.first { $0.kind == .subordinate })
            let a = try #require(agencies.first { $0.kind == .county })
            let markers = try await Self.populate(h, agency: b)
            let ids = try await Self.bIDs(h, agency: b.id)
            let actor = AuditActor(agencyID: nil, userID: nil, name: "system", address: "local")
            for (name, roles) in [("a-staff", Self.contentRoles), ("a-admin", [.systemAdmin]), ("a-auditor", [.auditor])]
                as [(String, Set<Role>)]
            {
                _ = try await h.env.userAdministration.create(
                    agencyID: a.id, departmentID: nil, username: name, displayName: name, password: Harness.password, roles: roles,
                    by: actor)
            }
            let routes = buildRouter(h.env).routes.map { (method: $0.method, path: $0.path.description) }
            let bAudit = try await h.db.stores.audit.count(AuditFilter(agencyID: b.id))
            var tokens: [String] = []
            var sessions: [([String: String], String)] = []
            for user in ["a-staff", "a-admin", "a-auditor"] {
                tokens.append(try await client.token(user))
                let cookies = try await client.signInWithForm(user)
                sessions.append((cookies, try await client.csrfToken(on: "/console", cookies: cookies)))
            }
            var idRoutes = 0
            var lists = 0
            for route in routes where !ConsoleTests.publicRoutes.contains(ConsoleTests.key(route)) {
                let path = route.path
                let isAPI = path.hasPrefix("/api/")
                let params = path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
                let own = params.allSatisfy { $0 == "year" }
                if !own {
                    // An ID-bearing route: with B's IDs it must be "not found" for every A account.
                    let table = try #require(ids[Self.resource(path)], "no IDs for \(path)")
                    var uri = path
                    for p in params {
                        uri = uri.replacingOccurrences(of: "{\(p)}", with: String(try #require(table[p], "\(p) in \(path)")))
                    }
                    var statuses: [HTTPResponse.Status] = []
                    for i in 0..<3 {
                        let r: TestResponse
                        if isAPI {
                            r = try await client.postJSON(uri, "{}", token: tokens[i], method: route.method)
                        } else if route.method == .get {
                            r = try await client.getPage(uri, cookies: sessions[i].0)
                        } else {
                            r = try await client.postForm(uri, [("_csrf", sessions[i].1)], cookies: sessions[i].0)
                        }
                        statuses.append(r.status)
                        for m in markers { #expect(!r.text.contains(m), "\(route.method) \(uri) as account \(i) shows B's \(m)") }
                    }
                    #expect(statuses.contains(.notFound), "\(route.method) \(path) answered \(statuses)")
                    #expect(statuses.allSatisfy { $0 == .notFound || $0 == .forbidden }, "\(route.method) \(path) answered \(statuses)")
                    idRoutes += 1
                } else if route.method == .get {
                    // A list, a form or an own-agency page: it must show none of B's records.
                    let uri = path.replacingOccurrences(of: "{year}", with: "2025")
                    for i in 0..<3 {
                        let r =
                            isAPI ? try await client.getJSON(uri, token: tokens[i]) : try await client.getPage(uri, cookies: sessions[i].0)
                        #expect(r.status.code < 500, "\(uri) answered \(r.status)")
                        for m in markers { #expect(!r.text.contains(m), "GET \(uri) as account \(i) shows B's \(m)") }
                    }
                    lists += 1
                }
            }
            #expect(idRoutes >= 120)
            #expect(lists >= 40)
            // Nothing A tried changed B: no audit entry was written against B.
            #expect(try await h.db.stores.audit.count(AuditFilter(agencyID: b.id)) == bAudit)
            // The markers are what B's own staff see on those same pages.
            let own = try await client.signInWithForm("b-staff")
            for uri in ["/console/requests", "/console/proposals", "/console/opinions", "/console/site-errors", "/console/surveys"] {
                let page = try await client.getPage(uri, cookies: own)
                #expect(markers.contains { page.text.contains($0) }, "\(uri) shows none of B's records to B")
            }
        }
    }
}
