import ServiceLifecycle

/// The loop of a background service (scheduled publishing, the outbox, the public version
/// watcher): one round every `interval` until the server shuts down gracefully or the task is
/// cancelled. A round that throws is handed to `failed`, and the loop goes on; the sleep between
/// rounds ends at once on shutdown.
func repeatUntilShutdown(
    every interval: Duration, _ round: () async throws -> Void, failed: (any Error) -> Void
) async {
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
        do {
            try await round()
        } catch {
            failed(error)
        }
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
    }
}
