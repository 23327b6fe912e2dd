import ArgumentParser
import Domain
import Services
import Storage
import StorageSQL

struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Staff accounts.", subcommands: [Create.self, Unlock.self, ResetPassword.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account (in the root agency unless --agency names another).")
        @Option var username: String
        @Option var password: String
        @Option(name: .customLong("role"), help: "Repeat for several roles.") var roles: [String]
        @Option(help: "Display name; the username when omitted.") var name: String?
        @Option(help: "Credit code or id of the agency.") var agency: String?
        @Option(help: "Department (科室) name within the agency.") var department: String?

        func run() async throws {
            let roleSet = Set(try roles.map { r throws(DomainError) in try Role.parse(r) })
            let user = try await withDatabase { db in
                let stores = db.stores
                var found: Agency?
                if let key = agency {
                    found = try await stores.agencies.find(creditCode: key)
                    if found == nil, let id = Int64(key) { found = try await stores.agencies.find(id: id) }
                } else {
                    found = try await stores.agencies.root()
                }
                guard let target = found else {
                    throw DomainError.notFound(agency.map { "机关 \($0)" } ?? "根机关（请先运行 gongkai serve 或 gongkai agency create）")
                }
                var departmentID: Int64?
                if let department {
                    guard let d = try await stores.agencies.departments(of: target.id).first(where: { $0.name == department }) else {
                        throw DomainError.notFound("\(target.name)的科室“\(department)”")
                    }
                    departmentID = d.id
                }
                var actor = AuditActor.commandLine
                actor.agencyID = target.id
                return try await commandEnvironment(db).userAdministration.create(
                    agencyID: target.id, departmentID: departmentID, username: username, displayName: name ?? username,
                    password: password, roles: roleSet, by: actor)
            }
            print("created user \(user.username) (#\(user.id))")
        }
    }

    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Clear a lock after too many failed sign-ins.")
        @Option var username: String

        func run() async throws {
            try await withDatabase { db in
                let user = try await User.existing(username, in: db)
                _ = try await commandEnvironment(db).userAdministration.unlock(userID: user.id, by: AuditActor.commandLine)
            }
            print("unlocked \(username)")
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a new password and end every session of the account.")
        @Option var username: String
        @Option var password: String

        func run() async throws {
            try await withDatabase { db in
                let user = try await User.existing(username, in: db)
                try await commandEnvironment(db).userAdministration.resetPassword(
                    userID: user.id, newPassword: password, by: AuditActor.commandLine)
            }
            print("password reset for \(username)")
        }
    }

    static func existing(_ username: String, in db: SQLDatabaseHandle) async throws -> StaffUser {
        guard let user = try await db.stores.users.find(username: username) else { throw DomainError.notFound("账号 \(username)") }
        return user
    }
}
