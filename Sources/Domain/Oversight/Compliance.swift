/// A calendar month (2026-09), the unit of the compliance dashboard's trends.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year + (month - 1).floorDiv(12)
        self.month = (month - 1).floorMod(12) + 1
    }

    public init(_ date: CivilDate) { self.init(year: date.year, month: date.month) }

    /// `2026-09`, or nil.
    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m)
        else { return nil }
        self.init(year: y, month: m)
    }

    public func adding(months: Int) -> YearMonth { YearMonth(year: year, month: month + months) }

    /// Stored as `2026-09`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let m = YearMonth(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a month: \(text)"))
        }
        self = m
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
    public var description: String { "\(year)-" + (month < 10 ? "0" : "") + "\(month)" }
    /// `9月` or, in January, `2027年1月`, for chart labels.
    public var shortLabel: String { month == 1 ? "\(year)年1月" : "\(month)月" }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }

    /// Every month from `from` to `to`, both included.
    public static func range(_ from: YearMonth, _ to: YearMonth) -> [YearMonth] {
        var out: [YearMonth] = []
        var m = from
        while m <= to && out.count < 240 {
            out.append(m)
            m = m.adding(months: 1)
        }
        return out
    }
}

extension Int {
    fileprivate func floorDiv(_ d: Int) -> Int { self >= 0 ? self / d : -((-self + d - 1) / d) }
    fileprivate func floorMod(_ d: Int) -> Int { self - floorDiv(d) * d }
}

/// What the compliance dashboard measures for every unit, each as a share of cases that met
/// the rule: the regulation's deadlines, the seeds' 同步解读 and feedback rules, the ledger's
/// deadlines and the website inspection's limits.
public enum ComplianceIndicator: String, CaseIterable, Sendable, Codable {
    case publication
    case interpretation
    case requestReply = "request_reply"
    case consultationFeedback = "consultation_feedback"
    case mailboxReply = "mailbox_reply"
    case mailboxSatisfaction = "mailbox_satisfaction"
    case ledgerCompletion = "ledger_completion"
    case ledgerReports = "ledger_reports"
    case siteErrors = "site_errors"
    case appeals

    public var label: String {
        switch self {
        case .publication: "主动公开及时率"
        case .interpretation: "政策解读同步率"
        case .requestReply: "依申请公开按期答复率"
        case .consultationFeedback: "征求意见反馈公开率"
        case .mailboxReply: "领导信箱按期答复率"
        case .mailboxSatisfaction: "领导信箱满意率"
        case .ledgerCompletion: "台账任务按期完成率"
        case .ledgerReports: "台账进展按时报送率"
        case .siteErrors: "网站纠错按期处理率"
        case .appeals: "复议诉讼未被纠错率"
        }
    }

    /// How a case is counted, for the dashboard's notes.
    public var rule: String {
        switch self {
        case .publication: "形成或变更后在公开时限内发布（条例第二十六条；逾期未发布的计入到期月份）"
        case .interpretation: "需解读的政策文件发布后 3 个工作日内发布解读（按政策发布月份）"
        case .requestReply: "在答复期限内答复（按答复月份；逾期未答复的计入到期月份）"
        case .consultationFeedback: "征求意见结束后公开意见采纳情况（按截止月份）"
        case .mailboxReply: "在承诺期限内答复（按答复月份；逾期未答复的计入到期月份）"
        case .mailboxSatisfaction: "来信人评价为满意或基本满意（按答复月份）"
        case .ledgerCompletion: "到期任务已销号（按任务完成时限月份）"
        case .ledgerReports: "进展报告在报送轮次截止日前提交（按截止月份）"
        case .siteErrors: "网站纠错在期限内处理（按期限月份）"
        case .appeals: "行政复议、行政诉讼审结结果为维持或其他（按审结月份）"
        }
    }
}

/// One case counted for an indicator: the month it falls in and whether it met the rule.
public struct ComplianceCase: Hashable, Sendable {
    public var indicator: ComplianceIndicator
    public var month: YearMonth
    public var met: Bool

    public init(_ indicator: ComplianceIndicator, _ month: YearMonth, met: Bool) {
        self.indicator = indicator
        self.month = month
        self.met = met
    }
}

/// Cases that met the rule out of all cases.
public struct ComplianceTally: Hashable, Sendable, Codable {
    public var met: Int
    public var total: Int

    public init(met: Int = 0, total: Int = 0) {
        self.met = met
        self.total = total
    }

    /// The share met, or nil when there were no cases.
    public var rate: Double? { total == 0 ? nil : Double(met) / Double(total) }

    public static func + (a: ComplianceTally, b: ComplianceTally) -> ComplianceTally {
        ComplianceTally(met: a.met + b.met, total: a.total + b.total)
    }

    /// `95.2%`, or `—` with no cases.
    public var percent: String {
        guard let rate else { return "—" }
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

/// One unit's (or the whole system's) indicators over a run of months.
public struct ComplianceSeries: Hashable, Sendable {
    public var months: [YearMonth]
    public var cells: [ComplianceIndicator: [YearMonth: ComplianceTally]]

    /// Tallies `cases` by indicator and month; cases outside `months` are left out.
    public init(months: [YearMonth], cases: [ComplianceCase]) {
        self.months = months
        self.cells = [:]
        let within = Set(months)
        for c in cases where within.contains(c.month) {
            cells[c.indicator, default: [:]][c.month, default: ComplianceTally()] =
                (cells[c.indicator]?[c.month] ?? ComplianceTally()) + ComplianceTally(met: c.met ? 1 : 0, total: 1)
        }
    }

    public func tally(_ indicator: ComplianceIndicator, _ month: YearMonth) -> ComplianceTally {
        cells[indicator]?[month] ?? ComplianceTally()
    }

    /// The whole period.
    public func total(_ indicator: ComplianceIndicator) -> ComplianceTally {
        months.reduce(ComplianceTally()) { $0 + tally(indicator, $1) }
    }

    /// Several units together: the sums of their cases (not the mean of their rates).
    public static func combined(_ series: [ComplianceSeries], months: [YearMonth]) -> ComplianceSeries {
        var out = ComplianceSeries(months: months, cases: [])
        for s in series {
            for (indicator, byMonth) in s.cells {
                for (month, t) in byMonth { out.cells[indicator, default: [:]][month] = out.tally(indicator, month) + t }
            }
        }
        return out
    }
}

/// Turns a unit's records into the cases the indicators count. Each function states which
/// records count and in which month; a case whose deadline has not passed yet is not counted.
public enum ComplianceCases {
    /// Art. 26: published within the limit (in the month published); not published and past the
    /// limit (in the month it fell due).
    public static func publications(_ entries: [Timeliness.Entry]) -> [ComplianceCase] {
        entries.compactMap { e in
            switch e.state {
            case .onTime: e.publishedOn.map { ComplianceCase(.publication, YearMonth($0), met: true) }
            case .late: e.publishedOn.map { ComplianceCase(.publication, YearMonth($0), met: false) }
            case .overdue: ComplianceCase(.publication, YearMonth(e.dueOn), met: false)
            case .due: nil
            }
        }
    }

    /// Policies marked as needing an interpretation: met when the first interpretation came
    /// within `withinWorkdays` working days (in the policy's month).
    public static func interpretations(
        _ documents: [CatalogDocument], calendar: WorkingDayCalendar, today: CivilDate, withinWorkdays: Int = 3
    ) -> [ComplianceCase] {
        let published = documents.filter { $0.workflow.status == .published }
        var first: [Int64: CivilDate] = [:]
        for i in published where i.kind == .interpretation {
            if let target = i.interpretsID, let on = i.publishedOn { first[target] = min(first[target] ?? on, on) }
        }
        return published.compactMap { p in
            guard p.kind == .policy || p.kind == .normative, p.needsInterpretation, let on = p.publishedOn else { return nil }
            let deadline = calendar.adding(withinWorkdays, workdaysTo: on).date
            if let f = first[p.id] { return ComplianceCase(.interpretation, YearMonth(on), met: f <= deadline) }
            return today > deadline ? ComplianceCase(.interpretation, YearMonth(on), met: false) : nil
        }
    }

    /// Requests: replied by the due date (in the month replied); open past the due date (in the
    /// month it fell due).
    public static func requests(_ requests: [DisclosureRequest], today: CivilDate) -> [ComplianceCase] {
        requests.compactMap { r in
            guard let due = r.dueOn else { return nil }
            if let replied = r.repliedOn { return ComplianceCase(.requestReply, YearMonth(replied), met: replied <= due) }
            return today > due ? ComplianceCase(.requestReply, YearMonth(due), met: false) : nil
        }
    }

    /// Consultations that have closed: met when the feedback report is published.
    public static func consultations(_ items: [Consultation], today: CivilDate) -> [ComplianceCase] {
        items.compactMap { c in
            guard c.published, c.closesOn < today else { return nil }
            return ComplianceCase(.consultationFeedback, YearMonth(c.closesOn), met: c.reportDocumentID != nil)
        }
    }

    /// Letters: replied by the due date, and the writer's rating.
    public static func mailbox(_ letters: [MailboxMessage], today: CivilDate) -> [ComplianceCase] {
        var out: [ComplianceCase] = []
        for m in letters {
            if let replied = m.repliedOn {
                out.append(ComplianceCase(.mailboxReply, YearMonth(replied), met: replied <= m.dueOn))
                if let rating = m.rating {
                    out.append(ComplianceCase(.mailboxSatisfaction, YearMonth(replied), met: rating != .unsatisfied))
                }
            } else if today > m.dueOn {
                out.append(ComplianceCase(.mailboxReply, YearMonth(m.dueOn), met: false))
            }
        }
        return out
    }

    /// Website error reports: handled by the due date.
    public static func siteErrors(_ reports: [SiteErrorReport], today: CivilDate) -> [ComplianceCase] {
        reports.compactMap { r in
            if let done = r.resolvedOn { return ComplianceCase(.siteErrors, YearMonth(r.dueOn), met: done <= r.dueOn) }
            return today > r.dueOn ? ComplianceCase(.siteErrors, YearMonth(r.dueOn), met: false) : nil
        }
    }

    /// Ledger tasks with a dated deadline that has passed: met when closed. Progress reports:
    /// met when submitted by the round's due date.
    public static func ledger(
        tasks: [LedgerTask], rounds: [ReportingRound], reports: [ProgressReport], today: CivilDate
    ) -> [ComplianceCase] {
        var out: [ComplianceCase] = []
        for t in tasks where t.parentID == nil {
            if case .date(let due) = t.deadline, due < today {
                out.append(ComplianceCase(.ledgerCompletion, YearMonth(due), met: t.status == .closed))
            }
        }
        let dueOn = Dictionary(rounds.map { ($0.id, $0.dueOn) }, uniquingKeysWith: { a, _ in a })
        for r in reports {
            guard let due = dueOn[r.roundID] else { continue }
            let submitted = CivilDate(daysSinceEpoch: Int((r.submittedAtMillis / 1000 + 8 * 3600) / 86_400))
            out.append(ComplianceCase(.ledgerReports, YearMonth(due), met: submitted <= due))
        }
        return out
    }

    /// Decided reconsiderations and lawsuits: met when the decision was not to correct.
    public static func appeals(_ appeals: [RequestAppeal]) -> [ComplianceCase] {
        appeals.compactMap { a in
            guard a.result != .pending, let on = a.decidedOn else { return nil }
            return ComplianceCase(.appeals, YearMonth(on), met: a.result != .corrected)
        }
    }
}
