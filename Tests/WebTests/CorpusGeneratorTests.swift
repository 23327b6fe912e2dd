import Storage
import Testing
import Web

@testable import Domain
@testable import Services

@Suite struct CorpusGeneratorTests {
    @Test func generatesPublishedSearchableRepeatableDocuments() async throws {
        let a = try await Harness.make("sqlite", demo: true)
        let b = try await Harness.make("sqlite", demo: true)
        _ = try await CorpusGenerator.generate(a.env.services, count: 120, seed: 7, batch: 50)
        _ = try await CorpusGenerator.generate(b.env.services, count: 120, seed: 7, batch: 50)
        let (total, items) = try await a.db.stores.documents.list(.none, limit: 500, offset: 0)
        #expect(total == 123)  // three demo documents plus the corpus
        let other = try await b.db.stores.documents.list(.none, limit: 500, offset: 0).items
        #expect(items.map(\.title) == other.map(\.title))
        #expect(items.filter { $0.body.utf8.count > 1200 }.count == 120)  // about 1.5 KB each
        #expect(items.allSatisfy { RichText.plain($0.body) == RichText.plainByBlocks($0.body) })
        let hits = try await a.db.stores.search.search("卫生", .none, limit: 5, offset: 0)
        #expect(hits.total > 100)
        #expect(try await a.db.stores.audit.count(AuditFilter(action: "document.import")) == 3)
        await a.close()
        await b.close()
    }
}
