import Domain
import Foundation
import HummingbirdTesting
import Testing

@testable import Services

/// Per-agency catalog settings: chains per category, own columns, the 索引号 rule, department
/// reviewers and the queue's due dates.
@Suite struct CatalogSettingsTests {
    static let settings = """
        {"extraCategories":[{"code":"covid","name":"疫情防控专栏","publishWithinWorkdays":5}],
         "deadlineOverrides":{"policy":15},
         "chain":[{"name":"科室负责人审核","role":"reviewer","condition":"always","confidentialityReview":false},
                  {"name":"办公室审核","role":"office-admin","condition":"always","confidentialityReview":true}],
         "categoryChains":{"penalty":[{"name":"办公室审核（双公示）","role":"office-admin","condition":"always","confidentialityReview":true}]},
         "indexRule":{"template":"{orgCode}-{year}-{serial:4}"},"reviewDueWorkdays":2}
        """

    @Test(arguments: Harness.kinds) func settingsShapeTheWorkflow(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let t = try await RevisionTests.tokens(client)
            // Only the office may change them; a chain without a confidentiality level is refused.
            #expect(
                try await client.postJSON("/api/v1/catalog/settings", Self.settings, token: t["reviewer"], method: .put).status
                    == .forbidden)
            let noSecrecy = Self.settings.replacingOccurrences(
                of: #""confidentialityReview":true"#, with: #""confidentialityReview":false"#)
            let refused = try await client.postJSON("/api/v1/catalog/settings", noSecrecy, token: t["office"], method: .put)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.errorField == "chain")
            let saved = try await client.postJSON("/api/v1/catalog/settings", Self.settings, token: t["office"], method: .put)
            #expect(saved.status == .ok, "\(saved.text)")
            let categories = try #require(try saved.json()["categories"] as? [[String: Any]])
            #expect(categories.contains { $0["name"] as? String == "疫情防控专栏" })
            #expect(categories.first { $0["code"] as? String == "policy" }?["publishWithinWorkdays"] as? Int == 15)

            // The agency's own column is usable by name; two levels, then the new 索引号 rule.
            let created = try await client.postJSON(
                "/api/v1/documents", #"{"title":"新冠疫苗接种点公告","body":"接种点见下。","category":"疫情防控专栏"}"#, token: t["drafter"])
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(try created.json()["id"] as? Int)
            #expect(try created.json()["category"] as? String == "covid")
            #expect(try await client.postJSON("/api/v1/documents/\(id)/submit", "", token: t["drafter"]).status == .ok)
            #expect(try await client.postJSON("/api/v1/documents/\(id)/approve", "{}", token: t["reviewer"]).status == .ok)
            let approved = try await client.postJSON(
                "/api/v1/documents/\(id)/approve", #"{"confidentialityCleared":true}"#, token: t["office"])
            #expect(try approved.json()["status"] as? String == "approved")
            let index = try #require(try approved.json()["indexNumber"] as? String)
            #expect(index.hasSuffix("-0004") && index.hasPrefix("004339255-"), "\(index)")

            // 行政处罚 results have a chain of their own: the office alone.
            let penalty = try await client.postJSON(
                "/api/v1/documents", #"{"title":"行政处罚决定","body":"某诊所超范围执业。","category":"行政处罚"}"#, token: t["drafter"])
            let pid = try #require(try penalty.json()["id"] as? Int)
            let submitted = try await client.postJSON("/api/v1/documents/\(pid)/submit", "", token: t["drafter"])
            #expect(try submitted.json()["reviewLevel"] as? String == "办公室审核（双公示）")
            #expect(try await client.postJSON("/api/v1/documents/\(pid)/approve", "{}", token: t["reviewer"]).status == .forbidden)

            // The office sees the document in its queue with a due date two working days on.
            let cookies = try await client.signInWithForm("office")
            let queue = try await client.getPage("/console/documents", cookies: cookies).text
            #expect(queue.contains("行政处罚决定") && queue.contains("办公室审核（双公示）"))
            // Three weeks later it is overdue.
            h.clock.advance(21 * 86400)
            let later = try await client.getPage("/console/documents", cookies: try await client.signInWithForm("office")).text
            #expect(later.contains("（已超期）"))

            // The settings page shows the chain as text and refuses nonsense with the form again.
            let cookies2 = try await client.signInWithForm("office")
            let csrf = try await client.csrfToken(on: "/console/catalog-settings", cookies: cookies2)
            let bad = try await client.postForm(
                "/console/catalog-settings",
                [("_csrf", csrf), ("chain", "审核 | nobody | always | 是"), ("indexRule", "{year}-{serial:5}"), ("reviewDueWorkdays", "3")],
                cookies: cookies2)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("角色“nobody”无效") && bad.text.contains("审核 | nobody | always | 是"))
        }
    }

    @Test(arguments: Harness.kinds) func departmentReviewersReviewTheirOwnDepartment(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let root = try #require(try await h.env.database.stores.agencies.root())
            let departments = try await h.env.database.stores.agencies.departments(of: root.id)
            let admin = try await client.token("admin")
            for (name, dep, role) in [
                ("drafter-a", departments[0].id, "drafter"), ("head-a", departments[0].id, "reviewer"),
                ("head-b", departments[1].id, "reviewer"),
            ] {
                let r = try await client.postJSON(
                    "/api/v1/users",
                    #"{"username":"\#(name)","displayName":"\#(name)","password":"\#(Harness.password)","roles":["\#(role)"],"departmentID":\#(dep)}"#,
                    token: admin)
                #expect(r.status == .created, "\(r.text)")
            }
            let drafter = try await client.token("drafter-a")
            let created = try await client.postJSON(
                "/api/v1/documents", #"{"title":"科室文件","body":"正文。","category":"政策文件"}"#, token: drafter)
            let id = try #require(try created.json()["id"] as? Int)
            #expect(try await client.postJSON("/api/v1/documents/\(id)/submit", "", token: drafter).status == .ok)
            let other = try await client.postJSON("/api/v1/documents/\(id)/approve", "{}", token: try await client.token("head-b"))
            #expect(other.status == .forbidden)
            #expect(
                try await client.postJSON("/api/v1/documents/\(id)/approve", "{}", token: try await client.token("head-a")).status == .ok)
        }
    }
}
