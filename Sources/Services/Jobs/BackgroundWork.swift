import Foundation
public import ServiceLifecycle
import Synchronization

/// Work that outlives the request that started it (a link check of the portal): each piece is a
/// tracked task, not a detached one, and this service belongs to the application's service
/// group, so a graceful shutdown cancels what is still running and waits for it to stop instead
/// of leaving it cut off mid-write. Without a service group (a command, a test) the work simply
/// runs to its end.
public final class BackgroundWork: Service, Sendable {
    private struct State {
        var tasks: [UUID: Task<Void, Never>] = [:]
        var accepting = true
    }

    private let state = Mutex(State())

    public init() {}

    /// Runs `work` in the background; false when shutdown has begun and nothing new starts.
    @discardableResult
    public func start(_ work: @escaping @Sendable () async -> Void) -> Bool {
        let id = UUID()
        return state.withLock { s in
            guard s.accepting else { return false }
            s.tasks[id] = Task { [weak self] in
                await work()
                self?.state.withLock { _ = $0.tasks.removeValue(forKey: id) }
            }
            return true
        }
    }

    /// How many pieces are running now.
    public var running: Int { state.withLock { $0.tasks.count } }

    /// Waits for the graceful shutdown, then cancels every piece still running and waits for it.
    public func run() async throws {
        try? await gracefulShutdown()
        await stop()
    }

    /// Stops accepting work, cancels what runs and waits for it to end.
    public func stop() async {
        let tasks = state.withLock { s in
            s.accepting = false
            return Array(s.tasks.values)
        }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }
}
