public import Domain

/// Staff accounts.
public protocol UserStore: Sendable {
    /// Creates an account. Throws `DomainError.conflict` when the username is taken.
    func create(agencyID: Int64, departmentID: Int64?, username: String, displayName: String, roles: Set<Role>, passwordHash: String)
        async throws -> StaffUser
    func find(id: Int64) async throws -> StaffUser?
    func find(username: String) async throws -> StaffUser?
    /// Accounts of one agency ordered by username.
    func list(agencyID: Int64) async throws -> [StaffUser]
    /// Stores the failed-login count and lock after a failed sign-in, or clears both.
    func setLoginState(id: Int64, failedLogins: Int, lockedUntil: Double?) async throws
    func setPasswordHash(id: Int64, hash: String) async throws
    func setRoles(id: Int64, roles: Set<Role>) async throws
    func count() async throws -> Int
}
