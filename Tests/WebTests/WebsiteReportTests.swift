import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import OfficeFiles
import Storage
import Testing

@testable import Services
@testable import Web

/// The 网站工作年度报表 draft on a known dataset: the CDC (which the demo leaves empty) gets
/// documents, error reports and a new-media account whose figures are counted by hand.
@Suite struct WebsiteReportHTTPTests {
    static func d(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    @Test(arguments: Harness.kinds) func yearSoFarMonthByMonth(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let stores = h.db.stores
            let cdc = try #require(try await stores.agencies.all().first { $0.kind == .subordinate })
            func document(
                _ title: String, kind: DocumentKind = .general, category: String, published: String?, form: InterpretationForm? = nil
            )
                async throws
            {
                _ = try await stores.catalog.create(
                    CatalogDocument(
                        id: 0, agencyID: cdc.id, kind: kind, title: title, body: "正文", categoryCode: category,
                        publishedOn: published.map(Self.d), formedOn: Self.d("2026-01-05"), interpretationForm: form,
                        workflow: WorkflowState(status: published == nil ? .draft : .published)))
            }
            // Published in 2026: one in March (a 图解 interpretation), two in September (one in the
            // disease-control column, set dynamic below), one in 2025 and a draft: not counted.
            try await document("解读", kind: .interpretation, category: "interpretation", published: "2026-03-10", form: .graphic)
            try await document("动态一", category: "disease-control", published: "2026-09-01")
            try await document("概况", category: "organization", published: "2026-09-15")
            try await document("去年", category: "disease-control", published: "2025-12-30")
            try await document("草稿", category: "disease-control", published: nil)
            var settings = CatalogSettings.standard
            settings.columnKinds = ["policy": .notice, "disease-control": .dynamic]
            try await stores.agencies.saveCatalogSettings(agencyID: cdc.id, settings, atMillis: 0)
            for (received, resolved) in [("2026-02-03", "2026-02-04"), ("2026-09-10", nil)] {
                _ = try await stores.siteErrors.create(
                    SiteErrorReport(
                        agencyID: cdc.id, source: .site, pageURL: "/", category: .typo, description: "x", receivedOn: Self.d(received),
                        dueOn: Self.d(received).adding(days: 3), status: resolved == nil ? .open : .resolved,
                        resolvedOn: resolved.map(Self.d)))
            }
            var account = MediaAccount(
                agencyID: cdc.id,
                opening: .init(
                    kind: .open, reason: "",
                    details: .init(platform: .wechat, name: "疾控公众号", handle: "cdc", sponsor: "疾控中心", operatorName: "疾控中心", contact: ""),
                    filedOn: Self.d("2026-01-02"), filedBy: "x"), createdAtMillis: 0)
            account.status = .active
            account.postsByMonth = ["2026-08": 12, "2026-09": 9, "2025-12": 30]
            _ = try await stores.mediaAccounts.create(account)
            _ = try await h.env.userAdministration.create(
                agencyID: cdc.id, departmentID: nil, username: "cdc-office", displayName: "疾控公开办", password: Harness.password,
                roles: [.officeAdmin], by: AuditActor(agencyID: nil, userID: nil, name: "system", address: "local"))
            let token = try await client.token("cdc-office")

            let r = try await client.getJSON("/api/v1/website-report", token: token)
            #expect(r.status == .ok, "\(r.text)")
            let json = try r.json()
            #expect(json["through"] as? String == "2026-09-21" && json["dueBy"] as? String == "2027-01-31")
            let rows = try #require(json["rows"] as? [[String: Any]])
            func value(_ section: String, _ label: String) -> String? {
                rows.first { $0["section"] as? String == section && $0["label"] as? String == label }?["value"] as? String
            }
            #expect(value("信息发布（条）", "总数") == "3" && value("信息发布（条）", "政务动态信息更新量") == "1")
            #expect(value("信息发布（条）", "概况类信息更新量") == "1")
            #expect(value("政策解读（条）", "解读产品数量") == "1" && value("政策解读（条）", "解读材料数量") == "0")
            #expect(value("网站纠错（我为政府网站找错）", "收到网民纠错（条）") == "2" && value("网站纠错（我为政府网站找错）", "办结（条）") == "1")
            #expect(value("政务新媒体", "微信公众号：疾控公众号") == "21")
            #expect(value("基本信息", "网站名称") == nil && (json["blanks"] as? Int ?? 0) >= 9)
            let monthly = try #require(json["monthly"] as? [[String: Any]])
            #expect((monthly.first?["counts"] as? [Int]) == [0, 0, 1, 0, 0, 0, 0, 0, 2])
            #expect(monthly.first { $0["label"] as? String == "新媒体发布" }?["total"] as? Int == 21)
            // Through March only.
            let march = try await client.getJSON("/api/v1/website-report?month=3", token: token)
            #expect((try march.json()["monthly"] as? [[String: Any]])?.first?["counts"] as? [Int] == [0, 0, 1])
            #expect(try await client.getJSON("/api/v1/website-report?month=10", token: token).errorField == "month")
            #expect(try await client.getJSON("/api/v1/website-report?year=2027", token: token).errorField == "year")
            let last = try await client.getJSON("/api/v1/website-report?year=2025", token: token)
            #expect(try last.json()["through"] as? String == "2025-12-31")

            // The page, the workbook, and the draft once the year is over.
            let cookies = try await client.signInWithForm("cdc-office")
            let page = try await client.getPage("/console/website-report", cookies: cookies)
            #expect(page.status == .ok && page.text.contains("待填写") && page.text.contains("疾控公众号") && !page.text.contains("形成 2026 年报表草稿"))
            let bad = try await client.getPage("/console/website-report?month=13", cookies: cookies)
            #expect(bad.status == .unprocessableContent && bad.text.contains("field has-error"))
            let xlsx = try await client.getPage("/console/website-report.xlsx", cookies: cookies)
            let sheet = try SpreadsheetReader.rows(Data(buffer: xlsx.body))
            #expect(sheet.contains { $0.starts(with: ["信息发布（条）", "总数", "3"]) })
            let csrf = try await client.csrfToken(on: "/console/website-report?year=2025", cookies: cookies)
            let early = try await client.postForm("/console/website-report/draft", [("_csrf", csrf), ("year", "2026")], cookies: cookies)
            #expect(early.status == .conflict)
            let drafted = try await client.postForm("/console/website-report/draft", [("_csrf", csrf), ("year", "2025")], cookies: cookies)
            #expect(drafted.status == .ok && drafted.text.contains("已形成报表草稿"))
            let doc = try #require(try await stores.catalog.outlines(agencyID: cdc.id).max { $0.id < $1.id })
            let full = try #require(try await stores.catalog.find(id: doc.id))
            #expect(full.title == "\(cdc.name)2025年政府网站工作年度报表" && full.workflow.status == .draft)
            #expect(full.body.contains("| 信息发布（条） | 总数 | 1 |  |"))
        }
    }
}
