public import Domain
public import Foundation
public import Storage

/// What every service works with, handed in by whoever builds the application (the `serve`
/// command, another command, or a test): the database, the calendar, the business settings, the
/// clock, and who hears of changes to the public view. Nothing here knows of HTTP or pages.
public struct ServiceEnvironment: Sendable {
    public var database: any GongkaiDatabase
    public var settings: ServiceSettings
    public var calendar: CalendarService
    public var clock: @Sendable () -> Double
    /// Hears of every change to what the public sees (the web layer's page cache).
    public var changes: any PublicChangeListener
    /// This process among the app instances sharing the database: the holder name of its job leases.
    public let instanceID: String
    /// Where outbound HTTP goes (the SMS gateway, the link checker): async-http-client's shared
    /// client unless a test hands in its own.
    public var http: any OutboundHTTP
    /// Work started by a request that runs on after it (a link check), under the service lifecycle.
    public let background = BackgroundWork()

    public init(
        database: any GongkaiDatabase, settings: ServiceSettings = ServiceSettings(), calendar: CalendarService = CalendarService(),
        changes: any PublicChangeListener = NoPublicChangeListener(), http: (any OutboundHTTP)? = nil,
        clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.database = database
        self.settings = settings
        self.calendar = calendar
        self.changes = changes
        self.http = http ?? HTTPClientTransport.shared()
        self.clock = clock
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
    public func leased<T: Sendable>(_ job: String, ttlSeconds: Double, _ body: () async throws -> T) async throws -> T? {
        let (holder, now, ttl) = (instanceID, nowMillis, Int64(ttlSeconds * 1000))
        guard try await database.transaction({ try await $0.leases.acquire(job, holder: holder, nowMillis: now, ttlMillis: ttl) })
        else { return nil }
        return try await body()
    }

    /// What the public sees has changed: this instance's listener forgets what `change` touches
    /// now, and the shared public version is bumped with a note of the change so that every
    /// other instance's `PublicVersionWatcher` does the same within a poll. A failed bump is not
    /// the caller's failure (the record is already written); the cache's age limit still bounds
    /// how stale another instance can be.
    public func publicViewChanged(_ change: PublicChange = .everything) async {
        changes.publicViewChanged(change)
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

    /// What prints reply letters and reports to PDF: headless Chromium when one is installed.
    public var pdfRenderer: (any PDFRenderer)? {
        var environment = ProcessInfo.processInfo.environment
        if let path = settings.chromiumPath { environment["GONGKAI_CHROMIUM"] = path }
        return ChromiumPDFRenderer.find(environment: environment)
    }

    /// The calendar as it stands and the request rules of this installation.
    public var clocks: RequestClock.Context { RequestClock.Context(calendar: calendar.current, rules: settings.clockRules) }

    public var nowMillis: Int64 { Int64(clock() * 1000) }

    /// Today's date in China (UTC+8), for forms and defaults.
    public var today: CivilDate {
        let days = Int((clock() + 8 * 3600) / 86400)
        return CivilDate(daysSinceEpoch: days)
    }
}
