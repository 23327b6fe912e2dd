import Services
import Synchronization

/// Counts attempts per key (a client address) in a sliding window, in memory: enough to stop
/// one machine from flooding the intake form or guessing tracking codes, with no outside service.
final class AttemptLimiter: Sendable {
    let limit: Int
    let window: Double
    private let attempts = Mutex([String: [Double]]())

    init(limit: Int, window: Double) {
        self.limit = limit
        self.window = window
    }

    /// Records an attempt; false when the key has used up its window.
    func allow(_ key: String, now: Double) -> Bool {
        attempts.withLock { all in
            if all.count > 10_000 { all = all.filter { $0.value.last.map { now - $0 < window } ?? false } }
            var mine = all[key, default: []].filter { now - $0 < window }
            guard mine.count < limit else {
                all[key] = mine
                return false
            }
            mine.append(now)
            all[key] = mine
            return true
        }
    }

    /// Whether the key may try now, without counting an attempt.
    func blocked(_ key: String, now: Double) -> Bool {
        attempts.withLock { all in (all[key] ?? []).filter { now - $0 < window }.count >= limit }
    }
}

extension APIFailure {
    static func tooMany(_ message: String) -> APIFailure {
        APIFailure(.init(code: 429, reasonPhrase: "Too Many Requests"), code: "too_many_requests", message: message)
    }
}
