import AsyncKit
import Logging
import NIOCore
import SQLiteKit

/// Opens SQLite connections with the settings Gongkai relies on: WAL journalling with
/// `synchronous=FULL`, so a record acknowledged to a user survives a crash of the process or the
/// machine; a busy timeout so concurrent writers wait instead of failing; foreign keys on.
struct TunedSQLiteSource: ConnectionPoolSource {
    let inner: SQLiteConnectionSource

    init(path: String) {
        inner = SQLiteConnectionSource(configuration: .init(storage: .file(path: path), enableForeignKeys: true))
    }

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        inner.makeConnection(logger: logger, on: eventLoop).flatMap { conn in
            let pragmas = [
                "PRAGMA busy_timeout = 10000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA cache_size = -16384",
            ]
            return pragmas.reduce(eventLoop.makeSucceededVoidFuture()) { chain, pragma in
                chain.flatMap { conn.query(pragma).map { _ in } }
            }.map { conn }
        }
    }
}
