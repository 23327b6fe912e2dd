import ArgumentParser
import Domain
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import Services
import StorageSQL
import Web

/// `gongkai serve`: migrate, set up an empty database, then serve until SIGTERM or SIGINT.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server (public portal, staff console, JSON API).")
    @Option(help: "Address to listen on.") var hostname = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080

    func run() async throws {
        let vars = ProcessInfo.processInfo.environment
        var logger = Logger(label: "gongkai")
        logger.logLevel = vars["GONGKAI_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))

        let settings: WebSettings
        let rules: ServiceSettings
        do {
            settings = try WebSettings.fromEnvironment(vars)
            rules = try ServiceSettings.fromEnvironment(vars)
        } catch { throw ValidationError(error.message) }
        let db = try openDatabase()
        let applied = try await MigrationRunner(database: db).migrate()
        logger.info("database ready", metadata: ["kind": "\(db.kind)", "migrationsApplied": "\(applied)"])
        if try await !db.indexesChinese() {
            logger.critical(
                "PostgreSQL drops Chinese terms from full-text search: create the database with a UTF-8 LC_CTYPE (e.g. C.UTF-8)")
        }
        let calendar = CalendarService()
        try await calendar.reload(from: db.stores)
        let env = WebEnvironment(
            services: ServiceEnvironment(database: db, settings: rules, calendar: calendar), settings: settings, metrics: registry)

        let options = FirstStart.Options(
            demo: vars["GONGKAI_DEMO"] != "0", rootName: vars["GONGKAI_ROOT_AGENCY_NAME"],
            rootCreditCode: vars["GONGKAI_ROOT_CREDIT_CODE"], fixedPassword: vars["GONGKAI_DEMO_PASSWORD"],
            demoRequests: true)
        switch try await FirstStart.run(env.services, options: options) {
        case .alreadySetUp:
            break
        case .needsRootAgency:
            logger.warning(
                "database has no agency: set GONGKAI_ROOT_AGENCY_NAME and GONGKAI_ROOT_CREDIT_CODE, or run gongkai agency create")
        case .created(let agency, let accounts):
            logger.notice("first start: created \(agency.name); these passwords are shown only once")
            for a in accounts {
                logger.notice(
                    "account \(a.username) password \(a.password) roles \(a.roles.sorted().map(\.rawValue).joined(separator: ","))")
            }
        }
        logger.notice("serving http://\(hostname):\(port)/ (console: /login)")
        let app = buildApplication(env, hostname: hostname, port: port, logger: logger)
        do {
            try await app.runService()
        } catch {
            await db.shutdown()
            throw error
        }
        await db.shutdown()
        logger.notice("stopped")
    }
}
