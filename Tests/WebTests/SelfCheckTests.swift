import Domain
import Foundation
import HummingbirdTesting
import Storage
import Testing

@testable import Services
@testable import Web

/// 单项否决自查 (issue 23, part 7): each single-veto item from the agency's own data, for its
/// site and each unit's, with the records that break it.
@Suite struct SelfCheckTests {
    @Test func theItemsFollowTheRecords() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let office = try await client.token("office")
            func site(_ json: [String: Any], _ agencyID: Int64 = 1) throws -> [String: [String: Any]] {
                let sites = try #require(json["sites"] as? [[String: Any]])
                let own = try #require(sites.first { ($0["agencyId"] as? Int).map(Int64.init) == agencyID })
                let items = try #require(own["items"] as? [[String: Any]])
                return Dictionary(uniqueKeysWithValues: items.map { ($0["code"] as! String, $0) })
            }
            let first = try await client.getJSON(Routes.API.selfCheck.path(), token: office)
            #expect(first.status == .ok, "\(first.text)")
            let sites = try #require(try first.json()["sites"] as? [[String: Any]])
            #expect(sites.count == 3)  // the commission and its two units
            var items = try site(try first.json())
            #expect(Set(items.keys) == ["unreachable", "homeStale", "columnsStale", "columnsLong", "columnsEmpty", "unanswered"])
            #expect(items["unreachable"]?["outcome"] as? String == "unknown")  // no link check yet
            #expect(items["unanswered"]?["outcome"] as? String == "pass")
            // A blank column is named among the offenders: the demo leaves most categories empty.
            let empty = try #require(items["columnsEmpty"]?["offenders"] as? [String])
            #expect(empty.contains("双随机一公开"))
            #expect(items["columnsEmpty"]?["outcome"] as? String == (empty.count >= 5 ? "fail" : "pass"))

            // A letter left without a reply for more than three months is a veto, named by its code.
            let today = h.env.today
            _ = try await h.db.stores.mailbox.create(
                MailboxMessage(
                    agencyID: 1, trackingCode: "M-OLD-0001", kind: .inquiry, subject: "托育补贴何时发放", body: "请问。", name: "王",
                    phone: "13800138000",
                    email: "", mayPublish: false, receivedOn: today.adding(months: -4), dueOn: today.adding(months: -4).adding(days: 7)))
            // And two months on, the home page's newest item is older than two weeks.
            h.clock.advance(60 * 86_400)
            let later = try await client.token("office")  // the first session has long gone idle
            items = try site(try await client.getJSON(Routes.API.selfCheck.path(), token: later).json())
            #expect(items["unanswered"]?["outcome"] as? String == "fail")
            #expect((items["unanswered"]?["offenders"] as? [String])?.first?.hasPrefix("M-OLD-0001 托育补贴何时发放") == true)
            #expect(items["homeStale"]?["outcome"] as? String == "fail")

            // The console page shows the same, and only to the office and leaders.
            let cookies = try await client.signInWithForm("office")
            let page = try await client.getPage(Routes.Console.selfCheck.path(), cookies: cookies)
            #expect(page.status == .ok && page.text.contains("互动回应差") && page.text.contains("M-OLD-0001") && page.text.contains("触及"))
            let drafter = try await client.getJSON(Routes.API.selfCheck.path(), token: try await client.token("drafter"))
            #expect(drafter.status == .forbidden)
        }
    }
}
