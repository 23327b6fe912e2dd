import Domain
import Foundation
import HummingbirdTesting
import Testing

@testable import Services

/// Suggestions and proposals through HTTP: registration with its deadline, contacts, the reply
/// published in full through the catalog (or not, when marked), and the yearly counts.
@Suite struct ProposalHTTPTests {
    @Test(arguments: Harness.kinds) func registerContactReplyAndPublish(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let office = try await client.token("office")
            let body =
                #"{"kind":"suggestion","year":2026,"number":"123","proposer":"张代表等5人","title":"关于加强社区托育服务的建议","assignedOn":"2026-04-10","leadUnit":"人口家庭科","coUnits":["医政医管科"]}"#
            let made = try await client.postJSON("/api/v1/proposals", body, token: office)
            #expect(made.status == .created, "\(made.text)")
            let json = try made.json()
            #expect(json["dueOn"] as? String == "2026-07-10" && json["overdue"] as? Bool == true)  // today is 21 September
            let id = try #require(json["id"] as? Int)
            #expect(try await client.postJSON("/api/v1/proposals", body, token: office).status == .conflict)
            #expect(try await client.postJSON("/api/v1/proposals", #"{"kind":"motion","year":2026}"#, token: office).errorField == "kind")
            #expect(try await client.postJSON("/api/v1/proposals", body, token: try await client.token("drafter")).status == .forbidden)
            let complex = try await client.postJSON(
                "/api/v1/proposals",
                #"{"kind":"proposal","year":2026,"number":"45","proposer":"李委员","title":"关于医保结算的提案","assignedOn":"2026-05-06","leadUnit":"医政医管科","complex":true,"publishReply":false}"#,
                token: office)
            #expect(try complex.json()["dueOn"] as? String == "2026-11-06")
            let complexID = try #require(try complex.json()["id"] as? Int)

            #expect(
                try await client.postJSON("/api/v1/proposals/\(id)/contacts", #"{"on":"2026-04-01","way":"电话","note":"x"}"#, token: office)
                    .errorField == "on")
            let contacted = try await client.postJSON(
                "/api/v1/proposals/\(id)/contacts", #"{"on":"2026-05-08","way":"座谈","note":"与张代表当面沟通办理思路"}"#, token: office)
            #expect((try contacted.json()["contacts"] as? [Any])?.count == 1)
            #expect(
                try await client.postJSON("/api/v1/proposals/\(id)/reply", #"{"reply":"答复","outcome":"d"}"#, token: office).errorField
                    == "outcome")
            let replied = try await client.postJSON(
                "/api/v1/proposals/\(id)/reply", #"{"reply":"张代表：您提出的关于加强社区托育服务的建议收悉，现答复如下……","outcome":"b"}"#, token: office)
            let docID = try #require(try replied.json()["replyDocumentId"] as? Int, "\(replied.text)")
            #expect(
                try await client.postJSON("/api/v1/proposals/\(id)/reply", #"{"reply":"再次","outcome":"a"}"#, token: office).status
                    == .conflict)
            // The reply goes public only through the catalog's review, in 建议提案办理.
            #expect(try await client.getJSON("/api/v1/public/documents/\(docID)").status == .notFound)
            let doc = try await client.getJSON("/api/v1/documents/\(docID)", token: office).json()
            #expect("\(doc)".contains("proposals"), "\(doc)")
            #expect(doc["title"] as? String == "关于2026年人大代表建议第123号（关于加强社区托育服务的建议）的答复")
            let unmarked = try await client.postJSON(
                "/api/v1/proposals/\(complexID)/reply", #"{"reply":"不公开的答复","outcome":"c"}"#, token: office)
            #expect(try unmarked.json()["replyDocumentId"] == nil)

            let counts = try await client.getJSON("/api/v1/proposals?year=2026", token: office).json()["counts"] as? [[String: Any]] ?? []
            #expect(counts.count == 2 && counts.allSatisfy { $0["replied"] as? Int == 1 })
            #expect(counts.first { $0["kind"] as? String == "suggestion" }?["repliedInTime"] as? Int == 0)
            // The annual report's draft states them.
            let report = try await client.getJSON("/api/v1/reports/annual/2026", token: office).json()
            #expect((report["narrative"] as? [String: String])?["other"]?.contains("承办人大代表建议 1 件、政协委员提案 1 件，已答复 2 件，其中按期答复 1 件") == true)
        }
    }
}
