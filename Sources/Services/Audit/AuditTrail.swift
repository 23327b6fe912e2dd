public import Domain
public import Storage

/// The audit entries of one change, appended in the transaction that makes the change: a
/// change and its entries are written together or not at all. Every service writes through
/// `GongkaiDatabase.audited(by:atMillis:_:)` (or `ServiceEnvironment.audited`), which hands the
/// body the transaction's stores and this trail; nothing else appends to the archive.
public struct AuditTrail: Sendable {
    let stores: any Stores
    /// Who makes the change.
    public let actor: AuditActor
    /// When, for every entry of the change (one instant, whatever the transaction's length).
    public let atMillis: Int64

    /// Archives one entry of the change. `agencyID` names the agency the record belongs to
    /// when it is not the actor's (a transfer, a unit's report to its parent).
    public func log(
        _ action: AuditAction, _ recordType: AuditRecordType, _ recordID: String, agencyID: Int64? = nil, before: String? = nil,
        after: String? = nil, detail: String = ""
    ) async throws {
        let event = AuditEvent(
            agencyID: agencyID ?? actor.agencyID, actorID: actor.userID, actorName: actor.name, remoteAddress: actor.address,
            action: action.rawValue, recordType: recordType.rawValue, recordID: recordID, before: before, after: after, detail: detail)
        _ = try await stores.audit.append(event, atMillis: atMillis)
    }

    /// Archives one entry naming a record by its numeric ID.
    public func log(
        _ action: AuditAction, _ recordType: AuditRecordType, _ recordID: Int64, agencyID: Int64? = nil, before: String? = nil,
        after: String? = nil, detail: String = ""
    ) async throws {
        try await log(action, recordType, String(recordID), agencyID: agencyID, before: before, after: after, detail: detail)
    }
}

extension GongkaiDatabase {
    /// Runs `body` in one transaction with the trail its audit entries go to: the one way to
    /// make a change and archive it together. Committed when `body` returns, rolled back (entries
    /// and all) when it throws.
    public func audited<T: Sendable>(
        by actor: AuditActor, atMillis: Int64, _ body: @escaping @Sendable (any Stores, AuditTrail) async throws -> T
    ) async throws -> T {
        try await transaction { stores in
            try await body(stores, AuditTrail(stores: stores, actor: actor, atMillis: atMillis))
        }
    }

    /// Archives one event that changes nothing else (a failed sign-in, an export), in a
    /// transaction of its own: an append is several statements, and two appenders outside a
    /// transaction could interleave them and break the chain.
    public func audit(
        _ action: AuditAction, _ recordType: AuditRecordType, _ recordID: String, by actor: AuditActor, atMillis: Int64,
        agencyID: Int64? = nil, detail: String = ""
    ) async throws {
        try await audited(by: actor, atMillis: atMillis) { _, trail in
            try await trail.log(action, recordType, recordID, agencyID: agencyID, detail: detail)
        }
    }
}

extension ServiceEnvironment {
    /// `GongkaiDatabase.audited` at this moment.
    public func audited<T: Sendable>(
        by actor: AuditActor, _ body: @escaping @Sendable (any Stores, AuditTrail) async throws -> T
    ) async throws -> T {
        try await database.audited(by: actor, atMillis: nowMillis, body)
    }

    /// Stores one record and archives it: `write` stores the record and returns it with the ID
    /// the entry names. New-media accounts, surveys, open days and assessments save through it.
    public func audited<T: Sendable>(
        _ identity: StaffIdentity, address: String, _ action: AuditAction, _ recordType: AuditRecordType, detail: String = "",
        _ write: @escaping @Sendable (any Stores) async throws -> (T, id: Int64)
    ) async throws -> T {
        try await audited(by: AuditActor(identity, address: address)) { stores, trail in
            let (saved, id) = try await write(stores)
            try await trail.log(action, recordType, id, detail: detail)
            return saved
        }
    }
}
