import Domain
import Foundation
public import Prometheus
public import Services
public import Storage

/// Everything the routes need, handed in by whoever builds the application (the `serve`
/// command or a test): the services' environment, the HTTP settings, the metrics registry, and
/// what this process keeps in memory for the web (the page cache, the per-address limits).
public struct WebEnvironment: Sendable {
    /// The services' environment, with the page cache listening for changes to the public view.
    public let services: ServiceEnvironment
    public var settings: WebSettings
    public var metrics: PrometheusCollectorRegistry
    /// Rendered public pages (see `PageCache`), shared by every request of this process.
    public let pageCache: PageCache
    /// The per-address limits on public forms (see `PublicLimits`), shared by every request of this process.
    let limits: PublicLimits

    public init(
        services: ServiceEnvironment, settings: WebSettings = WebSettings(),
        metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
    ) {
        self.settings = settings
        self.metrics = metrics
        self.pageCache = PageCache(ttl: settings.pageCacheSeconds, clock: services.clock)
        self.limits = PublicLimits(factor: settings.rateLimitFactor)
        var services = services
        services.changes = pageCache
        self.services = services
    }

    public var database: any GongkaiDatabase { services.database }
    public var clock: @Sendable () -> Double { services.clock }
    public var calendar: CalendarService { services.calendar }
    /// The business settings (the request clock, fees, periods, integrations).
    public var rules: ServiceSettings { services.settings }
    public var instanceID: String { services.instanceID }
    public var accounts: AccountService { services.accounts }
    public var userAdministration: UserAdministration { services.userAdministration }
    var pdfRenderer: (any PDFRenderer)? { services.pdfRenderer }
    var clocks: RequestClock.Context { services.clocks }
    var nowMillis: Int64 { services.nowMillis }
    var today: CivilDate { services.today }
}
