/// What app instances sharing one database coordinate through: time-limited leases on named
/// background jobs, held by one instance at a time, and named counters.
public protocol LeaseStore: Sendable {
    /// Takes or renews the lease on `job` for `holder` until `now + ttl`: true when `holder`
    /// now holds it (it was free, expired, or already `holder`'s), false when another instance
    /// holds an unexpired lease. One atomic statement, so two instances never both succeed.
    func acquire(_ job: String, holder: String, nowMillis: Int64, ttlMillis: Int64) async throws -> Bool
    /// Gives the lease up, if `holder` has it (on shutdown).
    func release(_ job: String, holder: String) async throws
    /// Adds one to the counter `name` (created at 1) and returns its new value, atomically.
    func bump(_ name: String) async throws -> Int64
    /// The counter's value; 0 when it was never bumped.
    func counter(_ name: String) async throws -> Int64
    /// Bumps the public version and writes down what that step changed, in one transaction
    /// when the caller runs it in one; forgets notes a thousand versions old. Returns the version.
    func notePublicChange(_ note: String, counter: String) async throws -> Int64
    /// The notes of the versions after `version` up to `through`, oldest first.
    func publicChanges(after version: Int64, through: Int64) async throws -> [(version: Int64, note: String)]
}
