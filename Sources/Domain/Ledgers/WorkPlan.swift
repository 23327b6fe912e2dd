/// An annual work plan (工作要点) and its task ledger (任务落实台账).
public struct WorkPlan: Hashable, Sendable {
    public var id: Int64
    public var agencyID: Int64
    public var year: Int
    public var title: String
    /// The plan as published in the catalog, when it is.
    public var documentID: Int64?
    public var createdAtMillis: Int64

    public init(id: Int64 = 0, agencyID: Int64, year: Int, title: String, documentID: Int64? = nil, createdAtMillis: Int64 = 0) {
        self.id = id
        self.agencyID = agencyID
        self.year = year
        self.title = title
        self.documentID = documentID
        self.createdAtMillis = createdAtMillis
    }
}

/// A task of a plan (重点工作), or a sub-task of one.
public struct LedgerTask: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable {
        case open
        /// 销号: closed when the office accepted the evidence that it is done.
        case closed

        public var label: String { self == .open ? "推进中" : "已销号" }
    }

    public var id: Int64
    public var planID: Int64
    public var agencyID: Int64
    public var parentID: Int64?
    public var position: Int
    public var sectionNumber: String
    public var sectionTitle: String
    public var number: String
    public var title: String
    public var content: String
    public var indicator: String
    public var leader: String
    public var units: [TaskUnit]
    public var deadline: TaskDeadline
    public var deadlineText: String
    /// How much the sub-task counts in its parent's progress.
    public var weight: Int
    public var status: Status
    /// Accepted progress, 0-100 (a parent's is its sub-tasks' weighted mean).
    public var progress: Int
    /// The task of an earlier year's plan this one carries on (回头看).
    public var carriedFrom: Int64?

    public init(
        id: Int64 = 0, planID: Int64, agencyID: Int64, parentID: Int64? = nil, position: Int, sectionNumber: String, sectionTitle: String,
        number: String, title: String, content: String = "", indicator: String = "", leader: String = "", units: [TaskUnit] = [],
        deadline: TaskDeadline = .none, deadlineText: String = "", weight: Int = 1, status: Status = .open, progress: Int = 0,
        carriedFrom: Int64? = nil
    ) {
        self.id = id
        self.planID = planID
        self.agencyID = agencyID
        self.parentID = parentID
        self.position = position
        self.sectionNumber = sectionNumber
        self.sectionTitle = sectionTitle
        self.number = number
        self.title = title
        self.content = content
        self.indicator = indicator
        self.leader = leader
        self.units = units
        self.deadline = deadline
        self.deadlineText = deadlineText
        self.weight = weight
        self.status = status
        self.progress = progress
        self.carriedFrom = carriedFrom
    }

    /// The units that lead (and so report).
    public var leadUnits: [TaskUnit] { units.filter { $0.role == .lead } }

    /// Whether a person of this department may report on the task.
    public func isReporter(departmentID: Int64?) -> Bool {
        guard let departmentID else { return false }
        return units.contains { $0.departmentID == departmentID }
    }

    /// Whether a person may report: of a responsible department of the task's agency, or of a
    /// responsible subordinate agency (委属单位 report on the commission's ledger).
    public func isReporter(agencyID: Int64, departmentID: Int64?) -> Bool {
        (agencyID == self.agencyID && isReporter(departmentID: departmentID)) || units.contains { $0.agencyID == agencyID }
    }

    /// Past its deadline and not closed.
    public func isOverdue(today: CivilDate) -> Bool {
        guard status == .open, case .date(let d) = deadline else { return false }
        return d < today
    }
}

/// A reporting round (e.g. 31 July and 30 November): every open task's units report by its due date.
public struct ReportingRound: Hashable, Sendable {
    public var id: Int64
    public var planID: Int64
    public var title: String
    public var dueOn: CivilDate

    public init(id: Int64 = 0, planID: Int64, title: String, dueOn: CivilDate) {
        self.id = id
        self.planID = planID
        self.title = title
        self.dueOn = dueOn
    }
}

/// A unit's progress report on a task in a round, and the office's review of it.
public struct ProgressReport: Hashable, Sendable {
    public enum State: String, Hashable, Sendable, Codable, CaseIterable {
        case onTrack = "on_track"
        case done
        case delayed

        public var label: String {
            switch self {
            case .onTrack: "按计划推进"
            case .done: "已完成"
            case .delayed: "滞后"
            }
        }
    }

    public enum Review: String, Hashable, Sendable, Codable {
        case pending
        case accepted
        case returned

        public var label: String {
            switch self {
            case .pending: "待审核"
            case .accepted: "已通过"
            case .returned: "已退回"
            }
        }
    }

    public var id: Int64
    public var planID: Int64
    public var taskID: Int64
    public var roundID: Int64
    public var unitName: String
    public var departmentID: Int64?
    public var text: String
    public var percent: Int
    public var state: State
    /// Links to evidence: published documents (`/documents/{id}`) or other pages.
    public var evidence: [String]
    public var submittedBy: String
    public var submittedAtMillis: Int64
    public var review: Review
    public var reviewComment: String
    public var reviewedBy: String
    public var reviewedAtMillis: Int64?

    public init(
        id: Int64 = 0, planID: Int64, taskID: Int64, roundID: Int64, unitName: String, departmentID: Int64?, text: String, percent: Int,
        state: State, evidence: [String] = [], submittedBy: String, submittedAtMillis: Int64, review: Review = .pending,
        reviewComment: String = "", reviewedBy: String = "", reviewedAtMillis: Int64? = nil
    ) {
        self.id = id
        self.planID = planID
        self.taskID = taskID
        self.roundID = roundID
        self.unitName = unitName
        self.departmentID = departmentID
        self.text = text
        self.percent = percent
        self.state = state
        self.evidence = evidence
        self.submittedBy = submittedBy
        self.submittedAtMillis = submittedAtMillis
        self.review = review
        self.reviewComment = reviewComment
        self.reviewedBy = reviewedBy
        self.reviewedAtMillis = reviewedAtMillis
    }
}

/// How late or missing reports and unfinished tasks cost a unit points at the year-end
/// assessment ("未按时完成的将在年底绩效考核中扣除相应分数"); the figures are an agency's choice.
public struct LedgerScoring: Hashable, Sendable, Codable {
    public var lateReport = 1.0
    public var missingReport = 2.0
    public var unfinishedTask = 2.0

    public static let standard = LedgerScoring()
    public init() {}

    public struct Deduction: Hashable, Sendable {
        public var unit: String
        public var points: Double
        public var reasons: [String]
    }

    /// Deductions per lead unit: for each round past its due date, a report submitted late or
    /// not at all; for each task past its deadline (or the year's end), not closed.
    public func deductions(
        tasks: [LedgerTask], rounds: [ReportingRound], reports: [ProgressReport], today: CivilDate, yearEnd: CivilDate,
        dayOfMillis: (Int64) -> CivilDate
    ) -> [Deduction] {
        var byUnit: [String: Deduction] = [:]
        func charge(_ unit: String, _ points: Double, _ reason: String) {
            byUnit[unit, default: Deduction(unit: unit, points: 0, reasons: [])].points += points
            byUnit[unit]?.reasons.append(reason)
        }
        for task in tasks where task.parentID == nil {
            for unit in task.leadUnits {
                for round in rounds where round.dueOn < today {
                    let mine = reports.filter { $0.taskID == task.id && $0.roundID == round.id && $0.unitName == unit.name }
                    if let first = mine.map(\.submittedAtMillis).min() {
                        if dayOfMillis(first) > round.dueOn { charge(unit.name, lateReport, "\(round.title)：第\(task.number)项逾期报送") }
                    } else if task.status == .open {
                        charge(unit.name, missingReport, "\(round.title)：第\(task.number)项未报送")
                    }
                }
                let due: CivilDate? =
                    switch task.deadline {
                    case .date(let d): d
                    case .ongoing, .none: yearEnd
                    }
                if task.status == .open, let due, due < today {
                    charge(unit.name, unfinishedTask, "第\(task.number)项“\(task.title)”逾期未完成")
                }
            }
        }
        return byUnit.values.sorted { $0.points == $1.points ? $0.unit < $1.unit : $0.points > $1.points }
    }
}
