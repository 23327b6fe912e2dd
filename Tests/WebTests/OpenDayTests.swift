import Domain
import Foundation
import HummingbirdTesting
import Testing

@testable import Services

/// Open days: plan, announcement, registration within capacity (concurrently too), result report.
@Suite struct OpenDayTests {
    @Test(arguments: Harness.kinds) func planAnnounceRegisterReport(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let office = try await client.token("office")
            #expect(
                try await client.postJSON(
                    "/api/v1/open-days",
                    #"{"title":"x","date":"2026-10-20","place":"p","plan":"p","capacity":5,"registrationClosesOn":"2026-10-21"}"#,
                    token: office
                ).errorField == "registrationClosesOn")
            let made = try await client.postJSON(
                "/api/v1/open-days",
                #"{"title":"走进疾控中心实验室","date":"2026-10-20","place":"示范市疾控中心","plan":"参观实验室，了解传染病检测流程。","capacity":5,"registrationClosesOn":"2026-10-15"}"#,
                token: office)
            #expect(made.status == .created, "\(made.text)")
            let id = try #require(try made.json()["id"] as? Int)
            func signup(_ phone: String, _ people: Int) async throws -> TestResponse {
                try await client.postJSON(
                    "/api/v1/public/open-days/\(id)/registrations",
                    #"{"name":"市民\#(phone.suffix(2))","phone":"\#(phone)","people":\#(people)}"#)
            }
            #expect(try await signup("13600000001", 1).status == .notFound)  // not announced yet
            #expect(try await client.getPage("/open-days/\(id)").status == .notFound)
            _ = try await client.postJSON("/api/v1/open-days/\(id)/announce", "", token: office)
            // Six people try for five places at once: exactly five get in.
            let results = try await withThrowingTaskGroup(of: Int.self) { group in
                for i in 0..<6 {
                    group.addTask { try await signup("1360000001\(i)", 1).status.code }
                }
                var codes: [Int] = []
                for try await c in group { codes.append(c) }
                return codes
            }
            #expect(results.filter { $0 == 201 }.count == 5 && results.filter { $0 == 409 }.count == 1, "\(results)")
            #expect(try await signup("13600000010", 1).status == .conflict)
            #expect(try await signup("abc", 1).errorField == "phone")
            let staff = try await client.getJSON("/api/v1/open-days", token: office).json()["items"] as? [[String: Any]] ?? []
            #expect(staff.first?["registered"] as? Int == 5 && (staff.first?["registrations"] as? [Any])?.count == 5)
            let publicList = try await client.getJSON("/api/v1/public/open-days").json()["items"] as? [[String: Any]] ?? []
            #expect(publicList.first?["placesLeft"] as? Int == 0 && publicList.first?["registrations"] == nil)
            #expect(try await client.getPage("/open-days/\(id)").text.contains("名额已满"))

            // No result report before the day.
            #expect(try await client.postJSON("/api/v1/open-days/\(id)/report", #"{"record":"x"}"#, token: office).status == .conflict)
            h.clock.advance(30 * 86400)
            let office2 = try await client.token("office")
            let reported = try await client.postJSON(
                "/api/v1/open-days/\(id)/report", #"{"record":"市民参观了核酸检测实验室，提出意见 3 条。"}"#, token: office2)
            #expect(reported.status == .ok, "\(reported.text)")
            let doc = try #require(try reported.json()["resultDocumentId"] as? Int)
            #expect(try await client.getJSON("/api/v1/public/documents/\(doc)").status == .notFound)  // waits for review
        }
    }
}
