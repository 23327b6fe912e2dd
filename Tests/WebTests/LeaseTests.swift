import Domain
import Foundation
import Hummingbird
import Logging
import Storage
import Testing

@testable import Web

/// Several app instances on one database: each background job runs on one of them at a time.
@Suite struct LeaseTests {
    @Test(arguments: Harness.kinds) func oneInstanceRunsEachJob(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        let leases = h.db.stores.leases
        let now = h.env.nowMillis
        // Twenty attempts at once from two instances: exactly one instance wins.
        let winners = try await withThrowingTaskGroup(of: String?.self) { group in
            for i in 0..<20 {
                let holder = i % 2 == 0 ? "a" : "b"
                group.addTask { try await leases.acquire("race", holder: holder, nowMillis: now, ttlMillis: 60_000) ? holder : nil }
            }
            var out: [String] = []
            for try await w in group { if let w { out.append(w) } }
            return out
        }
        #expect(Set(winners).count == 1 && !winners.isEmpty)
        let first = winners[0]
        let other = first == "a" ? "b" : "a"
        // The holder renews; the other waits for the lease to run out, then takes it over.
        #expect(try await leases.acquire("race", holder: first, nowMillis: now + 30_000, ttlMillis: 60_000))
        #expect(try await !leases.acquire("race", holder: other, nowMillis: now + 60_000, ttlMillis: 60_000))
        #expect(try await leases.acquire("race", holder: other, nowMillis: now + 90_001, ttlMillis: 60_000))
        #expect(try await !leases.acquire("race", holder: first, nowMillis: now + 90_002, ttlMillis: 60_000))
        // Released on shutdown: free at once.
        try await leases.release("race", holder: other)
        #expect(try await leases.acquire("race", holder: first, nowMillis: now + 90_003, ttlMillis: 60_000))

        // Two instances' scheduled-publishing rounds at the same moment publish a due document once.
        let second = WebEnvironment(database: h.db, settings: h.env.settings, calendar: h.env.calendar, clock: h.env.clock)
        #expect(second.instanceID != h.env.instanceID)
        let due = try await h.db.stores.catalog.create(
            CatalogDocument(
                id: 0, agencyID: 1, title: "定时发布的通知", body: "各单位：请按时报送。", categoryCode: "other", writtenOn: h.env.today,
                formedOn: h.env.today, workflow: WorkflowState(status: .scheduled), scheduledAtMillis: now - 1000))
        let logger = Logger(label: "test")
        async let one = ScheduledPublishing(env: h.env, logger: logger).tick()
        async let two = ScheduledPublishing(env: second, logger: logger).tick()
        let rounds = try await [one, two]
        #expect(rounds.compactMap { $0 }.count == 1)
        #expect(rounds.compactMap { $0 }.flatMap { $0.published } == [due.id])
        #expect(try await h.db.stores.catalog.find(id: due.id)?.workflow.status == .published)
        let publishes = try await h.db.stores.audit.search(
            AuditFilter(action: "document.publish", recordType: "document", recordID: String(due.id)), limit: 10, offset: 0)
        #expect(publishes.count == 1)
        await h.close()
    }
}
