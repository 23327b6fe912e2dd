public import Hummingbird
public import Logging
import Prometheus
import Services

/// What answers requests: HEAD, validators and 304s (`HTTPSemanticsResponder`), then the page
/// cache in front of the router. Tests call this too.
public func buildResponder(_ env: WebEnvironment) -> some HTTPResponder<GongkaiRequestContext> {
    HTTPSemanticsResponder(
        next: PageCacheResponder(cache: env.pageCache, router: buildRouter(env).buildResponder(), settings: env.settings))
}

/// Builds the router with every route and middleware (the routes' list comes from here).
public func buildRouter(_ env: WebEnvironment) -> Router<GongkaiRequestContext> {
    let router = Router(context: GongkaiRequestContext.self)
    let pages = PageRenderer(env: env)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: RequestSetupMiddleware(settings: env.settings))
    router.add(middleware: ErrorMiddleware(renderer: pages))
    router.add(middleware: BodyLimitMiddleware(limit: env.settings.bodyLimit))
    router.add(middleware: OriginCheckMiddleware())
    router.add(middleware: SessionAuthMiddleware(accounts: env.accounts))
    SystemController(env: env).register(on: router)
    PublicController(env: env, pages: pages).register(on: router)
    AuthController(env: env, pages: pages).register(on: router)
    ConsoleController(env: env, pages: pages).register(on: router)
    CalendarController(env: env, pages: pages).register(on: router)
    AuditController(env: env, pages: pages).register(on: router)
    UsersController(env: env, pages: pages).register(on: router)
    DocumentsController(env: env).register(on: router)
    ConsoleDocumentsController(env: env, pages: pages).register(on: router)
    FeedsController(env: env).register(on: router)
    WordListController(env: env, pages: pages).register(on: router)
    AttachmentsController(env: env, pages: pages).register(on: router)
    CatalogSettingsController(env: env, pages: pages).register(on: router)
    AgencySiteController(env: env, pages: pages).register(on: router)
    OversightController(env: env, pages: pages).register(on: router)
    LinkChecksController(env: env, pages: pages).register(on: router)
    FreshnessController(env: env, pages: pages).register(on: router)
    SelfCheckController(env: env, pages: pages).register(on: router)
    StandardCatalogController(env: env, pages: pages).register(on: router)
    AssessmentsController(env: env, pages: pages).register(on: router)
    WebsiteReportController(env: env, pages: pages).register(on: router)
    MediaAccountsController(env: env, pages: pages).register(on: router)
    BrowseController(env: env, pages: pages).register(on: router)
    FeesController(env: env).register(on: router)
    RequestsController(env: env, pages: pages).register(on: router)
    RequestFilesController(env: env).register(on: router)
    ConsoleRequestsController(env: env, pages: pages).register(on: router)
    LedgersController(env: env, pages: pages).register(on: router)
    AnnualReportsController(env: env, pages: pages).register(on: router)
    ConsultationsController(env: env, pages: pages).register(on: router)
    MailboxController(env: env, pages: pages).register(on: router)
    SiteErrorsController(env: env, pages: pages).register(on: router)
    ProposalsController(env: env, pages: pages).register(on: router)
    OpinionsController(env: env, pages: pages).register(on: router)
    OpenDaysController(env: env, pages: pages).register(on: router)
    SurveysController(env: env, pages: pages).register(on: router)
    return router
}

/// The application: the router on an HTTP/1.1 server at `hostname:port`. Running it as a
/// service gives graceful shutdown on SIGTERM and SIGINT.
public func buildApplication(_ env: WebEnvironment, hostname: String, port: Int, logger: Logger)
    -> some ApplicationProtocol
{
    Application(
        responder: buildResponder(env),
        configuration: .init(address: .hostname(hostname, port: port), serverName: "gongkai"),
        services: [
            ScheduledPublishing(env: env.services, logger: logger, interval: .seconds(env.rules.scheduleIntervalSeconds)),
            OutboxSender(env: env.services, logger: logger), PublicVersionWatcher(env: env.services, logger: logger),
            env.services.background,
        ],
        logger: logger)
}
