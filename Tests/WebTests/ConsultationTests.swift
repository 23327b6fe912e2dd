import Domain
import Foundation
import HummingbirdTesting
import Storage
import Testing

@testable import Services

/// Consultations through HTTP: the minimum period, pre-moderation with screening, nothing
/// unmoderated shown, dispositions, the feedback report's counts and its publication.
@Suite struct ConsultationHTTPTests {
    static let draft =
        #"{"title":"示范市托育机构管理办法（征求意见稿）","kind":"normative","summary":"为规范托育服务，起草本办法。","body":"第一条 为规范托育机构管理，制定本办法。\n第二条 本办法适用于本市行政区域内的托育机构。\n第三条 托育机构应当在取得登记后向卫生健康部门备案。","opensOn":"2026-09-21","closesOn":"CLOSES","identity":"IDENTITY"}"#

    static func create(
        _ client: some TestClientProtocol, _ token: String, closes: String = "2026-09-30", identity: String = "anonymous_allowed"
    )
        async throws -> TestResponse
    {
        try await client.postJSON(
            "/api/v1/consultations",
            draft.replacingOccurrences(of: "CLOSES", with: closes).replacingOccurrences(of: "IDENTITY", with: identity),
            token: token)
    }

    static func publicComments(_ client: some TestClientProtocol, _ id: Int) async throws -> [[String: Any]] {
        try await client.getJSON("/api/v1/public/consultations/\(id)").json()["comments"] as? [[String: Any]] ?? []
    }

    @Test(arguments: Harness.kinds) func moderationDispositionsAndTheFeedbackReport(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let office = try await client.token("office")
            let drafter = try await client.token("drafter")
            // Seven working days at least for a normative document (Mid-Autumn does not count).
            let short = try await Self.create(client, drafter, closes: "2026-09-29")
            #expect(short.status == .unprocessableContent && short.errorField == "closesOn")
            let created = try await Self.create(client, drafter)
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(try created.json()["id"] as? Int)
            // Unpublished: invisible to the public, and it takes no comments.
            #expect(try await client.getJSON("/api/v1/public/consultations/\(id)").status == .notFound)
            #expect(try await client.getPage("/consultations/\(id)").status == .notFound)
            #expect(try await client.postJSON("/api/v1/consultations/\(id)/publish", "", token: drafter).status == .forbidden)
            #expect(try await client.postJSON("/api/v1/consultations/\(id)/publish", "", token: office).status == .ok)

            func comment(_ body: String) async throws -> TestResponse {
                try await client.postJSON("/api/v1/public/consultations/\(id)/comments", body)
            }
            let onParagraph = try await comment(#"{"paragraph":2,"text":"建议明确家庭托育点是否适用。","name":"李女士"}"#)
            let firstStatus = try onParagraph.json()["status"] as? String
            #expect(onParagraph.status == .created && firstStatus == "pending")
            let withID = try await comment(#"{"text":"我的身份证号是11010519491231002X，请联系我。"}"#)
            #expect(try withID.json()["status"] as? String == "held")
            let irrelevant = try await comment(#"{"paragraph":3,"text":"希望多建公园。"}"#)
            let whole = try await comment(#"{"text":"收费标准应当公开。"}"#)
            #expect(try await comment(#"{"paragraph":9,"text":"x"}"#).errorField == "paragraph")
            #expect(try await comment(#"{"paragraph":1,"text":"  "}"#).errorField == "text")
            #expect(try await comment(#"{"text":"x","email":"not-an-address"}"#).errorField == "email")

            // Nothing is shown before moderation.
            #expect(try await Self.publicComments(client, id).isEmpty)
            #expect(!(try await client.getPage("/consultations/\(id)").text.contains("家庭托育点")))
            let ids = try [onParagraph, withID, irrelevant, whole].map { try #require(try $0.json()["id"] as? Int) }
            #expect(
                try await client.postJSON(
                    "/api/v1/consultations/\(id)/moderation", #"{"ids":[\#(ids[0]),\#(ids[3])],"action":"publish"}"#, token: drafter
                )
                .status == .forbidden)
            let moderated = try await client.postJSON(
                "/api/v1/consultations/\(id)/moderation", #"{"ids":[\#(ids[0]),\#(ids[3])],"action":"publish"}"#, token: office)
            #expect(try moderated.json()["changed"] as? Int == 2)
            _ = try await client.postJSON(
                "/api/v1/consultations/\(id)/moderation", #"{"ids":[\#(ids[1]),\#(ids[2])],"action":"reject"}"#, token: office)
            let shown = try await Self.publicComments(client, id)
            #expect(shown.count == 2 && shown.contains { $0["paragraph"] as? Int == 2 && $0["name"] as? String == "李女士" })
            #expect(shown.allSatisfy { $0["email"] == nil && $0["status"] == nil })
            let page = try await client.getPage("/consultations/\(id)")
            #expect(page.text.contains("本段意见（1）") && page.text.contains("建议明确家庭托育点是否适用") && !page.text.contains("11010519491231002X"))
            // The staff view keeps what screening found.
            let staff = try await client.getJSON("/api/v1/consultations/\(id)", token: office).json()
            let held = (staff["comments"] as? [[String: Any]])?.first { $0["id"] as? Int == ids[1] }
            #expect((held?["findings"] as? [String]) == ["身份证号"])

            // Dispositions, in bulk by theme; not adopting needs a reason.
            #expect(
                try await client.postJSON(
                    "/api/v1/consultations/\(id)/dispositions", #"{"ids":[\#(ids[3])],"disposition":"not_adopted"}"#, token: office
                )
                .errorField == "reason")
            _ = try await client.postJSON(
                "/api/v1/consultations/\(id)/dispositions", #"{"ids":[\#(ids[0])],"disposition":"adopted","theme":"适用范围"}"#, token: office)
            _ = try await client.postJSON(
                "/api/v1/consultations/\(id)/dispositions",
                #"{"ids":[\#(ids[1]),\#(ids[3])],"disposition":"not_adopted","reason":"收费标准另行公布","theme":"收费"}"#, token: office)
            #expect(try await client.postJSON("/api/v1/consultations/\(id)/report", "", token: office).status == .conflict)  // still open

            // After the closing date: no more comments; the report waits for the last disposition.
            h.clock.advance(10 * 86400)  // 2026-10-01
            let office2 = try await client.token("office")
            #expect(try await comment(#"{"text":"迟到的意见"}"#).status == .conflict)
            let undecided = try await client.postJSON("/api/v1/consultations/\(id)/report", "", token: office2)
            #expect(undecided.status == .conflict && undecided.text.contains("1 条意见未处理"))
            _ = try await client.postJSON(
                "/api/v1/consultations/\(id)/dispositions", #"{"ids":[\#(ids[2])],"disposition":"irrelevant"}"#, token: office2)
            let feedback = try await client.getJSON("/api/v1/consultations/\(id)/feedback", token: office2).json()
            #expect(feedback["received"] as? Int == 4 && feedback["published"] as? Int == 2)
            #expect(feedback["adopted"] as? Int == 1 && feedback["notAdopted"] as? Int == 2 && feedback["irrelevant"] as? Int == 1)
            // The drafting department writes the report; the office then reviews it like any document.
            let report = try await client.postJSON("/api/v1/consultations/\(id)/report", "", token: try await client.token("drafter"))
            #expect(report.status == .created, "\(report.text)")
            let docID = try #require(try report.json()["documentId"] as? Int)
            // Not public until reviewed and published like any document.
            #expect(try await client.getJSON("/api/v1/public/consultations/\(id)").json()["reportDocumentId"] == nil)
            let tokens = try await RevisionTests.tokens(client)
            try await RevisionTests.review(client, tokens, docID)
            #expect(try await client.postJSON("/api/v1/documents/\(docID)/publish", "", token: tokens["publisher"]).status == .ok)
            #expect(try await client.getJSON("/api/v1/public/consultations/\(id)").json()["reportDocumentId"] as? Int == docID)
            let doc = try await client.getPage("/documents/\(docID)")
            #expect(doc.text.contains("共收到意见 4 条") && doc.text.contains("收费标准另行公布"))
            #expect(try await client.getPage("/consultations/\(id)").text.contains("/documents/\(docID)"))
        }
    }

    @Test func phoneConfirmation() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let office = try await client.token("office")
            let id = try #require(try await Self.create(client, office, identity: "phone_confirmed").json()["id"] as? Int)
            _ = try await client.postJSON("/api/v1/consultations/\(id)/publish", "", token: office)
            let url = "/api/v1/public/consultations/\(id)/comments"
            #expect(try await client.postJSON(url, #"{"text":"意见","email":"a@example.com"}"#).errorField == "phone")
            #expect(try await client.postJSON(url, #"{"text":"意见","phone":"010-1234567"}"#).errorField == "phone")
            let sent = try await client.postJSON(url, #"{"text":"意见","phone":"13700137000"}"#)
            #expect(try sent.json()["status"] as? String == "unconfirmed")
            #expect(try (sent.json()["message"] as? String)?.contains("手机") == true)
            let cid = try #require(try sent.json()["id"] as? Int)
            let sms = try #require(
                try await h.env.database.stores.outbox.list(agencyID: 1, limit: 10).first { $0.smsNumber == "13700137000" })
            let code = try #require(sms.body.range(of: #"\d{6}"#, options: .regularExpression).map { String(sms.body[$0]) })
            #expect(sms.body.count < 70)  // one text message
            let confirmed = try await client.postJSON("\(url)/\(cid)/confirm", #"{"code":"\#(code)"}"#)
            #expect(try confirmed.json()["status"] as? String == "pending")
            // The number is never shown with the comment.
            _ = try await client.postJSON("/api/v1/consultations/\(id)/moderation", #"{"ids":[\#(cid)],"action":"publish"}"#, token: office)
            let page = try await client.getPage("/consultations/\(id)")
            #expect(page.text.contains("意见") && !page.text.contains("13700137000"))
        }
    }

    @Test func emailConfirmationAndVersions() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let office = try await client.token("office")
            let id = try #require(try await Self.create(client, office, identity: "email_confirmed").json()["id"] as? Int)
            _ = try await client.postJSON("/api/v1/consultations/\(id)/publish", "", token: office)
            let anonymous = try await client.postJSON("/api/v1/public/consultations/\(id)/comments", #"{"text":"意见"}"#)
            #expect(anonymous.errorField == "email")
            let sent = try await client.postJSON(
                "/api/v1/public/consultations/\(id)/comments", #"{"text":"意见","email":"zhang@example.com"}"#)
            #expect(try sent.json()["status"] as? String == "unconfirmed")
            let cid = try #require(try sent.json()["id"] as? Int)
            let mail = try #require(
                try await h.env.database.stores.outbox.list(agencyID: 1, limit: 10).first { $0.recipient == "zhang@example.com" })
            let code = try #require(mail.body.range(of: #"\d{6}"#, options: .regularExpression).map { String(mail.body[$0]) })
            #expect(
                try await client.postJSON("/api/v1/public/consultations/\(id)/comments/\(cid)/confirm", #"{"code":"000000x"}"#).errorField
                    == "code")
            let confirmed = try await client.postJSON("/api/v1/public/consultations/\(id)/comments/\(cid)/confirm", #"{"code":"\#(code)"}"#)
            #expect(try confirmed.json()["status"] as? String == "pending")

            // A new version keeps the paragraph a comment quoted.
            _ = try await client.postJSON(
                "/api/v1/public/consultations/\(id)/comments", #"{"paragraph":3,"text":"备案时限？","email":"li@example.com"}"#)
            let revised = try await client.postJSON(
                "/api/v1/consultations/\(id)/revisions", #"{"body":"第一条 目的。\n第二条 范围。","note":"删去第三条，备案另行规定","closesOn":"2026-10-16"}"#,
                token: office)
            #expect(revised.status == .ok, "\(revised.text)")
            let json = try revised.json()
            #expect(json["version"] as? Int == 2 && json["closesOn"] as? String == "2026-10-16")
            #expect((json["changes"] as? [[String: Any]])?.first?["note"] as? String == "删去第三条，备案另行规定")
            let kept = (json["comments"] as? [[String: Any]])?.first { $0["paragraph"] as? Int == 3 }
            #expect((kept?["quote"] as? String)?.contains("备案") == true && kept?["version"] as? Int == 1)
            #expect(
                try await client.postJSON("/api/v1/consultations/\(id)/revisions", #"{"closesOn":"2026-10-01"}"#, token: office).errorField
                    == "closesOn")
            #expect(try await client.postJSON("/api/v1/consultations/\(id)", "{}", token: office, method: .put).status == .conflict)
        }
    }
}
