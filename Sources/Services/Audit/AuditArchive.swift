public import Domain
public import Storage

/// The audit archive as auditors read it (安全审计员): a filtered, paged listing and a CSV copy.
/// An auditor of the root agency sees every agency's entries; others see their own agency's.
/// Taking a copy is itself archived: who took it, and with which filter.
public struct AuditArchive: Sendable {
    let env: ServiceEnvironment

    public init(env: ServiceEnvironment) {
        self.env = env
    }

    /// Rows in one export; a larger archive is exported by narrowing the dates.
    public static let exportLimit = 100_000

    /// The agency whose entries `identity` may read: nil (every agency) for the root agency's auditor.
    public static func scope(_ identity: StaffIdentity) -> Int64? { identity.agency.parentID == nil ? nil : identity.agency.id }

    /// One page of entries matching `filter`, newest first, and how many match in all.
    public func page(_ filter: AuditFilter, page: Int, size: Int) async throws -> (total: Int, entries: [AuditEntry]) {
        let store = env.database.stores.audit
        return (try await store.count(filter), try await store.search(filter, limit: size, offset: (max(page, 1) - 1) * size))
    }

    /// Every entry matching `filter` (up to `exportLimit`), and an archived record of the export.
    public func export(_ filter: AuditFilter, described: String, by identity: StaffIdentity, address: String) async throws -> [AuditEntry] {
        let entries = try await env.database.stores.audit.search(filter, limit: Self.exportLimit, offset: 0)
        try await env.database.audit(
            .auditExport, .auditLog, "", by: AuditActor(identity, address: address), atMillis: env.nowMillis,
            detail: "\(entries.count) rows \(described)")
        return entries
    }
}
