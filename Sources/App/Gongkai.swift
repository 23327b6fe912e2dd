import ArgumentParser
import Domain
import Foundation
import HummingbirdBcrypt
import Logging
import Storage
import StorageSQL

/// The `gongkai` command line.
@main
struct Gongkai: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "公开 Gongkai: 卫生健康委政务公开平台",
        subcommands: [Migrate.self, AgencyCommand.self, Audit.self, User.self])
}

/// Opens the database named by GONGKAI_DATABASE_URL (SQLite file in the working directory by default).
func openDatabase() throws -> SQLDatabaseHandle {
    let location = try DatabaseLocation(environmentValue: ProcessInfo.processInfo.environment["GONGKAI_DATABASE_URL"])
    var logger = Logger(label: "gongkai")
    logger.logLevel = .warning
    return try SQLDatabaseHandle(location: location, logger: logger)
}

/// Appends the audit entry for a change made from the command line, inside the caller's transaction.
func recordCLIChange(_ stores: any Stores, agencyID: Int64, action: String, recordType: String, recordID: Int64, after: String) async throws {
    try await stores.audit.append(
        AuditEvent(agencyID: agencyID, actorID: nil, actorName: "cli", remoteAddress: "local", action: action,
                   recordType: recordType, recordID: String(recordID), after: after),
        atMillis: Int64(Date().timeIntervalSince1970 * 1000))
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
        static let configuration = CommandConfiguration(abstract: "Verify the SHA-256 chain; exit non-zero on the first altered or missing entry.")
        func run() async throws {
            let db = try openDatabase()
            try await MigrationRunner(database: db).migrate()
            let finding = try await AuditVerifier.verify(db.stores.audit)
            await db.shutdown()
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

struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Staff accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        @Option var username: String
        @Option var password: String
        @Option(name: .customLong("role")) var roles: [String]
        @Option(help: "Display name; the username when omitted.") var name: String?

        func run() async throws {
            let roleSet = Set(try roles.map { r throws(DomainError) in try Role.parse(r) })
            try Role.validate(roleSet)
            try StaffUser.validate(username: username)
            try PasswordPolicy.validate(password)
            let db = try openDatabase()
            try await MigrationRunner(database: db).migrate()
            guard let root = try await db.stores.agencies.root() else {
                await db.shutdown()
                throw ValidationError("数据库中还没有机关")
            }
            let hash = Bcrypt.hash(password, cost: 10)
            let (username, name) = (username, name ?? username)
            let user = try await db.transaction { stores in
                let user = try await stores.users.create(agencyID: root.id, departmentID: nil, username: username, displayName: name, roles: roleSet, passwordHash: hash)
                try await recordCLIChange(stores, agencyID: root.id, action: "user.create", recordType: "user", recordID: user.id,
                                          after: "\(user.username) \(user.roles.sorted().map(\.rawValue))")
                return user
            }
            await db.shutdown()
            print("created user \(user.username) (#\(user.id))")
        }
    }
}

struct AgencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agency", abstract: "Agencies.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an agency; the first one created is the root.")
        @Option var name: String
        @Option var creditCode: String
        @Option(help: "Credit code of the parent agency.") var parent: String?
        @Option(help: "commission, subordinate, county or hospital.") var kind: String = "commission"

        func run() async throws {
            try Agency.validate(name: name, creditCode: creditCode)
            guard let kind = AgencyKind(rawValue: kind) else { throw ValidationError("未知机关类型 \(kind)") }
            let db = try openDatabase()
            try await MigrationRunner(database: db).migrate()
            let (name, code, parentCode) = (name, creditCode, parent)
            do {
                let agency = try await db.transaction { stores in
                    var parentID: Int64?
                    if let parentCode {
                        guard let p = try await stores.agencies.find(creditCode: parentCode) else { throw DomainError.notFound("上级机关 \(parentCode)") }
                        parentID = p.id
                    } else if try await stores.agencies.root() != nil {
                        throw DomainError.conflict("已有根机关，请用 --parent 指定上级机关")
                    }
                    let agency = try await stores.agencies.create(parentID: parentID, name: name, creditCode: code, kind: kind, contact: AgencyContact())
                    try await recordCLIChange(stores, agencyID: agency.id, action: "agency.create", recordType: "agency", recordID: agency.id,
                                              after: "\(agency.name) \(agency.creditCode)")
                    return agency
                }
                await db.shutdown()
                print("created agency \(agency.name) (#\(agency.id))")
            } catch let error as DomainError {
                await db.shutdown()
                throw ValidationError(error.message)
            }
        }
    }
}
