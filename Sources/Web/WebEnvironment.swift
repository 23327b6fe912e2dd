import Domain
public import Foundation
public import Prometheus
public import Storage

/// Everything the routes need, handed in by whoever builds the application (the `serve`
/// command or a test): the database, the calendar, the settings, the metrics registry, the clock.
public struct WebEnvironment: Sendable {
    public var database: any GongkaiDatabase
    public var settings: WebSettings
    public var calendar: CalendarService
    public var metrics: PrometheusCollectorRegistry
    public var clock: @Sendable () -> Double
    /// Rendered public pages (see `PageCache`), shared by every request of this process.
    public let pageCache: PageCache
    /// This process among the app instances sharing the database: the holder name of its job leases.
    public let instanceID: String
    /// The per-address limits on public forms (see `PublicLimits`), shared by every request of this process.
    let limits: PublicLimits

    public init(
        database: any GongkaiDatabase, settings: WebSettings = WebSettings(), calendar: CalendarService = CalendarService(),
        metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.database = database
        self.settings = settings
        self.calendar = calendar
        self.metrics = metrics
        self.clock = clock
        self.pageCache = PageCache(ttl: settings.pageCacheSeconds, clock: clock)
        self.limits = PublicLimits(factor: settings.rateLimitFactor)
        self.instanceID = "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)/\(UUID().uuidString.prefix(8))"
    }

    /// Runs `body` if this instance holds (or can take) the lease on `job` for `ttl` seconds;
    /// nil when another instance has it. Background jobs run through this so that several app
    /// instances on one database run each job once.
    ///
    /// Every write goes through `database.transaction`, even one statement: on SQLite that
    /// queues it at the write gate. A lone write outside it waited for SQLite's lock in
    /// `busy_timeout` on one of NIO's few blocking threads; two such (the outbox's and
    /// scheduled publishing's leases) held both while a transaction that had the lock waited
    /// for a thread to commit on, and the server stood still for the 10 s timeout (seen once in
    /// a minute at 2,800 requests a second).
    func leased<T: Sendable>(_ job: String, ttlSeconds: Double, _ body: () async throws -> T) async throws -> T? {
        let (holder, now, ttl) = (instanceID, nowMillis, Int64(ttlSeconds * 1000))
        guard try await database.transaction({ try await $0.leases.acquire(job, holder: holder, nowMillis: now, ttlMillis: ttl) })
        else { return nil }
        return try await body()
    }

    /// What the public sees has changed: this instance's page cache forgets what `change`
    /// touches now, and the shared public version is bumped with a note of the change so that
    /// every other instance's `PublicVersionWatcher` does the same within a poll. A failed bump
    /// is not the caller's failure (the record is already written); the cache's age limit still
    /// bounds how stale another instance can be.
    func publicViewChanged(_ change: PublicChange = .everything) async {
        pageCache.invalidate(change)
        let note = change.note
        _ = try? await database.transaction { stores in
            try await stores.leases.notePublicChange(note, counter: PublicVersionWatcher.counter)
        }
    }

    public var accounts: AccountService {
        AccountService(database: database, policy: settings.loginPolicy, bcryptCost: settings.bcryptCost, clock: clock)
    }

    public var userAdministration: UserAdministration {
        UserAdministration(database: database, bcryptCost: settings.bcryptCost, clock: clock)
    }

    /// What prints reply letters to PDF: headless Chromium when one is installed.
    var pdfRenderer: (any PDFRenderer)? {
        var environment = ProcessInfo.processInfo.environment
        if let path = settings.chromiumPath { environment["GONGKAI_CHROMIUM"] = path }
        return ChromiumPDFRenderer.find(environment: environment)
    }

    /// The calendar as it stands and the request rules of this installation.
    var clocks: RequestClock.Context { RequestClock.Context(calendar: calendar.current, rules: settings.clockRules) }

    var nowMillis: Int64 { Int64(clock() * 1000) }

    /// Today's date in China (UTC+8), for forms and defaults.
    var today: CivilDate {
        let days = Int((clock() + 8 * 3600) / 86400)
        return CivilDate(daysSinceEpoch: days)
    }
}
