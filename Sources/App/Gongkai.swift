import ArgumentParser
import Domain
import Foundation
import Logging
import Services
import Storage
import StorageSQL

/// The `gongkai` command line.
@main
struct Gongkai: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "公开 Gongkai: 卫生健康委政务公开平台",
        subcommands: [
            Serve.self, Migrate.self, PublishStatic.self, GenerateCorpus.self, TimeSQL.self, AgencyCommand.self, Audit.self, User.self,
            LedgerCommand.self, Backup.self, Restore.self,
        ])
}

/// Opens the database named by GONGKAI_DATABASE_URL (SQLite file in the working directory by default).
func openDatabase(logLevel: Logger.Level = .warning) throws -> SQLDatabaseHandle {
    let location = try DatabaseLocation(environmentValue: ProcessInfo.processInfo.environment["GONGKAI_DATABASE_URL"])
    var logger = Logger(label: "gongkai.db")
    logger.logLevel = logLevel
    var settings = SQLDatabaseHandle.defaultPostgresSettings
    if let workers = ProcessInfo.processInfo.environment["GONGKAI_POSTGRES_PARALLEL_WORKERS"] {
        if workers == "server" {
            settings = []
        } else {
            guard let n = Int(workers), (0...64).contains(n) else {
                throw ValidationError("GONGKAI_POSTGRES_PARALLEL_WORKERS 须为 0-64 的整数，或 server（用数据库自己的设置）")
            }
            settings = [("max_parallel_workers_per_gather", String(n))]
        }
    }
    return try SQLDatabaseHandle(location: location, logger: logger, postgresSettings: settings)
}

/// Opens and migrates the database, runs `body`, and always closes the database. A
/// `DomainError` becomes a one-line message and a non-zero exit.
func withDatabase<T>(_ body: (SQLDatabaseHandle) async throws -> T) async throws -> T {
    let db = try openDatabase()
    do {
        try await MigrationRunner(database: db).migrate()
        let result = try await body(db)
        await db.shutdown()
        return result
    } catch let error as DomainError {
        await db.shutdown()
        throw ValidationError(error.message)
    } catch {
        await db.shutdown()
        throw error
    }
}

/// The services' environment the commands work in (bcrypt cost, rules and clock as the server uses them).
func commandEnvironment(_ db: SQLDatabaseHandle) throws -> ServiceEnvironment {
    ServiceEnvironment(database: db, settings: try ServiceSettings.fromEnvironment(ProcessInfo.processInfo.environment))
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending migrations, or revert to a number.")
    @Option(help: "Revert every migration above this number.") var revertTo: Int?

    func run() async throws {
        let db = try openDatabase()
        defer { Task { await db.shutdown() } }
        let runner = MigrationRunner(database: db)
        if let target = revertTo {
            print("reverted: \(try await runner.revert(to: target))")
        } else {
            print("applied: \(try await runner.migrate())")
        }
    }
}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The audit archive.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the SHA-256 chain; exit non-zero on the first altered or missing entry.")
        func run() async throws {
            let finding = try await withDatabase { db in try await AuditVerifier.verify(db.stores.audit) }
            switch finding {
            case .intact(let n):
                print("审计链完整：共 \(n) 条记录")
            case .altered(let seq):
                print("审计链被篡改：第 \(seq) 条记录的内容与其哈希不符")
                throw ExitCode(2)
            case .broken(let seq, let expected):
                print("审计链断裂：应为第 \(expected) 条，实际读到第 \(seq) 条（记录缺失、插入或被改动）")
                throw ExitCode(2)
            }
        }
    }
}
