/// Lets one SQLite write transaction run at a time within this process.
///
/// SQLite allows one writer; without this gate, waiting writers would sit in `busy_timeout` on
/// the few threads of NIO's blocking pool and starve the transaction that holds the lock of a
/// thread to commit on. Waiting here costs no thread.
actor WriteGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }

    func withGate<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let result = try await body()
            release()
            return result
        } catch {
            release()
            throw error
        }
    }
}
