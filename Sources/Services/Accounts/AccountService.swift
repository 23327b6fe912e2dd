import Crypto
public import Domain
import Foundation
import HummingbirdBcrypt
public import Storage
import Synchronization

/// Sign-in, sessions and account administration, with every change audited in the same
/// transaction as the change itself.
public struct AccountService: Sendable {
    public let database: any GongkaiDatabase
    let policy: LoginPolicy
    let bcryptCost: UInt8
    let clock: @Sendable () -> Double

    public init(database: any GongkaiDatabase, policy: LoginPolicy, bcryptCost: UInt8, clock: @escaping @Sendable () -> Double) {
        self.database = database
        self.policy = policy
        self.bcryptCost = bcryptCost
        self.clock = clock
    }

    /// A new session and the secret to hand to the browser or API client (never stored).
    public struct SignIn: Sendable {
        public var identity: StaffIdentity
        public var token: String
    }

    /// Used to spend the same time on an unknown username as on a wrong password: one hash per
    /// cost, made on first use at the cost real hashes are made with (a fixed cost 10 decoy made
    /// unknown names ten times dearer than known ones whenever the setting was lower).
    private static let decoyHashes = Mutex<[UInt8: String]>([:])

    private var decoyHash: String {
        if let known = Self.decoyHashes.withLock({ $0[bcryptCost] }) { return known }
        let made = Bcrypt.hash("decoy-\(UInt64.random(in: 0...UInt64.max))", cost: bcryptCost)
        Self.decoyHashes.withLock { $0[bcryptCost] = made }
        return made
    }

    /// Checks the password and opens a session. Failures are counted and audited; the fifth in a
    /// row locks the account (`DomainError.locked`).
    public func signIn(username: String, password: String, kind: StaffSession.Kind, remoteAddress: String) async throws -> SignIn {
        let now = clock()
        let millis = Int64(now * 1000)
        guard let user = try await database.stores.users.find(username: username), !user.disabled else {
            _ = Bcrypt.verify(password, hash: decoyHash)
            try await database.audit(
                .authLoginFailure, .user, "", by: AuditActor(name: String(username.prefix(64)), address: remoteAddress), atMillis: millis,
                detail: "unknown-or-disabled")
            throw DomainError.unauthenticated("用户名或密码错误")
        }
        if user.isLocked(at: now) {
            try await auditFailure(user, remoteAddress: remoteAddress, detail: "locked", millis: millis)
            throw DomainError.locked(until: user.lockedUntil ?? now)
        }
        guard Bcrypt.verify(password, hash: user.passwordHash) else {
            let actor = Self.actor(user, remoteAddress: remoteAddress)
            let outcome: (failures: Int, lockedUntil: Double?) = try await database.audited(by: actor, atMillis: millis) { stores, trail in
                // Re-read inside the transaction so that concurrent failures all count.
                let fresh = try await stores.users.find(id: user.id) ?? user
                let outcome = policy.afterFailure(of: fresh, at: now)
                try await stores.users.setLoginState(id: user.id, failedLogins: outcome.failures, lockedUntil: outcome.lockedUntil)
                try await trail.log(
                    .authLoginFailure, .user, user.id, detail: outcome.lockedUntil == nil ? "bad-password" : "bad-password; locked")
                return outcome
            }
            if let until = outcome.lockedUntil { throw DomainError.locked(until: until) }
            let left = policy.maxFailures - outcome.failures
            throw DomainError.unauthenticated("用户名或密码错误，再错 \(left) 次账号将被锁定 15 分钟")
        }
        let token = Self.newSecret()
        let (session, agency) = try await database.audited(by: Self.actor(user, remoteAddress: remoteAddress), atMillis: millis) {
            stores, trail in
            try await stores.users.setLoginState(id: user.id, failedLogins: 0, lockedUntil: nil)
            let session = try await stores.sessions.create(
                userID: user.id, kind: kind, tokenDigest: Self.digest(token), csrfToken: Self.newSecret(), now: now,
                expiresAt: now + policy.tokenLifetimeSeconds, remoteAddress: remoteAddress)
            guard let agency = try await stores.agencies.find(id: user.agencyID) else { throw DomainError.notFound("账号所属机关") }
            try await trail.log(.authLoginSuccess, .session, session.id, detail: kind.rawValue)
            return (session, agency)
        }
        var signedIn = user
        signedIn.failedLogins = 0
        signedIn.lockedUntil = nil
        return SignIn(identity: StaffIdentity(user: signedIn, agency: agency, session: session), token: token)
    }

    /// The identity behind a cookie or bearer secret, or nil when it is unknown, expired, idle,
    /// revoked, of the wrong kind, or its account is disabled.
    public func identity(forToken token: String, kind: StaffSession.Kind) async throws -> StaffIdentity? {
        let now = clock()
        let stores = database.stores
        guard let session = try await stores.sessions.find(tokenDigest: Self.digest(token)), session.kind == kind,
            session.isLive(at: now, policy: policy),
            let user = try await stores.users.find(id: session.userID), !user.disabled,
            let agency = try await stores.agencies.find(id: user.agencyID)
        else { return nil }
        // Writing on every request would cost a write per page; a minute's precision is enough
        // for a 30-minute idle limit (and a quarter of a shorter one).
        if now - session.lastSeenAt > min(60, policy.idleSeconds / 4) {
            // Through a transaction, so that on SQLite it queues at the write gate (see `ServiceEnvironment.leased`).
            let id = session.id
            try await database.transaction { try await $0.sessions.touch(id: id, at: now) }
        }
        return StaffIdentity(user: user, agency: agency, session: session)
    }

    /// Ends the session or revokes the token the request came with.
    public func signOut(_ identity: StaffIdentity, remoteAddress: String) async throws {
        let millis = Int64(clock() * 1000)
        try await database.audited(by: AuditActor(identity, address: remoteAddress), atMillis: millis) { stores, trail in
            try await stores.sessions.revoke(id: identity.session.id)
            try await trail.log(.authLogout, .session, identity.session.id, detail: identity.session.kind.rawValue)
        }
    }

    /// The account as the actor of its own sign-in events.
    private static func actor(_ user: StaffUser, remoteAddress: String) -> AuditActor {
        AuditActor(agencyID: user.agencyID, userID: user.id, name: user.username, address: remoteAddress)
    }

    private func auditFailure(_ user: StaffUser, remoteAddress: String, detail: String, millis: Int64) async throws {
        try await database.audit(
            .authLoginFailure, .user, String(user.id), by: Self.actor(user, remoteAddress: remoteAddress), atMillis: millis, detail: detail)
    }

    /// 32 random bytes, base64url without padding (safe in cookies and headers).
    public static func newSecret() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Hex SHA-256 of a secret: what the session table keeps.
    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
