public import Domain
import Foundation

/// Settings of the web layer, read from the environment by the `serve` command.
public struct WebSettings: Sendable {
    /// Largest request body accepted, in bytes (`GONGKAI_BODY_LIMIT_MB`, default 20 MB).
    public var bodyLimit: Int
    /// Lockout and session lifetimes; the idle limit from `GONGKAI_SESSION_IDLE_SECONDS` (10-86400, default 1800).
    public var loginPolicy: LoginPolicy
    /// Mark cookies `Secure` on every response, not only when the request arrived over HTTPS
    /// (`GONGKAI_SECURE_COOKIES=1`, for a deployment that is HTTPS only).
    public var alwaysSecureCookies: Bool
    /// Take the client address from `X-Forwarded-For` (`GONGKAI_TRUST_PROXY=1`, behind nginx only).
    public var trustProxy: Bool
    /// bcrypt cost for new password hashes.
    public var bcryptCost: UInt8
    /// How long a rendered public page may be served from memory (`GONGKAI_PAGE_CACHE_SECONDS`,
    /// default 60; 0 turns the cache off). Changes on this server empty the cache at once.
    public var pageCacheSeconds: Double = 60
    /// How long a search result or a page of the public document API may be served from
    /// memory after a new publication (`GONGKAI_SEARCH_CACHE_SECONDS`, default 30, at most the
    /// page cache's). A withdrawn or changed document leaves every cached result that shows it
    /// at once; only a newly published one waits up to this long to appear in search.
    public var searchCacheSeconds: Double = 30
    /// `Strict-Transport-Security` max-age sent on HTTPS responses (`GONGKAI_HSTS_SECONDS`,
    /// default one year; 0 sends none).
    public var hstsSeconds = 31_536_000
    /// The Chromium that prints reply letters to PDF (`GONGKAI_CHROMIUM`; default: `chromium` on the PATH).
    public var chromiumPath: String?
    /// The request clock's figures; the unconfirmed ones (`GONGKAI_FEE_PERIOD_EXCLUDED`,
    /// `GONGKAI_COUNT_RECEIPT_DAY`, `GONGKAI_FEE_PAYMENT_WORKDAYS`, `GONGKAI_CORRECTION_REPLY_WORKDAYS`)
    /// can be set.
    public var clockRules: RequestClock.Rules = .standard
    /// 信息处理费 figures (the band rule is MEDIUM confidence, so every figure can be changed).
    public var fees: FeeSchedule = .standard
    /// Art. 44: how alike two descriptions must be (0-1) to count as the same information.
    public var similarityThreshold: Double = 0.6
    /// Art. 44: how many different applicants asking make the console suggest active disclosure.
    public var proactiveSuggestionApplicants = 3
    /// Points a unit loses for late or missing ledger reports and unfinished tasks.
    public var ledgerScoring: LedgerScoring = .standard
    /// Minimum comment periods of consultations (`GONGKAI_CONSULTATION_*`).
    public var consultationRules = ConsultationRules()
    /// Working days to answer a mailbox letter or inquiry (`GONGKAI_MAILBOX_REPLY_WORKDAYS`).
    public var mailboxReplyWorkdays = 5
    /// Working days to handle a website error report (`GONGKAI_SITE_ERROR_WORKDAYS`).
    public var siteErrorWorkdays = 3
    /// Months to reply to NPC suggestions and CPPCC proposals (`GONGKAI_PROPOSAL_MONTHS`, `…_COMPLEX_MONTHS`).
    public var proposalRules = ProposalRules()
    /// Where the outbox sends e-mail (`GONGKAI_SMTP_*`); nil keeps messages queued.
    public var smtp: SMTPSettings?
    /// Where the outbox sends text messages (`GONGKAI_SMS_*`); nil keeps them queued.
    public var sms: SMSSettings?
    /// The link checker's limits (`GONGKAI_LINKCHECK_*`).
    public var linkCheck = LinkCheckSettings()
    /// The 栏目不更新 limits (`GONGKAI_FRESHNESS_*`).
    public var freshness = FreshnessRules()
    /// Days without a post after which an active new-media account is flagged (`GONGKAI_MEDIA_IDLE_DAYS`, default 14).
    public var mediaIdleDays = 14
    /// Multiplies the per-address limits on public forms and code look-ups (`GONGKAI_RATE_LIMIT_FACTOR`, 1-100000, default 1).
    public var rateLimitFactor = 1
    /// Seconds between rounds of scheduled publishing and expiry (`GONGKAI_SCHEDULE_INTERVAL_SECONDS`, 1-3600, default 30).
    public var scheduleIntervalSeconds = 30
    /// How far back the 标准目录 check looks at deadline-from-formation items, in months.
    public var standardWindowMonths = 12

    public init(
        bodyLimit: Int = 20 * 1024 * 1024, loginPolicy: LoginPolicy = .standard, alwaysSecureCookies: Bool = false,
        trustProxy: Bool = false, bcryptCost: UInt8 = 10
    ) {
        self.bodyLimit = bodyLimit
        self.loginPolicy = loginPolicy
        self.alwaysSecureCookies = alwaysSecureCookies
        self.trustProxy = trustProxy
        self.bcryptCost = bcryptCost
    }

    /// Reads the settings from environment variables, with a message naming the bad one.
    public static func fromEnvironment(_ env: [String: String]) throws(DomainError) -> WebSettings {
        var settings = WebSettings()
        if let text = env["GONGKAI_BODY_LIMIT_MB"] {
            guard let mb = Int(text), (1...2048).contains(mb) else {
                throw .invalid("GONGKAI_BODY_LIMIT_MB", "GONGKAI_BODY_LIMIT_MB 须为 1-2048 之间的整数")
            }
            settings.bodyLimit = mb * 1024 * 1024
        }
        settings.alwaysSecureCookies = env["GONGKAI_SECURE_COOKIES"] == "1"
        settings.trustProxy = env["GONGKAI_TRUST_PROXY"] == "1"
        func cacheSeconds(_ name: String) throws(DomainError) -> Double? {
            guard let text = env[name] else { return nil }
            guard let s = Double(text), (0...3600).contains(s) else { throw .invalid(name, "\(name) 须为 0-3600 之间的秒数") }
            return s
        }
        if let s = try cacheSeconds("GONGKAI_PAGE_CACHE_SECONDS") { settings.pageCacheSeconds = s }
        if let s = try cacheSeconds("GONGKAI_SEARCH_CACHE_SECONDS") { settings.searchCacheSeconds = s }
        if let path = env["GONGKAI_CHROMIUM"], !path.isEmpty { settings.chromiumPath = path }
        func flag(_ name: String) throws(DomainError) -> Bool? {
            guard let text = env[name] else { return nil }
            guard text == "0" || text == "1" else { throw .invalid(name, "\(name) 须为 0 或 1") }
            return text == "1"
        }
        func number(_ name: String, _ range: ClosedRange<Int>) throws(DomainError) -> Int? {
            guard let text = env[name] else { return nil }
            guard let n = Int(text), range.contains(n) else {
                throw .invalid(name, "\(name) 须为 \(range.lowerBound)-\(range.upperBound) 之间的整数")
            }
            return n
        }
        if let v = try flag("GONGKAI_FEE_PERIOD_EXCLUDED") { settings.clockRules.feePeriodExcluded = v }
        if let v = try flag("GONGKAI_COUNT_RECEIPT_DAY") { settings.clockRules.countReceiptDay = v }
        if let v = try number("GONGKAI_FEE_PAYMENT_WORKDAYS", 1...60) { settings.clockRules.feePaymentWorkdays = v }
        if let v = try number("GONGKAI_CORRECTION_REPLY_WORKDAYS", 1...60) { settings.clockRules.correctionReplyWorkdays = v }
        if let v = try number("GONGKAI_FEE_BAND_SIZE", 1...100) { settings.fees.bandSize = v }
        if let v = try number("GONGKAI_FEE_BAND_STEP_YUAN", 0...10_000) { settings.fees.bandStepYuan = v }
        if let v = try number("GONGKAI_CONSULTATION_RULES_DAYS", 1...365) { settings.consultationRules.rulesDays = v }
        if let v = try number("GONGKAI_CONSULTATION_NORMATIVE_WORKDAYS", 1...120) { settings.consultationRules.normativeWorkdays = v }
        if let v = try number("GONGKAI_CONSULTATION_MARKET_DAYS", 1...365) { settings.consultationRules.normativeMarketDays = v }
        if let v = try number("GONGKAI_CONSULTATION_OTHER_DAYS", 1...365) { settings.consultationRules.otherDays = v }
        if let v = try number("GONGKAI_MAILBOX_REPLY_WORKDAYS", 1...60) { settings.mailboxReplyWorkdays = v }
        if let v = try number("GONGKAI_SESSION_IDLE_SECONDS", 10...86_400) { settings.loginPolicy.idleSeconds = Double(v) }
        if let v = try number("GONGKAI_SITE_ERROR_WORKDAYS", 1...30) { settings.siteErrorWorkdays = v }
        if let v = try number("GONGKAI_PROPOSAL_MONTHS", 1...12) { settings.proposalRules.months = v }
        if let v = try number("GONGKAI_PROPOSAL_COMPLEX_MONTHS", 1...12) { settings.proposalRules.complexMonths = v }
        func points(_ name: String) throws(DomainError) -> Double? {
            guard let text = env[name] else { return nil }
            guard let p = Double(text), (0...100).contains(p) else { throw .invalid(name, "\(name) 须为 0-100 之间的分数") }
            return p
        }
        if let v = try points("GONGKAI_LEDGER_LATE_POINTS") { settings.ledgerScoring.lateReport = v }
        if let v = try points("GONGKAI_LEDGER_MISSING_POINTS") { settings.ledgerScoring.missingReport = v }
        if let v = try points("GONGKAI_LEDGER_UNFINISHED_POINTS") { settings.ledgerScoring.unfinishedTask = v }
        if let v = try number("GONGKAI_LINKCHECK_CONCURRENCY", 1...32) { settings.linkCheck.concurrency = v }
        if let v = try number("GONGKAI_LINKCHECK_MAX_PAGES", 1...200_000) { settings.linkCheck.maxPages = v }
        if let v = try number("GONGKAI_LINKCHECK_TIMEOUT_SECONDS", 1...120) { settings.linkCheck.timeoutSeconds = v }
        if let v = try flag("GONGKAI_LINKCHECK_PRIVATE") { settings.linkCheck.allowPrivateHosts = v }
        if let v = try number("GONGKAI_FRESHNESS_DYNAMIC_DAYS", 1...365) { settings.freshness.dynamicDays = v }
        if let v = try number("GONGKAI_FRESHNESS_NOTICE_MONTHS", 1...60) { settings.freshness.noticeMonths = v }
        if let v = try number("GONGKAI_FRESHNESS_REGULAR_MONTHS", 1...120) { settings.freshness.regularMonths = v }
        if let v = try number("GONGKAI_MEDIA_IDLE_DAYS", 1...365) { settings.mediaIdleDays = v }
        if let v = try number("GONGKAI_HSTS_SECONDS", 0...63_072_000) { settings.hstsSeconds = v }
        if let v = try number("GONGKAI_STANDARD_WINDOW_MONTHS", 1...60) { settings.standardWindowMonths = v }
        if let v = try number("GONGKAI_RATE_LIMIT_FACTOR", 1...100_000) { settings.rateLimitFactor = v }
        if let v = try number("GONGKAI_SCHEDULE_INTERVAL_SECONDS", 1...3600) { settings.scheduleIntervalSeconds = v }
        if let o = env["GONGKAI_LINKCHECK_ORIGIN"], !o.isEmpty { settings.linkCheck.origin = o }
        settings.smtp = try SMTPSettings.fromEnvironment(env)
        settings.sms = try SMSSettings.fromEnvironment(env)
        return settings
    }
}

/// The mail server the outbox uses.
public struct SMTPSettings: Sendable, Hashable {
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// Plain SMTP (a relay on the local network or loopback).
        case none
        /// STARTTLS after the greeting (port 587).
        case starttls
        /// TLS from the first byte (port 465).
        case tls
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// The sender address (From:).
    public var from: String
    /// Seconds between outbox runs.
    public var intervalSeconds: Double = 30

    public init(host: String, port: Int, security: Security = .none, username: String? = nil, password: String? = nil, from: String) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.from = from
    }

    /// `GONGKAI_SMTP_HOST` (nil when unset), `_PORT` (25, 587 or 465 by security), `_SECURITY`
    /// (none|starttls|tls), `_USERNAME`, `_PASSWORD`, `_FROM`.
    public static func fromEnvironment(_ env: [String: String]) throws(DomainError) -> SMTPSettings? {
        guard let host = env["GONGKAI_SMTP_HOST"], !host.isEmpty else { return nil }
        let securityText = env["GONGKAI_SMTP_SECURITY"] ?? "none"
        guard let security = Security(rawValue: securityText) else {
            throw .invalid("GONGKAI_SMTP_SECURITY", "GONGKAI_SMTP_SECURITY 须为 none、starttls 或 tls")
        }
        let defaultPort = security == .tls ? 465 : security == .starttls ? 587 : 25
        let port: Int
        if let text = env["GONGKAI_SMTP_PORT"] {
            guard let p = Int(text), (1...65535).contains(p) else { throw .invalid("GONGKAI_SMTP_PORT", "GONGKAI_SMTP_PORT 须为 1-65535") }
            port = p
        } else {
            port = defaultPort
        }
        guard let from = env["GONGKAI_SMTP_FROM"], Applicant.isEmail(from) else {
            throw .invalid("GONGKAI_SMTP_FROM", "设置了 GONGKAI_SMTP_HOST 时须以 GONGKAI_SMTP_FROM 给出有效的发件地址")
        }
        return SMTPSettings(
            host: host, port: port, security: security, username: env["GONGKAI_SMTP_USERNAME"], password: env["GONGKAI_SMTP_PASSWORD"],
            from: from)
    }
}

/// The SMS gateway the outbox uses for confirmation codes: the agency's own SMS platform (统一短信平台)
/// or a provider's relay, reached by an HTTP POST of `{"phone": "...", "text": "..."}` as JSON,
/// with a bearer token when one is set. Any 2xx answer counts as sent.
public struct SMSSettings: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var path: String
    public var tls: Bool
    public var token: String?
    /// The signature put before every message (短信签名), e.g. “【示范市卫生健康委】”.
    public var signature: String

    public init(host: String, port: Int, path: String = "/", tls: Bool = false, token: String? = nil, signature: String = "") {
        self.host = host
        self.port = port
        self.path = path
        self.tls = tls
        self.token = token
        self.signature = signature
    }

    /// `GONGKAI_SMS_URL` (http or https; nil when unset), `GONGKAI_SMS_TOKEN`, `GONGKAI_SMS_SIGNATURE`.
    public static func fromEnvironment(_ env: [String: String]) throws(DomainError) -> SMSSettings? {
        guard let text = env["GONGKAI_SMS_URL"], !text.isEmpty else { return nil }
        guard let url = URLComponents(string: text), let scheme = url.scheme, scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { throw .invalid("GONGKAI_SMS_URL", "GONGKAI_SMS_URL 须为 http:// 或 https:// 开头的短信网关地址") }
        let tls = scheme == "https"
        let path = (url.percentEncodedPath.isEmpty ? "/" : url.percentEncodedPath) + (url.percentEncodedQuery.map { "?" + $0 } ?? "")
        return SMSSettings(
            host: host, port: url.port ?? (tls ? 443 : 80), path: path, tls: tls, token: env["GONGKAI_SMS_TOKEN"],
            signature: env["GONGKAI_SMS_SIGNATURE"] ?? "")
    }
}

/// How the link checker crawls the portal and checks links.
public struct LinkCheckSettings: Sendable, Hashable {
    /// Requests in flight at once (`GONGKAI_LINKCHECK_CONCURRENCY`, default 4): a check must not
    /// load our own site or anyone else's.
    public var concurrency = 4
    /// Portal pages read in one run (`GONGKAI_LINKCHECK_MAX_PAGES`).
    public var maxPages = 5_000
    /// Seconds to wait for each answer (`GONGKAI_LINKCHECK_TIMEOUT_SECONDS`).
    public var timeoutSeconds = 15
    /// Check links to loopback and private addresses too (`GONGKAI_LINKCHECK_PRIVATE=1`); off,
    /// they are listed as not checked, so a document cannot make the server probe the intranet.
    public var allowPrivateHosts = false
    /// The portal's address as the public reaches it (`GONGKAI_LINKCHECK_ORIGIN`, e.g.
    /// `https://wjw.example.gov.cn`); by default the address the office's request came to.
    public var origin: String?

    public init() {}
}
