import Domain
import Foundation
import Storage
import Testing
import Web

@testable import Services

@Suite struct StaticSiteTests {
    @Test func exportHasEveryPublicPageAndDropsWithdrawnOnes() async throws {
        let h = try await Harness.make("sqlite")
        let dir = NSTemporaryDirectory() + "gongkai-static-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let agency = try #require(try await h.db.stores.agencies.root())
        // A document that is not public must not appear at all.
        let hidden = try await h.db.stores.catalog.create(
            CatalogDocument(id: 0, agencyID: agency.id, title: "内部草稿不得外泄", body: "草稿", categoryCode: "policy"))
        let first = try await StaticSite.publish(
            h.env, to: dir, siteOrigin: "https://gk.example.org", serverOrigin: "https://app.example.org")
        #expect(first.documents == 3)
        let fm = FileManager.default
        let home = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
        #expect(home.contains("示范市卫生健康委员会2026年政务公开工作要点"))
        #expect(home.contains(#"action="https://app.example.org/search""#))
        #expect(!home.contains("mode-switch"))  // a post from another host would be refused
        #expect(fm.fileExists(atPath: dir + "/documents/1/index.html"))
        #expect(!fm.fileExists(atPath: dir + "/documents/\(hidden.id)/index.html"))
        #expect(try String(contentsOfFile: dir + "/sitemap.xml", encoding: .utf8).contains("https://gk.example.org/documents/1</loc>"))
        #expect(fm.fileExists(atPath: dir + "/catalog/policy/index.html") && fm.fileExists(atPath: dir + "/feeds/all.atom"))
        #expect(fm.fileExists(atPath: dir + "/guide/index.html") && fm.fileExists(atPath: dir + "/agencies/2/guide/index.html"))
        let all = try fm.subpathsOfDirectory(atPath: dir)
        for file in all where file.hasSuffix(".html") || file.hasSuffix(".xml") || file.hasSuffix(".atom") {
            #expect(!(try String(contentsOfFile: dir + "/" + file, encoding: .utf8)).contains("内部草稿不得外泄"), "\(file)")
        }
        // Withdraw document 1 in the database, export again: its page is gone.
        var doc = try #require(try await h.db.stores.catalog.find(id: 1))
        let before = doc.workflow
        doc.workflow = WorkflowState(status: .withdrawn)
        try await h.db.stores.catalog.update(doc, expecting: before)
        let second = try await StaticSite.publish(h.env, to: dir, siteOrigin: "https://gk.example.org", serverOrigin: "")
        #expect(second.removed == 1)
        #expect(!fm.fileExists(atPath: dir + "/documents/1/index.html"))
        #expect(!(try String(contentsOfFile: dir + "/sitemap.xml", encoding: .utf8)).contains("/documents/1</loc>"))
        // No staging or old copies are left beside it.
        let parent = (dir as NSString).deletingLastPathComponent
        let leftovers = try fm.contentsOfDirectory(atPath: parent).filter { $0.contains((dir as NSString).lastPathComponent + ".") }
        #expect(leftovers.isEmpty)
        await h.close()
    }
}
