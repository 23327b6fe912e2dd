public import Logging
public import ServiceLifecycle

/// Runs beside the HTTP server: every second it reads the public version the app instances
/// share (see `ServiceEnvironment.publicViewChanged`) and, when another instance has changed what
/// the portal shows, empties the pages of this instance's cache that the change touched. One
/// indexed read a second per instance, and one more when the version moved.
public struct PublicVersionWatcher: Service, Sendable {
    static let counter = "public-version"
    let env: ServiceEnvironment
    let logger: Logger
    let interval: Duration

    public init(env: ServiceEnvironment, logger: Logger, interval: Duration = .seconds(1)) {
        self.env = env
        self.logger = logger
        self.interval = interval
    }

    /// One poll: the version now, and whether it moved since `seen`; when it did, the cache has
    /// forgotten what the changes in between touched (everything, if any note is missing).
    func poll(after seen: Int64?) async throws -> (version: Int64, changed: Bool) {
        let leases = env.database.stores.leases
        let now = try await leases.counter(Self.counter)
        guard let seen, seen != now else { return (now, false) }
        let notes = now > seen ? try await leases.publicChanges(after: seen, through: now) : []
        if notes.count == Int(now - seen) {
            for change in notes { env.changes.publicViewChanged(PublicChange(note: change.note)) }
        } else {
            env.changes.publicViewChanged(.everything)
        }
        return (now, true)
    }

    public func run() async throws {
        var seen: Int64?
        var failing = false
        await repeatUntilShutdown(every: interval) {
            seen = try await poll(after: seen).version
            failing = false
        } failed: { error in
            // Once per outage, not once a second.
            if !failing { logger.error("public version poll failed", metadata: ["error": "\(error)"]) }
            failing = true
        }
    }
}
