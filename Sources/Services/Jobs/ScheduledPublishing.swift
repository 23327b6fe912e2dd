public import Logging
public import ServiceLifecycle

/// Runs beside the HTTP server: every interval it publishes scheduled documents whose time has
/// come and takes expired ones off the portal. Stops with the server on SIGTERM.
public struct ScheduledPublishing: Service, Sendable {
    let env: ServiceEnvironment
    let logger: Logger
    let interval: Duration

    public init(env: ServiceEnvironment, logger: Logger, interval: Duration = .seconds(30)) {
        self.env = env
        self.logger = logger
        self.interval = interval
    }

    /// One round, if this instance holds the job's lease (three intervals long, renewed each
    /// round): nil when another instance is running the job.
    func tick() async throws -> (published: [Int64], expired: [Int64], blocked: [Int64])? {
        try await env.leased("scheduled-publishing", ttlSeconds: 3 * Double(interval.components.seconds)) {
            try await CatalogService(env: env).runDue()
        }
    }

    public func run() async throws {
        defer {
            Task { [env] in
                try? await env.database.transaction { try await $0.leases.release("scheduled-publishing", holder: env.instanceID) }
            }
        }
        await repeatUntilShutdown(every: interval) {
            if let result = try await tick(), !(result.published.isEmpty && result.expired.isEmpty && result.blocked.isEmpty) {
                logger.notice(
                    "scheduled publishing",
                    metadata: ["published": "\(result.published)", "expired": "\(result.expired)", "blocked": "\(result.blocked)"])
            }
        } failed: { error in
            logger.error("scheduled publishing failed", metadata: ["error": "\(error)"])
        }
    }
}
