import Domain
import Foundation
import HummingbirdTesting
import Storage
import Testing

@testable import Services

/// The leader's mailbox through HTTP: the deadline, 交办 and 转办, rework, 督办, privacy of
/// unpublished letters, ratings, and FAQ entries drawn from repeated questions.
@Suite struct MailboxTests {
    static func letter(_ subject: String, body: String, mayPublish: Bool = true, email: String = "") -> String {
        #"{"kind":"inquiry","subject":"\#(subject)","body":"\#(body)","name":"王大爷","phone":"13800000000","email":"\#(email)","mayPublish":\#(mayPublish)}"#
    }

    @Test(arguments: Harness.kinds) func handlingFromReceiptToRatedReply(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        let yizheng = try await LedgerTests.reporter(h, department: "医政医管科", username: "yizheng")
        _ = try await LedgerTests.reporter(h, department: "人事科", username: "renshi")
        let departmentID = try #require(yizheng.departmentID)
        try await h.run { client in
            let sent = try await client.postJSON(
                "/api/v1/public/mailbox", Self.letter("托育补贴怎么申请", body: "我的身份证号11010519491231002X，想问托育补贴。", email: "wang@example.com"))
            #expect(sent.status == .created, "\(sent.text)")
            let receipt = try sent.json()
            // Five working days from Monday 21 September, over the Mid-Autumn holiday.
            #expect(receipt["dueOn"] as? String == "2026-09-29")
            let id = try #require(receipt["id"] as? Int)
            let code = try #require(receipt["trackingCode"] as? String)
            #expect(
                try await client.postJSON("/api/v1/public/mailbox", #"{"subject":"x","body":"y","name":"z","phone":"abc"}"#).errorField
                    == "phone")

            let office = try await client.token("office")
            let unit = try await client.token("yizheng")
            let other = try await client.token("renshi")
            #expect(try await client.getJSON("/api/v1/mailbox/\(id)", token: unit).status == .notFound)  // not yet its letter
            let assigned = try await client.postJSON(
                "/api/v1/mailbox/\(id)/assign", #"{"departmentId":\#(departmentID),"note":"请于期限内答复"}"#, token: office)
            let assignedUnit = try assigned.json()["unit"] as? String
            #expect(assigned.status == .ok && assignedUnit == "医政医管科")
            #expect(try await client.getJSON("/api/v1/mailbox/\(id)", token: other).status == .notFound)
            #expect((try await client.getJSON("/api/v1/mailbox", token: unit).json()["items"] as? [Any])?.count == 1)
            #expect(
                try await client.postJSON("/api/v1/mailbox/\(id)/assign", #"{"departmentId":\#(departmentID)}"#, token: unit).status
                    == .forbidden)

            // The unit answers; the office sends it back once, then out.
            #expect(try await client.postJSON("/api/v1/mailbox/\(id)/answer", #"{"reply":" "}"#, token: unit).errorField == "reply")
            _ = try await client.postJSON("/api/v1/mailbox/\(id)/answer", #"{"reply":"请咨询社区。"}"#, token: unit)
            #expect(try await client.postJSON("/api/v1/mailbox/\(id)/review", #"{"approve":false}"#, token: office).errorField == "comment")
            let returned = try await client.postJSON(
                "/api/v1/mailbox/\(id)/review", #"{"approve":false,"comment":"请写明申请条件和渠道"}"#, token: office)
            #expect(try returned.json()["status"] as? String == "assigned")
            _ = try await client.postJSON(
                "/api/v1/mailbox/\(id)/answer", #"{"reply":"托育补贴向户籍所在街道申请，材料为户口簿和托育机构收费凭证。"}"#, token: unit)
            // Not public before the reply goes out.
            #expect(try await client.getPage("/mailbox/replies/\(id)").status == .notFound)
            let tracked = try await client.getJSON("/api/v1/public/mailbox/\(code)").json()
            #expect(tracked["status"] as? String == "answered" && tracked["reply"] == nil)
            h.clock.advance(86400)
            let office2 = try await client.token("office")
            let closed = try await client.postJSON("/api/v1/mailbox/\(id)/review", #"{"approve":true}"#, token: office2)
            let closedJSON = try closed.json()
            #expect(closedJSON["status"] as? String == "closed" && closedJSON["published"] as? Bool == true)
            let steps = (closedJSON["steps"] as? [[String: Any]])?.compactMap { $0["action"] as? String }
            #expect(steps == ["交办", "拟复", "退回", "拟复", "答复"])
            #expect(try await h.env.database.stores.outbox.list(agencyID: 1, limit: 20).contains { $0.recipient == "wang@example.com" })

            // Published with personal data masked; the writer rates it once.
            let page = try await client.getPage("/mailbox/replies/\(id)")
            #expect(page.status == .ok && page.text.contains("托育补贴向户籍所在街道申请"))
            #expect(!page.text.contains("11010519491231002X") && !page.text.contains("13800000000") && !page.text.contains("王大爷"))
            let afterReply = try await client.getJSON("/api/v1/public/mailbox/\(code)").json()
            #expect((afterReply["reply"] as? String)?.contains("户籍所在街道") == true)
            #expect(try await client.postJSON("/api/v1/public/mailbox/\(code)/rating", #"{"rating":"great"}"#).errorField == "rating")
            #expect(try await client.postJSON("/api/v1/public/mailbox/\(code)/rating", #"{"rating":"satisfied"}"#).status == .ok)
            #expect(try await client.postJSON("/api/v1/public/mailbox/\(code)/rating", #"{"rating":"unsatisfied"}"#).status == .conflict)
            #expect(try await client.getJSON("/api/v1/public/mailbox/2026-AAAAAAAA-A").status == .notFound)

            // A letter whose writer did not consent stays private even when answered.
            let privateID = try #require(
                try await client.postJSON("/api/v1/public/mailbox", Self.letter("私事", body: "请勿公开。", mayPublish: false)).json()["id"]
                    as? Int)
            _ = try await client.postJSON("/api/v1/mailbox/\(privateID)/assign", #"{"departmentId":\#(departmentID)}"#, token: office2)
            _ = try await client.postJSON("/api/v1/mailbox/\(privateID)/answer", #"{"reply":"已电话联系。"}"#, token: unit)
            _ = try await client.postJSON("/api/v1/mailbox/\(privateID)/review", #"{"approve":true}"#, token: office2)
            #expect(try await client.getPage("/mailbox/replies/\(privateID)").status == .notFound)
            #expect(
                try await client.postJSON("/api/v1/mailbox/\(privateID)/publish", #"{"published":true}"#, token: office2).status
                    == .conflict)
            let listed = try await client.getJSON("/api/v1/public/mailbox").json()["items"] as? [[String: Any]] ?? []
            #expect(listed.count == 1 && listed[0]["id"] as? Int == id && listed[0]["name"] == nil)
        }
    }

    @Test func lateLettersTransfersAndTheFAQ() async throws {
        let h = try await Harness.make("sqlite")
        let unitUser = try await LedgerTests.reporter(h, department: "疾病预防控制科", username: "jikong")
        let sub = try #require(try await h.env.database.stores.agencies.all().first { $0.parentID != nil })
        try await h.run { client in
            let office = try await client.token("office")
            var ids: [Int] = []
            for body in ["请问儿童接种疫苗在哪里预约？", "孩子接种疫苗怎么预约？", "想了解医院的停车收费。"] {
                let r = try await client.postJSON("/api/v1/public/mailbox", Self.letter(body, body: body))
                ids.append(try #require(try r.json()["id"] as? Int))
            }
            // 转办 to a unit below: the receipt and due dates stay, and it leaves the office's list.
            let before = try await client.getJSON("/api/v1/mailbox/\(ids[2])", token: office).json()
            let moved = try await client.postJSON("/api/v1/mailbox/\(ids[2])/assign", #"{"agencyId":\#(sub.id)}"#, token: office)
            #expect(moved.status == .ok, "\(moved.text)")
            let stored = try #require(try await h.env.database.stores.mailbox.find(id: Int64(ids[2])))
            #expect(stored.agencyID == sub.id && stored.dueOn.description == before["dueOn"] as? String && stored.status == .received)
            #expect(try await client.getJSON("/api/v1/mailbox/\(ids[2])", token: office).status == .notFound)
            #expect(
                try await client.postJSON("/api/v1/mailbox/\(ids[0])/assign", #"{"agencyId":999}"#, token: office).errorField == "agencyId")

            // Late: 督办 is recorded and the list shows it overdue.
            let d = try #require(unitUser.departmentID)
            for id in ids.prefix(2) {
                _ = try await client.postJSON("/api/v1/mailbox/\(id)/assign", #"{"departmentId":\#(d)}"#, token: office)
            }
            h.clock.advance(10 * 86400)
            let office2 = try await client.token("office")
            let list = try await client.getJSON("/api/v1/mailbox", token: office2).json()["items"] as? [[String: Any]] ?? []
            #expect(list.filter { $0["overdue"] as? Bool == true }.count == 2)
            let supervised = try await client.postJSON("/api/v1/mailbox/\(ids[0])/supervise", #"{"note":"已超期，请当日答复"}"#, token: office2)
            let lastStep = (try supervised.json()["steps"] as? [[String: Any]])?.last?["action"] as? String
            #expect(lastStep == "督办")
            let console = try await client.getPage("/console/mailbox", cookies: try await client.signInWithForm("office"))
            #expect(console.text.contains("其中超期 2 件"))

            // Two answered questions alike: the FAQ candidates group them; the entry is searchable.
            let unit = try await client.token("jikong")
            for id in ids.prefix(2) {
                _ = try await client.postJSON("/api/v1/mailbox/\(id)/answer", #"{"reply":"通过“健康示范”小程序预约，或到社区卫生服务中心预防接种门诊。"}"#, token: unit)
                _ = try await client.postJSON("/api/v1/mailbox/\(id)/review", #"{"approve":true}"#, token: office2)
            }
            let groups = try await client.getJSON("/api/v1/faq/candidates", token: office2).json()["groups"] as? [[[String: Any]]] ?? []
            #expect(groups.count == 1 && groups[0].count == 2)
            let faq = try await client.postJSON(
                "/api/v1/faq",
                #"{"question":"儿童接种疫苗如何预约？","answer":"通过“健康示范”小程序预约，或到社区卫生服务中心预防接种门诊。","topic":"预防接种","sources":[\#(ids[0]),\#(ids[1])],"published":true}"#,
                token: office2)
            #expect(faq.status == .created, "\(faq.text)")
            _ = try await client.postJSON("/api/v1/faq", #"{"question":"内部草稿问题","answer":"未公开"}"#, token: office2)
            #expect((try await client.getJSON("/api/v1/faq/candidates", token: office2).json()["groups"] as? [Any])?.isEmpty == true)
            for q in ["%E7%96%AB%E8%8B%97", "%E8%8B%97", "%E6%8E%A5%E7%A7%8D%20%E9%A2%84%E7%BA%A6"] {  // 疫苗, 苗, 接种 预约
                let found = try await client.getJSON("/api/v1/public/faq?q=\(q)").json()["items"] as? [[String: Any]] ?? []
                #expect(found.count == 1 && found[0]["sources"] == nil, "\(q)")
            }
            #expect((try await client.getJSON("/api/v1/public/faq?q=%E5%81%9C%E8%BD%A6").json()["items"] as? [Any])?.isEmpty == true)
            let all = try await client.getJSON("/api/v1/public/faq").json()["items"] as? [[String: Any]] ?? []
            #expect(all.count == 1)
            #expect(try await client.getPage("/faq?q=%E7%96%AB%E8%8B%97").text.contains("儿童接种疫苗如何预约"))
            #expect(try await client.postJSON("/api/v1/faq", #"{"question":"x","answer":"y"}"#, token: unit).status == .forbidden)
        }
    }
}
