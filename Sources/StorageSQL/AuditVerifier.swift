public import Domain
public import Storage

/// Reads the whole audit chain in pages and verifies it.
public enum AuditVerifier {
    public static func verify(_ store: any AuditStore, pageSize: Int = 5000) async throws -> AuditChain.Finding {
        var previousHash = AuditEntry.genesisHash
        var nextSeq: Int64 = 1
        var count = 0
        while true {
            let page = try await store.entries(after: nextSeq - 1, limit: pageSize)
            if page.isEmpty { return .intact(count: count) }
            // Verify the page as a continuation of what came before.
            var expected = nextSeq
            var prev = previousHash
            for entry in page {
                if entry.seq != expected || entry.previousHash != prev { return .broken(seq: entry.seq, expectedSeq: expected) }
                if Digest.sha256Hex(entry.canonicalText) != entry.hash { return .altered(seq: entry.seq) }
                prev = entry.hash
                expected += 1
            }
            count += page.count
            previousHash = prev
            nextSeq = expected
        }
    }
}
