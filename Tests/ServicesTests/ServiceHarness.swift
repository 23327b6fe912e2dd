import Domain
import Foundation
import Logging
import SQLKit
import Storage
import Synchronization

@testable import Services
@testable import StorageSQL

/// Hears the services' changes to the public view, as the web layer's page cache would.
final class RecordingListener: PublicChangeListener {
    private let heard = Mutex<[PublicChange]>([])
    var changes: [PublicChange] { heard.withLock { $0 } }
    func publicViewChanged(_ change: PublicChange) { heard.withLock { $0.append(change) } }
}

/// One test's world for the application layer, without HTTP: a database of its own (SQLite, or
/// PostgreSQL when GONGKAI_TEST_POSTGRES_URL is set), the demo content, and the services on it.
struct ServiceHarness {
    static let password = "Demo-Pass-2026"
    static var kinds: [String] {
        ProcessInfo.processInfo.environment["GONGKAI_TEST_POSTGRES_URL"] == nil ? ["sqlite"] : ["sqlite", "postgres"]
    }

    let db: SQLDatabaseHandle
    let env: ServiceEnvironment
    let listener: RecordingListener
    private let cleanup: @Sendable () async -> Void

    static func make(_ kind: String) async throws -> ServiceHarness {
        let logger = Logger(label: "test")
        let db: SQLDatabaseHandle
        let cleanup: @Sendable () async -> Void
        if kind == "postgres", let base = ProcessInfo.processInfo.environment["GONGKAI_TEST_POSTGRES_URL"] {
            let name = "gk_svc_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let admin = try SQLDatabaseHandle(location: .postgres(url: base), logger: logger, maxConnectionsPerLoop: 1)
            try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
            var parts = URLComponents(string: base)!
            parts.path = "/" + name
            db = try SQLDatabaseHandle(location: .postgres(url: parts.string!), logger: logger, maxConnectionsPerLoop: 2)
            cleanup = {
                try? await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
                await admin.shutdown()
            }
        } else {
            let path = NSTemporaryDirectory() + "gongkai-services-\(UUID().uuidString).sqlite"
            db = try SQLDatabaseHandle(location: .sqlite(path: path), logger: logger)
            cleanup = { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        }
        try await MigrationRunner(database: db).migrate()
        let listener = RecordingListener()
        let env = ServiceEnvironment(
            database: db, settings: ServiceSettings(bcryptCost: 4), changes: listener, clock: { 1_790_000_000 })  // 2026-09-21
        _ = try await FirstStart.run(env, options: .init(demo: true, fixedPassword: password))
        return ServiceHarness(db: db, env: env, listener: listener, cleanup: cleanup)
    }

    /// Runs `body` on a new harness of `kind`, and always closes it.
    static func with(_ kind: String, _ body: (ServiceHarness) async throws -> Void) async throws {
        let h = try await make(kind)
        do {
            try await body(h)
        } catch {
            await h.close()
            throw error
        }
        await h.close()
    }

    /// The signed-in identity of a demo account.
    func identity(_ username: String) async throws -> StaffIdentity {
        try await env.accounts.signIn(username: username, password: Self.password, kind: .api, remoteAddress: "10.0.0.9").identity
    }

    /// The audit entries after `seq`, oldest first.
    func audit(after seq: Int64 = 0) async throws -> [AuditEntry] {
        try await db.stores.audit.search(AuditFilter(), limit: 10_000, offset: 0).filter { $0.seq > seq }.sorted { $0.seq < $1.seq }
    }

    func lastSeq() async throws -> Int64 { try await audit().last?.seq ?? 0 }

    func close() async {
        await db.shutdown()
        await cleanup()
    }
}
