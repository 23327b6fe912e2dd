public import Domain
public import Storage

/// Reads the whole audit chain in pages and verifies it with `AuditChain.verify`.
public enum AuditVerifier {
    public static func verify(_ store: any AuditStore, pageSize: Int = 5000) async throws -> AuditChain.Finding {
        var lastSeq: Int64 = 0
        var lastHash = AuditEntry.genesisHash
        var count = 0
        while true {
            let page = try await store.entries(after: lastSeq, limit: pageSize)
            guard let last = page.last else { return .intact(count: count) }
            let finding = AuditChain.verify(page, hash: Digest.sha256Hex, afterSeq: lastSeq, previousHash: lastHash)
            guard case .intact(let n) = finding else { return finding }
            count += n
            lastSeq = last.seq
            lastHash = last.hash
        }
    }
}
