public import Domain
import Foundation
import HummingbirdBcrypt
public import Storage

/// Creating accounts, unlocking them, resetting passwords and changing roles. Used by the
/// console, the JSON API and the command line alike.
public struct UserAdministration: Sendable {
    let database: any GongkaiDatabase
    let bcryptCost: UInt8
    let clock: @Sendable () -> Double

    public init(database: any GongkaiDatabase, bcryptCost: UInt8, clock: @escaping @Sendable () -> Double) {
        self.database = database
        self.bcryptCost = bcryptCost
        self.clock = clock
    }

    /// An account as the audit archive digests it (without the password hash).
    struct UserRecord: Encodable {
        var id: Int64, agencyID: Int64, departmentID: Int64?, username: String, displayName: String, roles: [String]
        var disabled: Bool, failedLogins: Int, lockedUntil: Double?
        init(_ u: StaffUser) {
            (id, agencyID, departmentID, username, displayName) = (u.id, u.agencyID, u.departmentID, u.username, u.displayName)
            (roles, disabled, failedLogins, lockedUntil) = (u.roles.sorted().map(\.rawValue), u.disabled, u.failedLogins, u.lockedUntil)
        }
    }

    private var millis: Int64 { Int64(clock() * 1000) }

    /// Creates an account after checking username, display name, password and roles.
    public func create(
        agencyID: Int64, departmentID: Int64?, username: String, displayName: String, password: String,
        roles: Set<Role>, by actor: AuditActor
    ) async throws -> StaffUser {
        try StaffUser.validate(username: username)
        let name = displayName.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 50 { throw DomainError.invalid("displayName", "姓名须为 1-50 个字") }
        try PasswordPolicy.validate(password)
        try Role.validate(roles)
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        let at = millis
        return try await database.audited(by: actor, atMillis: at) { stores, trail in
            if let departmentID {
                guard try await stores.agencies.departments(of: agencyID).contains(where: { $0.id == departmentID }) else {
                    throw DomainError.invalid("department", "科室不属于该机关")
                }
            }
            let user = try await stores.users.create(
                agencyID: agencyID, departmentID: departmentID, username: username,
                displayName: name, roles: roles, passwordHash: hash)
            try await trail.log(.userCreate, .user, user.id, agencyID: agencyID, after: CanonicalJSON.text(UserRecord(user)))
            return user
        }
    }

    /// Clears a lock and the failed-login count.
    public func unlock(userID: Int64, by actor: AuditActor) async throws -> StaffUser {
        let at = millis
        return try await database.audited(by: actor, atMillis: at) { stores, trail in
            let user = try await Self.existing(userID, in: stores)
            try await stores.users.setLoginState(id: userID, failedLogins: 0, lockedUntil: nil)
            var after = user
            (after.failedLogins, after.lockedUntil) = (0, nil)
            try await trail.log(
                .userUnlock, .user, userID, agencyID: user.agencyID, before: CanonicalJSON.text(UserRecord(user)),
                after: CanonicalJSON.text(UserRecord(after)))
            return after
        }
    }

    /// Sets a new password, clears any lock and ends every session of the account.
    public func resetPassword(userID: Int64, newPassword: String, by actor: AuditActor) async throws {
        try PasswordPolicy.validate(newPassword)
        let hash = Bcrypt.hash(newPassword, cost: bcryptCost)
        let at = millis
        try await database.audited(by: actor, atMillis: at) { stores, trail in
            let user = try await Self.existing(userID, in: stores)
            try await stores.users.setPasswordHash(id: userID, hash: hash)
            try await stores.users.setLoginState(id: userID, failedLogins: 0, lockedUntil: nil)
            try await stores.sessions.revokeAll(userID: userID)
            try await trail.log(.userPasswordReset, .user, userID, agencyID: user.agencyID, detail: "sessions revoked")
        }
    }

    /// Replaces the roles of an account (a permission change) and ends its sessions, so the new
    /// roles apply from the next sign-in.
    public func setRoles(userID: Int64, roles: Set<Role>, by actor: AuditActor) async throws -> StaffUser {
        try Role.validate(roles)
        let at = millis
        return try await database.audited(by: actor, atMillis: at) { stores, trail in
            let user = try await Self.existing(userID, in: stores)
            try await stores.users.setRoles(id: userID, roles: roles)
            try await stores.sessions.revokeAll(userID: userID)
            var after = user
            after.roles = roles
            try await trail.log(
                .userRolesChange, .user, userID, agencyID: user.agencyID, before: CanonicalJSON.text(UserRecord(user)),
                after: CanonicalJSON.text(UserRecord(after)))
            return after
        }
    }

    private static func existing(_ id: Int64, in stores: any Stores) async throws -> StaffUser {
        guard let user = try await stores.users.find(id: id) else { throw DomainError.notFound("账号 #\(id)") }
        return user
    }
}
