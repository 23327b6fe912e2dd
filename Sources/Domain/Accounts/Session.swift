/// A signed-in session: a console cookie or an API bearer token (会话).
///
/// Only a SHA-256 digest of the secret is stored, so a copy of the database cannot be used to sign in.
public struct StaffSession: Hashable, Sendable {
    public enum Kind: String, Sendable, Codable { case console, api }

    public var id: Int64
    public var userID: Int64
    public var kind: Kind
    public var tokenDigest: String
    /// Token that forms must echo back (CSRF); unused for API tokens.
    public var csrfToken: String
    public var createdAt: Double
    public var lastSeenAt: Double
    public var expiresAt: Double
    public var revoked: Bool
    public var remoteAddress: String

    public init(
        id: Int64, userID: Int64, kind: Kind, tokenDigest: String, csrfToken: String, createdAt: Double,
        lastSeenAt: Double, expiresAt: Double, revoked: Bool = false, remoteAddress: String
    ) {
        self.id = id
        self.userID = userID
        self.kind = kind
        self.tokenDigest = tokenDigest
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
        self.revoked = revoked
        self.remoteAddress = remoteAddress
    }

    /// Whether the session may still be used at `now` under `policy`: not revoked, not past its
    /// hard expiry, and (for console sessions) not idle for longer than allowed.
    public func isLive(at now: Double, policy: LoginPolicy) -> Bool {
        if revoked || now >= expiresAt { return false }
        if kind == .console && now - lastSeenAt > policy.idleSeconds { return false }
        return true
    }
}
