import Domain
import Foundation
import SQLKit
import Storage

struct SQLUserStore: UserStore {
    let db: any SQLDatabase

    private func select() -> SQLSelectBuilder {
        db.select().columns(
            "id", "agency_id", "department_id", "username", "display_name", "roles", "password_hash",
            "failed_logins", "locked_until_ms", "disabled"
        ).from("users")
    }

    private func decode(_ row: any SQLRow) throws -> StaffUser {
        let roles = try row.decode(column: "roles", as: String.self).split(separator: ",").compactMap { Role(rawValue: String($0)) }
        return StaffUser(
            id: try row.decode(column: "id"), agencyID: try row.decode(column: "agency_id"),
            departmentID: try row.decode(column: "department_id", as: Int64?.self),
            username: try row.decode(column: "username"), displayName: try row.decode(column: "display_name"),
            roles: Set(roles), passwordHash: try row.decode(column: "password_hash"),
            failedLogins: try row.decode(column: "failed_logins"),
            lockedUntil: try row.decode(column: "locked_until_ms", as: Int64?.self)?.seconds,
            disabled: try row.decode(column: "disabled", as: Int.self) != 0)
    }

    private static func encode(_ roles: Set<Role>) -> String { roles.sorted().map(\.rawValue).joined(separator: ",") }

    func create(agencyID: Int64, departmentID: Int64?, username: String, displayName: String, roles: Set<Role>, passwordHash: String)
        async throws -> StaffUser
    {
        do {
            let row = try await db.insert(into: "users")
                .columns(
                    "agency_id", "department_id", "username", "display_name", "roles", "password_hash", "failed_logins",
                    "locked_until_ms", "disabled", "created_at"
                )
                .values(
                    SQLBind(agencyID), SQLBind(departmentID), SQLBind(username), SQLBind(displayName), SQLBind(Self.encode(roles)),
                    SQLBind(passwordHash), SQLBind(0), SQLBind(Int64?.none), SQLBind(0), SQLBind(Date().timeIntervalSince1970.millis)
                )
                .returning("id").first()
            guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("账号创建失败") }
            return StaffUser(
                id: id, agencyID: agencyID, departmentID: departmentID, username: username, displayName: displayName,
                roles: roles, passwordHash: passwordHash)
        } catch  where isUniqueViolation(error) {
            throw DomainError.conflict("用户名“\(username)”已被使用")
        }
    }

    func find(id: Int64) async throws -> StaffUser? {
        try await select().where("id", .equal, SQLBind(id)).first().map(decode)
    }

    func find(username: String) async throws -> StaffUser? {
        try await select().where("username", .equal, SQLBind(username)).first().map(decode)
    }

    func list(agencyID: Int64) async throws -> [StaffUser] {
        try await select().where("agency_id", .equal, SQLBind(agencyID)).orderBy("username").all().map(decode)
    }

    func setLoginState(id: Int64, failedLogins: Int, lockedUntil: Double?) async throws {
        try await db.update("users").set("failed_logins", to: SQLBind(failedLogins))
            .set("locked_until_ms", to: SQLBind(lockedUntil?.millis)).where("id", .equal, SQLBind(id)).run()
    }

    func setPasswordHash(id: Int64, hash: String) async throws {
        try await db.update("users").set("password_hash", to: SQLBind(hash)).where("id", .equal, SQLBind(id)).run()
    }

    func setRoles(id: Int64, roles: Set<Role>) async throws {
        try await db.update("users").set("roles", to: SQLBind(Self.encode(roles))).where("id", .equal, SQLBind(id)).run()
    }

    func count() async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }
}
