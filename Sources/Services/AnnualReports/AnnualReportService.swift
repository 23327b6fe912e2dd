import Crypto
public import Domain
import Foundation
import Reports
import Storage

/// The annual report: figures drawn from the live records, the office's entries and texts,
/// the lock that freezes a year, corrections after it, publication, roll-up of subordinate
/// units and the import of earlier years.
public struct AnnualReportService: Sendable {
    public init(env: ServiceEnvironment) {
        self.env = env
    }

    let env: ServiceEnvironment

    /// A report as it stands: stored or new, with the figures it shows (live for a draft, the
    /// locked ones otherwise) and, for a frozen report, how the live records differ since.
    public struct View: Sendable {
        public init(
            agency: Agency, report: AnnualReport, figures: AnnualFigures, checks: [AnnualReportCheck],
            drift: [(cell: String, frozen: Double, live: Double)], stored: Bool
        ) {
            self.agency = agency
            self.report = report
            self.figures = figures
            self.checks = checks
            self.drift = drift
            self.stored = stored
        }

        public var agency: Agency
        public var report: AnnualReport
        public var figures: AnnualFigures
        public var checks: [AnnualReportCheck]
        /// Cells whose live value differs from the frozen one: key, frozen, live.
        public var drift: [(cell: String, frozen: Double, live: Double)]
        public var stored: Bool
    }

    static let office: Set<Role> = [.officeAdmin]

    func checkYear(_ year: Int) throws {
        guard (2008...env.today.year).contains(year) else { throw DomainError.invalid("year", "年度须在 2008 至 \(env.today.year) 之间") }
    }

    /// The agency whose report is asked for: the caller's own, or one below it (read-only).
    public func agency(_ requested: Int64?, for identity: StaffIdentity) async throws -> Agency {
        guard let requested, requested != identity.agency.id else { return identity.agency }
        let all = try await env.database.stores.agencies.all()
        guard let target = all.first(where: { $0.id == requested }), Self.isBelow(target, identity.agency.id, in: all) else {
            throw DomainError.notFound("该单位")
        }
        return target
    }

    static func isBelow(_ agency: Agency, _ ancestor: Int64, in all: [Agency]) -> Bool {
        var parent = agency.parentID
        var steps = 0
        while let p = parent, steps < 50 {
            if p == ancestor { return true }
            parent = all.first { $0.id == p }?.parentID
            steps += 1
        }
        return false
    }

    /// Every agency below `agency`, depth first, in creation order.
    public func units(below agency: Agency) async throws -> [Agency] {
        let all = try await env.database.stores.agencies.all()
        return all.filter { Self.isBelow($0, agency.id, in: all) }
    }

    func catalogFigures(_ agency: Agency, year: Int) async throws -> CatalogYearFigures {
        let stores = env.database.stores
        let categories = (try await stores.agencies.catalogSettings(agencyID: agency.id) ?? CatalogSettings()).categories
        return try await stores.annualReports.catalogFigures(
            agencyID: agency.id, year: year, licensingCategories: categories.filter { $0.statutoryItem == 5 }.map(\.code),
            penaltyCategories: categories.filter { $0.statutoryItem == 6 }.map(\.code))
    }

    /// The figures the records give for a year, before the office's entries.
    func derive(_ agency: Agency, year: Int) async throws -> (AnnualFigures, CatalogYearFigures, [DisclosureRequest]) {
        let stores = env.database.stores
        let catalog = try await catalogFigures(agency, year: year)
        let requests = try await stores.requests.activeIn(agencyID: agency.id, year: year)
        let appeals = try await stores.appeals.list(agencyID: agency.id)
        return (
            AnnualFigures.derived(year: year, catalog: catalog, requests: requests, appeals: appeals, format: .forYear(year)), catalog,
            requests
        )
    }

    public func view(_ agency: Agency, year: Int) async throws -> View {
        try checkYear(year)
        let stored = try await env.database.stores.annualReports.find(agencyID: agency.id, year: year)
        var report = stored ?? AnnualReport(agencyID: agency.id, year: year)
        if report.state == .imported, let figures = report.snapshot {
            return View(agency: agency, report: report, figures: figures, checks: figures.checks, drift: [], stored: true)
        }
        let (derived, catalog, requests) = try await derive(agency, year: year)
        let live = try derived.applying(report.entries)
        let empty = AnnualReport.Section.allCases.filter { report.text($0).isEmpty }
        if !empty.isEmpty && !report.state.isFrozen {
            // One draft serves every empty section: it derives last year's figures too.
            let draft = try await narrative(agency, year: year, figures: live, catalog: catalog, requests: requests).sections
            for section in empty { report.narrative[section.rawValue] = draft[section.rawValue] }
        }
        guard let frozen = report.snapshot, report.state.isFrozen else {
            return View(agency: agency, report: report, figures: live, checks: live.checks, drift: [], stored: stored != nil)
        }
        let corrected = Set(report.corrections.map(\.cell))
        let drift = frozen.cellKeys.compactMap { key -> (String, Double, Double)? in
            guard !corrected.contains(key), let a = frozen.value(key), let b = live.value(key), a != b else { return nil }
            return (key, a, b)
        }
        return View(agency: agency, report: report, figures: frozen, checks: frozen.checks, drift: drift, stored: true)
    }

    /// The narrative draft for a year's figures, with last year's report for comparison.
    func narrative(_ agency: Agency, year: Int, figures: AnnualFigures, catalog: CatalogYearFigures, requests: [DisclosureRequest])
        async throws -> AnnualNarrative
    {
        let stores = env.database.stores
        let before = try await stores.annualReports.find(agencyID: agency.id, year: year - 1)
        var previous = before?.state.isFrozen == true ? before?.snapshot : nil
        var previousCatalog: CatalogYearFigures? = nil
        if before?.state != .imported {
            let (lastYear, lastCatalog, lastRequests) = try await derive(agency, year: year - 1)
            if lastCatalog.documentsPublished > 0 || !lastRequests.isEmpty {
                previousCatalog = lastCatalog
                if previous == nil { previous = lastYear }
            }
        }
        let late = requests.filter { r in
            guard r.status == .replied, let on = r.repliedOn, on.year == year, let due = r.dueOn else { return false }
            return due < on
        }.count
        let fees = try await stores.requests.withFeesPaid(agencyID: agency.id).compactMap { r -> Int? in
            guard let fee = r.handling.fee, fee.paidOn?.year == year else { return nil }
            return fee.paidYuan ?? fee.amountYuan
        }.reduce(0, +)
        var ledger: (title: String, total: Int, closed: Int, link: String)? = nil
        if let plan = try await stores.ledgers.plans(agencyID: agency.id).first(where: { $0.year == year }) {
            let tasks = try await stores.ledgers.tasks(planID: plan.id).filter { $0.parentID == nil }
            ledger = (plan.title, tasks.count, tasks.filter { $0.status == .closed }.count, "/plans/\(plan.id)")
        }
        var narrative = AnnualNarrative(
            agencyName: agency.name, year: year, figures: figures, catalog: catalog, previous: previous, previousCatalog: previousCatalog,
            previousProblems: before?.text(.problems), lateReplies: late, feesCollectedYuan: fees, ledger: ledger)
        narrative.proposals = Proposal.counts(try await stores.proposals.list(agencyID: agency.id, year: year), year: year)
        return narrative
    }

    // MARK: Changes

    public struct Edit: Decodable, Sendable {

        public init(narrative: [String: String]? = nil, entries: [String: Double?]? = nil) {

            self.narrative = narrative

            self.entries = entries

        }

        public var narrative: [String: String]?
        /// Cell key → value; null removes an entry.
        public var entries: [String: Double?]?
    }

    /// Saves texts and entries of a draft; a frozen report is refused.
    public func save(year: Int, _ edit: Edit, identity: StaffIdentity, address: String) async throws -> View {
        try checkYear(year)
        let agency = identity.agency
        var report =
            try await env.database.stores.annualReports.find(agencyID: agency.id, year: year)
            ?? AnnualReport(agencyID: agency.id, year: year)
        guard !report.state.isFrozen else {
            throw DomainError.conflict("\(year)年度报告\(report.state.label)，不能再修改；数据有误请记录更正")
        }
        for (key, text) in edit.narrative ?? [:] {
            guard AnnualReport.Section(rawValue: key) != nil else {
                throw DomainError.invalid("narrative", "没有“\(key)”这一部分，可选：overview、problems、other")
            }
            let t = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            guard t.count <= 20_000 else { throw DomainError.invalid("narrative", "每部分至多 20000 字") }
            report.narrative[key] = t
        }
        var probe = AnnualFigures(format: report.format)
        probe.fillZeros()
        for (key, value) in edit.entries ?? [:] {
            if let value {
                try probe.enter(key, value)
                report.entries[key] = value
            } else {
                report.entries[key] = nil
            }
        }
        report.updatedAtMillis = env.nowMillis
        let toStore = report
        let actor = AuditActor(identity, address: address)
        let now = env.nowMillis
        _ = try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            let saved = try await stores.annualReports.save(toStore)
            try await trail.log(.annualReportEdit, .annualReport, saved.id, after: CanonicalJSON.text(saved), detail: "\(year)年度")
            return saved
        }
        return try await view(agency, year: year)
    }

    static func digest(_ figures: AnnualFigures) -> String {
        SHA256.hash(data: Data(CanonicalJSON.text(figures).utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Freezes a year's figures once the year is over, every entry is made and every check passes.
    public func lock(year: Int, identity: StaffIdentity, address: String) async throws -> View {
        let current = try await view(identity.agency, year: year)
        var report = current.report
        guard report.state == .draft else { throw DomainError.conflict("\(year)年度报告\(report.state.label)") }
        guard year < env.today.year else { throw DomainError.conflict("\(year)年尚未结束，次年 1 月 1 日起方可锁定本年度数据") }
        let problems = AnnualReport.lockProblems(report, figures: current.figures)
        guard problems.isEmpty else {
            throw ServiceFailure(.unprocessable, code: "report_incomplete", message: problems.joined(separator: "；"))
        }
        report.snapshot = current.figures
        report.digest = Self.digest(current.figures)
        report.state = .locked
        report.lockedAtMillis = env.nowMillis
        report.lockedBy = identity.user.displayName
        report.updatedAtMillis = env.nowMillis
        try await store(report, action: .annualReportLock, detail: "锁定\(year)年度数据，摘要 \(report.digest ?? "")", identity, address)
        return try await view(identity.agency, year: year)
    }

    public func publish(year: Int, identity: StaffIdentity, address: String) async throws -> View {
        try checkYear(year)
        guard var report = try await env.database.stores.annualReports.find(agencyID: identity.agency.id, year: year) else {
            throw ServiceFailure(.unprocessable, code: "report_checks_failed", message: "须先锁定本年度数据")
        }
        guard report.state != .published else { throw DomainError.conflict("\(year)年度报告已发布") }
        var problems = report.publishProblems
        for s in AnnualReport.Section.allCases where report.text(s).contains("（请填写）") {
            problems.append("“\(s.heading)”仍有待填写的内容（请填写）")
        }
        guard problems.isEmpty else {
            throw ServiceFailure(.unprocessable, code: "report_checks_failed", message: "不能发布：" + problems.joined(separator: "；"))
        }
        report.state = .published
        report.publishedAtMillis = env.nowMillis
        report.publishedBy = identity.user.displayName
        report.updatedAtMillis = env.nowMillis
        try await store(report, action: .annualReportPublish, detail: "发布\(year)年度报告", identity, address)
        await env.publicViewChanged()
        return try await view(identity.agency, year: year)
    }

    public struct CorrectionInput: Decodable, Sendable {

        public init(cell: String? = nil, value: Double? = nil, reason: String? = nil) {

            self.cell = cell

            self.value = value

            self.reason = reason

        }

        var cell: String?
        var value: Double?
        var reason: String?
    }

    public func correct(year: Int, _ input: CorrectionInput, identity: StaffIdentity, address: String) async throws -> View {
        try checkYear(year)
        guard var report = try await env.database.stores.annualReports.find(agencyID: identity.agency.id, year: year) else {
            throw DomainError.notFound("\(year)年度报告")
        }
        guard let cell = input.cell, !cell.isEmpty else { throw DomainError.invalid("cell", "请指明要更正的单元格") }
        guard let value = input.value else { throw DomainError.invalid("value", "请填写更正后的数值") }
        try report.correct(cell: cell, to: value, reason: input.reason ?? "", on: env.today, by: identity.user.displayName)
        report.updatedAtMillis = env.nowMillis
        try await store(
            report, action: .annualReportCorrect,
            detail: "\(AnnualFigures.describe(cell, format: report.format))更正为 \(AnnualReportCSV.number(value))", identity, address)
        if report.state == .published { await env.publicViewChanged() }
        return try await view(identity.agency, year: year)
    }

    /// Figures of an earlier year from CSV (this platform's export, or the template filled in
    /// from the old report), with that year's section 五 for next year's draft.
    public func importYear(year: Int, csv: String, problems: String?, identity: StaffIdentity, address: String) async throws -> View {
        try checkYear(year)
        guard year < env.today.year else { throw DomainError.invalid("year", "只能导入往年的年度报告数据") }
        let figures = try AnnualReportCSV.parse(csv, year: year)
        let existing = try await env.database.stores.annualReports.find(agencyID: identity.agency.id, year: year)
        if let existing, existing.state == .locked || existing.state == .published {
            throw DomainError.conflict("\(year)年度报告已在本平台\(existing.state.label)，不能用导入数据覆盖")
        }
        var report = AnnualReport(agencyID: identity.agency.id, year: year, state: .imported, format: figures.format)
        report.snapshot = figures
        report.digest = Self.digest(figures)
        if let problems = problems?.trimmingCharacters(in: .whitespacesAndNewlines), !problems.isEmpty {
            report.narrative[AnnualReport.Section.problems.rawValue] = String(problems.prefix(20_000))
        }
        report.updatedAtMillis = env.nowMillis
        try await store(report, action: .annualReportImport, detail: "导入\(year)年度数据（\(figures.format.label)）", identity, address)
        return try await view(identity.agency, year: year)
    }

    func store(_ report: AnnualReport, action: AuditAction, detail: String, _ identity: StaffIdentity, _ address: String) async throws {
        let actor = AuditActor(identity, address: address)
        let now = env.nowMillis
        let r = report
        _ = try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            let saved = try await stores.annualReports.save(r)
            try await trail.log(action, .annualReport, saved.id, after: CanonicalJSON.text(saved), detail: detail)
            return saved
        }
    }

    // MARK: Roll-up

    public struct Rollup: Sendable {
        public var agency: Agency
        public var year: Int
        public var units: [View]
        public var sum: AnnualFigures
    }

    /// The agency's own report and every unit's below it, summed cell by cell; units report in
    /// the format of the year, so all are comparable.
    /// The report as a PDF: the copy kept when it was first printed after the figures froze
    /// (locked or published), or a fresh print of `html` (kept now if frozen).
    public func pdf(_ view: View, html: @Sendable () -> String) async throws -> [UInt8] {
        let frozen = view.report.state.isFrozen && view.stored
        let stores = env.database.stores
        if frozen, let kept = try await stores.annualReports.pdf(reportID: view.report.id) { return kept }
        guard let renderer = env.pdfRenderer else {
            throw ServiceFailure.unavailable("服务器未安装 Chromium，暂不能生成 PDF；请下载 Word 或网页版本")
        }
        let pdf = try await renderer.pdf(fromHTML: html())
        if frozen {
            let id = view.report.id
            try await env.database.transaction { try await $0.annualReports.keepPDF(reportID: id, pdf) }
        }
        return pdf
    }

    public func rollup(_ agency: Agency, year: Int) async throws -> Rollup {
        var views = [try await view(agency, year: year)]
        for unit in try await units(below: agency) { views.append(try await view(unit, year: year)) }
        return Rollup(agency: agency, year: year, units: views, sum: AnnualFigures.sum(views.map(\.figures), format: .forYear(year)))
    }

    // MARK: Reminder

    /// From 1 December until the report is published (Art. 49: by 31 January), the year due.
    public func reminder(for identity: StaffIdentity) async throws -> (year: Int, text: String)? {
        guard identity.holds(anyOf: Self.office) else { return nil }
        let today = env.today
        let year = today.month == 12 ? today.year : today.year - 1
        let report = try await env.database.stores.annualReports.find(agencyID: identity.agency.id, year: year)
        // Published here, or published elsewhere and imported: nothing to remind.
        guard report?.state != .published && report?.state != .imported else { return nil }
        let deadline = "\(year + 1)年1月31日前"
        return (year, "\(year)年度政府信息公开工作年度报告尚未发布（\(report?.state.label ?? "未开始编制")），须于\(deadline)向社会公布")
    }
}
