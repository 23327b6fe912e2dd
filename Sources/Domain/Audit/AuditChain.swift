/// Verifies an audit chain read back in sequence order.
public enum AuditChain {
    /// Where verification stopped, if it did.
    public enum Finding: Equatable, Sendable {
        case intact(count: Int)
        /// An entry's own hash does not match its fields: it was altered.
        case altered(seq: Int64)
        /// An entry does not point at the hash of the entry before it, or a number is skipped:
        /// something before it was removed, inserted or altered.
        case broken(seq: Int64, expectedSeq: Int64)

        public var isIntact: Bool { if case .intact = self { true } else { false } }
    }

    /// Checks every entry in order. `hash` is SHA-256 as lowercase hex. To verify a chain in
    /// pages, pass the sequence number and hash that the previous page ended with.
    public static func verify(
        _ entries: some Sequence<AuditEntry>, hash: (String) -> String,
        afterSeq: Int64 = 0, previousHash: String = AuditEntry.genesisHash
    ) -> Finding {
        var expectedSeq = afterSeq + 1
        var previous = previousHash
        var count = 0
        for entry in entries {
            if entry.seq != expectedSeq || entry.previousHash != previous {
                return .broken(seq: entry.seq, expectedSeq: expectedSeq)
            }
            if hash(entry.canonicalText) != entry.hash { return .altered(seq: entry.seq) }
            previous = entry.hash
            expectedSeq += 1
            count += 1
        }
        return .intact(count: count)
    }
}
