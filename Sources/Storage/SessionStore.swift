public import Domain

/// Console sessions and API tokens, keyed by the digest of their secret.
public protocol SessionStore: Sendable {
    func create(
        userID: Int64, kind: StaffSession.Kind, tokenDigest: String, csrfToken: String, now: Double, expiresAt: Double,
        remoteAddress: String
    ) async throws -> StaffSession
    func find(tokenDigest: String) async throws -> StaffSession?
    /// Records activity, which keeps a console session from going idle.
    func touch(id: Int64, at: Double) async throws
    func revoke(id: Int64) async throws
    /// Ends every session of a user (after a password reset or lock).
    func revokeAll(userID: Int64) async throws
}
