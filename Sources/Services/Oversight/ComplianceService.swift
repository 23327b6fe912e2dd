public import Domain
import Storage

/// The compliance dashboard's figures (政务公开监测): for an agency and every unit below it, the
/// indicators of `ComplianceIndicator` month by month, read from the live records. A supervising
/// agency sees its subordinates here read-only; nothing on this path writes.
public struct ComplianceService: Sendable {
    public init(env: ServiceEnvironment) {
        self.env = env
    }

    let env: ServiceEnvironment

    /// One unit's figures.
    public struct Unit: Sendable {
        public var agency: Agency
        public var series: ComplianceSeries
        /// Replies in the period by outcome (答复结果).
        public var outcomes: [RequestOutcome: Int]
    }

    public struct Report: Sendable {
        public var months: [YearMonth]
        public var units: [Unit]
        /// All the units together: sums of their cases.
        public var whole: ComplianceSeries
        public var wholeOutcomes: [RequestOutcome: Int]
    }

    /// The agency and every unit below it (the annual report's roll-up tree).
    public func units(under agency: Agency) async throws -> [Agency] {
        [agency] + (try await AnnualReportService(env: env).units(below: agency))
    }

    /// The unit a `unit` query parameter names among `units` (the caller's agency and those below
    /// it), or nil when it names none. Any other agency is "not found", like a missing one.
    public static func unit(_ text: String?, among units: [Agency]) throws(DomainError) -> Agency? {
        guard let text, !text.isEmpty else { return nil }
        guard let id = Int64(text), let unit = units.first(where: { $0.id == id }) else { throw .notFound("该单位") }
        return unit
    }

    /// The cases of one unit, from its records.
    func cases(of agency: Agency, today: CivilDate) async throws -> (cases: [ComplianceCase], replies: [DisclosureRequest]) {
        let stores = env.database.stores
        let calendar = env.calendar.current
        let categories = try await CatalogService.load(env, agencyID: agency.id).categories
        let docs = try await stores.catalog.outlines(agencyID: agency.id)
        let entries = docs.compactMap { d in
            Timeliness.entry(for: d, category: categories.first { $0.code == d.categoryCode }, calendar: calendar, today: today)
        }
        var cases = ComplianceCases.publications(entries)
        cases += ComplianceCases.interpretations(docs, calendar: calendar, today: today)
        let requests = try await stores.requests.list(agencyID: agency.id, statuses: Set(RequestStatus.allCases), limit: 100_000, offset: 0)
        cases += ComplianceCases.requests(requests, today: today)
        cases += ComplianceCases.consultations(try await stores.consultations.list(agencyID: agency.id), today: today)
        cases += ComplianceCases.mailbox(try await stores.mailbox.list(agencyID: agency.id, departmentID: nil), today: today)
        cases += ComplianceCases.siteErrors(try await stores.siteErrors.list(agencyID: agency.id), today: today)
        for plan in try await stores.ledgers.plans(agencyID: agency.id) {
            cases += ComplianceCases.ledger(
                tasks: try await stores.ledgers.tasks(planID: plan.id), rounds: try await stores.ledgers.rounds(planID: plan.id),
                reports: try await stores.ledgers.reports(planID: plan.id), today: today)
        }
        cases += ComplianceCases.appeals(try await stores.appeals.list(agencyID: agency.id))
        return (cases, requests.filter { $0.repliedOn != nil })
    }

    /// The figures of `agencies` over `months`.
    public func report(_ agencies: [Agency], months: [YearMonth]) async throws -> Report {
        let today = env.today
        let within = Set(months)
        var units: [Unit] = []
        for agency in agencies {
            let (cases, replies) = try await cases(of: agency, today: today)
            var outcomes: [RequestOutcome: Int] = [:]
            for r in replies {
                if let on = r.repliedOn, within.contains(YearMonth(on)), let o = r.outcome { outcomes[o, default: 0] += 1 }
            }
            units.append(Unit(agency: agency, series: ComplianceSeries(months: months, cases: cases), outcomes: outcomes))
        }
        var whole: [RequestOutcome: Int] = [:]
        for u in units { whole.merge(u.outcomes, uniquingKeysWith: +) }
        return Report(
            months: months, units: units, whole: ComplianceSeries.combined(units.map(\.series), months: months), wholeOutcomes: whole)
    }

    /// `from`/`to` (YYYY-MM) from a query, by default the twelve months up to this one; at most
    /// 36 months.
    public static func months(from: String?, to: String?, today: CivilDate) throws(DomainError) -> [YearMonth] {
        let current = YearMonth(today)
        let end: YearMonth
        if let to, !to.isEmpty {
            guard let m = YearMonth(iso: to) else { throw .invalid("to", "月份格式应为 YYYY-MM") }
            end = m
        } else {
            end = current
        }
        let start: YearMonth
        if let from, !from.isEmpty {
            guard let m = YearMonth(iso: from) else { throw .invalid("from", "月份格式应为 YYYY-MM") }
            start = m
        } else {
            start = end.adding(months: -11)
        }
        if start > end { throw .invalid("from", "起始月份不能晚于结束月份") }
        if YearMonth.range(start, end).count > 36 { throw .invalid("from", "一次最多查看 36 个月") }
        return YearMonth.range(start, end)
    }
}
