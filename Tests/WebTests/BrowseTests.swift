import Domain
import Foundation
import HummingbirdTesting
import Testing

@testable import Services
@testable import Web

/// The portal's browsing by 专题专栏, 主题分类, year and agency, and the print view.
@Suite struct BrowseTests {
    @Test(arguments: Harness.kinds) func columnsSubjectsAndPrint(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let t = try await RevisionTests.tokens(client)
            let settings = #"{"columns":[{"code":"covid","name":"疫情防控","summary":"疫情防控政策与通告"},{"code":"flu","name":"流感防治","summary":""}]}"#
            #expect(try await client.postJSON("/api/v1/catalog/settings", settings, token: t["office"], method: .put).status == .ok)
            // An unknown column is refused by name.
            let unknown = try await client.postJSON(
                "/api/v1/documents", #"{"title":"x","body":"x","category":"其他","columns":["不存在"]}"#, token: t["drafter"])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.errorField == "columns")
            let created = try await client.postJSON(
                "/api/v1/documents",
                #"{"title":"关于加强冬春季疫情防控的通知","body":"各单位要加强监测。","category":"疾病防控","subject":"疾病预防控制","columns":["疫情防控","flu"],"writtenOn":"2026-11-02"}"#,
                token: t["drafter"])
            let id = try #require(try created.json()["id"] as? Int, "\(created.text)")
            #expect(try created.json()["columns"] as? [String] == ["covid", "flu"])
            // Not yet published: no column, no print view.
            #expect(!(try await client.getPage("/columns/covid").text.contains("冬春季")))
            #expect(try await client.getPage("/documents/\(id)/print").status == .notFound)
            try await RevisionTests.review(client, t, id)
            #expect(try await client.postJSON("/api/v1/documents/\(id)/publish", "", token: t["publisher"]).status == .ok)

            let column = try await client.getPage("/columns/covid")
            #expect(column.status == .ok)
            #expect(column.text.contains("疫情防控政策与通告") && column.text.contains("关于加强冬春季疫情防控的通知"))
            #expect(try await client.getPage("/columns/none").status == .notFound)
            let home = try await client.getPage("/").text
            #expect(home.contains("/columns/covid") && home.contains("流感防治"))
            let doc = try await client.getPage("/documents/\(id)").text
            #expect(doc.contains("所属专栏") && doc.contains("/documents/\(id)/print"))

            let subjects = try await client.getPage("/subjects").text
            #expect(subjects.contains("疾病预防控制（1）"))
            let browse = try await client.getPage("/browse?subject=%E7%96%BE%E7%97%85%E9%A2%84%E9%98%B2%E6%8E%A7%E5%88%B6").text
            #expect(browse.contains("共 1 条") && browse.contains("关于加强冬春季疫情防控的通知"))
            let year = try await client.getPage("/browse?year=2026").text
            #expect(year.contains("按年份") && year.contains("2026年"))
            #expect(try await client.getPage("/browse?year=abc").status == .unprocessableContent)
            #expect(try await client.getPage("/browse?column=nope").status == .unprocessableContent)

            let api = try await client.getJSON("/api/v1/public/documents?column=covid&q=%E7%9B%91%E6%B5%8B").json()
            #expect(api["total"] as? Int == 1)
            let none = try await client.getJSON("/api/v1/public/documents?subject=%E5%A6%87%E5%B9%BC").json()
            #expect(none["total"] as? Int == 0)

            let print = try await client.getPage("/documents/\(id)/print")
            #expect(print.status == .ok)
            #expect(print.text.contains("print-view") && print.text.contains("各单位要加强监测。") && !print.text.contains("site-header"))
        }
    }
}

/// Public pages come from memory on repeat visits, and never outlive a change.
@Suite struct PageCacheTests {
    @Test func repeatVisitsHitAndChangesEmptyTheCache() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let first = try await client.getPage("/")
            #expect(first.headers[.init("X-Gongkai-Cache")!] == "miss")
            let second = try await client.getPage("/")
            #expect(second.headers[.init("X-Gongkai-Cache")!] == "hit")
            #expect(second.text == first.text)
            // Elderly mode is a different page.
            #expect(try await client.getPage("/", cookies: ["gk_display": "elderly"]).headers[.init("X-Gongkai-Cache")!] == "miss")
            // Signed-in staff are never served from or into the cache.
            let cookies = try await client.signInWithForm("office")
            #expect(try await client.getPage("/", cookies: cookies).headers[.init("X-Gongkai-Cache")!] == nil)
            // A publication empties it; the new document shows at once.
            let t = try await RevisionTests.tokens(client)
            let id = try await RevisionTests.publish(client, t, title: "关于缓存测试的通知", body: "正文。")
            let after = try await client.getPage("/")
            #expect(after.headers[.init("X-Gongkai-Cache")!] == "miss" && after.text.contains("关于缓存测试的通知"))
            #expect(try await client.getPage("/documents/\(id)").status == .ok)
            #expect(try await client.getPage("/documents/\(id)").headers[.init("X-Gongkai-Cache")!] == "hit")
            // A withdrawal takes the cached page away in the same moment.
            let withdrawn = try await client.postJSON("/api/v1/documents/\(id)/withdraw", #"{"reason":"测试撤回"}"#, token: t["office"])
            #expect(withdrawn.status == .ok)
            #expect(try await client.getPage("/documents/\(id)").status == .notFound)
            // Entries also age out.
            _ = try await client.getPage("/guide")
            h.clock.advance(61)
            #expect(try await client.getPage("/guide").headers[.init("X-Gongkai-Cache")!] == "miss")
        }
    }
}

extension PageCacheTests {
    static let cacheField = PageCache.header

    /// A publication empties the pages that list documents and the pages that show it, and
    /// leaves every other document page in memory; steps on the way to the portal empty nothing.
    @Test func aPublicationEmptiesOnlyWhatItTouches() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let t = try await RevisionTests.tokens(client)
            let a = try await RevisionTests.publish(client, t, title: "关于甲事项的通知", body: "甲。")
            let b = try await RevisionTests.publish(client, t, title: "关于乙事项的通知", body: "乙。")
            func cache(_ path: String) async throws -> String? {
                let page = try await client.getPage(path)
                #expect(page.status == .ok, "\(path)")
                // The cache's own bookkeeping never leaves the server.
                #expect(page.headers[PageCache.documentsHeader] == nil)
                return page.headers[Self.cacheField]
            }
            let pages = ["/", "/documents/\(a)", "/documents/\(b)", "/documents/\(b)/print", "/catalog/policy"]
            for path in pages { _ = try await cache(path) }
            for path in pages { #expect(try await cache(path) == "hit", "\(path)") }

            // Drafting and review change nothing the public sees.
            let created = try await client.postJSON(
                "/api/v1/documents",
                #"{"title":"关于丙事项的通知","body":"丙。","category":"政策文件","kind":"policy","writtenOn":"2026-09-18"}"#,
                token: t["drafter"])
            let c = try #require(try created.json()["id"] as? Int)
            try await RevisionTests.review(client, t, c)
            #expect(try await cache("/") == "hit")

            // Publishing it empties the lists, not the other documents' pages.
            #expect(try await client.postJSON("/api/v1/documents/\(c)/publish", "", token: t["publisher"]).status == .ok)
            #expect(try await cache("/") == "miss")
            #expect(try await cache("/catalog/policy") == "miss")
            for path in pages.dropFirst().dropLast() { #expect(try await cache(path) == "hit", "\(path)") }

            // An interpretation of A empties A's page, which lists it; B's stays.
            let interpretation = try await client.postJSON(
                "/api/v1/documents",
                #"{"title":"《关于甲事项的通知》解读","body":"解读。","category":"interpretation","kind":"interpretation","interprets":\#(a),"interpretationForm":"text","writtenOn":"2026-09-18"}"#,
                token: t["drafter"])
            let i = try #require(try interpretation.json()["id"] as? Int, "\(interpretation.text)")
            try await RevisionTests.review(client, t, i)
            #expect(try await client.postJSON("/api/v1/documents/\(i)/publish", "", token: t["publisher"]).status == .ok)
            let withLink = try await client.getPage("/documents/\(a)")
            #expect(withLink.headers[Self.cacheField] == "miss" && withLink.text.contains("《关于甲事项的通知》解读"))
            #expect(try await cache("/documents/\(b)") == "hit")
            #expect(try await cache("/documents/\(a)") == "hit")

            // Withdrawing the interpretation takes the link off A's page at once.
            let withdrawn = try await client.postJSON("/api/v1/documents/\(i)/withdraw", #"{"reason":"测试撤回"}"#, token: t["office"])
            #expect(withdrawn.status == .ok)
            let without = try await client.getPage("/documents/\(a)")
            #expect(without.headers[Self.cacheField] == "miss" && !without.text.contains("《关于甲事项的通知》解读"))
            #expect(try await cache("/documents/\(b)") == "hit")
        }
    }

    /// Search results and the document API outlive a new publication by at most the search
    /// cache's seconds, and never outlive the withdrawal of a document they show.
    @Test func searchResultsWaitForNewDocumentsButNotForWithdrawals() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let t = try await RevisionTests.tokens(client)
            let first = try await RevisionTests.publish(client, t, title: "关于麒麟湾社区门诊的通知", body: "麒麟湾。")
            let search = "/search?q=" + AttackTests.query("麒麟湾")
            let api = "/api/v1/public/documents?q=" + AttackTests.query("麒麟湾")
            for uri in [search, api] { _ = try await client.getPage(uri) }
            for uri in [search, api] { #expect(try await client.getPage(uri).headers[Self.cacheField] == "hit") }
            // A new match is not in the cached results yet...
            _ = try await RevisionTests.publish(client, t, title: "关于麒麟湾卫生院的通知", body: "麒麟湾。")
            let cached = try await client.getPage(search)
            #expect(cached.headers[Self.cacheField] == "hit" && !cached.text.contains("卫生院的通知"))
            #expect(try await client.getPage(api).json()["total"] as? Int == 1)
            // ...and is once the search cache's seconds (30 by default) have passed.
            h.clock.advance(31)
            let fresh = try await client.getPage(search)
            #expect(fresh.headers[Self.cacheField] == "miss" && fresh.text.contains("卫生院的通知"))
            #expect(try await client.getPage(api).json()["total"] as? Int == 2)
            for uri in [search, api] { #expect(try await client.getPage(uri).headers[Self.cacheField] == "hit") }
            // Withdrawing a document a result shows empties that result at once.
            let withdrawn = try await client.postJSON("/api/v1/documents/\(first)/withdraw", #"{"reason":"测试撤回"}"#, token: t["office"])
            #expect(withdrawn.status == .ok)
            let after = try await client.getPage(search)
            #expect(after.headers[Self.cacheField] == "miss" && !after.text.contains("社区门诊的通知"))
            #expect(try await client.getPage(api).json()["total"] as? Int == 1)
            #expect(try await client.getPage("/api/v1/public/documents/\(first)").status == .notFound)
        }
    }

    @Test func changesAreWrittenDownForOtherInstances() {
        #expect(PublicChange.everything.note == "*")
        #expect(PublicChange.documents([12, 3]).note == "3 12")
        #expect(PublicChange(note: "3 12") == .documents([3, 12]))
        #expect(PublicChange(note: "*") == .everything)
        // Anything unreadable is taken as the widest change.
        #expect(PublicChange(note: "") == .everything)
        #expect(PublicChange(note: "3 x") == .everything)
    }
}

@Suite struct SnippetTests {
    @Test func excerptsAroundTheFirstMatch() {
        let body = String(repeating: "甲", count: 50) + "\n做好疫情防控工作" + String(repeating: "乙", count: 50)
        let s = Snippet.make(body, query: "疫情", radius: 3)
        #expect(s == "… 做好疫情防控工…")
        #expect(Snippet.make("Covid-19 防控", query: "COVID", radius: 2) == "Covid-1…")
        #expect(Snippet.make("短文", query: "无", radius: 40) == "短文")
        #expect(Snippet.make("短文", query: "", radius: 40) == "短文")
    }
}

@Suite struct InterpretationShortcutTests {
    @Test func aPolicyOffersItsInterpretationForm() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let cookies = try await client.signInWithForm("drafter")
            let form = try await client.getPage("/console/documents/new?interprets=1", cookies: cookies).text
            #expect(form.contains("政策解读》") || form.contains("配套解读"))
            #expect(form.contains(#"name="interprets" value="1""#))
        }
    }
}
