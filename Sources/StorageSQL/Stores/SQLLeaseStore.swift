import SQLKit
import Storage

struct SQLLeaseStore: LeaseStore {
    let db: any SQLDatabase

    func acquire(_ job: String, holder: String, nowMillis: Int64, ttlMillis: Int64) async throws -> Bool {
        // An upsert that only overwrites a lease that is ours or has run out; RETURNING tells
        // whether it wrote (SQLite 3.35+ and PostgreSQL both take this form).
        let rows = try await db.raw(
            """
            INSERT INTO job_leases (name, holder, expires_at_ms) VALUES (\(bind: job), \(bind: holder), \(bind: nowMillis + ttlMillis))
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at_ms = excluded.expires_at_ms
            WHERE job_leases.holder = excluded.holder OR job_leases.expires_at_ms < \(bind: nowMillis)
            RETURNING holder
            """
        ).all()
        return !rows.isEmpty
    }

    func release(_ job: String, holder: String) async throws {
        try await db.delete(from: "job_leases").where("name", .equal, SQLBind(job)).where("holder", .equal, SQLBind(holder)).run()
    }

    func bump(_ name: String) async throws -> Int64 {
        let row = try await db.raw(
            """
            INSERT INTO instance_counters (name, value) VALUES (\(bind: name), 1)
            ON CONFLICT (name) DO UPDATE SET value = instance_counters.value + 1
            RETURNING value
            """
        ).first()
        return try row?.decode(column: "value", as: Int64.self) ?? 0
    }

    func counter(_ name: String) async throws -> Int64 {
        let row = try await db.select().column("value").from("instance_counters").where("name", .equal, SQLBind(name)).first()
        return try row?.decode(column: "value", as: Int64.self) ?? 0
    }

    /// How many versions' notes are kept.
    static let keptChanges: Int64 = 1_000

    func notePublicChange(_ note: String, counter: String) async throws -> Int64 {
        let version = try await bump(counter)
        try await db.insert(into: "public_changes").columns("version", "note").values(SQLBind(version), SQLBind(note)).run()
        if version % 100 == 0 {
            try await db.delete(from: "public_changes").where("version", .lessThanOrEqual, SQLBind(version - Self.keptChanges)).run()
        }
        return version
    }

    func publicChanges(after version: Int64, through: Int64) async throws -> [(version: Int64, note: String)] {
        try await db.select().columns("version", "note").from("public_changes")
            .where("version", .greaterThan, SQLBind(version)).where("version", .lessThanOrEqual, SQLBind(through))
            .orderBy("version").all()
            .map { (try $0.decode(column: "version", as: Int64.self), try $0.decode(column: "note", as: String.self)) }
    }
}
