/// Account lockout and session lifetimes.
///
/// Five failed sign-ins in a row lock the account for 15 minutes; a console session ends after 30
/// idle minutes; an API token lives at most 12 hours unless revoked first.
public struct LoginPolicy: Sendable, Hashable {
    public var maxFailures: Int
    public var lockSeconds: Double
    public var idleSeconds: Double
    public var tokenLifetimeSeconds: Double

    public init(
        maxFailures: Int = 5, lockSeconds: Double = 15 * 60, idleSeconds: Double = 30 * 60,
        tokenLifetimeSeconds: Double = 12 * 3600
    ) {
        self.maxFailures = maxFailures
        self.lockSeconds = lockSeconds
        self.idleSeconds = idleSeconds
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
    }

    public static let standard = LoginPolicy()

    /// What a failed attempt does to the account: the new count and, on reaching the limit, the lock.
    public func afterFailure(of user: StaffUser, at now: Double) -> (failures: Int, lockedUntil: Double?) {
        // A lock that has run out starts a fresh count.
        let previous = (user.lockedUntil.map { $0 <= now } ?? false) ? 0 : user.failedLogins
        let failures = previous + 1
        return failures >= maxFailures ? (0, now + lockSeconds) : (failures, nil)
    }
}
