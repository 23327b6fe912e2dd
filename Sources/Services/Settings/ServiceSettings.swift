public import Domain

/// The installation's business rules and integrations, read from the environment by the
/// commands: the request clock, fees, the periods of consultations, mailbox letters, proposals
/// and error reports, ledger scoring, the oversight limits, sign-in, and where mail, text
/// messages and PDF printing go. The web layer's own settings (body limit, caches, cookies,
/// proxies) are `WebSettings`.
public struct ServiceSettings: Sendable {
    /// Lockout and session lifetimes; the idle limit from `GONGKAI_SESSION_IDLE_SECONDS` (10-86400, default 1800).
    public var loginPolicy: LoginPolicy = .standard
    /// bcrypt cost for new password hashes.
    public var bcryptCost: UInt8
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
    /// The single-veto self-check's other limits (the home page's age, unanswered messages).
    public var singleVeto = SingleVetoRules()
    /// Days without a post after which an active new-media account is flagged (`GONGKAI_MEDIA_IDLE_DAYS`, default 14).
    public var mediaIdleDays = 14
    /// Seconds between rounds of scheduled publishing and expiry (`GONGKAI_SCHEDULE_INTERVAL_SECONDS`, 1-3600, default 30).
    public var scheduleIntervalSeconds = 30
    /// How far back the 标准目录 check looks at deadline-from-formation items, in months.
    public var standardWindowMonths = 12

    public init(loginPolicy: LoginPolicy = .standard, bcryptCost: UInt8 = 10) {
        self.loginPolicy = loginPolicy
        self.bcryptCost = bcryptCost
    }

    /// Reads the settings from environment variables, with a message naming the bad one.
    public static func fromEnvironment(_ env: [String: String]) throws(DomainError) -> ServiceSettings {
        var settings = ServiceSettings()
        let read = SettingsReader(env)
        if let path = read.text("GONGKAI_CHROMIUM") { settings.chromiumPath = path }
        if let v = try read.flag("GONGKAI_FEE_PERIOD_EXCLUDED") { settings.clockRules.feePeriodExcluded = v }
        if let v = try read.flag("GONGKAI_COUNT_RECEIPT_DAY") { settings.clockRules.countReceiptDay = v }
        if let v = try read.number("GONGKAI_FEE_PAYMENT_WORKDAYS", 1...60) { settings.clockRules.feePaymentWorkdays = v }
        if let v = try read.number("GONGKAI_CORRECTION_REPLY_WORKDAYS", 1...60) { settings.clockRules.correctionReplyWorkdays = v }
        if let v = try read.number("GONGKAI_FEE_BAND_SIZE", 1...100) { settings.fees.bandSize = v }
        if let v = try read.number("GONGKAI_FEE_BAND_STEP_YUAN", 0...10_000) { settings.fees.bandStepYuan = v }
        if let v = try read.number("GONGKAI_CONSULTATION_RULES_DAYS", 1...365) { settings.consultationRules.rulesDays = v }
        if let v = try read.number("GONGKAI_CONSULTATION_NORMATIVE_WORKDAYS", 1...120) { settings.consultationRules.normativeWorkdays = v }
        if let v = try read.number("GONGKAI_CONSULTATION_MARKET_DAYS", 1...365) { settings.consultationRules.normativeMarketDays = v }
        if let v = try read.number("GONGKAI_CONSULTATION_OTHER_DAYS", 1...365) { settings.consultationRules.otherDays = v }
        if let v = try read.number("GONGKAI_MAILBOX_REPLY_WORKDAYS", 1...60) { settings.mailboxReplyWorkdays = v }
        if let v = try read.number("GONGKAI_SESSION_IDLE_SECONDS", 10...86_400) { settings.loginPolicy.idleSeconds = Double(v) }
        if let v = try read.number("GONGKAI_SITE_ERROR_WORKDAYS", 1...30) { settings.siteErrorWorkdays = v }
        if let v = try read.number("GONGKAI_PROPOSAL_MONTHS", 1...12) { settings.proposalRules.months = v }
        if let v = try read.number("GONGKAI_PROPOSAL_COMPLEX_MONTHS", 1...12) { settings.proposalRules.complexMonths = v }
        if let v = try read.points("GONGKAI_LEDGER_LATE_POINTS") { settings.ledgerScoring.lateReport = v }
        if let v = try read.points("GONGKAI_LEDGER_MISSING_POINTS") { settings.ledgerScoring.missingReport = v }
        if let v = try read.points("GONGKAI_LEDGER_UNFINISHED_POINTS") { settings.ledgerScoring.unfinishedTask = v }
        if let v = try read.number("GONGKAI_LINKCHECK_CONCURRENCY", 1...32) { settings.linkCheck.concurrency = v }
        if let v = try read.number("GONGKAI_LINKCHECK_MAX_PAGES", 1...200_000) { settings.linkCheck.maxPages = v }
        if let v = try read.number("GONGKAI_LINKCHECK_TIMEOUT_SECONDS", 1...120) { settings.linkCheck.timeoutSeconds = v }
        if let v = try read.flag("GONGKAI_LINKCHECK_PRIVATE") { settings.linkCheck.allowPrivateHosts = v }
        if let v = try read.number("GONGKAI_FRESHNESS_DYNAMIC_DAYS", 1...365) { settings.freshness.dynamicDays = v }
        if let v = try read.number("GONGKAI_FRESHNESS_NOTICE_MONTHS", 1...60) { settings.freshness.noticeMonths = v }
        if let v = try read.number("GONGKAI_FRESHNESS_REGULAR_MONTHS", 1...120) { settings.freshness.regularMonths = v }
        if let v = try read.number("GONGKAI_VETO_HOME_DAYS", 1...365) { settings.singleVeto.homeDays = v }
        if let v = try read.number("GONGKAI_VETO_UNANSWERED_MONTHS", 1...24) { settings.singleVeto.unansweredMonths = v }
        if let v = try read.number("GONGKAI_MEDIA_IDLE_DAYS", 1...365) { settings.mediaIdleDays = v }
        if let v = try read.number("GONGKAI_STANDARD_WINDOW_MONTHS", 1...60) { settings.standardWindowMonths = v }
        if let v = try read.number("GONGKAI_SCHEDULE_INTERVAL_SECONDS", 1...3600) { settings.scheduleIntervalSeconds = v }
        if let o = read.text("GONGKAI_LINKCHECK_ORIGIN") { settings.linkCheck.origin = o }
        settings.smtp = try SMTPSettings.fromEnvironment(env)
        settings.sms = try SMSSettings.fromEnvironment(env)
        return settings
    }
}
