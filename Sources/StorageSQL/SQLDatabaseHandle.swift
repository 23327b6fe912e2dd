import AsyncKit
import Domain
import Foundation
public import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit
public import Storage

/// The live database: a connection pool over SQLite or PostgreSQL behind one SQLKit API.
public final class SQLDatabaseHandle: GongkaiDatabase, @unchecked Sendable {
    // @unchecked: the pools are thread-safe and the other stored properties are immutable.
    private enum Pool {
        case sqlite(EventLoopGroupConnectionPool<TunedSQLiteSource>)
        case postgres(EventLoopGroupConnectionPool<PostgresConnectionSource>)
    }

    private let pool: Pool
    private let logger: Logger
    public let kind: String
    private let writeGate = WriteGate()

    /// Settings each PostgreSQL connection starts with. Parallel query is off by default: the
    /// portal's queries are short, and on the 2-core machines measured a search that used two
    /// workers took 25 ms where one process took 15 (`GONGKAI_POSTGRES_PARALLEL_WORKERS`).
    public static let defaultPostgresSettings = [("max_parallel_workers_per_gather", "0")]

    /// Opens a pool to `location`. Nothing is read until the first query.
    public init(
        location: DatabaseLocation, logger: Logger, maxConnectionsPerLoop: Int = 4,
        postgresSettings: [(String, String)] = SQLDatabaseHandle.defaultPostgresSettings
    ) throws {
        self.logger = logger
        let group = MultiThreadedEventLoopGroup.singleton
        switch location {
        case .sqlite(let path):
            pool = .sqlite(
                EventLoopGroupConnectionPool(
                    source: TunedSQLiteSource(path: path), maxConnectionsPerEventLoop: maxConnectionsPerLoop, logger: logger, on: group))
            kind = "sqlite"
        case .postgres(let url):
            var config = try SQLPostgresConfiguration(url: url)
            config.coreConfiguration.options.additionalStartupParameters += postgresSettings
            pool = .postgres(
                EventLoopGroupConnectionPool(
                    source: PostgresConnectionSource(sqlConfiguration: config), maxConnectionsPerEventLoop: maxConnectionsPerLoop,
                    logger: logger, on: group))
            kind = "postgres"
        }
    }

    /// The raw SQLKit database over the pool (each query may use another connection).
    var sql: any SQLDatabase {
        switch pool {
        case .sqlite(let p): SQLitePoolDatabase(pool: p, logger: logger)
        case .postgres(let p): p.database(logger: logger).sql()
        }
    }

    public var stores: any Stores { SQLStores(db: sql) }

    /// Brings the query planner's statistics up to date after a bulk load. Until the
    /// autovacuum's next round PostgreSQL plans the new rows blind, and a search on a freshly
    /// imported catalog read every tsvector for the first minute. SQLite's plans were measured
    /// without `sqlite_stat1` and are left so.
    public func refreshStatistics() async throws {
        guard kind == "postgres" else { return }
        try await sql.raw("ANALYZE catalog_documents, document_search").run()
    }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any Stores) async throws -> T) async throws -> T {
        try await withTransaction { conn in try await body(SQLStores(db: conn)) }
    }

    /// Runs raw work on one connection inside a transaction (migrations, backups).
    func withTransaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if kind == "sqlite" {
            return try await writeGate.withGate { try await self.runTransaction("BEGIN IMMEDIATE", body) }
        }
        return try await runTransaction("BEGIN", body)
    }

    /// Runs read-only work on one connection that sees a single snapshot of the database while
    /// others keep writing (backups): a deferred SQLite read transaction under WAL, a
    /// REPEATABLE READ transaction on PostgreSQL.
    func withSnapshot<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await runTransaction(kind == "sqlite" ? "BEGIN DEFERRED" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    private func runTransaction<T: Sendable>(_ begin: String, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws
        -> T
    {
        try await sql.withSession { conn in
            try await conn.raw(SQLQueryString(begin)).run()
            do {
                let result = try await body(conn)
                try await conn.raw("COMMIT").run()
                return result
            } catch {
                try? await conn.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// Whether the full-text engine keeps Chinese terms. PostgreSQL's default parser treats Han
    /// characters as word characters only under a UTF-8 ctype; a cluster created with
    /// `LC_CTYPE=C` silently drops them and search finds nothing. SQLite's FTS5 always keeps them.
    public func indexesChinese() async throws -> Bool {
        guard kind == "postgres" else { return true }
        let row = try await sql.raw("SELECT length(to_tsvector('simple', '疫情 情防')) AS n").first()
        return try row?.decode(column: "n", as: Int.self) == 2
    }

    /// Milliseconds each of `runs` executions of one statement took, every row read: the floor
    /// that benchmarks compare the server against, timed with the server's own database library.
    /// `{}` in the statement stands for `value`, bound as a parameter.
    public func timings(of statement: String, binding value: String, runs: Int) async throws -> (rows: Int, milliseconds: [Double]) {
        let db = sql
        let pieces = statement.components(separatedBy: "{}")
        var query = SQLQueryString(pieces[0])
        for piece in pieces.dropFirst() { query += "\(bind: value)" + SQLQueryString(piece) }
        var rows = 0
        var times: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            rows = try await db.raw(query).all().count
            let elapsed = ContinuousClock.now - start
            times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        return (rows, times)
    }

    public func isReachable() async -> Bool {
        do {
            _ = try await sql.raw("SELECT 1 AS one").first()
            return true
        } catch {
            logger.warning("database unreachable", metadata: ["error": "\(String(reflecting: error))"])
            return false
        }
    }

    public func shutdown() async {
        switch pool {
        case .sqlite(let p): try? await p.shutdownAsync()
        case .postgres(let p): try? await p.shutdownAsync()
        }
    }
}
