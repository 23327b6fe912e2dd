import Domain
import SQLKit
import Storage

struct SQLAuditStore: AuditStore {
    let db: any SQLDatabase

    private static let columns = [
        "seq", "at_ms", "agency_id", "actor_id", "actor_name", "remote_address", "action", "record_type", "record_id",
        "before_digest", "after_digest", "detail", "previous_hash", "hash",
    ]

    func append(_ event: AuditEvent, atMillis: Int64) async throws -> AuditEntry {
        // Taking the head row first serialises appenders; the transaction around us makes the
        // head and the entry move together.
        guard
            let head = try await db.update("audit_head").set("last_seq", to: SQLRaw("last_seq + 1"))
                .where("id", .equal, SQLBind(1)).returning("last_seq", "last_hash").first()
        else { throw DomainError.conflict("审计链头缺失，请运行迁移") }
        let seq = try head.decode(column: "last_seq", as: Int64.self)
        let previous = try head.decode(column: "last_hash", as: String.self)
        func clean(_ s: String) -> String { s.replacingOccurrences(of: "\u{1F}", with: " ") }
        var entry = AuditEntry(
            seq: seq, atMillis: atMillis, agencyID: event.agencyID, actorID: event.actorID, actorName: clean(event.actorName),
            remoteAddress: clean(event.remoteAddress), action: clean(event.action), recordType: clean(event.recordType),
            recordID: clean(event.recordID), beforeDigest: event.before.map(Digest.sha256Hex) ?? "",
            afterDigest: event.after.map(Digest.sha256Hex) ?? "", detail: clean(event.detail), previousHash: previous, hash: "")
        entry.hash = Digest.sha256Hex(entry.canonicalText)
        try await db.insert(into: "audit_log").columns(Self.columns.map { SQLColumn($0) })
            .values(
                SQLBind(entry.seq), SQLBind(entry.atMillis), SQLBind(entry.agencyID), SQLBind(entry.actorID), SQLBind(entry.actorName),
                SQLBind(entry.remoteAddress), SQLBind(entry.action), SQLBind(entry.recordType), SQLBind(entry.recordID),
                SQLBind(entry.beforeDigest), SQLBind(entry.afterDigest), SQLBind(entry.detail), SQLBind(entry.previousHash),
                SQLBind(entry.hash)
            )
            .run()
        try await db.update("audit_head").set("last_hash", to: SQLBind(entry.hash)).where("id", .equal, SQLBind(1)).run()
        return entry
    }

    private func decode(_ row: any SQLRow) throws -> AuditEntry {
        AuditEntry(
            seq: try row.decode(column: "seq"), atMillis: try row.decode(column: "at_ms"),
            agencyID: try row.decode(column: "agency_id", as: Int64?.self), actorID: try row.decode(column: "actor_id", as: Int64?.self),
            actorName: try row.decode(column: "actor_name"), remoteAddress: try row.decode(column: "remote_address"),
            action: try row.decode(column: "action"), recordType: try row.decode(column: "record_type"),
            recordID: try row.decode(column: "record_id"), beforeDigest: try row.decode(column: "before_digest"),
            afterDigest: try row.decode(column: "after_digest"), detail: try row.decode(column: "detail"),
            previousHash: try row.decode(column: "previous_hash"), hash: try row.decode(column: "hash"))
    }

    private func apply(_ f: AuditFilter, to q: SQLSelectBuilder) -> SQLSelectBuilder {
        var q = q
        if let v = f.agencyID { q = q.where("agency_id", .equal, SQLBind(v)) }
        if let v = f.actorName, !v.isEmpty { q = q.where("actor_name", .equal, SQLBind(v)) }
        if let v = f.action, !v.isEmpty { q = q.where("action", .equal, SQLBind(v)) }
        if let v = f.recordType, !v.isEmpty { q = q.where("record_type", .equal, SQLBind(v)) }
        if let v = f.recordID, !v.isEmpty { q = q.where("record_id", .equal, SQLBind(v)) }
        if let v = f.fromMillis { q = q.where("at_ms", .greaterThanOrEqual, SQLBind(v)) }
        if let v = f.toMillis { q = q.where("at_ms", .lessThan, SQLBind(v)) }
        return q
    }

    func search(_ filter: AuditFilter, limit: Int, offset: Int) async throws -> [AuditEntry] {
        try await apply(filter, to: db.select().columns(Self.columns.map { SQLColumn($0) }).from("audit_log"))
            .orderBy("seq", .descending).limit(limit).offset(offset).all().map(decode)
    }

    func count(_ filter: AuditFilter) async throws -> Int {
        try await apply(filter, to: db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_log"))
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    func entries(after seq: Int64, limit: Int) async throws -> [AuditEntry] {
        try await db.select().columns(Self.columns.map { SQLColumn($0) }).from("audit_log")
            .where("seq", .greaterThan, SQLBind(seq)).orderBy("seq").limit(limit).all().map(decode)
    }
}
