import ArgumentParser
import Foundation
import Services
import StorageSQL

/// `gongkai generate-corpus`: fill the database with a realistic published catalog for benchmarks.
struct GenerateCorpus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-corpus", abstract: "Benchmarks: add N generated, published and indexed documents to the root agency.")
    @Option(help: "How many documents.") var count = 100_000
    @Option(help: "Random seed (same seed, same corpus).") var seed: UInt64 = 1
    @Option(help: "Documents per transaction.") var batch = 1000

    func run() async throws {
        let (count, seed, batch) = (count, seed, batch)
        let seconds = try await withDatabase { db in
            let seconds = try await CorpusGenerator.generate(try commandEnvironment(db), count: count, seed: seed, batch: batch) { done in
                if done % 10_000 == 0 || done == count { FileHandle.standardError.write(Data("  \(done) documents\n".utf8)) }
            }
            try await db.refreshStatistics()
            return seconds
        }
        print(String(format: "imported %d documents with indexing in %.1f s: %.0f documents/s", count, seconds, Double(count) / seconds))
    }
}
