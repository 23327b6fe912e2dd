import Domain
import Foundation
import HummingbirdTesting
import Testing

@testable import Services
@testable import Web

/// Questionnaires over HTTP: drafting, publishing, answering (form and JSON), one response per
/// confirmed person, results as SVG charts with tables, the CSV export, and privacy.
@Suite struct SurveyWebTests {
    static let outline = """
        【单选】您的年龄段 *
        - 18 岁以下
        - 18 至 60 岁
        - 60 岁以上
        【多选】您通过哪些渠道了解政策？
        - 政府网站
        - 微信公众号
        【量表 1-5】总体满意度 *
        【填空】请说明不满意的原因 *（当第 3 题选 1、2 时显示）
        """

    static func create(_ client: any TestClientProtocol, _ token: String, identity: String = "anonymous_allowed") async throws -> Int {
        let body: [String: Any] = [
            "title": "政务公开满意度调查", "intro": "请根据实际感受填写。", "opensOn": "2026-09-21", "closesOn": "2026-10-20",
            "identity": identity, "outline": outline,
        ]
        let made = try await client.postJSON(
            "/api/v1/surveys", String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self), token: token)
        #expect(made.status == .created, "\(made.text)")
        return try #require(try made.json()["id"] as? Int)
    }

    @Test(arguments: Harness.kinds) func draftPublishAnswerAndResults(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let office = try await client.token("office")
            // A bad outline is refused with the line at fault.
            let bad = try await client.postJSON(
                "/api/v1/surveys", #"{"title":"t","opensOn":"2026-09-21","closesOn":"2026-10-20","outline":"【单选】一个选项\n- A"}"#,
                token: office)
            #expect(bad.errorField == "outline" && bad.text.contains("2 至 30 个选项"))
            // Structured questions work too, and a condition must look back.
            let structured = try await client.postJSON(
                "/api/v1/surveys",
                #"{"title":"t","opensOn":"2026-09-21","closesOn":"2026-10-20","questions":[{"kind":"text","title":"x","showIf":{"question":2,"values":[1]}},{"kind":"scale","title":"y"}]}"#,
                token: office)
            #expect(structured.errorField == "questions" && structured.text.contains("前面的题目"))
            let id = try await Self.create(client, office)
            // A draft is not public.
            #expect(try await client.getJSON("/api/v1/public/surveys/\(id)").status == .notFound)
            #expect(try await client.getPage("/surveys/\(id)").status == .notFound)
            #expect(try await client.postJSON("/api/v1/public/surveys/\(id)/responses", #"{"answers":[]}"#).status == .notFound)
            let published = try await client.postJSON("/api/v1/surveys/\(id)/publish", "", token: office)
            #expect(try published.json()["status"] as? String == "open")
            // Questions are fixed once published.
            #expect(
                try await client.postJSON(
                    "/api/v1/surveys/\(id)", #"{"title":"t","opensOn":"2026-09-21","closesOn":"2026-10-20","outline":"【填空】x"}"#,
                    token: office, method: .put
                ).status == .conflict)

            func answer(_ json: String) async throws -> TestResponse {
                try await client.postJSON("/api/v1/public/surveys/\(id)/responses", json)
            }
            // Required and conditional questions.
            #expect(try await answer(#"{"answers":[{"question":3,"value":4}]}"#).errorField == "q1")
            #expect(try await answer(#"{"answers":[{"question":1,"choices":[1]},{"question":3,"value":2}]}"#).errorField == "q4")
            #expect(try await answer(#"{"answers":[{"question":1,"choices":[1]},{"question":3,"value":9}]}"#).errorField == "q3")
            #expect(try await answer(#"{"answers":"x"}"#).errorField == "answers")
            let r1 = try await answer(
                #"{"answers":[{"question":1,"choices":[2]},{"question":2,"choices":[1,2]},{"question":3,"value":5},{"question":4,"text":"丢弃"}]}"#
            )
            #expect(try r1.status == .created && (r1.json()["confirmed"] as? Bool) == true, "\(r1.text)")
            _ = try await answer(
                #"{"answers":[{"question":1,"choices":[3]},{"question":2,"choices":[1]},{"question":3,"value":2},{"question":4,"text":"字太小，看不清"}]}"#
            )

            // The results: counts, the mean, texts for staff only, and nothing public until shown.
            let staff = try await client.getJSON("/api/v1/surveys/\(id)/results", token: office).json()["results"] as? [String: Any]
            #expect(staff?["responses"] as? Int == 2)
            let qs = staff?["questions"] as? [[String: Any]] ?? []
            #expect((qs[0]["counts"] as? [[String: Any]])?.map { $0["count"] as? Int } == [0, 1, 1])
            #expect(qs[2]["mean"] as? Double == 3.5)
            #expect(qs[3]["texts"] as? [String] == ["字太小，看不清"])
            #expect(try await client.getJSON("/api/v1/public/surveys/\(id)/results").status == .notFound)
            #expect(try await client.getPage("/surveys/\(id)/results").status == .notFound)
            _ = try await client.postJSON("/api/v1/surveys/\(id)/results-public", #"{"shown":true}"#, token: office)
            let publicResults = try await client.getJSON("/api/v1/public/surveys/\(id)/results").json()["results"] as? [String: Any]
            let pq = publicResults?["questions"] as? [[String: Any]] ?? []
            #expect(pq.count == 4 && (pq[3]["texts"] as? [String])?.isEmpty == true && pq[3]["answered"] as? Int == 1)
            let page = try await client.getPage("/surveys/\(id)/results")
            #expect(page.status == .ok)
            #expect(page.text.contains("<svg") && page.text.contains("<title>总体满意度") && page.text.contains("50.0%"))
            #expect(!page.text.contains("字太小"))

            // The CSV: one row per response, option texts, staff only.
            let csv = try await client.getJSON("/api/v1/surveys/\(id)/export.csv", token: office)
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = csv.text.split(separator: "\r\n")
            #expect(lines.count == 3 && lines[1].contains("18 至 60 岁") && lines[1].contains("政府网站；微信公众号"))
            #expect(lines[2].contains("字太小，看不清") && !lines[1].contains("丢弃"))
            #expect(try await client.getJSON("/api/v1/surveys/\(id)/export.csv").status == .unauthorized)
            // Staff without an editing role cannot read it.
            let handler = try await client.token("handler")
            #expect(try await client.getJSON("/api/v1/surveys/\(id)/results", token: handler).status == .forbidden)

            // Closed early: no more answers.
            _ = try await client.postJSON("/api/v1/surveys/\(id)/close", "", token: office)
            #expect(try await answer(#"{"answers":[{"question":1,"choices":[1]},{"question":3,"value":4}]}"#).status == .conflict)
        }
    }

    @Test func onePerConfirmedPhone() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let office = try await client.token("office")
            let id = try await Self.create(client, office, identity: "phone_confirmed")
            _ = try await client.postJSON("/api/v1/surveys/\(id)/publish", "", token: office)
            let answers = #""answers":[{"question":1,"choices":[1]},{"question":3,"value":4}]"#
            #expect(try await client.postJSON("/api/v1/public/surveys/\(id)/responses", "{\(answers)}").errorField == "phone")
            #expect(
                try await client.postJSON("/api/v1/public/surveys/\(id)/responses", #"{\#(answers),"phone":"12345"}"#).errorField == "phone"
            )
            func send() async throws -> TestResponse {
                try await client.postJSON("/api/v1/public/surveys/\(id)/responses", #"{\#(answers),"phone":"138 0013 8000"}"#)
            }
            let first = try await send()
            #expect(try first.status == .created && (first.json()["confirmed"] as? Bool) == false, "\(first.text)")
            // Sent again before confirming: the same response, a new code.
            let again = try await send()
            #expect(try again.json()["id"] as? Int == first.json()["id"] as? Int)
            let rid = try #require(try first.json()["id"] as? Int)
            let sms = try await h.env.database.stores.outbox.list(agencyID: 1, limit: 10).filter { $0.smsNumber == "13800138000" }
            #expect(sms.count == 2)
            let latest = try #require(sms.first)
            let code = try #require(latest.body.range(of: #"\d{6}"#, options: .regularExpression).map { String(latest.body[$0]) })
            // Not counted before it is confirmed.
            let before = try await client.getJSON("/api/v1/surveys/\(id)/results", token: office).json()["results"] as? [String: Any]
            #expect(before?["responses"] as? Int == 0)
            #expect(
                try await client.postJSON("/api/v1/public/surveys/\(id)/responses/\(rid)/confirm", #"{"code":"000000x"}"#).errorField
                    == "code")
            let ok = try await client.postJSON("/api/v1/public/surveys/\(id)/responses/\(rid)/confirm", #"{"code":"\#(code)"}"#)
            #expect(try ok.json()["confirmed"] as? Bool == true, "\(ok.text)")
            let after = try await client.getJSON("/api/v1/surveys/\(id)/results", token: office).json()["results"] as? [String: Any]
            #expect(after?["responses"] as? Int == 1)
            // The same number cannot answer twice.
            #expect(try await send().status == .conflict)
        }
    }

    @Test(arguments: Harness.kinds) func formOnThePortalAndConsole(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let cookies = try await client.signInWithForm("office")
            let csrf = try await client.csrfToken(on: "/console/surveys", cookies: cookies)
            // The console's form: an error shows the form again with the outline kept.
            let bad = try await client.postForm(
                "/console/surveys",
                [("_csrf", csrf), ("title", "问卷"), ("opensOn", "2026-09-21"), ("closesOn", "2026-10-20"), ("outline", "【单选】只有\n- A")],
                cookies: cookies)
            #expect(bad.status == .unprocessableContent && bad.text.contains("只有") && bad.text.contains("has-error"))
            let made = try await client.postForm(
                "/console/surveys",
                [
                    ("_csrf", csrf), ("title", "门户问卷"), ("opensOn", "2026-09-21"), ("closesOn", "2026-10-20"),
                    ("identity", "anonymous_allowed"), ("outline", Self.outline),
                ], cookies: cookies)
            #expect(made.status == .ok && made.text.contains("已保存问卷草稿"), "\(made.status)")
            let id = try #require(
                made.text.range(of: #"/console/surveys/(\d+)/publish"#, options: .regularExpression).map {
                    Int(made.text[$0].split(separator: "/")[2])!
                })
            let published = try await client.postForm("/console/surveys/\(id)/publish", [("_csrf", csrf)], cookies: cookies)
            #expect(published.text.contains("已发布"))

            // The public form: radio buttons, check boxes, a scale, and the conditional hint.
            let page = try await client.getPage("/surveys/\(id)")
            #expect(page.text.contains(#"type="radio" name="q1" value="2""#) && page.text.contains(#"type="checkbox" name="q2""#))
            #expect(page.text.contains(#"data-show-if="3:1,2""#) && page.text.contains("第 3 题选择1 分或2 分时回答"))
            let visitor = try #require(page.cookieValue("gk_csrf"))
            // A missing required answer: the form again, the question marked, the other answers kept.
            let missing = try await client.postForm(
                "/surveys/\(id)/responses", [("_csrf", visitor), ("q2", "2"), ("q3", "1")], cookies: ["gk_csrf": visitor])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("第 1 题为必答题") && missing.text.contains(#"value="2" checked="checked""#))
            let sent = try await client.postForm(
                "/surveys/\(id)/responses", [("_csrf", visitor), ("q1", "1"), ("q2", "1"), ("q2", "2"), ("q3", "1"), ("q4", "<b>看不懂</b>")],
                cookies: ["gk_csrf": visitor])
            // Post/Redirect/Get: 303 to the survey's page, which shows the receipt on every reload.
            #expect(sent.status == .seeOther && sent.headers[.location] == "/surveys/\(id)", "\(sent.text)")
            let receipt = try #require(sent.cookieValue(PostRedirect.cookieName))
            for _ in 0..<2 {
                let back = try await client.getPage("/surveys/\(id)", cookies: ["gk_csrf": visitor, PostRedirect.cookieName: receipt])
                #expect(back.status == .ok && back.text.contains("问卷已提交"))
            }
            #expect(!(try await client.getPage("/surveys/\(id)").text.contains("问卷已提交")))
            // The console shows the text answer escaped, and the chart.
            let shown = try await client.getPage("/console/surveys/\(id)", cookies: cookies)
            #expect(shown.text.contains("&lt;b&gt;看不懂&lt;/b&gt;") && shown.text.contains("<svg") && shown.text.contains("有效答卷 1 份"))
            // The portal lists it.
            #expect(try await client.getPage("/surveys").text.contains("门户问卷"))
            let js = try await client.getPage("/assets/survey.js")
            #expect(js.status == .ok && js.text.contains("data-show-if"))
        }
    }

    @Test func codesGoOutThroughTheSMSGatewayAndFailuresWait() async throws {
        let gateway = try await FakeSMSGateway()
        let broken = try await FakeSMSGateway(status: .serviceUnavailable)
        var settings = ServiceSettings(bcryptCost: 4)
        let sms: SMSSettings = try #require(
            try SMSSettings.fromEnvironment([
                "GONGKAI_SMS_URL": "http://127.0.0.1:\(gateway.port)/api/send?channel=gk", "GONGKAI_SMS_TOKEN": "s3cret",
                "GONGKAI_SMS_SIGNATURE": "【示范市卫健委】",
            ]))
        settings.sms = sms
        #expect(throws: DomainError.self) { try SMSSettings.fromEnvironment(["GONGKAI_SMS_URL": "ftp://x"]) }
        let h = try await Harness.make("sqlite", rules: settings)
        try await h.run { client in
            let office = try await client.token("office")
            let id = try await Self.create(client, office, identity: "phone_confirmed")
            _ = try await client.postJSON("/api/v1/surveys/\(id)/publish", "", token: office)
            let sent = try await client.postJSON(
                "/api/v1/public/surveys/\(id)/responses",
                #"{"answers":[{"question":1,"choices":[1]},{"question":3,"value":4}],"phone":"13900139000"}"#)
            #expect(sent.status == .created)
            // No SMTP server is set: e-mails wait, the text message goes.
            let result = try await OutboxSender.deliver(env: h.env.services)
            #expect(result.sent == 1 && result.failed == 0)
            let m = try #require(gateway.messages.first)
            #expect(m.path == "/api/send?channel=gk" && m.authorization == "Bearer s3cret")
            let payload = try JSONSerialization.jsonObject(with: Data(m.body.utf8)) as? [String: String]
            #expect(payload?["phone"] == "13900139000" && payload?["text"]?.hasPrefix("【示范市卫健委】验证码 ") == true)
            // A gateway that fails: the message waits with the error and is tried again later.
            var failing = h.env.services
            failing.settings.sms?.port = broken.port
            _ = try await client.postJSON(
                "/api/v1/public/surveys/\(id)/responses",
                #"{"answers":[{"question":1,"choices":[2]},{"question":3,"value":5}],"phone":"13900139001"}"#)
            #expect(try await OutboxSender.deliver(env: failing).failed == 1)
            let kept = try #require(try await h.db.stores.outbox.list(agencyID: 1, limit: 10).first { $0.smsNumber == "13900139001" })
            #expect(kept.sentAtMillis == nil && kept.lastError?.contains("503") == true)
            h.clock.advance(120)
            #expect(try await OutboxSender.deliver(env: h.env.services).sent == 1)
            #expect(gateway.messages.count == 2)
        }
        await gateway.stop()
        await broken.stop()
    }
}
