import Domain
import Foundation
import HummingbirdTesting
import NIOCore
import Storage
import Testing

@testable import Services

/// 我为政府网站找错: the link on every portal page, the deadline, handling, monthly figures and
/// the import of the national platform's reports.
@Suite struct SiteErrorTests {
    @Test(arguments: Harness.kinds) func reportHandleCountAndImport(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            // Every portal page links to the form with its own address.
            let home = try await client.getPage("/guide")
            #expect(home.text.contains("/site-errors/new?page=/guide"))
            let form = try await client.getPage("/site-errors/new?page=%2Fguide")
            #expect(form.text.contains(#"value="/guide""#))

            let sent = try await client.postJSON(
                "/api/v1/public/site-errors", #"{"pageUrl":"/guide","category":"link","description":"“办事指南”链接打不开。"}"#)
            #expect(sent.status == .created, "\(sent.text)")
            #expect(try sent.json()["dueOn"] as? String == "2026-09-24")  // three working days
            let id = try #require(try sent.json()["id"] as? Int)
            #expect(
                try await client.postJSON("/api/v1/public/site-errors", #"{"pageUrl":"javascript:alert(1)","description":"x"}"#).errorField
                    == "pageUrl")
            #expect(
                try await client.postJSON("/api/v1/public/site-errors", #"{"pageUrl":"/","description":"  "}"#).errorField == "description")
            #expect(
                try await client.postJSON("/api/v1/public/site-errors", #"{"pageUrl":"/","description":"x","category":"bad"}"#).errorField
                    == "category")

            let office = try await client.token("office")
            #expect(try await client.getJSON("/api/v1/site-errors", token: try await client.token("drafter")).status == .forbidden)
            #expect(
                try await client.postJSON("/api/v1/site-errors/\(id)/resolve", #"{"status":"resolved"}"#, token: office).errorField
                    == "note")
            let done = try await client.postJSON(
                "/api/v1/site-errors/\(id)/resolve", #"{"status":"resolved","note":"已修复链接"}"#, token: office)
            #expect(try done.json()["status"] as? String == "resolved")
            #expect(
                try await client.postJSON("/api/v1/site-errors/\(id)/resolve", #"{"status":"rejected","note":"x"}"#, token: office).status
                    == .conflict)

            // The national platform's export: numbered rows, a repeated number skipped, bad rows refused whole.
            let csv =
                "编号,问题网址,问题类型,问题描述,提交时间\r\nZC-001,https://wjw.example.gov.cn/a,错别字,“卫生建康”应为“卫生健康”,2026/08/03 10:12\r\nZC-002,https://wjw.example.gov.cn/b,栏目不更新,“通知公告”半年未更新,2026-09-01\r\nZC-001,https://wjw.example.gov.cn/a,错别字,重复,2026/08/03\r\n"
            func importCSV(_ text: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/v1/site-errors/import", method: .post,
                    headers: [.authorization: "Bearer \(office)", .contentType: "text/csv"],
                    body: ByteBuffer(string: text))
            }
            let imported = try await importCSV(csv)
            #expect(try imported.json()["added"] as? Int == 2 && (try imported.json()["skipped"] as? Int) == 1, "\(imported.text)")
            #expect(try await importCSV(csv).json()["added"] as? Int == 0)
            let bad = try await importCSV("编号,问题网址,问题描述\nZC-9,https://x.gov.cn/,\n")
            #expect(bad.status == .unprocessableContent && bad.text.contains("第 2 行"))
            #expect(try await importCSV("名称,内容\n").status == .unprocessableContent)

            let list = try await client.getJSON("/api/v1/site-errors?year=2026", token: office).json()
            let months = try #require(list["months"] as? [[String: Any]])
            #expect(months.map { $0["month"] as? String } == ["2026-08", "2026-09"])
            let september = try #require(months.last)
            #expect(september["received"] as? Int == 2 && september["handled"] as? Int == 1 && september["handledInTime"] as? Int == 1)
            #expect((september["byCategory"] as? [String: Int])?["stale"] == 1)
            let august = try #require(months.first)
            #expect(august["overdueOpen"] as? Int == 1)  // due early August, still open
            let page = try await client.getPage("/console/site-errors", cookies: try await client.signInWithForm("office"))
            #expect(page.text.contains("2026-08") && page.text.contains("全国政府网站找错平台"))
        }
    }
}
