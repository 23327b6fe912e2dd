public import Logging
public import ServiceLifecycle

/// Runs beside the HTTP server: every interval it publishes scheduled documents whose time has
/// come and takes expired ones off the portal. Stops with the server on SIGTERM.
public struct ScheduledPublishing: Service {
    let env: WebEnvironment
    let logger: Logger
    let interval: Duration

    public init(env: WebEnvironment, logger: Logger, interval: Duration = .seconds(30)) {
        self.env = env
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let result = try await CatalogService(env: env).runDue()
                if !(result.published.isEmpty && result.expired.isEmpty && result.blocked.isEmpty) {
                    logger.notice(
                        "scheduled publishing",
                        metadata: ["published": "\(result.published)", "expired": "\(result.expired)", "blocked": "\(result.blocked)"])
                }
            } catch {
                logger.error("scheduled publishing failed", metadata: ["error": "\(error)"])
            }
            let interval = interval
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
