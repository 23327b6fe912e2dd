public import Logging
public import ServiceLifecycle

/// Runs beside the HTTP server: every second it reads the public version the app instances
/// share (see `WebEnvironment.publicViewChanged`) and empties this instance's page cache when
/// another instance has changed what the portal shows. One indexed read a second per instance.
public struct PublicVersionWatcher: Service {
    static let counter = "public-version"
    let env: WebEnvironment
    let logger: Logger
    let interval: Duration

    public init(env: WebEnvironment, logger: Logger, interval: Duration = .seconds(1)) {
        self.env = env
        self.logger = logger
        self.interval = interval
    }

    /// One poll: the version now, and whether it moved since `seen` (the cache was then emptied).
    func poll(after seen: Int64?) async throws -> (version: Int64, changed: Bool) {
        let now = try await env.database.stores.leases.counter(Self.counter)
        guard let seen, seen != now else { return (now, false) }
        env.pageCache.invalidate()
        return (now, true)
    }

    public func run() async throws {
        var seen: Int64?
        var failing = false
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                seen = try await poll(after: seen).version
                failing = false
            } catch {
                // Once per outage, not once a second.
                if !failing { logger.error("public version poll failed", metadata: ["error": "\(error)"]) }
                failing = true
            }
            let interval = interval
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
