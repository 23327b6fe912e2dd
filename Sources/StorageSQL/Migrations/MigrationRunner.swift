import Foundation
import SQLKit

/// Applies and reverts the numbered migrations. Safe to start on several app instances at once:
/// each step runs in a transaction that first takes a database-wide lock and re-reads what is applied.
public struct MigrationRunner: Sendable {
    let database: SQLDatabaseHandle
    let migrations: [any Migration]

    public init(database: SQLDatabaseHandle) {
        self.database = database
        self.migrations = allMigrations
    }

    /// The highest migration number the code knows.
    public var latest: Int { migrations.map(\.number).max() ?? 0 }

    /// Numbers applied so far, ascending.
    public func applied() async throws -> [Int] {
        try await ensureTable()
        return try await database.sql.select().column("number").from("schema_migrations").orderBy("number")
            .all().map { try $0.decode(column: "number", as: Int.self) }
    }

    /// Applies every pending migration in order (up to `last`); returns the numbers applied now.
    @discardableResult
    public func migrate(upTo last: Int = .max) async throws -> [Int] {
        try await ensureTable()
        var done: [Int] = []
        for m in migrations.sorted(by: { $0.number < $1.number }) where m.number <= last {
            let ran = try await database.withTransaction { db in
                try await lock(db)
                let exists =
                    try await db.select().column("number").from("schema_migrations")
                    .where("number", .equal, SQLBind(m.number)).first() != nil
                if exists { return false }
                try await m.prepare(on: db)
                try await db.insert(into: "schema_migrations").columns("number", "name", "applied_ms")
                    .values(SQLBind(m.number), SQLBind(m.name), SQLBind(Int64(Date().timeIntervalSince1970 * 1000))).run()
                return true
            }
            if ran { done.append(m.number) }
        }
        return done
    }

    /// Reverts applied migrations above `target`, newest first; returns the numbers reverted.
    @discardableResult
    public func revert(to target: Int) async throws -> [Int] {
        try await ensureTable()
        var done: [Int] = []
        for m in migrations.sorted(by: { $0.number > $1.number }) where m.number > target {
            let ran = try await database.withTransaction { db in
                try await lock(db)
                let exists =
                    try await db.select().column("number").from("schema_migrations")
                    .where("number", .equal, SQLBind(m.number)).first() != nil
                if !exists { return false }
                try await m.revert(on: db)
                try await db.delete(from: "schema_migrations").where("number", .equal, SQLBind(m.number)).run()
                return true
            }
            if ran { done.append(m.number) }
        }
        return done
    }

    private func ensureTable() async throws {
        try await database.sql.create(table: "schema_migrations").ifNotExists()
            .column("number", type: .int, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("applied_ms", type: .bigint, .notNull)
            .run()
    }

    private func lock(_ db: any SQLDatabase) async throws {
        // SQLite's BEGIN IMMEDIATE already holds the write lock.
        if database.kind == "postgres" {
            try await db.raw("SELECT pg_advisory_xact_lock(7263010)").run()
        }
    }
}
