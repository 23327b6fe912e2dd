import Domain
import Foundation
import Hummingbird
import Logging
import Storage
import Testing

@testable import Services
@testable import Web

/// Several app instances on one database: each background job runs on one of them at a time.
@Suite struct LeaseTests {
    /// Job leases are taken through a transaction, so on SQLite they wait at the write gate, not
    /// in `busy_timeout` on the blocking threads that a transaction holding the lock needs to
    /// finish: with four of them against transactions that pause between their writes, all
    /// finish at once instead of standing still for the 10 s timeout and failing "busy".
    ///
    /// It runs in the SQLite stage only: it needs no PostgreSQL, and the PostgreSQL stage runs
    /// every suite at once on the same two cores, where a timing bound measures the machine.
    @Test(
        .timeLimit(.minutes(1)),
        .enabled(if: ProcessInfo.processInfo.environment["GONGKAI_TEST_POSTGRES_URL"] == nil, "SQLite stage only"))
    func leasesQueueBehindTransactionsOnSQLite() async throws {
        let h = try await Harness.make("sqlite")
        let db = h.db
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for round in 0..<3 {
                group.addTask {
                    try await db.transaction { stores in
                        _ = try await stores.leases.bump("gate-test-\(round)")
                        try await Task.sleep(for: .milliseconds(200))
                        _ = try await stores.leases.bump("gate-test-\(round)")
                    }
                }
            }
            for i in 0..<4 {
                group.addTask {
                    try await Task.sleep(for: .milliseconds(20))
                    _ = try await h.env.services.leased("job-\(i)", ttlSeconds: 1) { true }
                }
            }
            try await group.waitForAll()
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        await h.close()
    }

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
        let second = ServiceEnvironment(database: h.db, settings: h.env.rules, calendar: h.env.calendar, clock: h.env.clock)
        #expect(second.instanceID != h.env.instanceID)
        let due = try await h.db.stores.catalog.create(
            CatalogDocument(
                id: 0, agencyID: 1, title: "定时发布的通知", body: "各单位：请按时报送。", categoryCode: "other", writtenOn: h.env.today,
                formedOn: h.env.today, workflow: WorkflowState(status: .scheduled), scheduledAtMillis: now - 1000))
        let logger = Logger(label: "test")
        async let one = ScheduledPublishing(env: h.env.services, logger: logger).tick()
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

    /// A publication on one instance reaches another instance's cached pages within one poll of
    /// its watcher; the same instance's cache empties at once.
    @Test(arguments: Harness.kinds) func publicationsReachAnotherInstancesPageCache(_ kind: String) async throws {
        var settings = WebSettings()
        settings.pageCacheSeconds = 600
        let h = try await Harness.make(kind, settings: settings)
        let leases = h.db.stores.leases
        #expect(try await leases.counter("absent") == 0)
        #expect(try await leases.bump("c") == 1)
        #expect(try await leases.bump("c") == 2)
        #expect(try await leases.counter("c") == 2)

        let other = WebEnvironment(
            services: ServiceEnvironment(database: h.db, settings: h.env.rules, calendar: h.env.calendar, clock: h.env.clock),
            settings: settings)
        let watcher = PublicVersionWatcher(env: other.services, logger: Logger(label: "test"))
        let first = try await watcher.poll(after: nil)
        #expect(!first.changed)  // the first poll only learns the version
        let otherApp = Application(responder: buildResponder(other))
        try await otherApp.test(.router) { otherClient in
            try await h.run { client in
                let before = try await otherClient.getPage("/").text
                #expect(!before.contains("跨实例发布的公告"))
                // A document page the other instance holds, which the publication does not touch.
                let list = try await otherClient.getPage("/api/v1/public/documents?per=1").json()
                let shown = try #require((list["items"] as? [[String: Any]])?.first?["id"] as? Int, "\(list)")
                let page = "/documents/\(shown)"
                _ = try await otherClient.getPage(page)
                #expect(try await otherClient.getPage(page).headers[PageCacheTests.cacheField] == "hit")
                let office = try await client.token("office")
                let drafter = try await client.token("drafter")
                let created = try await client.postJSON(
                    "/api/v1/documents",
                    #"{"title":"跨实例发布的公告","body":"各单位：特此公告。","category":"政策文件","kind":"policy","writtenOn":"2026-09-18"}"#,
                    token: drafter)
                let id = try #require(try created.json()["id"] as? Int)
                _ = try await client.postJSON("/api/v1/documents/\(id)/submit", "", token: drafter)
                for (who, body) in [("reviewer", "{}"), ("office", #"{"confidentialityCleared":true}"#), ("leader", "{}")] {
                    let token = who == "office" ? office : try await client.token(who)
                    #expect(try await client.postJSON("/api/v1/documents/\(id)/approve", body, token: token).status == .ok)
                }
                let published = try await client.postJSON("/api/v1/documents/\(id)/publish", "", token: try await client.token("publisher"))
                #expect(published.status == .ok)
                // This instance shows it at once; the other still serves its cached home page.
                #expect(try await client.getPage("/").text.contains("跨实例发布的公告"))
                #expect(try await otherClient.getPage("/").text == before)
                // Its watcher sees the new version and empties its cache.
                let second = try await watcher.poll(after: first.version)
                #expect(second.changed)
                #expect(try await otherClient.getPage("/").text.contains("跨实例发布的公告"))
                #expect(try await otherClient.getPage(page).headers[PageCacheTests.cacheField] == "hit")
                #expect(try await !watcher.poll(after: second.version).changed)
                // A change to everything (settings) reaches every page there.
                await h.env.services.publicViewChanged(.everything)
                let third = try await watcher.poll(after: second.version)
                #expect(third.changed)
                #expect(try await otherClient.getPage(page).headers[PageCacheTests.cacheField] == "miss")
                // A version without its note (written by an older release) empties everything too.
                _ = try await leases.bump(PublicVersionWatcher.counter)
                #expect(try await otherClient.getPage(page).headers[PageCacheTests.cacheField] == "hit")
                #expect(try await watcher.poll(after: third.version).changed)
                #expect(try await otherClient.getPage(page).headers[PageCacheTests.cacheField] == "miss")
            }
        }
    }
}
