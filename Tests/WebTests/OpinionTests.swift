import Domain
import Foundation
import HummingbirdTesting
import Testing

@testable import Services

/// The public-opinion register: logging, responses linked to what answered them, time to first response.
@Suite struct OpinionTests {
    @Test func timesAreChinaTime() throws {
        let t = try OpinionItem.parseTime("2026-09-21 09:30", field: "foundAt")
        #expect(t == 1_789_954_200_000)  // 01:30 UTC
        #expect(OpinionItem.format(t) == "2026-09-21 09:30")
        #expect(OpinionItem.format(try OpinionItem.parseTime("2026-09-21T23:59", field: "x")) == "2026-09-21 23:59")
        #expect(throws: DomainError.self) { try OpinionItem.parseTime("2026-09-21 25:00", field: "x") }
        #expect(throws: DomainError.self) { try OpinionItem.parseTime("昨天", field: "x") }
    }

    @Test(arguments: Harness.kinds) func logRespondAndMeasure(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let office = try await client.token("office")
            // The clock reads 2026-09-21 22:13 in China.
            let logged = try await client.postJSON(
                "/api/v1/opinions",
                #"{"source":"微博","link":"https://weibo.example.com/1","foundAt":"2026-09-21 08:00","topic":"医院停车难","summary":"网民反映市一院周边停车难。","risk":"medium"}"#,
                token: office)
            #expect(logged.status == .created, "\(logged.text)")
            let id = try #require(try logged.json()["id"] as? Int)
            #expect(
                try await client.postJSON(
                    "/api/v1/opinions", #"{"source":"x","foundAt":"2026-09-23 08:00","topic":"t","summary":"s","risk":"low"}"#,
                    token: office
                ).errorField == "foundAt")
            #expect(
                try await client.postJSON(
                    "/api/v1/opinions",
                    #"{"source":"x","link":"javascript:1","foundAt":"2026-09-21 08:00","topic":"t","summary":"s","risk":"low"}"#,
                    token: office
                ).errorField == "link")
            #expect(try await client.getJSON("/api/v1/opinions", token: try await client.token("drafter")).status == .forbidden)
            #expect(try await client.postJSON("/api/v1/opinions/\(id)/close", "", token: office).status == .conflict)

            let tokens = try await RevisionTests.tokens(client)
            let doc = try await RevisionTests.publish(client, tokens, title: "关于市一院周边停车情况的回应", body: "已协调增设临时停车位。")
            #expect(
                try await client.postJSON(
                    "/api/v1/opinions/\(id)/responses", #"{"text":"x","channel":"门户网站","publishedAt":"2026-09-21 07:00"}"#, token: office
                ).errorField == "publishedAt")
            #expect(
                try await client.postJSON(
                    "/api/v1/opinions/\(id)/responses",
                    #"{"text":"x","channel":"门户网站","publishedAt":"2026-09-21 10:00","documentId":99999}"#, token: office
                ).errorField == "documentId")
            let responded = try await client.postJSON(
                "/api/v1/opinions/\(id)/responses",
                #"{"text":"已协调增设临时停车位","channel":"门户网站","publishedAt":"2026-09-21 10:30","documentId":\#(doc)}"#, token: office)
            let json = try responded.json()
            #expect(json["status"] as? String == "responded" && json["hoursToFirstResponse"] as? Double == 2.5, "\(responded.text)")
            #expect((json["responses"] as? [[String: Any]])?.first?["documentId"] as? Int == doc)
            #expect(try await client.postJSON("/api/v1/opinions/\(id)/close", "", token: office).status == .ok)
            let page = try await client.getPage("/console/opinions", cookies: try await client.signInWithForm("office"))
            #expect(page.text.contains("首次回应用时 2.5 小时") && page.text.contains("/documents/\(doc)"))
        }
    }
}
