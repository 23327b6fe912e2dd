public import Domain
public import Foundation
import OfficeFiles
public import Storage

/// Work plans and task ledgers: import, reporting rounds, progress reports and their review,
/// 督办, closure on accepted evidence, deductions and the year-end carry-over.
public struct LedgerService: Sendable {
    public init(env: ServiceEnvironment) {
        self.env = env
    }

    let env: ServiceEnvironment

    public struct Imported: Sendable {
        public var plan: WorkPlan
        public var tasks: [LedgerTask]
        public var unmatched: [String]
    }

    func matcher(agencyID: Int64) async throws -> UnitMatcher {
        let stores = env.database.stores
        let departments = try await stores.agencies.departments(of: agencyID).map { (id: $0.id, name: $0.name) }
        let agencies = try await stores.agencies.all().filter { $0.parentID == agencyID }.map { (id: $0.id, name: $0.name) }
        return UnitMatcher(departments: departments, agencies: agencies)
    }

    /// Reads a plan or ledger and stores it with its tasks; names that match no unit are kept and listed.
    public func importPlan(_ data: Data, fileName: String, year: Int, title: String?, identity: StaffIdentity, address: String) async throws
        -> Imported
    {
        guard (2000...2100).contains(year) else { throw DomainError.invalid("year", "year 须为四位年份") }
        let sections = try LedgerReading.sections(from: data, fileName: fileName)
        guard !sections.isEmpty else {
            throw DomainError.invalid("file", "没有读出任何任务：请确认文件是工作要点（一、（一）……）或任务落实台账（含“序号”表头的表格）")
        }
        let planTitle = (title ?? "").trimmingCharacters(in: .whitespaces).nilIfEmpty ?? "\(identity.agency.name)\(year)年政务公开工作要点任务落实台账"
        return try await store(
            sections, year: year, title: planTitle, agency: identity.agency, actor: AuditActor(identity, address: address), source: fileName
        )
    }

    /// Stores read sections as a plan of the agency, with their units matched, in one transaction.
    func store(_ sections: [ImportedSection], year: Int, title planTitle: String, agency: Agency, actor: AuditActor, source: String)
        async throws -> Imported
    {
        let matcher = try await matcher(agencyID: agency.id)
        var unmatched: [String] = []
        func resolve(_ units: [TaskUnit]) -> [TaskUnit] {
            var out: [TaskUnit] = []
            for u in units {
                let matched = matcher.match(u)
                if matched.isEmpty {
                    out.append(u)
                    if !unmatched.contains(u.name) { unmatched.append(u.name) }
                } else {
                    for m in matched where !out.contains(where: { $0.name == m.name }) { out.append(m) }
                }
            }
            return out
        }
        let now = env.nowMillis
        let agencyID = agency.id
        var rows: [(ImportedSection, ImportedTask, [TaskUnit], [(ImportedTask, [TaskUnit])])] = []
        for s in sections {
            for t in s.tasks { rows.append((s, t, resolve(t.units), t.subtasks.map { ($0, resolve($0.units)) })) }
        }
        let prepared = rows
        let result = try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            let plan = try await stores.ledgers.createPlan(WorkPlan(agencyID: agencyID, year: year, title: planTitle, createdAtMillis: now))
            var tasks: [LedgerTask] = []
            var position = 0
            for (section, t, units, subs) in prepared {
                position += 1
                let parent = try await stores.ledgers.createTask(
                    LedgerTask(
                        planID: plan.id, agencyID: agencyID, position: position, sectionNumber: section.number, sectionTitle: section.title,
                        number: t.number, title: t.title, content: t.content, indicator: t.indicator, leader: t.leader, units: units,
                        deadline: TaskDeadline.parse(t.deadlineText, year: year), deadlineText: t.deadlineText))
                tasks.append(parent)
                for (sub, subUnits) in subs {
                    position += 1
                    tasks.append(
                        try await stores.ledgers.createTask(
                            LedgerTask(
                                planID: plan.id, agencyID: agencyID, parentID: parent.id, position: position, sectionNumber: section.number,
                                sectionTitle: section.title, number: "\(t.number).\(sub.number)", title: sub.title, content: sub.content,
                                indicator: sub.indicator, leader: sub.leader.isEmpty ? t.leader : sub.leader,
                                units: subUnits.isEmpty ? units : subUnits, deadline: parent.deadline, deadlineText: t.deadlineText)))
                }
            }
            try await trail.log(
                .ledgerImport, .workPlan, plan.id, agencyID: agencyID,
                detail: "导入\(source)：\(tasks.filter { $0.parentID == nil }.count) 项任务")
            return (plan, tasks)
        }
        return Imported(plan: result.0, tasks: result.1, unmatched: unmatched)
    }

    /// A plan the person may see: their agency's, or their parent agency's (whose ledger a
    /// subordinate unit reports on).
    public func viewable(_ id: Int64, by identity: StaffIdentity) async throws -> WorkPlan {
        guard let p = try await env.database.stores.ledgers.plan(id: id),
            p.agencyID == identity.agency.id || p.agencyID == identity.agency.parentID
        else { throw DomainError.notFound("该工作台账") }
        return p
    }

    public func plan(_ id: Int64, of agencyID: Int64) async throws -> WorkPlan {
        guard let p = try await env.database.stores.ledgers.plan(id: id), p.agencyID == agencyID else {
            throw DomainError.notFound("该工作台账")
        }
        return p
    }

    public func addRound(_ planID: Int64, title: String?, dueOn: String?, identity: StaffIdentity, address: String) async throws
        -> ReportingRound
    {
        let plan = try await plan(planID, of: identity.agency.id)
        let name = try RequestSteps.trimmed(title, "title", "请填写报送轮次名称（如“7月底进展报送”）", limit: 50)
        guard let due = try CivilDate.parse(optional: dueOn ?? "", field: "dueOn") else { throw DomainError.invalid("dueOn", "请填写报送截止日期") }
        let now = env.nowMillis
        let actor = AuditActor(identity, address: address)
        return try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            let round = try await stores.ledgers.createRound(ReportingRound(planID: plan.id, title: name, dueOn: due))
            try await trail.log(.ledgerRound, .workPlan, plan.id, detail: "\(name)，截止 \(due)")
            return round
        }
    }

    public struct ReportInput: Decodable, Sendable {

        public init(roundId: Int64? = nil, text: String? = nil, percent: Int? = nil, state: String? = nil, evidence: [String]? = nil) {

            self.roundId = roundId

            self.text = text

            self.percent = percent

            self.state = state

            self.evidence = evidence

        }

        var roundId: Int64?
        var text: String?
        var percent: Int?
        var state: String?
        var evidence: [String]?
    }

    /// A unit's report on a task: by someone of a responsible department (or the office for any).
    public func submit(
        taskID: Int64, _ input: ReportInput, files: [(data: Data, fileName: String)] = [], identity: StaffIdentity, address: String
    ) async throws -> ProgressReport {
        let stores = env.database.stores
        guard let task = try await stores.ledgers.task(id: taskID),
            task.agencyID == identity.agency.id || task.agencyID == identity.agency.parentID
        else {
            throw DomainError.notFound("该任务")
        }
        let office = identity.holds(anyOf: [.officeAdmin]) && task.agencyID == identity.agency.id
        guard office || task.isReporter(agencyID: identity.agency.id, departmentID: identity.user.departmentID) else {
            throw DomainError.forbidden("只有该任务的责任科室可以报送进展")
        }
        guard task.status == .open else { throw DomainError.conflict("该任务已销号") }
        let rounds = try await stores.ledgers.rounds(planID: task.planID)
        guard let roundID = input.roundId, let round = rounds.first(where: { $0.id == roundID }) else {
            throw DomainError.invalid("roundId", "请选择报送轮次")
        }
        let text = try RequestSteps.trimmed(input.text, "text", "请填写进展落实情况", limit: 5000)
        let percent = input.percent ?? 0
        guard (0...100).contains(percent) else { throw DomainError.invalid("percent", "完成进度须为 0-100") }
        let state = try RequestService.parse(input.state ?? "", "state", ProgressReport.State.self)
        var evidence: [String] = []
        for link in input.evidence ?? [] {
            let l = link.trimmingCharacters(in: .whitespaces)
            if l.isEmpty { continue }
            guard l.hasPrefix("/") || l.hasPrefix("https://") || l.hasPrefix("http://"), l.count <= 500, !l.contains(where: \.isWhitespace)
            else {
                throw DomainError.invalid("evidence", "佐证材料须为本站地址（/documents/…）或网址")
            }
            evidence.append(l)
        }
        let checked = try files.filter { !$0.data.isEmpty }.map { try Evidence($0.data, fileName: $0.fileName) }
        if state == .done && evidence.isEmpty && checked.isEmpty {
            throw DomainError.invalid("evidence", "报送“已完成”须附佐证材料（已公开文件的链接或上传文件）")
        }
        let unit =
            task.units.first(where: { $0.agencyID == identity.agency.id })?.name
            ?? task.units.first(where: { $0.departmentID != nil && $0.departmentID == identity.user.departmentID })?.name
            ?? task.leadUnits.first?.name ?? identity.agency.name
        let existing = try await stores.ledgers.reports(planID: task.planID).filter {
            $0.taskID == task.id && $0.roundID == round.id && $0.unitName == unit
        }
        if existing.contains(where: { $0.review == .pending }) { throw DomainError.conflict("本轮已报送，正在等待审核") }
        if existing.contains(where: { $0.review == .accepted }) { throw DomainError.conflict("本轮报送已审核通过") }
        let now = env.nowMillis
        let actor = AuditActor(identity, address: address)
        let department = identity.user.departmentID
        let links = evidence
        let attachments = checked
        return try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            let r = try await stores.ledgers.createReport(
                ProgressReport(
                    planID: task.planID, taskID: task.id, roundID: round.id, unitName: unit, departmentID: department, text: text,
                    percent: percent, state: state, evidence: links, submittedBy: identity.user.displayName, submittedAtMillis: now))
            for a in attachments { _ = try await a.store(report: r, atMillis: now, in: stores) }
            try await trail.log(.ledgerReport, .ledgerTask, task.id, detail: "\(unit)报送\(round.title)：\(state.label) \(percent)%")
            return r
        }
    }

    /// The office's review: accept (the task's progress follows; "已完成" with evidence closes it) or return.
    public func review(reportID: Int64, decision: String?, comment: String?, identity: StaffIdentity, address: String) async throws
        -> ProgressReport
    {
        let accept: Bool
        switch decision {
        case "accept": accept = true
        case "return": accept = false
        default: throw DomainError.invalid("decision", "decision 须为 accept（通过）或 return（退回）")
        }
        let note = (comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !accept && note.isEmpty { throw DomainError.invalid("comment", "退回须写明意见") }
        let now = env.nowMillis
        let actor = AuditActor(identity, address: address)
        let agencyID = identity.agency.id
        return try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            guard var r = try await stores.ledgers.report(id: reportID), var task = try await stores.ledgers.task(id: r.taskID),
                task.agencyID == agencyID
            else { throw DomainError.notFound("该进展报送") }
            guard r.review == .pending else { throw DomainError.conflict("该报送已审核（\(r.review.label)）") }
            r.review = accept ? .accepted : .returned
            r.reviewComment = String(note.prefix(2000))
            r.reviewedBy = identity.user.displayName
            r.reviewedAtMillis = now
            try await stores.ledgers.updateReport(r)
            if accept {
                task.progress = max(task.progress, r.percent)
                if r.state == .done {
                    task.status = .closed
                    task.progress = 100
                }
                try await stores.ledgers.updateTask(task)
                try await Self.rollUp(task, stores: stores)
            }
            try await trail.log(
                accept ? .ledgerAccept : .ledgerReturn, .ledgerTask, task.id,
                detail: (accept ? "通过" : "退回") + "\(r.unitName)的进展报送" + (task.status == .closed ? "，任务销号" : "")
                    + (note.isEmpty ? "" : "：\(note)"))
            return r
        }
    }

    /// A parent's progress is its sub-tasks' weighted mean; it closes when they all have.
    static func rollUp(_ task: LedgerTask, stores: any Stores) async throws {
        guard let parentID = task.parentID, var parent = try await stores.ledgers.task(id: parentID) else { return }
        let subs = try await stores.ledgers.tasks(planID: task.planID).filter { $0.parentID == parentID }
        let weight = subs.reduce(0) { $0 + max($1.weight, 0) }
        guard weight > 0 else { return }
        parent.progress = subs.reduce(0) { $0 + $1.progress * max($1.weight, 0) } / weight
        if subs.allSatisfy({ $0.status == .closed }) {
            parent.status = .closed
            parent.progress = 100
        }
        try await stores.ledgers.updateTask(parent)
    }

    /// 督办: the office presses the units of a task.
    public func supervise(taskID: Int64, text: String?, identity: StaffIdentity, address: String) async throws -> LedgerNotice {
        let body = try RequestSteps.trimmed(text, "text", "请填写督办内容", limit: 2000)
        let now = env.nowMillis
        let actor = AuditActor(identity, address: address)
        let agencyID = identity.agency.id
        return try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            guard let task = try await stores.ledgers.task(id: taskID), task.agencyID == agencyID else { throw DomainError.notFound("该任务") }
            let n = try await stores.ledgers.createNotice(
                LedgerNotice(planID: task.planID, taskID: task.id, text: body, createdBy: identity.user.displayName, createdAtMillis: now))
            try await trail.log(.ledgerSupervise, .ledgerTask, task.id, detail: "督办：\(body)")
            return n
        }
    }

    public func deductions(_ plan: WorkPlan, scoring: LedgerScoring = .standard) async throws -> [LedgerScoring.Deduction] {
        let stores = env.database.stores
        return scoring.deductions(
            tasks: try await stores.ledgers.tasks(planID: plan.id), rounds: try await stores.ledgers.rounds(planID: plan.id),
            reports: try await stores.ledgers.reports(planID: plan.id), today: env.today,
            yearEnd: CivilDate(year: plan.year, month: 12, day: 31)!,
            dayOfMillis: { CivilDate(daysSinceEpoch: Int((Double($0) / 1000 + 8 * 3600) / 86400)) })
    }

    /// 回头看: carries the plan's unfinished tasks into next year's plan, each keeping a link to its history.
    public func carryOver(_ planID: Int64, identity: StaffIdentity, address: String) async throws -> (WorkPlan, Int) {
        let plan = try await plan(planID, of: identity.agency.id)
        let now = env.nowMillis
        let actor = AuditActor(identity, address: address)
        return try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            let open = try await stores.ledgers.tasks(planID: plan.id).filter { $0.status == .open && $0.parentID == nil }
            guard !open.isEmpty else { throw DomainError.conflict("该台账的任务都已销号，没有需要结转的任务") }
            let existing = try await stores.ledgers.plans(agencyID: plan.agencyID).first { $0.year == plan.year + 1 }
            let next: WorkPlan
            if let existing {
                next = existing
            } else {
                next = try await stores.ledgers.createPlan(
                    WorkPlan(agencyID: plan.agencyID, year: plan.year + 1, title: "\(plan.year + 1)年结转任务", createdAtMillis: now))
            }
            let already = Set(try await stores.ledgers.tasks(planID: next.id).compactMap(\.carriedFrom))
            var position = try await stores.ledgers.tasks(planID: next.id).map(\.position).max() ?? 0
            var carried = 0
            for t in open where !already.contains(t.id) {
                position += 1
                var copy = t
                copy.id = 0
                copy.planID = next.id
                copy.position = position
                copy.carriedFrom = t.id
                copy.deadline = t.deadline == .ongoing ? .ongoing : .none
                _ = try await stores.ledgers.createTask(copy)
                carried += 1
            }
            try await trail.log(.ledgerCarryOver, .workPlan, plan.id, detail: "\(carried) 项未销号任务结转至\(next.year)年")
            return (next, carried)
        }
    }

    /// The year's 落实情况 for the annual report: counts and each task's accepted state.
    public func summary(_ plan: WorkPlan) async throws -> String {
        let tasks = try await env.database.stores.ledgers.tasks(planID: plan.id).filter { $0.parentID == nil }
        let closed = tasks.filter { $0.status == .closed }.count
        var lines = ["\(plan.year)年政务公开工作要点共 \(tasks.count) 项重点任务，已完成（销号）\(closed) 项，推进中 \(tasks.count - closed) 项。"]
        for t in tasks {
            lines.append("\(t.sectionNumber)-\(t.number) \(t.title)：\(t.status == .closed ? "已完成" : "推进中，完成 \(t.progress)%")")
        }
        return lines.joined(separator: "\n")
    }

    public struct AgendaItem: Sendable {
        public var title: String
        public var detail: String
        public var link: String
    }

    /// Reminders: a unit's tasks not yet reported in a round due within seven days (or already
    /// past, 逾期), 督办 on its tasks; for the office, reports waiting for review.
    public func agenda(for identity: StaffIdentity) async throws -> [AgendaItem] {
        let stores = env.database.stores
        let today = env.today
        var items: [AgendaItem] = []
        var plans = try await stores.ledgers.plans(agencyID: identity.agency.id)
        if let parent = identity.agency.parentID { plans += try await stores.ledgers.plans(agencyID: parent) }
        let department = identity.user.departmentID
        for plan in plans where plan.year >= today.year - 1 {
            let path = "/console/ledgers/\(plan.id)"
            let reports = try await stores.ledgers.reports(planID: plan.id)
            if identity.holds(anyOf: [.officeAdmin]) && plan.agencyID == identity.agency.id {
                let pending = reports.filter { $0.review == .pending }.count
                if pending > 0 { items.append(AgendaItem(title: "\(plan.title)：\(pending) 份进展报送待审核", detail: "审核通过后才会公开", link: path)) }
            }
            let tasks = try await stores.ledgers.tasks(planID: plan.id).filter {
                $0.status == .open && $0.isReporter(agencyID: identity.agency.id, departmentID: department)
            }
            guard !tasks.isEmpty else { continue }
            for round in try await stores.ledgers.rounds(planID: plan.id) where round.dueOn <= today.adding(days: 7) {
                let missing = tasks.filter { t in
                    !reports.contains {
                        $0.taskID == t.id && $0.roundID == round.id && $0.review != .returned
                            && (plan.agencyID == identity.agency.id ? $0.departmentID == department : $0.unitName == identity.agency.name)
                    }
                }
                guard !missing.isEmpty else { continue }
                let late = round.dueOn < today
                items.append(
                    AgendaItem(
                        title: "\(plan.title)：\(missing.count) 项任务\(late ? "逾期未报送" : "待报送")（\(round.title)）",
                        detail: "截止 \(round.dueOn.chinese)" + (late ? "，已逾期" : ""), link: path))
            }
            let notices = try await stores.ledgers.notices(planID: plan.id).filter { n in tasks.contains { $0.id == n.taskID } }
            for n in notices.suffix(3) {
                items.append(AgendaItem(title: "督办：\(n.text.prefix(40))", detail: "\(n.createdBy)发出", link: path))
            }
        }
        return items
    }

    /// Matches a name the import could not place to a department or a subordinate agency, in every task of the plan.
    public func resolveUnit(
        _ planID: Int64, name: String?, departmentID: Int64?, agencyID: Int64?, identity: StaffIdentity, address: String
    )
        async throws -> Int
    {
        let plan = try await plan(planID, of: identity.agency.id)
        let raw = try RequestSteps.trimmed(name, "name", "请给出台账中写的单位名称", limit: 100)
        let stores = env.database.stores
        let target: TaskUnit
        if let departmentID, let d = try await stores.agencies.departments(of: identity.agency.id).first(where: { $0.id == departmentID }) {
            target = TaskUnit(name: d.name, departmentID: d.id)
        } else if let agencyID, let a = try await stores.agencies.find(id: agencyID), a.parentID == identity.agency.id {
            target = TaskUnit(name: a.name, agencyID: a.id)
        } else {
            throw DomainError.invalid("departmentId", "请选择本机关的科室或委属单位")
        }
        let now = env.nowMillis
        let actor = AuditActor(identity, address: address)
        return try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            var changed = 0
            for var task in try await stores.ledgers.tasks(planID: plan.id) {
                guard let i = task.units.firstIndex(where: { $0.name == raw && !$0.isMatched }) else { continue }
                var unit = target
                unit.role = task.units[i].role
                if task.units.contains(where: { $0.name == unit.name }) { task.units.remove(at: i) } else { task.units[i] = unit }
                try await stores.ledgers.updateTask(task)
                changed += 1
            }
            guard changed > 0 else { throw DomainError.conflict("台账中没有未对应的单位“\(raw)”") }
            try await trail.log(.ledgerUnits, .workPlan, plan.id, detail: "“\(raw)”对应为\(target.name)，\(changed) 项任务")
            return changed
        }
    }

    /// Links the plan to the document that published it in the catalog.
    public func linkDocument(_ planID: Int64, documentID: Int64?, identity: StaffIdentity) async throws -> WorkPlan {
        var plan = try await plan(planID, of: identity.agency.id)
        guard let documentID, let doc = try await env.database.stores.catalog.find(id: documentID), doc.agencyID == identity.agency.id
        else {
            throw DomainError.invalid("documentId", "本机关目录中没有该文件")
        }
        plan.documentID = doc.id
        try await env.database.stores.ledgers.setDocument(planID: plan.id, documentID: doc.id)
        return plan
    }

    static let registerHeader = ["序号", "重点工作", "主要内容", "量化指标", "责任科室（单位）", "完成时限", "进展落实情况"]

    /// The register in the ledger's own layout (sections, the header row per section, one row per
    /// task) with each task's latest accepted progress, as .docx or .xlsx.
    public func export(_ planID: Int64, format: String, identity: StaffIdentity) async throws -> (
        data: Data, contentType: String, fileName: String
    ) {
        let plan = try await plan(planID, of: identity.agency.id)
        let stores = env.database.stores
        let tasks = try await stores.ledgers.tasks(planID: plan.id)
        let accepted = try await stores.ledgers.reports(planID: plan.id).filter { $0.review == .accepted }
        func row(_ t: LedgerTask) -> [String] {
            let deadline: String =
                switch t.deadline {
                case .date(let d): t.deadlineText.isEmpty ? d.chinese : t.deadlineText
                case .ongoing: t.deadlineText.isEmpty ? "长期坚持" : t.deadlineText
                case .none: t.deadlineText
                }
            let units = t.units.map { $0.name + ($0.role == .cooperating ? "（配合）" : "") }.joined(separator: "、")
            let progress = accepted.last { $0.taskID == t.id }.map { "\($0.text)（\($0.percent)%）" } ?? ""
            return [t.number, t.title, t.content, t.indicator, units, deadline, (t.status == .closed ? "【已销号】" : "") + progress]
        }
        var sections: [(String, [[String]])] = []
        for t in tasks {
            let heading = "\(t.sectionNumber)、\(t.sectionTitle)"
            if sections.last?.0 != heading { sections.append((heading, [])) }
            sections[sections.count - 1].1.append(row(t))
        }
        let stamp = "填报单位：\(identity.agency.name)　　填报时间：\(env.today.chinese)"
        let base = "ledger-\(plan.year)-\(plan.id)"
        do {
            switch format {
            case "docx":
                var blocks: [OfficeWriter.Block] = [.title(plan.title), .paragraph(stamp)]
                for (heading, rows) in sections { blocks += [.heading(heading), .table(header: Self.registerHeader, rows: rows)] }
                return (
                    try OfficeWriter.docx(blocks), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", base + ".docx"
                )
            case "xlsx":
                var rows: [[String]] = [[plan.title], [stamp]]
                var bold: Set<Int> = [0]
                for (heading, taskRows) in sections {
                    bold.insert(rows.count)
                    rows.append([heading])
                    bold.insert(rows.count)
                    rows.append(Self.registerHeader)
                    rows += taskRows
                }
                return (
                    try OfficeWriter.xlsx(sheet: "任务落实台账", rows: rows, bold: bold, columnWidths: [6, 24, 48, 30, 22, 12, 40]),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", base + ".xlsx"
                )
            default:
                throw DomainError.invalid("format", "format 须为 docx 或 xlsx")
            }
        } catch let e as FileError {
            throw DomainError.conflict(e.message)
        }
    }

    /// Attaches an evidence file to a report of the caller's unit that the office has not yet accepted.
    public func attach(reportID: Int64, data: Data, fileName: String, identity: StaffIdentity, address: String) async throws -> EvidenceFile
    {
        let stores = env.database.stores
        guard let report = try await stores.ledgers.report(id: reportID), let task = try await stores.ledgers.task(id: report.taskID),
            task.agencyID == identity.agency.id
        else { throw DomainError.notFound("该进展报送") }
        guard identity.holds(anyOf: [.officeAdmin]) || (report.departmentID != nil && report.departmentID == identity.user.departmentID)
        else {
            throw DomainError.forbidden("只能为本科室的报送上传佐证材料")
        }
        guard report.review == .pending else { throw DomainError.conflict("该报送已审核，不能再补充材料") }
        guard !data.isEmpty else { throw DomainError.invalid("file", "请选择文件") }
        let evidence = try Evidence(data, fileName: fileName)
        let now = env.nowMillis
        let actor = AuditActor(identity, address: address)
        return try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            let f = try await evidence.store(report: report, atMillis: now, in: stores)
            try await trail.log(.ledgerEvidence, .ledgerTask, task.id, detail: "佐证材料：\(evidence.name)")
            return f
        }
    }

    /// An evidence file checked before its report's transaction: a kind attachments may have, and
    /// the name without any folder.
    struct Evidence: Sendable {
        var kind: FileKind
        var name: String
        var bytes: [UInt8]

        init(_ data: Data, fileName: String) throws(DomainError) {
            guard let kind = FileKind.detect(data, fileName: fileName), FileKind.attachable.contains(kind) else {
                throw .invalid("file", "佐证材料须为 PDF、Word、Excel、OFD 或 JPEG、PNG 图片")
            }
            self.kind = kind
            name = String(String(fileName.split(separator: "/").last ?? "file").prefix(120))
            bytes = [UInt8](data)
        }

        func store(report: ProgressReport, atMillis now: Int64, in stores: any Stores) async throws -> EvidenceFile {
            try await stores.ledgers.addFile(
                EvidenceFile(
                    planID: report.planID, reportID: report.id, fileName: name, contentType: kind.contentType, size: Int64(bytes.count),
                    createdAtMillis: now), data: bytes)
        }
    }

    public struct TaskEdit: Decodable, Sendable {

        public init(title: String? = nil, indicator: String? = nil, weight: Int? = nil, deadline: String? = nil) {

            self.title = title

            self.indicator = indicator

            self.weight = weight

            self.deadline = deadline

        }

        var title: String?
        var indicator: String?
        var weight: Int?
        /// "YYYY-MM-DD", "ongoing", or "" for none.
        var deadline: String?
    }

    /// The office adjusts a task: its title, indicator, deadline, or its weight within its parent.
    public func edit(taskID: Int64, _ e: TaskEdit, identity: StaffIdentity, address: String) async throws -> LedgerTask {
        let now = env.nowMillis
        let actor = AuditActor(identity, address: address)
        let agencyID = identity.agency.id
        var deadline: TaskDeadline?
        if let text = e.deadline {
            if text == "ongoing" {
                deadline = .ongoing
            } else if text.isEmpty {
                deadline = TaskDeadline.none
            } else if let d = CivilDate(iso: text) {
                deadline = .date(d)
            } else {
                throw DomainError.invalid("deadline", "deadline 须为 YYYY-MM-DD、ongoing 或空")
            }
        }
        if let w = e.weight, !(1...100).contains(w) { throw DomainError.invalid("weight", "权重须为 1-100") }
        if let t = e.title, t.trimmingCharacters(in: .whitespaces).isEmpty || t.count > 200 {
            throw DomainError.invalid("title", "任务名称须为 1-200 字")
        }
        let newDeadline = deadline
        return try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            guard var task = try await stores.ledgers.task(id: taskID), task.agencyID == agencyID else { throw DomainError.notFound("该任务") }
            let before = "\(task.title)｜\(task.deadline.apiValue ?? "")｜\(task.weight)"
            if let t = e.title { task.title = t.trimmingCharacters(in: .whitespaces) }
            if let i = e.indicator { task.indicator = String(i.prefix(2000)) }
            if let w = e.weight { task.weight = w }
            if let d = newDeadline {
                task.deadline = d
                task.deadlineText = ""
            }
            try await stores.ledgers.updateTask(task)
            try await Self.rollUp(task, stores: stores)
            try await trail.log(
                .ledgerTaskEdit, .ledgerTask, task.id, before: before, after: "\(task.title)｜\(task.deadline.apiValue ?? "")｜\(task.weight)"
            )
            return task
        }
    }
}
