import Domain
import Foundation
import HummingbirdTesting
import Storage
import Testing
import Web

@testable import Services

/// The annual report through HTTP: every cell from live records, the checks, the lock and its
/// byte-for-byte reproducibility, corrections, publication, roll-up and import.
@Suite struct AnnualReportTests {
    /// Stores a request as if handled over the years (intake and reply dates in the past).
    static func request(
        _ stores: any Stores, agencyID: Int64, _ n: Int, _ type: ApplicantType, received: String, replied: String? = nil,
        outcome: RequestOutcome? = nil
    ) async throws {
        _ = try await stores.requests.create(
            DisclosureRequest(
                agencyID: agencyID, trackingCode: "AR\(agencyID)-\(n)", channel: .letter,
                applicant: Applicant(type: type, name: "申请人\(n)", idNumber: "110105198001010016", address: "示范路1号"),
                description: "所需信息\(n)", delivery: .post, status: replied == nil ? .open : .replied,
                clock: RequestClock(receivedOn: CivilDate(iso: received)!), dueOn: CivilDate(iso: received)!.adding(days: 28),
                outcome: outcome, repliedOn: replied.flatMap { CivilDate(iso: $0) }))
    }

    /// Each applicant type: one request per outcome answered in 2026, (index + 1) carried in
    /// from 2025, one received in December and answered in 2027, one answered back in 2025.
    static func scenario(_ h: Harness, agencyID: Int64) async throws {
        let stores = h.env.database.stores
        var n = 0
        for (i, type) in ApplicantType.allCases.enumerated() {
            for outcome in RequestOutcome.allCases {
                n += 1
                try await request(stores, agencyID: agencyID, n, type, received: "2026-03-02", replied: "2026-03-20", outcome: outcome)
            }
            for _ in 0...i {
                n += 1
                try await request(stores, agencyID: agencyID, n, type, received: "2025-12-15", replied: "2026-01-12", outcome: .disclosed)
            }
            n += 1
            try await request(
                stores, agencyID: agencyID, n, type, received: "2026-12-21", replied: "2027-01-04", outcome: .partiallyDisclosed)
            n += 1
            try await request(stores, agencyID: agencyID, n, type, received: "2025-06-02", replied: "2025-06-20", outcome: .disclosed)
        }
        _ = try await stores.appeals.create(
            RequestAppeal(
                agencyID: agencyID, requestID: nil, kind: .reconsideration, forum: "示范市人民政府", filedOn: CivilDate(iso: "2026-05-06")!,
                result: .upheld, decidedOn: CivilDate(iso: "2026-07-01")))
        _ = try await stores.appeals.create(
            RequestAppeal(
                agencyID: agencyID, requestID: nil, kind: .litigationDirect, forum: "示范区人民法院", filedOn: CivilDate(iso: "2026-08-03")!))
    }

    static func rows(_ json: [String: Any]) -> [[String: Any]] { (json["requests"] as? [String: Any])?["rows"] as? [[String: Any]] ?? [] }

    static func count(_ json: [String: Any], _ code: String, _ column: String) -> Int? {
        rows(json).first { $0["code"] as? String == code }.flatMap { ($0["counts"] as? [String: Any])?[column] as? Int }
    }

    static let manual =
        #"{"entries":{"t2.rules.issued":0,"t2.rules.repealed":0,"t2.rules.inForce":0,"t2.coercion.decisions":3,"t2.fees.amount":1.25}}"#

    @Test(arguments: Harness.kinds) func everyCellFromTheRecordsAndTheLifecycle(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        let root = try #require(try await h.env.database.stores.agencies.root())
        try await Self.scenario(h, agencyID: root.id)
        try await h.run { client in
            var office = try await client.token("office")
            let first = try await client.getJSON("/api/v1/reports/annual/2026", token: office)
            #expect(first.status == .ok, "\(first.text)")
            let before = try first.json()
            // Labels exactly as the format prints them, in order.
            #expect(Self.rows(before).map { $0["label"] as? String ?? "" } == RequestReportRow.allCases.map(\.label))
            #expect(Self.rows(before).first { $0["code"] as? String == "withheld_state_secret" }?["group"] as? String == "（三）不予公开")
            #expect(
                (before["requests"] as? [String: Any])?["columns"] as? [String] == [
                    "natural_person", "business", "research", "public_interest", "legal_service", "other", "total",
                ])
            var expectedTotals: [String: Int] = [:]
            for (i, type) in ApplicantType.allCases.enumerated() {
                let c = type.rawValue
                let want: [String: Int] = [
                    "received": 24, "carried_in": i + 1, "disclosed": 2 + i + 1, "partially_disclosed": 1, "unavailable_not_held": 2,
                    "total": 23 + i + 1, "carried_out": 1,
                ]
                for row in RequestReportRow.allCases {
                    let w = want[row.rawValue] ?? 1
                    #expect(Self.count(before, row.rawValue, c) == w, "\(row.label) · \(type.label)")
                    expectedTotals[row.rawValue, default: 0] += w
                }
            }
            for row in RequestReportRow.allCases { #expect(Self.count(before, row.rawValue, "total") == expectedTotals[row.rawValue]) }
            let groups = try #require((before["reviewLitigation"] as? [String: Any])?["groups"] as? [[String: Any]])
            #expect((groups[0]["counts"] as? [String: Int])?["upheld"] == 1 && (groups[1]["counts"] as? [String: Int])?["pending"] == 1)
            let checks = try #require(before["checks"] as? [[String: Any]])
            #expect(checks.count == 42 && checks.allSatisfy { $0["ok"] as? Bool == true })
            #expect((before["missingEntries"] as? [String])?.count == 5)
            let overview = try #require((before["narrative"] as? [String: String])?["overview"])
            #expect(overview.contains("全年新收政府信息公开申请 \(expectedTotals["received"]!) 件"))

            // Table 二 follows the catalog: a normative document and a licensing result published now.
            let tokens = try await RevisionTests.tokens(client)
            func cell(_ json: [String: Any], _ key: String) -> Double? {
                ((json["activeDisclosure"] as? [String: Any])?["cells"] as? [String: Any])?[key] as? Double
            }
            let validity = #","validity":{"status":"effective","effectiveFrom":"2026-10-01"}"#
            for (category, kind, extra) in [("政策文件", "normative", validity), ("行政许可", "general", "")] {
                let created = try await client.postJSON(
                    "/api/v1/documents",
                    #"{"title":"年度报告测试文件\#(kind)","body":"正文。","category":"\#(category)","kind":"\#(kind)","writtenOn":"2026-09-18"\#(extra)}"#,
                    token: tokens["drafter"])
                let id = try #require(try created.json()["id"] as? Int, "\(created.text)")
                try await RevisionTests.review(client, tokens, id)
                #expect(try await client.postJSON("/api/v1/documents/\(id)/publish", "", token: tokens["publisher"]).status == .ok)
            }
            let after = try await client.getJSON("/api/v1/reports/annual/2026", token: office).json()
            #expect(cell(after, "normative.issued") == (cell(before, "normative.issued") ?? -1) + 1)
            #expect(cell(after, "normative.inForce") == (cell(before, "normative.inForce") ?? -1) + 1)
            #expect(cell(after, "licensing.decisions") == (cell(before, "licensing.decisions") ?? -1) + 1)

            // A total entered by hand that disagrees: the checks name it and the lock refuses it.
            var saved = try await client.postJSON("/api/v1/reports/annual/2026", Self.manual, token: office, method: .put)
            #expect(saved.status == .ok, "\(saved.text)")
            #expect(
                try saved.json()["entered"] as? [String] == [
                    "t2.coercion.decisions", "t2.fees.amount", "t2.rules.inForce", "t2.rules.issued", "t2.rules.repealed",
                ])
            saved = try await client.postJSON(
                "/api/v1/reports/annual/2026", #"{"entries":{"t3.total.total":999}}"#, token: office, method: .put)
            let failing = try #require(try saved.json()["checks"] as? [[String: Any]]).filter { $0["ok"] as? Bool == false }
            // 一+二 against （七）+四 in the 总计 column, （七）总计 against its rows, and the row's 总计 against its columns.
            #expect(failing.count == 3 && failing.allSatisfy { $0["cell"] as? String == "t3.total.total" })
            #expect(failing.contains { ($0["message"] as? String)?.contains("「（七）总计」行「总计」列为 999") == true })
            #expect(
                try await client.postJSON("/api/v1/reports/annual/2026", #"{"entries":{"t3.nope.total":1}}"#, token: office, method: .put)
                    .errorField == "cell")
            #expect(
                try await client.postJSON("/api/v1/reports/annual/2026", #"{"narrative":{"six":"x"}}"#, token: office, method: .put)
                    .errorField == "narrative")

            // The year has not ended: no lock yet. In January it may be locked, once the check passes.
            #expect(try await client.postJSON("/api/v1/reports/annual/2026/lock", "", token: office).status == .conflict)
            h.clock.advance(105 * 86400)  // 2027-01-04
            office = try await client.token("office")
            let refused = try await client.postJSON("/api/v1/reports/annual/2026/lock", "", token: office)
            #expect(refused.status == .unprocessableContent && refused.text.contains("（七）总计"), "\(refused.text)")
            _ = try await client.postJSON(
                "/api/v1/reports/annual/2026", #"{"entries":{"t3.total.total":null}}"#, token: office, method: .put)
            let locked = try await client.postJSON("/api/v1/reports/annual/2026/lock", "", token: office)
            #expect(locked.status == .ok, "\(locked.text)")
            let lockedJSON = try locked.json()
            #expect(lockedJSON["locked"] as? Bool == true && (lockedJSON["digest"] as? String)?.count == 64)
            #expect(
                try await client.postJSON("/api/v1/reports/annual/2026", #"{"narrative":{"other":"x"}}"#, token: office, method: .put)
                    .status == .conflict)

            // Placeholders in the draft text stop publication until filled in.
            let early = try await client.postJSON("/api/v1/reports/annual/2026/publish", "", token: office)
            #expect(early.status == .unprocessableContent && early.text.contains("请填写"))
            #expect(try await client.getJSON("/api/v1/public/reports/annual/2026").status == .notFound)

            // A late-registered request changes the live records, not the locked figures.
            try await Self.request(h.env.database.stores, agencyID: root.id, 9001, .research, received: "2026-12-30")
            let drift = try await client.getJSON("/api/v1/reports/annual/2026", token: office).json()
            let driftCells = (drift["drift"] as? [[String: Any]])?.compactMap { $0["cell"] as? String } ?? []
            #expect(driftCells.contains("t3.received.research") && driftCells.contains("t3.carried_out.total"))
            #expect(Self.count(drift, "received", "research") == 24)
        }
    }

    @Test func publishedReportIsReproducibleAndPublic() async throws {
        let h = try await Harness.make("sqlite")
        let root = try #require(try await h.env.database.stores.agencies.root())
        try await Self.scenario(h, agencyID: root.id)
        try await h.run { client in
            h.clock.advance(105 * 86400)
            let office = try await client.token("office")
            let texts = #"{"narrative":{"overview":"总体情况。","problems":"问题与改进。","other":"无。"}}"#
            _ = try await client.postJSON("/api/v1/reports/annual/2026", Self.manual, token: office, method: .put)
            _ = try await client.postJSON("/api/v1/reports/annual/2026", texts, token: office, method: .put)
            #expect(try await client.postJSON("/api/v1/reports/annual/2026/lock", "", token: office).status == .ok)
            let published = try await client.postJSON("/api/v1/reports/annual/2026/publish", "", token: office)
            #expect(published.status == .ok, "\(published.text)")

            let base = "/agencies/\(root.id)/reports/annual/2026"
            var firstCopies: [String: String] = [:]
            for file in ["report.json", "report.csv", "report.html"] {
                let r = try await client.getPage("\(base)/\(file)")
                #expect(r.status == .ok)
                firstCopies[file] = r.text
            }
            let docx = try await client.getPage("\(base)/report.docx")
            #expect(docx.status == .ok && docx.text.hasPrefix("PK"))
            // New records after publication leave the published report as it was, byte for byte.
            try await Self.request(h.env.database.stores, agencyID: root.id, 9002, .business, received: "2026-11-30")
            _ = try await h.env.database.stores.appeals.create(
                RequestAppeal(
                    agencyID: root.id, requestID: nil, kind: .reconsideration, forum: "省卫健委", filedOn: CivilDate(iso: "2026-10-01")!))
            for (file, text) in firstCopies { #expect(try await client.getPage("\(base)/\(file)").text == text, "\(file)") }
            #expect(try await client.getPage("\(base)/report.docx").text == docx.text)

            let page = try await client.getPage("/reports/annual/2026")
            #expect(page.status == .ok)
            #expect(page.text.contains("<th colspan=\"3\" id=\"t3r-received\" scope=\"row\">一、本年新收政府信息公开申请数量</th>"))
            #expect(
                page.text.contains(
                    "headers=\"t3-outcome t3g-withheld_state_secret t3r-withheld_state_secret t3-applicant t3c-natural_person\""))
            #expect(page.text.contains("<th rowspan=\"22\" id=\"t3-outcome\" scope=\"rowgroup\">三、本年度办理结果</th>"))
            #expect(page.text.contains("\(base)/report.docx"))
            #expect(try await client.getPage("/reports/annual").text.contains("2026年政府信息公开工作年度报告"))
            let json = try await client.getJSON("/api/v1/public/reports/annual/2026").json()
            #expect(json["published"] as? Bool == true && json["drift"] as? [Any] != nil)
            #expect(try await client.getPage("/reports/annual/2025").status == .notFound)

            // The static export carries the report, its files and the list; the sitemap names it.
            let dir = NSTemporaryDirectory() + "gk-static-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: dir) }
            _ = try await StaticSite.publish(h.env, to: dir, siteOrigin: "https://gk.example.org", serverOrigin: "https://app.example.org")
            let exported = try String(contentsOfFile: dir + "/reports/annual/2026/index.html", encoding: .utf8)
            #expect(exported.contains("id=\"table-3\"") && exported.contains("https://app.example.org\(base)/report.pdf"))
            #expect(try String(contentsOfFile: dir + "\(base)/report.json", encoding: .utf8) == firstCopies["report.json"])
            #expect(FileManager.default.fileExists(atPath: dir + "\(base)/report.docx"))
            #expect(try String(contentsOfFile: dir + "/reports/annual/index.html", encoding: .utf8).contains("\(base)"))
            #expect(try await client.getPage("/sitemap.xml").text.contains("\(base)</loc>"))

            // A correction after publication is listed on the report.
            let corrected = try await client.postJSON(
                "/api/v1/reports/annual/2026/corrections", #"{"cell":"t2.coercion.decisions","value":4,"reason":"执法系统补录一件"}"#, token: office
            )
            #expect(corrected.status == .created, "\(corrected.text)")
            let now = try await client.getPage("/reports/annual/2026")
            #expect(now.text.contains("更正说明") && now.text.contains("由 3 更正为 4") && now.text.contains("执法系统补录一件"))
            #expect(
                try await client.postJSON(
                    "/api/v1/reports/annual/2026/corrections", #"{"cell":"t2.coercion.decisions","value":5,"reason":""}"#, token: office
                )
                .errorField == "reason")
        }
    }

    @Test func rollUpImportAndAccess() async throws {
        let h = try await Harness.make("sqlite")
        let agencies = try await h.env.database.stores.agencies.all()
        let root = try #require(agencies.first { $0.parentID == nil })
        let units = agencies.filter { $0.parentID == root.id }
        #expect(units.count >= 2)
        try await Self.scenario(h, agencyID: root.id)
        try await Self.scenario(h, agencyID: units[0].id)
        try await h.run { client in
            let office = try await client.token("office")
            // Last year's figures, imported, appear in this year's draft as a comparison.
            let csv = "表,行,列,数值\\n三,一、本年新收政府信息公开申请数量,自然人,4\\n三,一、本年新收政府信息公开申请数量,总计,100\\n"
            let imported = try await client.postJSON(
                "/api/v1/reports/annual/2025/import", #"{"csv":"\#(csv)","problems":"网站栏目更新不及时"}"#, token: office)
            #expect(imported.status == .created, "\(imported.text)")
            #expect(try imported.json()["state"] as? String == "imported")
            #expect(
                try await client.postJSON("/api/v1/reports/annual/2026/import", #"{"csv":"\#(csv)"}"#, token: office).errorField == "year")
            #expect(
                try await client.postJSON("/api/v1/reports/annual/2024/import", #"{"csv":"x,y\\n"}"#, token: office).errorField == "file")
            let draft = try await client.getJSON("/api/v1/reports/annual/2026", token: office).json()
            let narrative = try #require(draft["narrative"] as? [String: String])
            #expect(narrative["overview"]?.contains("较上年增加 44 件") == true, "\(narrative["overview"] ?? "")")
            #expect(narrative["problems"]?.contains("1. 网站栏目更新不及时") == true)

            let rollup = try await client.getJSON("/api/v1/reports/annual/2026?rollup=true", token: office).json()
            let unitList = try #require(rollup["units"] as? [[String: Any]])
            #expect(unitList.count == units.count + 1)
            #expect(Self.count(rollup, "received", "total") == 288 && unitList.compactMap { $0["received"] as? Int }.reduce(0, +) == 288)
            #expect((rollup["checks"] as? [[String: Any]])?.allSatisfy { $0["ok"] as? Bool == true } == true)
            let unit = try await client.getJSON("/api/v1/reports/annual/2026?agency=\(units[0].id)", token: office)
            let unitJSON = try unit.json()
            #expect(unit.status == .ok && Self.count(unitJSON, "received", "total") == 144)
            #expect(try await client.getJSON("/api/v1/reports/annual/2026?agency=99999", token: office).status == .notFound)
            #expect(try await client.getJSON("/api/v1/reports/annual/2026?agency=abc", token: office).status == .unprocessableContent)
            #expect(try await client.getJSON("/api/v1/reports/annual/2026", token: try await client.token("drafter")).status == .forbidden)
            #expect(try await client.getJSON("/api/v1/reports/annual/2026").status == .unauthorized)
            #expect(try await client.getJSON("/api/v1/reports/annual/2031", token: office).errorField == "year")

            // The console reminds the office in December until the report is published.
            h.clock.advance(72 * 86400)  // 2026-12-02
            let cookies = try await client.signInWithForm("office")
            let console = try await client.getPage("/console", cookies: cookies)
            #expect(console.text.contains("2026年度政府信息公开工作年度报告尚未发布"))
            let page = try await client.getPage("/console/reports/2026?rollup=true", cookies: cookies)
            #expect(page.status == .ok && page.text.contains("本单位及下属单位汇总") && page.text.contains(units[0].name))
        }
    }

    /// A step the report's state refuses (publishing before the lock) is shown on the report's
    /// own page, with the form, not on the generic error page.
    @Test func aRefusedStepShowsOnTheReportPage() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let cookies = try await client.signInWithForm("office")
            let csrf = try await client.csrfToken(on: "/console/reports/2026", cookies: cookies)
            let refused = try await client.postForm("/console/reports/2026/publish", [("_csrf", csrf)], cookies: cookies)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("须先锁定本年度数据") && refused.text.contains("说明部分"), "\(refused.text.prefix(400))")
        }
    }

    @Test func consoleFormsKeepInputAndMarkProblems() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let cookies = try await client.signInWithForm("office")
            let list = try await client.getPage("/console/reports", cookies: cookies)
            #expect(list.status == .ok && list.text.contains("导入往年报告数据") && list.text.contains("2025年"))
            let csrf = try await client.csrfToken(on: "/console/reports/2026", cookies: cookies)
            let draft = try await client.getPage("/console/reports/2026", cookies: cookies)
            #expect(draft.text.contains("说明部分") && draft.text.contains("待填报") && draft.text.contains("2026年结束后"))

            let bad = try await client.postForm(
                "/console/reports/2026", [("_csrf", csrf), ("overview", "我们的总体情况"), ("t2.fees.amount", "十万")], cookies: cookies)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("“十万”不是数字") && bad.text.contains("我们的总体情况") && bad.text.contains("aria-invalid=\"true\""))
            let good = try await client.postForm(
                "/console/reports/2026",
                [
                    ("_csrf", csrf), ("overview", "我们的总体情况"), ("t2.fees.amount", "2.5"), ("adjustCell", "t4.reconsideration.other"),
                    ("adjustValue", "1"),
                ],
                cookies: cookies)
            #expect(good.status == .ok && good.text.contains("已保存"))
            let report = try #require(try await h.env.database.stores.annualReports.find(agencyID: 1, year: 2026))
            #expect(report.text(.overview) == "我们的总体情况" && report.entries == ["t2.fees.amount": 2.5, "t4.reconsideration.other": 1])
            let early = try await client.postForm("/console/reports/2026/lock", [("_csrf", csrf)], cookies: cookies)
            #expect(early.status == .conflict && early.text.contains("次年 1 月 1 日起"))
            #expect(try await client.postForm("/console/reports/2026", [("overview", "x")], cookies: cookies).status == .forbidden)

            // Importing an earlier year from a file; a bad file is refused with the line named.
            let csv = Data("表,行,列,数值\n三,一、本年新收政府信息公开申请数量,自然人,4\n".utf8)
            let imported = try await client.postFile(
                "/console/reports/import", fileName: "2024.csv", data: csv, fields: [("_csrf", csrf), ("year", "2024")], cookies: cookies)
            #expect(imported.status == .ok && imported.text.contains("已导入2024年度数据"), "\(imported.text.prefix(300))")
            let wrong = try await client.postFile(
                "/console/reports/import", fileName: "x.csv", data: Data("表,行,列,数值\n三,五、其他,自然人,1\n".utf8),
                fields: [("_csrf", csrf), ("year", "2023")], cookies: cookies)
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("第 2 行"))
            let drafter = try await client.signInWithForm("drafter")
            #expect(try await client.getPage("/console/reports/2026", cookies: drafter).status == .forbidden)
        }
    }
}
