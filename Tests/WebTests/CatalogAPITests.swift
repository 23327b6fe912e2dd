import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web

@testable import Services

@Suite struct CatalogAPITests {
    static let body = "为做好托育服务工作，现将有关事项通知如下。\n联系人：张三，身份证号11010519491231002X，手机13812345678。\n疫情防控期间另行通知。"

    func create(_ client: some TestClientProtocol, token: String, title: String, body: String = Self.body, extra: String = "") async throws
        -> TestResponse
    {
        try await client.postJSON(
            "/api/v1/documents",
            #"{"title":"\#(title)","body":"\#(body.replacingOccurrences(of: "\n", with: "\\n"))","category":"政策文件","kind":"policy","documentNumber":"示卫发[2026]20号","writtenOn":"2026-09-18"\#(extra)}"#,
            token: token)
    }

    @Test(arguments: Harness.kinds) func draftReviewScreenPublishSearchWithdraw(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let drafter = try await client.token("drafter")
            let reviewer = try await client.token("reviewer")
            let office = try await client.token("office")
            let leader = try await client.token("leader")
            let publisher = try await client.token("publisher")
            // Draft: the 文号 is normalised; nothing is public yet.
            let created = try await create(client, token: drafter, title: "关于做好托育服务工作的通知")
            #expect(created.status == .created, "\(created.text)")
            let doc = try created.json()
            let id = try #require(doc["id"] as? Int)
            #expect(doc["status"] as? String == "draft")
            #expect(doc["documentNumber"] as? String == "示卫发〔2026〕20号")
            #expect(try await client.getJSON("/api/v1/public/documents/\(id)").status == .notFound)
            #expect(try await client.getPage("/documents/\(id)").status == .notFound)
            // Submit: screening finds the ID number and the mobile number.
            let submitted = try await client.postJSON("/api/v1/documents/\(id)/submit", "", token: drafter)
            #expect(try submitted.json()["status"] as? String == "in_review")
            let findings = try #require(try submitted.json()["findings"] as? [[String: Any]])
            #expect(findings.compactMap { $0["kind"] as? String }.sorted() == ["id_number", "mobile"])
            // Three levels; the office level needs the confidentiality conclusion; the drafter cannot review.
            #expect(try await client.postJSON("/api/v1/documents/\(id)/approve", "{}", token: drafter).status == .forbidden)
            #expect(try await client.postJSON("/api/v1/documents/\(id)/approve", #"{"comment":"同意"}"#, token: reviewer).status == .ok)
            let noConclusion = try await client.postJSON("/api/v1/documents/\(id)/approve", #"{"comment":"同意"}"#, token: office)
            #expect(noConclusion.status == .unprocessableContent)
            #expect(
                try await client.postJSON(
                    "/api/v1/documents/\(id)/approve", #"{"comment":"不涉密","confidentialityCleared":true}"#, token: office
                ).status == .ok)
            let approved = try await client.postJSON("/api/v1/documents/\(id)/approve", #"{"comment":"同意发布"}"#, token: leader)
            #expect(try approved.json()["status"] as? String == "approved")
            #expect(try approved.json()["indexNumber"] as? String == "11370812004339255B/2026-00004")
            // Publishing is blocked until every finding is dealt with.
            let blocked = try await client.postJSON("/api/v1/documents/\(id)/publish", "", token: publisher)
            #expect(blocked.status == .unprocessableContent)
            #expect(blocked.errorCode == "sensitive_content")
            let open = try #require(((try blocked.json())["error"] as? [String: Any])?["findings"] as? [[String: Any]])
            #expect(open.count == 2)
            #expect(!blocked.text.contains("19491231"))  // findings are shown masked
            #expect(try await client.postJSON("/api/v1/documents/\(id)/publish", "", token: reviewer).status == .forbidden)
            for f in open {
                let fid = try #require(f["id"] as? Int)
                let accepted = try await client.postJSON(
                    "/api/v1/documents/\(id)/findings/\(fid)", #"{"resolution":"accepted"}"#, token: reviewer)
                #expect(accepted.status == .unprocessableContent)  // keeping it needs a reason
                let r = try await client.postJSON("/api/v1/documents/\(id)/findings/\(fid)", #"{"resolution":"redacted"}"#, token: reviewer)
                #expect(r.status == .ok)
            }
            let published = try await client.postJSON("/api/v1/documents/\(id)/publish", "", token: publisher)
            #expect(published.status == .ok, "\(published.text)")
            #expect(try published.json()["status"] as? String == "published")
            // The public copy is redacted; search finds it by two characters and by one.
            let page = try await client.getJSON("/api/v1/public/documents/\(id)")
            #expect(page.status == .ok)
            let publicBody = try #require(try page.json()["body"] as? String)
            #expect(publicBody.contains("110105********002X") && publicBody.contains("138****5678"))
            #expect(!publicBody.contains("13812345678"))
            for q in ["托育", "托", "疫情防控", "托育服务工作"] {
                let r = try await client.getJSON(
                    "/api/v1/public/documents?q=\(q.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)")
                let items = try #require(try r.json()["items"] as? [[String: Any]])
                #expect(items.contains { $0["id"] as? Int == id }, "\(q)")
                #expect(items.first?["id"] as? Int == id || q == "托")
            }
            let secret = try await client.getJSON("/api/v1/public/documents?q=13812345678")
            #expect(try secret.json()["total"] as? Int == 0)
            let pageHTML = try await client.getPage("/documents/\(id)").text
            #expect(pageHTML.contains("110105********002X"))
            #expect(pageHTML.contains("11370812004339255B/2026-00004") && pageHTML.contains("示卫发〔2026〕20号"))
            let results = try await client.getPage("/search?q=%E6%89%98%E8%82%B2")  // 托育
            #expect(results.text.contains("<mark>托育</mark>"))
            #expect(results.text.contains("href=\"/documents/\(id)\""))
            #expect(try await client.getPage("/sitemap.xml").text.contains("/documents/\(id)</loc>"))
            let feed = try await client.getPage("/feeds/policy.atom")
            #expect(feed.headers[.contentType] == "application/atom+xml; charset=utf-8")
            #expect(feed.text.contains("关于做好托育服务工作的通知") && !feed.text.contains("13812345678"))
            let catalogPage = try await client.getPage("/catalog/policy")
            #expect(catalogPage.text.contains("11370812004339255B/2026-00004"))
            // Withdrawal takes it off the portal and out of search, and keeps the record.
            #expect(try await client.postJSON("/api/v1/documents/\(id)/withdraw", "{}", token: publisher).status == .unprocessableContent)
            let withdrawn = try await client.postJSON("/api/v1/documents/\(id)/withdraw", #"{"reason":"内容需更新"}"#, token: publisher)
            #expect(try withdrawn.json()["status"] as? String == "withdrawn")
            #expect(try await client.getJSON("/api/v1/public/documents/\(id)").status == .notFound)
            #expect(try await client.getPage("/documents/\(id)").status == .notFound)
            #expect(!(try await client.getPage("/search?q=%E6%89%98%E8%82%B2").text.contains("href=\"/documents/\(id)\"")))
            #expect(!(try await client.getPage("/catalog/policy").text.contains("2026-00004")))
            #expect(!(try await client.getPage("/sitemap.xml").text.contains("/documents/\(id)</loc>")))
            #expect(!(try await client.getPage("/feeds/all.atom").text.contains("关于做好托育服务工作的通知")))
            let after = try await client.getJSON("/api/v1/public/documents?q=托育")
            #expect(try after.json()["total"] as? Int == 0)
            // The whole trail is kept.
            let trail = try await client.getJSON("/api/v1/documents/\(id)", token: office)
            let actions = try #require(try trail.json()["history"] as? [[String: Any]]).compactMap { $0["action"] as? String }
            #expect(actions == ["create", "submit", "approve", "approve", "approve", "publish", "withdraw"])
            #expect(try await h.db.stores.audit.count(AuditFilter(recordType: "document", recordID: String(id))) == 9)
        }
    }

    @Test(arguments: Harness.kinds) func notPublicAndReturnedDocumentsNeverReachThePublic(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let drafter = try await client.token("drafter")
            let reviewer = try await client.token("reviewer")
            let office = try await client.token("office")
            let leader = try await client.token("leader")
            let publisher = try await client.token("publisher")
            let missingReason = try await create(client, token: drafter, title: "内部工作流程", body: "内部", extra: #","disclosure":"not_public""#)
            #expect(missingReason.status == .unprocessableContent)
            let r = try await create(
                client, token: drafter, title: "内部工作流程规定", body: "会议讨论记录",
                extra: #","disclosure":"not_public","exemption":"process_information","legalBasis":"条例第十六条第二款""#)
            let id = try #require(try r.json()["id"] as? Int)
            _ = try await client.postJSON("/api/v1/documents/\(id)/submit", "", token: drafter)
            _ = try await client.postJSON("/api/v1/documents/\(id)/approve", "{}", token: reviewer)
            _ = try await client.postJSON("/api/v1/documents/\(id)/approve", #"{"confidentialityCleared":true}"#, token: office)
            _ = try await client.postJSON("/api/v1/documents/\(id)/approve", "{}", token: leader)
            #expect(try await client.postJSON("/api/v1/documents/\(id)/publish", "", token: publisher).status == .ok)
            #expect(try await client.getJSON("/api/v1/public/documents/\(id)").status == .notFound)
            #expect(try await client.getJSON("/api/v1/public/documents?q=讨论记录").json()["total"] as? Int == 0)
            let list = try await client.getJSON("/api/v1/public/documents?per=100")
            #expect(!(try list.json()["items"] as? [[String: Any]] ?? []).contains { $0["id"] as? Int == id })
            // A return needs a comment and goes back to the drafter with it.
            let second = try await create(client, token: drafter, title: "关于开展义诊活动的通知", body: "定于十月开展义诊。")
            let sid = try #require(try second.json()["id"] as? Int)
            _ = try await client.postJSON("/api/v1/documents/\(sid)/submit", "", token: drafter)
            #expect(try await client.postJSON("/api/v1/documents/\(sid)/reject", "{}", token: reviewer).status == .unprocessableContent)
            let returned = try await client.postJSON("/api/v1/documents/\(sid)/reject", #"{"comment":"请补充活动地点"}"#, token: reviewer)
            #expect(try returned.json()["status"] as? String == "returned")
            let history = try #require(try returned.json()["history"] as? [[String: Any]])
            #expect(history.last?["comment"] as? String == "请补充活动地点")
            #expect(history.last?["level"] as? String == "科室负责人审核")
            #expect(try await client.getJSON("/api/v1/public/documents/\(sid)").status == .notFound)
            #expect(
                try await client.postJSON("/api/v1/documents/\(sid)/submit", "", token: drafter).json()["status"] as? String == "in_review")
        }
    }

    @Test func inputErrorsAre422WithChineseMessages() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let drafter = try await client.token("drafter")
            let cases: [(String, String)] = [
                (#"{"title":"x","body":"y","category":"不存在"}"#, "category"),
                (#"{"title":"x","body":"y","category":"policy","disclosure":"secret"}"#, "disclosure"),
                (#"{"title":"x","body":"y","category":"policy","kind":"memo"}"#, "kind"),
                (#"{"title":"x","body":"y","category":"policy","documentNumber":"2026年20号"}"#, "documentNumber"),
                (#"{"title":"x","body":"y","category":"policy","writtenOn":"2026-02-30"}"#, "writtenOn"),
                (#"{"title":"","body":"y","category":"policy"}"#, "title"),
                (#"{"title":"x","body":"y","category":"policy","kind":"normative","writtenOn":"2026-01-01"}"#, "validity"),
                (
                    #"{"title":"x","body":"y","category":"policy","kind":"interpretation","interprets":999,"interpretationForm":"text"}"#,
                    "interprets"
                ),
            ]
            for (body, field) in cases {
                let r = try await client.postJSON("/api/v1/documents", body, token: drafter)
                #expect(r.status == .unprocessableContent, "\(body): \(r.text)")
                #expect((try r.json()["error"] as? [String: Any])?["field"] as? String == field, "\(body): \(r.text)")
            }
            let byCode = try await client.postJSON("/api/v1/documents", #"{"title":"x","body":"y","category":"licensing"}"#, token: drafter)
            #expect(byCode.status == .created)
            #expect(try await client.getJSON("/api/v1/public/documents?per=0").status == .unprocessableContent)
            #expect(try await client.getJSON("/api/v1/public/documents?category=nope").status == .unprocessableContent)
        }
    }

    /// Every published document containing the query string is found, and nothing else: the
    /// index is compared with a plain substring scan.
    @Test(arguments: Harness.kinds) func searchRecallMatchesASubstringScan(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        let texts = [
            ("关于加强托育机构管理的通知", "各区县要做好托育机构备案工作，落实疫情防控要求。"),
            ("2026年卫生健康统计公报", "全市医疗卫生机构总诊疗人次增长，COVID-19 疫苗接种率提高。"),
            ("疫情防控工作情况通报", "近期疫情平稳，托幼机构恢复正常。"),
            ("中医药发展规划", "推进中医药传承创新发展，建设中医医院。"),
            ("关于开展爱国卫生运动的通知", "爱国卫生运动委员会各成员单位：请做好病媒生物防制。"),
        ]
        let agency = try #require(try await h.db.stores.agencies.root())
        var bodies: [Int64: String] = [:]
        for (title, body) in texts {
            let d = try await h.db.transaction { stores in
                let d = try await stores.catalog.create(
                    CatalogDocument(
                        id: 0, agencyID: agency.id, title: title, body: body, categoryCode: "policy",
                        publishedOn: CivilDate(iso: "2026-10-01")!, workflow: WorkflowState(status: .published)))
                try await stores.search.put(documentID: d.id, title: d.title, body: d.publicBody)
                return d
            }
            bodies[d.id] = title + "\n" + body
        }
        let corpus = bodies
        try await h.run { client in
            for q in ["托", "托育", "疫情", "疫情防控", "中医药", "卫生", "机构", "covid", "爱国卫生运动", "运", "统计公报", "不存在的词"] {
                let r = try await client.getJSON(
                    "/api/v1/public/documents?per=100&q=\(q.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)")
                let found = Set(try #require(try r.json()["items"] as? [[String: Any]]).compactMap { ($0["id"] as? Int).map(Int64.init) })
                let expected = Set(corpus.filter { $0.value.lowercased().contains(q) }.map(\.key))
                let mine = found.intersection(corpus.keys)
                #expect(mine == expected, "\(q): found \(mine.sorted()) expected \(expected.sorted())")
            }
            // Filters narrow the same search; bad filter values are 422 on the API and the page.
            let q = "%E5%8D%AB%E7%94%9F"  // 卫生
            #expect(try await client.getJSON("/api/v1/public/documents?q=\(q)&category=licensing").json()["total"] as? Int == 0)
            let all = try #require(try await client.getJSON("/api/v1/public/documents?q=\(q)").json()["total"] as? Int)
            // Two demo documents containing 卫生 are filed under 卫生监督执法 and 其他, not 政策文件.
            let policy = all - 2
            #expect(try await client.getJSON("/api/v1/public/documents?q=\(q)&year=2026&category=policy").json()["total"] as? Int == policy)
            #expect(try await client.getJSON("/api/v1/public/documents?q=\(q)&year=2025").json()["total"] as? Int == 0)
            #expect(try await client.getJSON("/api/v1/public/documents?q=\(q)&agency=1").json()["total"] as? Int == all)
            #expect(try await client.getJSON("/api/v1/public/documents?q=\(q)&validity=effective").json()["total"] as? Int == 0)
            for bad in ["validity=bogus", "agency=x", "year=99"] {
                #expect(try await client.getJSON("/api/v1/public/documents?q=\(q)&\(bad)").status == .unprocessableContent, "\(bad)")
            }
            let filtered = try await client.getPage("/search?q=\(q)&category=policy&year=2026")
            #expect(filtered.status == .ok && filtered.text.contains("共找到 \(policy) 条结果"))
            #expect(try await client.getPage("/search?q=\(q)&year=abc").status == .unprocessableContent)
            // Title matches come first.
            let r = try await client.getJSON("/api/v1/public/documents?q=%E7%96%AB%E6%83%85")  // 疫情
            let first = try #require(try r.json()["items"] as? [[String: Any]]).first
            #expect((first?["title"] as? String)?.contains("疫情") == true)
        }
    }

    /// Takes a draft through submit, three approvals and publication.
    func publish(_ client: some TestClientProtocol, _ id: Int) async throws {
        let tokens = (
            drafter: try await client.token("drafter"), reviewer: try await client.token("reviewer"),
            office: try await client.token("office"),
            leader: try await client.token("leader"), publisher: try await client.token("publisher")
        )
        _ = try await client.postJSON("/api/v1/documents/\(id)/submit", "", token: tokens.drafter)
        _ = try await client.postJSON("/api/v1/documents/\(id)/approve", "{}", token: tokens.reviewer)
        _ = try await client.postJSON("/api/v1/documents/\(id)/approve", #"{"confidentialityCleared":true}"#, token: tokens.office)
        _ = try await client.postJSON("/api/v1/documents/\(id)/approve", "{}", token: tokens.leader)
        let r = try await client.postJSON("/api/v1/documents/\(id)/publish", "", token: tokens.publisher)
        #expect(r.status == .ok, "\(r.text)")
    }

    @Test func interpretationsLinkBothWaysAndTimelinessIsTracked() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let drafter = try await client.token("drafter")
            let policy = try await client.postJSON(
                "/api/v1/documents",
                #"{"title":"关于推进医养结合的实施意见","body":"推进医养结合。","category":"policy","kind":"policy","writtenOn":"2026-09-01","needsInterpretation":true}"#,
                token: drafter)
            let pid = try #require(try policy.json()["id"] as? Int)
            try await publish(client, pid)
            let interp = try await client.postJSON(
                "/api/v1/documents",
                #"{"title":"图解：医养结合实施意见","body":"一图读懂。","category":"interpretation","kind":"interpretation","interprets":\#(pid),"interpretationForm":"graphic"}"#,
                token: drafter)
            let iid = try #require(try interp.json()["id"] as? Int, "\(interp.text)")
            try await publish(client, iid)
            let policyPage = try await client.getPage("/documents/\(pid)").text
            #expect(policyPage.contains("href=\"/documents/\(iid)\"") && policyPage.contains("图解"))
            #expect(try await client.getPage("/documents/\(iid)").text.contains("href=\"/documents/\(pid)\""))
            // A draft formed in early August is overdue by 21 September; coverage counts the graphic.
            _ = try await client.postJSON(
                "/api/v1/documents", #"{"title":"八月形成的许可结果","body":"许可结果。","category":"licensing","formedOn":"2026-08-03"}"#, token: drafter
            )
            let office = try await client.signInWithForm("office")
            let page = try await client.getPage("/console/timeliness", cookies: office)
            #expect(page.status == .ok)
            #expect(page.text.contains("八月形成的许可结果") && page.text.contains("已超期"))
            #expect(page.text.contains("<td>图解率</td><td>100%</td>"))
            let drafterCookies = try await client.signInWithForm("drafter")
            #expect(try await client.getPage("/console/timeliness", cookies: drafterCookies).status == .forbidden)
        }
    }

    @Test(arguments: Harness.kinds) func scheduledPublishingExpiryAndTheWordList(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let drafter = try await client.token("drafter")
            let publisher = try await client.token("publisher")
            // The office adds a word; screening then flags it with the suggested replacement.
            let office = try await client.signInWithForm("office")
            let csrf = try await client.csrfToken(on: "/console/sensitive-words", cookies: office)
            let added = try await client.postForm(
                "/console/sensitive-words", [("_csrf", csrf), ("op", "add"), ("word", "卫计委"), ("replacement", "卫生健康委")],
                cookies: office)
            #expect(added.status == .ok && added.text.contains("已添加"))
            let dup = try await client.postForm(
                "/console/sensitive-words", [("_csrf", csrf), ("op", "add"), ("word", "卫计委")], cookies: office)
            #expect(dup.status == .unprocessableContent)
            let flagged = try await client.postJSON(
                "/api/v1/documents", #"{"title":"关于卫计委更名的说明","body":"原市卫计委职责划入。","category":"other"}"#, token: drafter)
            let fid = try #require(try flagged.json()["id"] as? Int)
            let submitted = try await client.postJSON("/api/v1/documents/\(fid)/submit", "", token: drafter)
            let findings = try #require(try submitted.json()["findings"] as? [[String: Any]])
            #expect(findings.count == 1 && findings.first?["suggestion"] as? String == "卫生健康委")

            // Scheduled for 23:00 Beijing time the same day (the test clock says 22:13).
            let r = try await client.postJSON(
                "/api/v1/documents", #"{"title":"国庆假期医疗服务安排","body":"各医院门急诊正常开放。","category":"medical-services","expiresOn":"2026-10-08"}"#,
                token: drafter)
            let id = try #require(try r.json()["id"] as? Int)
            let tokens = (
                reviewer: try await client.token("reviewer"), office: try await client.token("office"),
                leader: try await client.token("leader")
            )
            _ = try await client.postJSON("/api/v1/documents/\(id)/submit", "", token: drafter)
            _ = try await client.postJSON("/api/v1/documents/\(id)/approve", "{}", token: tokens.reviewer)
            _ = try await client.postJSON("/api/v1/documents/\(id)/approve", #"{"confidentialityCleared":true}"#, token: tokens.office)
            _ = try await client.postJSON("/api/v1/documents/\(id)/approve", "{}", token: tokens.leader)
            let past = try await client.postJSON(
                "/api/v1/documents/\(id)/schedule", #"{"at":"2026-09-21T08:00:00+08:00"}"#, token: publisher)
            #expect(past.status == .unprocessableContent)
            let scheduled = try await client.postJSON(
                "/api/v1/documents/\(id)/schedule", #"{"at":"2026-09-21T23:00:00+08:00"}"#, token: publisher)
            #expect(try scheduled.json()["status"] as? String == "scheduled", "\(scheduled.text)")
            let service = CatalogService(env: h.env.services)
            #expect(try await service.runDue().published.isEmpty)
            #expect(try await client.getJSON("/api/v1/public/documents/\(id)").status == .notFound)
            h.clock.advance(3600)
            #expect(try await service.runDue().published == [Int64(id)])
            #expect(try await client.getJSON("/api/v1/public/documents/\(id)").status == .ok)
            #expect(try await client.getJSON("/api/v1/public/documents?q=%E9%97%A8%E6%80%A5%E8%AF%8A").json()["total"] as? Int == 1)  // 门急诊
            // It leaves the portal and search by itself after its last day.
            h.clock.advance(17 * 86400)  // 2026-10-08, its last day: still up
            #expect(try await service.runDue().expired.isEmpty)
            h.clock.advance(86400)
            #expect(try await service.runDue().expired == [Int64(id)])
            #expect(try await client.getJSON("/api/v1/public/documents/\(id)").status == .notFound)
            #expect(try await client.getJSON("/api/v1/public/documents?q=%E9%97%A8%E6%80%A5%E8%AF%8A").json()["total"] as? Int == 0)
            let fresh = try await client.token("drafter")
            let history = try #require(
                try await client.getJSON("/api/v1/documents/\(id)", token: fresh).json()["history"] as? [[String: Any]])
            #expect(history.suffix(3).compactMap { $0["action"] as? String } == ["schedule", "publish", "expire"])
        }
    }
}
