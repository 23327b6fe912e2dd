import Domain
import Foundation
import HummingbirdTesting
import Testing

@testable import Services

/// Editing drafts and revising published documents: the published version stays online until
/// a reviewed revision replaces it, under the same id and 索引号, with every version kept.
@Suite struct RevisionTests {
    /// Drafts, reviews and publishes a document through the API; returns its id.
    static func publish(_ client: some TestClientProtocol, _ tokens: [String: String], title: String, body: String) async throws -> Int {
        let created = try await client.postJSON(
            "/api/v1/documents",
            #"{"title":"\#(title)","body":"\#(body.replacingOccurrences(of: "\n", with: "\\n"))","category":"政策文件","kind":"policy","writtenOn":"2026-09-18"}"#,
            token: tokens["drafter"])
        let id = try #require(try created.json()["id"] as? Int, "\(created.text)")
        try await review(client, tokens, id)
        let published = try await client.postJSON("/api/v1/documents/\(id)/publish", "", token: tokens["publisher"])
        #expect(published.status == .ok, "\(published.text)")
        return id
    }

    static func review(_ client: some TestClientProtocol, _ tokens: [String: String], _ id: Int) async throws {
        #expect(try await client.postJSON("/api/v1/documents/\(id)/submit", "", token: tokens["drafter"]).status == .ok)
        for (who, body) in [("reviewer", "{}"), ("office", #"{"confidentialityCleared":true}"#), ("leader", "{}")] {
            let r = try await client.postJSON("/api/v1/documents/\(id)/approve", body, token: tokens[who])
            #expect(r.status == .ok, "\(who): \(r.text)")
        }
    }

    static func tokens(_ client: some TestClientProtocol) async throws -> [String: String] {
        var out: [String: String] = [:]
        for name in ["drafter", "reviewer", "office", "leader", "publisher"] { out[name] = try await client.token(name) }
        return out
    }

    @Test(arguments: Harness.kinds) func draftsAreEditedOnlyBeforeReview(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let t = try await Self.tokens(client)
            let created = try await client.postJSON(
                "/api/v1/documents", #"{"title":"初稿","body":"第一段","category":"政策文件","kind":"policy","writtenOn":"2026-09-18"}"#,
                token: t["drafter"])
            let id = try #require(try created.json()["id"] as? Int)
            let edit = #"{"title":"修改稿","body":"第一段\n第二段","category":"规划计划","kind":"policy","writtenOn":"2026-09-18"}"#
            let edited = try await client.postJSON("/api/v1/documents/\(id)", edit, token: t["drafter"], method: .put)
            #expect(edited.status == .ok, "\(edited.text)")
            #expect(try edited.json()["title"] as? String == "修改稿")
            #expect(try edited.json()["category"] as? String == "planning")
            // Bad input is refused and nothing changes.
            let bad = try await client.postJSON(
                "/api/v1/documents/\(id)", #"{"title":"","body":"x","category":"政策文件"}"#, token: t["drafter"], method: .put)
            #expect(bad.status == .unprocessableContent)
            #expect(try await client.getJSON("/api/v1/documents/\(id)", token: t["drafter"]).json()["title"] as? String == "修改稿")
            // Another drafter's draft is not theirs to edit; reviewers cannot edit at all.
            #expect(try await client.postJSON("/api/v1/documents/\(id)", edit, token: t["reviewer"], method: .put).status == .forbidden)
            // Once in review it is frozen; a return opens it again.
            #expect(try await client.postJSON("/api/v1/documents/\(id)/submit", "", token: t["drafter"]).status == .ok)
            #expect(try await client.postJSON("/api/v1/documents/\(id)", edit, token: t["drafter"], method: .put).status == .conflict)
            #expect(
                try await client.postJSON("/api/v1/documents/\(id)/reject", #"{"comment":"请补充"}"#, token: t["reviewer"]).status == .ok)
            #expect(try await client.postJSON("/api/v1/documents/\(id)", edit, token: t["drafter"], method: .put).status == .ok)
            let history = try #require(
                try await client.getJSON("/api/v1/documents/\(id)", token: t["drafter"]).json()["history"] as? [[String: Any]])
            #expect(history.compactMap { $0["action"] as? String } == ["create", "edit", "submit", "reject", "edit"])
        }
    }

    @Test(arguments: Harness.kinds) func aRevisionReplacesThePublishedVersionOnlyWhenItIsPublished(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let t = try await Self.tokens(client)
            let id = try await Self.publish(client, t, title: "关于开展义诊活动的通知", body: "义诊时间为十月一日。\n地点在人民广场。")
            let before = try await client.getJSON("/api/v1/documents/\(id)", token: t["drafter"]).json()
            let index = try #require(before["indexNumber"] as? String)
            // A published document is not edited in place.
            let inPlace = try await client.postJSON(
                "/api/v1/documents/\(id)", #"{"title":"x","body":"x","category":"政策文件","kind":"policy","writtenOn":"2026-09-18"}"#,
                token: t["drafter"], method: .put)
            #expect(inPlace.status == .conflict)
            // Revise: a new draft pointing at the original; only one at a time.
            let revised = try await client.postJSON("/api/v1/documents/\(id)/revise", "", token: t["drafter"])
            #expect(revised.status == .created, "\(revised.text)")
            let rid = try #require(try revised.json()["id"] as? Int)
            #expect(try revised.json()["revisionOf"] as? Int == id)
            #expect(try revised.json()["revision"] as? Int == 2)
            #expect(try await client.postJSON("/api/v1/documents/\(id)/revise", "", token: t["drafter"]).status == .conflict)
            let change =
                #"{"title":"关于开展义诊活动的通知","body":"义诊时间改为十月八日。\n地点在人民广场。\n请携带医保卡。","category":"政策文件","kind":"policy","writtenOn":"2026-09-18"}"#
            #expect(try await client.postJSON("/api/v1/documents/\(rid)", change, token: t["drafter"], method: .put).status == .ok)
            // The diff marks the changed characters inside the edited line.
            let diff = try await client.getJSON("/api/v1/documents/\(rid)/diff", token: t["reviewer"]).json()
            #expect(diff["added"] as? Int == 2 && diff["removed"] as? Int == 1)
            let lines = try #require(diff["lines"] as? [[String: Any]])
            let added = lines.first { $0["kind"] as? String == "added" }
            let changed = (added?["segments"] as? [[String: Any]])?.filter { $0["changed"] as? Bool == true }.compactMap {
                $0["text"] as? String
            }
            #expect(changed == ["改", "八"])
            // While the revision is reviewed, the public still sees version 1.
            try await Self.review(client, t, rid)
            let public1 = try await client.getJSON("/api/v1/public/documents/\(id)").json()
            #expect((public1["body"] as? String)?.contains("十月一日") == true)
            #expect(try await client.getJSON("/api/v1/public/documents/\(rid)").status == .notFound)
            // Publishing the revision replaces the content under the same id and 索引号.
            let published = try await client.postJSON("/api/v1/documents/\(rid)/publish", "", token: t["publisher"])
            #expect(published.status == .ok, "\(published.text)")
            #expect(try published.json()["status"] as? String == "merged")
            let public2 = try await client.getJSON("/api/v1/public/documents/\(id)").json()
            #expect((public2["body"] as? String)?.contains("十月八日") == true)
            #expect(public2["indexNumber"] as? String == index)
            #expect(try await client.getJSON("/api/v1/public/documents/\(rid)").status == .notFound)
            // Search follows the new text.
            let oldHit = try await client.getJSON("/api/v1/public/documents?q=%E5%8D%81%E6%9C%88%E4%B8%80%E6%97%A5").json()
            #expect(oldHit["total"] as? Int == 0)
            let newHit = try await client.getJSON("/api/v1/public/documents?q=%E5%8C%BB%E4%BF%9D%E5%8D%A1").json()
            #expect((newHit["items"] as? [[String: Any]])?.first?["id"] as? Int == id)
            // Both versions are kept, and can be compared.
            let versions = try #require(
                try await client.getJSON("/api/v1/documents/\(id)/versions", token: t["office"]).json()["items"] as? [[String: Any]])
            #expect(versions.compactMap { $0["revision"] as? Int } == [1, 2])
            let between = try await client.getJSON("/api/v1/documents/\(id)/diff?from=1&to=2", token: t["office"]).json()
            #expect(between["added"] as? Int == 2)
            #expect(try await client.getJSON("/api/v1/documents/\(id)/diff?from=7", token: t["office"]).status == .notFound)
            let original = try await client.getJSON("/api/v1/documents/\(id)", token: t["office"]).json()
            #expect(original["revision"] as? Int == 2 && original["status"] as? String == "published")
            // A new revision can start now the last one is done.
            #expect(try await client.postJSON("/api/v1/documents/\(id)/revise", "", token: t["office"]).status == .created)
        }
    }

    @Test(arguments: Harness.kinds) func redactedDisclosurePublishesOnlyTheCutCopy(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let t = try await Self.tokens(client)
            let unmarked = try await client.postJSON(
                "/api/v1/documents", #"{"title":"行政许可决定","body":"许可对象：某诊所","category":"行政许可","disclosure":"redacted"}"#,
                token: t["drafter"])
            #expect(unmarked.status == .unprocessableContent)
            #expect(unmarked.errorField == "body")
            let created = try await client.postJSON(
                "/api/v1/documents",
                #"{"title":"行政许可决定","body":"许可对象：某诊所\n负责人：【删减】王五，身份证号11010519491231002X【/删减】","category":"行政许可","disclosure":"redacted"}"#,
                token: t["drafter"])
            let id = try #require(try created.json()["id"] as? Int, "\(created.text)")
            try await Self.review(client, t, id)
            // The ID number inside the cut is not public, so screening has nothing to block.
            let published = try await client.postJSON("/api/v1/documents/\(id)/publish", "", token: t["publisher"])
            #expect(published.status == .ok, "\(published.text)")
            let body = try #require(try await client.getJSON("/api/v1/public/documents/\(id)").json()["body"] as? String)
            #expect(body == "许可对象：某诊所\n负责人：（此处依法删减）")
            #expect(try await client.getJSON("/api/v1/public/documents?q=%E7%8E%8B%E4%BA%94").json()["total"] as? Int == 0)
            #expect(!(try await client.getPage("/documents/\(id)").text.contains("王五")))
            // Staff still see the original.
            let original = try await client.getJSON("/api/v1/documents/\(id)", token: t["office"]).json()
            #expect((original["body"] as? String)?.contains("王五") == true)
        }
    }
}
