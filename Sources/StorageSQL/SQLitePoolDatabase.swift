@preconcurrency import AsyncKit
import Logging
import NIOCore
import SQLKit
import SQLiteKit

/// SQLKit over a pool of SQLite connections: each query borrows a connection, and a session
/// keeps one connection for its whole duration (transactions).
struct SQLitePoolDatabase: SQLDatabase, @unchecked Sendable {
    // @unchecked: AsyncKit's pool is internally synchronised but not marked Sendable.
    let pool: EventLoopGroupConnectionPool<TunedSQLiteSource>
    let logger: Logger

    var eventLoop: any EventLoop { pool.eventLoopGroup.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var version: (any SQLDatabaseReportedVersion)? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        pool.withConnection(logger: logger) { conn in conn.sql().execute(sql: query, onRow) }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let conn = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(conn, logger: logger) }
        return try await closure(conn.sql())
    }
}
