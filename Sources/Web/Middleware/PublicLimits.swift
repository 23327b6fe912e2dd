/// The per-address limits on the public forms and code look-ups, one set per process and shared
import Services

/// by the HTML form and its JSON twin. `GONGKAI_RATE_LIMIT_FACTOR` multiplies every count: an
/// agency whose visitors share one address (a hospital behind one NAT) can loosen them, and a
/// test rig can lift them for the fuzzer.
final class PublicLimits: Sendable {
    /// 依申请公开 submissions: ten an hour.
    let requestIntake: AttemptLimiter
    /// Wrong request tracking codes: twenty in ten minutes.
    let requestTracking: AttemptLimiter
    /// Leader-mailbox letters: ten an hour.
    let mailboxIntake: AttemptLimiter
    /// Wrong mailbox query codes: twenty in ten minutes.
    let mailboxLookup: AttemptLimiter
    /// Consultation comments and their confirmations: twenty an hour.
    let comments: AttemptLimiter
    /// Website error reports: twenty an hour.
    let siteErrors: AttemptLimiter
    /// Survey answers and their confirmations: twenty an hour.
    let surveys: AttemptLimiter
    /// Open-day registrations: ten an hour.
    let openDays: AttemptLimiter
    /// Failed staff sign-ins, whatever the account: twenty in ten minutes. Each account also
    /// locks after its own failures (`LoginPolicy`); this stops one address trying a common
    /// password against many accounts, which no single account's count would notice.
    let loginFailures: AttemptLimiter

    init(factor: Int) {
        func limiter(_ count: Int, _ window: Double) -> AttemptLimiter { AttemptLimiter(limit: count * factor, window: window) }
        requestIntake = limiter(10, 3600)
        requestTracking = limiter(20, 600)
        mailboxIntake = limiter(10, 3600)
        mailboxLookup = limiter(20, 600)
        comments = limiter(20, 3600)
        siteErrors = limiter(20, 3600)
        surveys = limiter(20, 3600)
        openDays = limiter(10, 3600)
        loginFailures = limiter(20, 600)
    }
}
