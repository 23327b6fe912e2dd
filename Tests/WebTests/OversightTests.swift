import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Services
@testable import Web

/// The compliance dashboard on a known dataset: a supervising agency sees its units' figures
/// read-only, a unit sees only its own, and the page, the JSON and the CSV agree.
@Suite struct OversightHTTPTests {
    static func d(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    @Test(arguments: Harness.kinds) func unitsAndTheWholeOnAKnownDataset(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let stores = h.db.stores
            let agencies = try await stores.agencies.all()
            let cdc = try #require(agencies.first { $0.kind == .subordinate })
            let county = try #require(agencies.first { $0.kind == .county })
            // CDC: three error reports due in September (two handled in time, one late), two
            // decided appeals in August (one corrected). County: one report handled in time.
            for (agency, due, done) in [
                (cdc, "2026-09-04", "2026-09-03"), (cdc, "2026-09-10", "2026-09-10"), (cdc, "2026-09-11", "2026-09-15"),
                (county, "2026-08-20", "2026-08-19"),
            ] {
                _ = try await stores.siteErrors.create(
                    SiteErrorReport(
                        agencyID: agency.id, source: .site, pageURL: "/", category: .typo, description: "x",
                        receivedOn: Self.d(due).adding(days: -3),
                        dueOn: Self.d(due), status: .resolved, resolvedOn: Self.d(done)))
            }
            for result in [RequestAppeal.Result.upheld, .corrected] {
                _ = try await stores.appeals.create(
                    RequestAppeal(
                        agencyID: cdc.id, requestID: nil, kind: .reconsideration, forum: "市政府", filedOn: Self.d("2026-06-01"),
                        result: result,
                        decidedOn: Self.d("2026-08-10")))
            }
            let actor = AuditActor(agencyID: nil, userID: nil, name: "system", address: "local")
            _ = try await h.env.userAdministration.create(
                agencyID: cdc.id, departmentID: nil, username: "cdc-office", displayName: "疾控中心公开办", password: Harness.password,
                roles: [.officeAdmin], by: actor)

            let office = try await client.token("office")
            let r = try await client.getJSON("/api/v1/oversight?from=2026-07&to=2026-09", token: office)
            #expect(r.status == .ok, "\(r.text)")
            let json = try r.json()
            let units = try #require(json["units"] as? [[String: Any]])
            #expect(units.compactMap { $0["agencyId"] as? Int } == [1, Int(cdc.id), Int(county.id)])
            func indicator(_ unit: [String: Any], _ code: String) -> [String: Any] {
                (unit["indicators"] as? [[String: Any]])?.first { $0["code"] as? String == code } ?? [:]
            }
            let cdcUnit = try #require(units.first { $0["agencyId"] as? Int == Int(cdc.id) })
            #expect(indicator(cdcUnit, "site_errors")["met"] as? Int == 2 && indicator(cdcUnit, "site_errors")["total"] as? Int == 3)
            #expect(indicator(cdcUnit, "appeals")["met"] as? Int == 1 && indicator(cdcUnit, "appeals")["total"] as? Int == 2)
            let september = (indicator(cdcUnit, "site_errors")["months"] as? [[String: Any]])?.last
            #expect(september?["month"] as? String == "2026-09" && september?["total"] as? Int == 3)
            let whole = try #require(json["whole"] as? [String: Any])
            #expect(indicator(whole, "site_errors")["met"] as? Int == 3 && indicator(whole, "site_errors")["total"] as? Int == 4)
            #expect(indicator(whole, "request_reply")["total"] as? Int == 0 && indicator(whole, "request_reply")["rate"] == nil)

            // The unit sees itself only; its parent and its sibling are "not found".
            let unit = try await client.token("cdc-office")
            let own = try await client.getJSON("/api/v1/oversight?from=2026-07&to=2026-09", token: unit)
            #expect((try own.json()["units"] as? [[String: Any]])?.count == 1)
            #expect(try await client.getJSON("/api/v1/oversight?unit=1", token: unit).status == .notFound)
            #expect(try await client.getJSON("/api/v1/oversight?unit=\(county.id)", token: unit).status == .notFound)
            #expect(try await client.getJSON("/api/v1/oversight?from=2026-13", token: office).errorField == "from")
            #expect(try await client.getJSON("/api/v1/oversight?from=2023-09&to=2026-09", token: office).errorField == "from")
            #expect(try await client.getJSON("/api/v1/oversight", token: try await client.token("drafter")).status == .forbidden)

            // The page: every unit in the table, charts with their tables, the CSV beside.
            let cookies = try await client.signInWithForm("office")
            let page = try await client.getPage("/console/oversight?from=2026-07&to=2026-09", cookies: cookies)
            #expect(page.status == .ok)
            #expect(page.text.contains(cdc.name) && page.text.contains(county.name) && page.text.contains("合计"))
            #expect(page.text.contains("66.7%") && page.text.contains("（2/3）") && page.text.contains("75.0%"))
            #expect(page.text.components(separatedBy: "class=\"chart line-chart\"").count - 1 == ComplianceIndicator.allCases.count)
            let one = try await client.getPage("/console/oversight?from=2026-07&to=2026-09&unit=\(cdc.id)", cookies: cookies)
            #expect(one.text.contains("逐月趋势：\(cdc.name)") && one.text.contains("网站纠错按期处理率：66.7%"))
            let bad = try await client.getPage("/console/oversight?from=2026-9", cookies: cookies)
            #expect(bad.status == .unprocessableContent && bad.text.contains("月份格式应为 YYYY-MM"))
            let csv = try await client.getPage("/console/oversight.csv?from=2026-07&to=2026-09", cookies: cookies)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.contains("\(cdc.name),网站纠错按期处理率,2026-09,2,3,66.7%"))
            #expect(csv.text.contains("合计,网站纠错按期处理率,2026-08,1,1,100.0%"))
            #expect(csv.text.split(separator: "\r\n").count == 1 + 4 * ComplianceIndicator.allCases.count * 3)
        }
    }
}

@Suite struct FreshnessHTTPTests {
    @Test(arguments: Harness.kinds) func theDemoPortalsColumns(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let office = try await client.token("office")
            // The demo has a policy (2026-03-20), a supervision notice (2026-05-09) and the annual
            // report (2026-01-28); today is 2026-09-21.
            let r = try await client.getJSON("/api/v1/freshness", token: office)
            #expect(r.status == .ok)
            let json = try r.json()
            let columns = try #require(json["columns"] as? [[String: Any]])
            func state(_ code: String) -> String? { columns.first { $0["code"] as? String == code }?["state"] as? String }
            #expect(state("policy") == "stale")
            #expect(state("supervision") == "fresh" && state("other") == "fresh")
            #expect(state("organization") == "empty")
            let empty = columns.filter { $0["state"] as? String == "empty" }.count
            #expect(empty == CatalogCategory.defaults.count - 3)
            #expect(json["passes"] as? Bool == false)
            #expect((json["failures"] as? [String])?.contains("空白栏目 \(empty) 个（达到 5 个即不合格）") == true)
            // Marking supervision as a dynamic column makes it stale too; a bad kind is refused.
            let cookies = try await client.signInWithForm("office")
            let form = try await client.getPage("/console/catalog-settings", cookies: cookies)
            #expect(form.text.contains("policy | notice"))
            let settings = try await client.getJSON("/api/v1/catalog/settings", token: office)
            var body = try settings.json()
            body["columnKinds"] = ["policy": "notice", "supervision": "dynamic"]
            body.removeValue(forKey: "categories")
            let saved = try await client.postJSON(
                "/api/v1/catalog/settings", String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self),
                token: office,
                method: .put)
            #expect(saved.status == .ok, "\(saved.text)")
            let after = try await client.getJSON("/api/v1/freshness", token: office)
            #expect(
                (try after.json()["columns"] as? [[String: Any]])?.first { $0["code"] as? String == "supervision" }?["state"] as? String
                    == "stale")
            body["columnKinds"] = ["nosuch": "dynamic"]
            let refused = try await client.postJSON(
                "/api/v1/catalog/settings", String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self),
                token: office,
                method: .put)
            #expect(refused.status == .unprocessableContent && refused.errorField == "columnKinds")
            let page = try await client.getPage("/console/freshness", cookies: cookies)
            #expect(page.status == .ok && page.text.contains("超期未更新") && page.text.contains("空白栏目"))
        }
    }
}
