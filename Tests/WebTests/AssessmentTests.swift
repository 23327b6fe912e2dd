import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Services
@testable import Web

/// An assessment from draft to 通报 on a known dataset: the demo commission assesses its two
/// units (the CDC and the county commission).
@Suite struct AssessmentHTTPTests {
    static func d(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    static let scheme = """
        公开时效 20 =publication
        纠错处理 30 =site_errors
        组织保障 50：明确分管领导和专人
        否决：发生失泄密事件
        """

    static func body(_ title: String, scheme: String = Self.scheme, minimumVolume: Int = 1) throws -> String {
        let object: [String: Any] = ["title": title, "from": "2026-07", "to": "2026-09", "scheme": scheme, "minimumVolume": minimumVolume]
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test(arguments: Harness.kinds) func fromDraftToNotice(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let stores = h.db.stores
            let agencies = try await stores.agencies.all()
            let cdc = try #require(agencies.first { $0.kind == .subordinate })
            let county = try #require(agencies.first { $0.kind == .county })
            // Site errors: the CDC handled 2 of 3 in time, the county 1 of 1 (30 × 2/3 = 20 and 30).
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
            let actor = AuditActor(agencyID: nil, userID: nil, name: "system", address: "local")
            for (agency, name) in [(cdc, "cdc-office"), (county, "county-office")] {
                _ = try await h.env.userAdministration.create(
                    agencyID: agency.id, departmentID: nil, username: name, displayName: name, password: Harness.password,
                    roles: [.officeAdmin],
                    by: actor)
            }
            let office = try await client.token("office")
            let unitToken = try await client.token("cdc-office")
            let countyToken = try await client.token("county-office")

            let bad = try await client.postJSON("/api/v1/assessments", try Self.body("考核", scheme: "时效 20 =timely"), token: office)
            #expect(bad.status == .unprocessableContent && bad.errorField == "scheme" && bad.text.contains("第 1 行"))
            let created = try await client.postJSON("/api/v1/assessments", try Self.body("2026年第三季度考核"), token: office)
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(try created.json()["id"] as? Int)
            #expect(try created.json()["fullMarks"] as? Double == 100)
            #expect(try await client.getJSON("/api/v1/assessments/\(id)", token: unitToken).status == .notFound)
            let renamed = try await client.postJSON(
                "/api/v1/assessments/\(id)", try Self.body("2026年第三季度政务公开考核"), token: office, method: .put)
            #expect(renamed.status == .ok)
            #expect(try await client.postJSON("/api/v1/assessments/\(id)/open", "{}", token: office).status == .ok)
            #expect(
                try await client.postJSON("/api/v1/assessments/\(id)", try Self.body("改名"), token: office, method: .put).status == .conflict
            )

            // The units assess themselves.
            let list = try await client.getJSON("/api/v1/assessments", token: unitToken)
            #expect((try list.json()["assessedIn"] as? [[String: Any]])?.first?["title"] as? String == "2026年第三季度政务公开考核")
            let tooHigh = try await client.postJSON(
                "/api/v1/assessments/\(id)/self", #"{"scores":[{"code":"3","score":51,"evidence":"文件"}]}"#, token: unitToken)
            #expect(tooHigh.status == .unprocessableContent && tooHigh.errorField == "score-3")
            let noEvidence = try await client.postJSON(
                "/api/v1/assessments/\(id)/self", #"{"scores":[{"code":"3","score":45}],"submit":true}"#, token: unitToken)
            #expect(noEvidence.status == .unprocessableContent && noEvidence.errorField == "evidence-3")
            let submitted = try await client.postJSON(
                "/api/v1/assessments/\(id)/self", #"{"scores":[{"code":"3","score":45,"evidence":"领导小组文件"}],"submit":true}"#,
                token: unitToken)
            #expect(try submitted.json()["state"] as? String == "submitted")
            #expect(
                try await client.postJSON(
                    "/api/v1/assessments/\(id)/self", #"{"scores":[{"code":"3","score":50,"evidence":"x"}]}"#, token: unitToken
                ).status == .conflict)
            #expect(
                try await client.postJSON(
                    "/api/v1/assessments/\(id)/self", #"{"scores":[{"code":"3","score":50,"evidence":"专人名单"}],"submit":true}"#,
                    token: countyToken
                ).status == .ok)
            // The office itself is not assessed; closing waits for the reviews.
            #expect(
                try await client.postJSON("/api/v1/assessments/\(id)/self", #"{"scores":[]}"#, token: office).status == .forbidden)
            #expect(try await client.postJSON("/api/v1/assessments/\(id)/close", "{}", token: office).status == .conflict)

            // Two rounds for the CDC, one for the county; a deduction and a veto for the CDC.
            let path = "/api/v1/assessments/\(id)/units"
            let returned = try await client.postJSON(
                "\(path)/\(cdc.id)/review", #"{"scores":[{"code":"3","score":40,"comment":"缺少年内汇报记录"}],"returnForEvidence":true}"#,
                token: office)
            #expect(try returned.json()["state"] as? String == "returned")
            _ = try await client.postJSON(
                "/api/v1/assessments/\(id)/self", #"{"scores":[{"code":"3","score":48,"evidence":"补充会议纪要"}],"submit":true}"#,
                token: unitToken)
            let second = try await client.postJSON(
                "\(path)/\(cdc.id)/review", #"{"scores":[{"code":"3","score":46}],"returnForEvidence":true}"#, token: office)
            #expect(second.status == .conflict)
            let final = try await client.postJSON("\(path)/\(cdc.id)/review", #"{"scores":[{"code":"3","score":46}]}"#, token: office)
            #expect(try final.status == .ok && (final.json()["state"] as? String) == "reviewed")
            #expect(
                try await client.postJSON("\(path)/\(county.id)/review", #"{"scores":[{"code":"3","score":40}]}"#, token: office).status
                    == .ok)
            #expect(
                try await client.postJSON("\(path)/1/review", #"{"scores":[{"code":"3","score":40}]}"#, token: office).status == .notFound)
            #expect(
                try await client.postJSON("\(path)/\(cdc.id)/deductions", #"{"points":3,"reason":"信息公开不及时被通报"}"#, token: office).status
                    == .created)
            let wrongVeto = try await client.postJSON("\(path)/\(cdc.id)/vetoes", #"{"item":"迟报","reason":"x"}"#, token: office)
            #expect(wrongVeto.status == .unprocessableContent && wrongVeto.errorField == "item")
            #expect(
                try await client.postJSON("\(path)/\(cdc.id)/vetoes", #"{"item":"发生失泄密事件","reason":"公开文件含身份证号"}"#, token: office).status
                    == .created)

            // CDC: 20 + 20 + 46 − 3 = 83 but vetoed; county: 20 + 30 + 40 = 90, 优秀, first.
            let live = try await client.getJSON("/api/v1/assessments/\(id)", token: office)
            let results = try #require(try live.json()["results"] as? [[String: Any]])
            #expect(results.compactMap { $0["unitId"] as? Int } == [Int(county.id), Int(cdc.id)])
            #expect(
                results[0]["total"] as? Double == 90 && results[0]["grade"] as? String == "excellent" && results[0]["rank"] as? Int == 1)
            #expect(
                results[1]["total"] as? Double == 83 && results[1]["grade"] as? String == "fail"
                    && results[1]["unranked"] as? String == "一票否决")
            let cdcLeaves = try #require(results[1]["leaves"] as? [[String: Any]])
            #expect(cdcLeaves[1]["basis"] as? String == "网站纠错按期处理率 66.7%（2/3）")
            let own = try await client.getJSON("/api/v1/assessments/\(id)", token: unitToken)
            #expect((try own.json()["results"] as? [[String: Any]])?.compactMap { $0["unitId"] as? Int } == [Int(cdc.id)])

            // Closing keeps the results; later records do not move them.
            #expect(try await client.postJSON("/api/v1/assessments/\(id)/close", "{}", token: office).status == .ok)
            _ = try await stores.siteErrors.create(
                SiteErrorReport(
                    agencyID: county.id, source: .site, pageURL: "/", category: .typo, description: "y", receivedOn: Self.d("2026-09-01"),
                    dueOn: Self.d("2026-09-04"), status: .resolved, resolvedOn: Self.d("2026-09-20")))
            let kept = try await client.getJSON("/api/v1/assessments/\(id)", token: office)
            #expect((try kept.json()["results"] as? [[String: Any]])?.first?["total"] as? Double == 90)
            #expect(
                try await client.postJSON("\(path)/\(cdc.id)/deductions", #"{"points":1,"reason":"x"}"#, token: office).status == .conflict)

            // The 通报 goes into the catalog as a draft for review.
            let notice = try await client.postJSON("/api/v1/assessments/\(id)/notice", "{}", token: office)
            #expect(notice.status == .created, "\(notice.text)")
            let documentID = try #require(try notice.json()["documentId"] as? Int)
            let document = try #require(try await stores.catalog.find(id: Int64(documentID)))
            #expect(document.workflow.status == .draft && document.title == "关于2026年第三季度政务公开考核结果的通报")
            #expect(document.body.contains("对考核等次为优秀的\(county.name)予以通报表扬"))
            #expect(document.body.contains("- \(cdc.name)，得分 83：一票否决：发生失泄密事件（公开文件含身份证号）；信息公开不及时被通报，扣 3 分"))
            #expect(document.body.contains("| 1 | \(county.name) | 90 | 优秀 |"))
            #expect(try await client.postJSON("/api/v1/assessments/\(id)/notice", "{}", token: office).status == .conflict)
            #expect(try await client.getJSON("/api/v1/assessments", token: try await client.token("drafter")).status == .forbidden)
            let actions = try await stores.audit.search(AuditFilter(recordType: "assessment"), limit: 100, offset: 0).map(\.action)
            #expect(actions.filter { $0 == "assessment.review" }.count == 3 && actions.contains("assessment.notice"))
        }
    }

    @Test func consolePagesWalkTheSameSteps() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let agencies = try await h.db.stores.agencies.all()
            let cdc = try #require(agencies.first { $0.kind == .subordinate })
            _ = try await h.env.userAdministration.create(
                agencyID: cdc.id, departmentID: nil, username: "cdc-office", displayName: "疾控公开办", password: Harness.password,
                roles: [.officeAdmin], by: AuditActor(agencyID: nil, userID: nil, name: "system", address: "local"))
            let cookies = try await client.signInWithForm("office")
            let csrf = try await client.csrfToken(on: "/console/assessments", cookies: cookies)
            let list = try await client.getPage("/console/assessments", cookies: cookies)
            #expect(list.text.contains("=publication") && list.text.contains("否决：发生失泄密事件"))
            let fields = [("_csrf", csrf), ("title", "年度考核"), ("from", "2026-01"), ("to", "2026-12"), ("minimumVolume", "5")]
            let wrong = try await client.postForm(
                "/console/assessments",
                fields + [("scheme", "主动公开 30\n  及时率 20 =publication"), ("excellent", "90"), ("good", "80"), ("pass", "60")],
                cookies: cookies)
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("第 1 行：分值 30 与下级指标合计 20 不符"))
            #expect(wrong.text.contains("field has-error") && wrong.text.contains("及时率 20 =publication"))
            let made = try await client.postForm(
                "/console/assessments", fields + [("scheme", Self.scheme), ("excellent", "90"), ("good", "80"), ("pass", "60")],
                cookies: cookies)
            #expect(made.status == .seeOther)
            let location = try #require(made.headers[.location])
            let opened = try await client.postForm(location + "/open", [("_csrf", csrf)], cookies: cookies)
            #expect(opened.status == .ok && opened.text.contains("考核已开始") && opened.text.contains(cdc.name))

            let unitCookies = try await client.signInWithForm("cdc-office")
            let unitCSRF = try await client.csrfToken(on: location, cookies: unitCookies)
            let page = try await client.getPage(location, cookies: unitCookies)
            #expect(page.text.contains(#"name="score-3""#) && page.text.contains("提交审核"))
            let missing = try await client.postForm(
                location + "/self", [("_csrf", unitCSRF), ("score-3", "45"), ("evidence-3", ""), ("action", "submit")], cookies: unitCookies
            )
            #expect(missing.status == .unprocessableContent && missing.text.contains("请说明“组织保障”的佐证材料"))
            #expect(missing.text.contains(#"name="score-3" value="45""#))
            let sent = try await client.postForm(
                location + "/self", [("_csrf", unitCSRF), ("score-3", "45"), ("evidence-3", "领导小组文件"), ("action", "submit")],
                cookies: unitCookies)
            #expect(sent.status == .ok && sent.text.contains("已提交自评"))

            let unitPath = location + "/units/\(cdc.id)"
            let review = try await client.getPage(unitPath, cookies: cookies)
            #expect(review.text.contains("初审") && review.text.contains("领导小组文件") && review.text.contains("退回补充材料"))
            let badPoints = try await client.postForm(
                unitPath + "/deductions", [("_csrf", csrf), ("points", "三"), ("reason", "x")], cookies: cookies)
            #expect(badPoints.status == .unprocessableContent && badPoints.text.contains("请填写扣分分值"))
            let noReason = try await client.postForm(
                unitPath + "/vetoes", [("_csrf", csrf), ("item", "发生失泄密事件"), ("vetoReason", "")], cookies: cookies)
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("请写明否决的事实和依据"))
            let accepted = try await client.postForm(
                unitPath + "/review", [("_csrf", csrf), ("score-3", "44"), ("comment-3", "材料齐全"), ("action", "accept")], cookies: cookies)
            #expect(accepted.status == .ok && accepted.text.contains("审核完成") && accepted.text.contains("第 1 轮：44 分，材料齐全"))
        }
    }
}
