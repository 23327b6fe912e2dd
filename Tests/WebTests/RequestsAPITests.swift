import Domain
import Foundation
import HummingbirdTesting
import Testing

/// 依申请公开 intake and tracking through the JSON API.
@Suite struct RequestsAPITests {
    static func intake(idNumber: String = "11010519491231002X", delivery: String = "email", extra: String = "") -> String {
        #"{"applicant":{"type":"natural_person","name":"张三","idNumber":"\#(idNumber)","phone":"13800000000","email":"zhang@example.com"},"description":"2025年本市托育机构备案名单","purpose":"了解托育服务","delivery":"\#(delivery)"\#(extra)}"#
    }

    @Test(arguments: Harness.kinds) func submitTrackAndRegister(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            // Online: a receipt at once, with the due date and its explanation.
            let submitted = try await client.postJSON("/api/v1/public/requests", Self.intake())
            #expect(submitted.status == .created, "\(submitted.text)")
            let receipt = try submitted.json()
            let code = try #require(receipt["trackingCode"] as? String)
            #expect(TrackingCode.normalise(code) == code)
            #expect(receipt["id"] == nil)
            #expect(receipt["receivedOn"] as? String == "2026-09-21")  // the test clock: 22:13 in China
            let expected = RequestClock(receivedOn: CivilDate(year: 2026, month: 9, day: 21)!).compute(h.env.calendar.current)
            #expect(receipt["dueOn"] as? String == expected.dueOn?.description)
            #expect((receipt["dueExplanation"] as? String)?.contains("收到您的申请") == true)

            // Tracking forgives case and dashes, and shows nothing personal.
            let typed = code.lowercased().replacingOccurrences(of: "-", with: "")
            let tracked = try await client.getJSON("/api/v1/public/requests/\(typed)")
            #expect(tracked.status == .ok)
            #expect(try tracked.json()["statusLabel"] as? String == "办理中")
            #expect(!tracked.text.contains("张三") && !tracked.text.contains("1101051949") && !tracked.text.contains("托育机构备案"))

            // Bad input names its field and stores nothing.
            let badID = try await client.postJSON("/api/v1/public/requests", Self.intake(idNumber: "110105194912310021"))
            #expect(badID.status == .unprocessableContent)
            #expect(badID.errorField == "applicant.idNumber")
            #expect(try await client.postJSON("/api/v1/public/requests", Self.intake(delivery: "fax")).errorField == "delivery")
            let root = try #require(try await h.db.stores.agencies.root())
            #expect(try await h.db.stores.requests.list(agencyID: root.id, statuses: [.open], limit: 10, offset: 0).count == 1)

            // Staff register a letter with its Art. 31 receipt date, and read the record.
            let handler = try await client.token("handler")
            let letter = try await client.postJSON(
                "/api/v1/requests", Self.intake(extra: #","channel":"registered_post","receivedOn":"2026-09-18""#), token: handler)
            #expect(letter.status == .created, "\(letter.text)")
            let id = try #require(try letter.json()["id"] as? Int)
            let record = try await client.getJSON("/api/v1/requests/\(id)", token: handler)
            #expect(try record.json()["channel"] as? String == "registered_post")
            #expect(try record.json()["receiptRule"] as? String == "以本机关签收之日为收到申请之日")
            #expect((try record.json()["dueExplanation"] as? String)?.hasPrefix("2026-09-18 收到申请") == true)
            #expect(
                try await client.postJSON("/api/v1/requests", Self.intake(extra: #","channel":"letter""#), token: handler).status
                    == .created)
            #expect(try await client.postJSON("/api/v1/requests", Self.intake(), token: handler).errorField == "channel")
            #expect(
                try await client.postJSON(
                    "/api/v1/requests", Self.intake(extra: #","channel":"fax","receivedOn":"2026-10-30""#), token: handler
                ).errorField == "receivedOn")
            let drafter = try await client.token("drafter")
            #expect(try await client.getJSON("/api/v1/requests/\(id)", token: drafter).status == .forbidden)
            #expect(
                try await client.postJSON("/api/v1/requests", Self.intake(extra: #","channel":"fax""#), token: drafter).status == .forbidden
            )
        }
    }

    @Test func guessingCodesAndFloodingAreStopped() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            for _ in 0..<20 { #expect(try await client.getJSON("/api/v1/public/requests/2026-AAAAAAAA-A").status == .notFound) }
            #expect(try await client.getJSON("/api/v1/public/requests/2026-AAAAAAAA-A").status.code == 429)
            for _ in 0..<10 { #expect(try await client.postJSON("/api/v1/public/requests", Self.intake()).status == .created) }
            let flooded = try await client.postJSON("/api/v1/public/requests", Self.intake())
            #expect(flooded.status.code == 429)
            #expect(try flooded.json()["error"].flatMap { ($0 as? [String: Any])?["code"] as? String } == "too_many_requests")
        }
    }
}
