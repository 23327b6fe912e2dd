import Domain
public import Storage

extension ServiceEnvironment {
    /// Writes a record and its audit entry in one transaction: `write` stores the record and
    /// returns it with the ID the audit entry names. New-media accounts, surveys and open days
    /// save through it; proposals and opinions keep their own, which also archive an `after:`
    /// snapshot.
    public func audited<T: Sendable>(
        _ identity: StaffIdentity, address: String, action: String, recordType: String, detail: String = "",
        _ write: @escaping @Sendable (any Stores) async throws -> (T, id: Int64)
    ) async throws -> T {
        let actor = AuditActor(identity, address: address)
        let now = nowMillis
        return try await database.transaction { stores in
            let (saved, id) = try await write(stores)
            try await stores.audit.append(actor.event(action, recordType: recordType, recordID: String(id), detail: detail), atMillis: now)
            return saved
        }
    }
}
