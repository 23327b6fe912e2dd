import SQLKit

struct M003CreateAuditArchive: Migration {
    let number = 3
    let name = "create the audit archive and its chain head"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "audit_log")
            .column("seq", type: .bigint, .primaryKey(autoIncrement: false))
            .column("at_ms", type: .bigint, .notNull)
            .column("agency_id", type: .bigint)
            .column("actor_id", type: .bigint)
            .column("actor_name", type: .text, .notNull)
            .column("remote_address", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("record_type", type: .text, .notNull)
            .column("record_id", type: .text, .notNull)
            .column("before_digest", type: .text, .notNull)
            .column("after_digest", type: .text, .notNull)
            .column("detail", type: .text, .notNull)
            .column("previous_hash", type: .text, .notNull)
            .column("hash", type: .text, .notNull)
            .run()
        try await db.create(index: "audit_log_at").on("audit_log").column("at_ms").run()
        try await db.create(index: "audit_log_record").on("audit_log").column("record_type").column("record_id").run()
        // One row holding the last sequence number and hash. Appending updates it first, which
        // takes the row lock (PostgreSQL) or the write lock (SQLite) and so serialises appenders.
        try await db.create(table: "audit_head")
            .column("id", type: .int, .primaryKey(autoIncrement: false))
            .column("last_seq", type: .bigint, .notNull)
            .column("last_hash", type: .text, .notNull)
            .run()
        try await db.insert(into: "audit_head").columns("id", "last_seq", "last_hash")
            .values(SQLBind(1), SQLBind(Int64(0)), SQLBind(String(repeating: "0", count: 64))).run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "audit_head").run()
        try await db.drop(table: "audit_log").run()
    }
}
