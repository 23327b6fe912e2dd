import Domain
import Foundation
import SQLKit
import Storage

struct SQLLedgerStore: LedgerStore {
    let db: any SQLDatabase

    func insert(_ table: String, _ values: [(String, any Encodable & Sendable)]) async throws -> Int64 {
        let row = try await db.insert(into: table).columns(values.map { SQLColumn($0.0) }).values(values.map { SQLBind($0.1) })
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("保存失败") }
        return id
    }

    static func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try JSONEncoder().encode(value), as: UTF8.self) }
    static func decodeJSON<T: Decodable>(_ text: String, _: T.Type) throws -> T { try JSONDecoder().decode(T.self, from: Data(text.utf8)) }

    // MARK: Plans

    static func plan(_ row: any SQLRow) throws -> WorkPlan {
        WorkPlan(
            id: try row.decode(column: "id"), agencyID: try row.decode(column: "agency_id"), year: try row.decode(column: "year"),
            title: try row.decode(column: "title"), documentID: try row.decode(column: "document_id"),
            createdAtMillis: try row.decode(column: "created_at_ms"))
    }

    func createPlan(_ p: WorkPlan) async throws -> WorkPlan {
        var stored = p
        stored.id = try await insert(
            "work_plans",
            [
                ("agency_id", p.agencyID), ("year", p.year), ("title", p.title), ("document_id", p.documentID),
                ("created_at_ms", p.createdAtMillis),
            ])
        return stored
    }

    func plan(id: Int64) async throws -> WorkPlan? {
        try await db.select().column("*").from("work_plans").where("id", .equal, SQLBind(id)).first().map(Self.plan)
    }

    func plans(agencyID: Int64) async throws -> [WorkPlan] {
        try await db.select().column("*").from("work_plans").where("agency_id", .equal, SQLBind(agencyID))
            .orderBy("year", .descending).orderBy("id", .descending).all().map(Self.plan)
    }

    func setDocument(planID: Int64, documentID: Int64?) async throws {
        try await db.update("work_plans").set("document_id", to: SQLBind(documentID)).where("id", .equal, SQLBind(planID)).run()
    }

    // MARK: Tasks

    static func task(_ row: any SQLRow) throws -> LedgerTask {
        let deadline: TaskDeadline =
            switch try row.decode(column: "deadline", as: String?.self) {
            case nil: .none
            case "ongoing": .ongoing
            case let text?: CivilDate(iso: text).map(TaskDeadline.date) ?? .none
            }
        return LedgerTask(
            id: try row.decode(column: "id"), planID: try row.decode(column: "plan_id"), agencyID: try row.decode(column: "agency_id"),
            parentID: try row.decode(column: "parent_id"), position: try row.decode(column: "position"),
            sectionNumber: try row.decode(column: "section_number"), sectionTitle: try row.decode(column: "section_title"),
            number: try row.decode(column: "number"), title: try row.decode(column: "title"), content: try row.decode(column: "content"),
            indicator: try row.decode(column: "indicator"), leader: try row.decode(column: "leader"),
            units: try decodeJSON(try row.decode(column: "units_json", as: String.self), [TaskUnit].self), deadline: deadline,
            deadlineText: try row.decode(column: "deadline_text"), weight: try row.decode(column: "weight"),
            status: LedgerTask.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
            progress: try row.decode(column: "progress"), carriedFrom: try row.decode(column: "carried_from"))
    }

    static func taskValues(_ t: LedgerTask) throws -> [(String, any Encodable & Sendable)] {
        [
            ("plan_id", t.planID), ("agency_id", t.agencyID), ("parent_id", t.parentID), ("position", t.position),
            ("section_number", t.sectionNumber), ("section_title", t.sectionTitle), ("number", t.number), ("title", t.title),
            ("content", t.content), ("indicator", t.indicator), ("leader", t.leader), ("units_json", try json(t.units)),
            ("deadline", t.deadline.apiValue), ("deadline_text", t.deadlineText), ("weight", t.weight), ("status", t.status.rawValue),
            ("progress", t.progress), ("carried_from", t.carriedFrom),
        ]
    }

    func createTask(_ t: LedgerTask) async throws -> LedgerTask {
        var stored = t
        stored.id = try await insert("ledger_tasks", try Self.taskValues(t))
        return stored
    }

    func task(id: Int64) async throws -> LedgerTask? {
        try await db.select().column("*").from("ledger_tasks").where("id", .equal, SQLBind(id)).first().map(Self.task)
    }

    func tasks(planID: Int64) async throws -> [LedgerTask] {
        try await db.select().column("*").from("ledger_tasks").where("plan_id", .equal, SQLBind(planID)).orderBy("position")
            .orderBy("id").all().map(Self.task)
    }

    func updateTask(_ t: LedgerTask) async throws {
        var update = db.update("ledger_tasks")
        for (column, value) in try Self.taskValues(t) { update = update.set(SQLColumn(column), to: SQLBind(value)) }
        try await update.where("id", .equal, SQLBind(t.id)).run()
    }

    // MARK: Rounds

    func createRound(_ r: ReportingRound) async throws -> ReportingRound {
        var stored = r
        stored.id = try await insert("reporting_rounds", [("plan_id", r.planID), ("title", r.title), ("due_on", r.dueOn.description)])
        return stored
    }

    func rounds(planID: Int64) async throws -> [ReportingRound] {
        try await db.select().column("*").from("reporting_rounds").where("plan_id", .equal, SQLBind(planID)).orderBy("due_on")
            .orderBy("id").all().map { row in
                ReportingRound(
                    id: try row.decode(column: "id"), planID: try row.decode(column: "plan_id"), title: try row.decode(column: "title"),
                    dueOn: CivilDate(iso: try row.decode(column: "due_on", as: String.self)) ?? CivilDate(daysSinceEpoch: 0))
            }
    }

    // MARK: Reports

    static func report(_ row: any SQLRow) throws -> ProgressReport {
        ProgressReport(
            id: try row.decode(column: "id"), planID: try row.decode(column: "plan_id"), taskID: try row.decode(column: "task_id"),
            roundID: try row.decode(column: "round_id"), unitName: try row.decode(column: "unit_name"),
            departmentID: try row.decode(column: "department_id"), text: try row.decode(column: "text"),
            percent: try row.decode(column: "percent"),
            state: ProgressReport.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .onTrack,
            evidence: try decodeJSON(try row.decode(column: "evidence_json", as: String.self), [String].self),
            submittedBy: try row.decode(column: "submitted_by"), submittedAtMillis: try row.decode(column: "submitted_at_ms"),
            review: ProgressReport.Review(rawValue: try row.decode(column: "review", as: String.self)) ?? .pending,
            reviewComment: try row.decode(column: "review_comment"), reviewedBy: try row.decode(column: "reviewed_by"),
            reviewedAtMillis: try row.decode(column: "reviewed_at_ms"))
    }

    func createReport(_ r: ProgressReport) async throws -> ProgressReport {
        var stored = r
        stored.id = try await insert(
            "progress_reports",
            [
                ("plan_id", r.planID), ("task_id", r.taskID), ("round_id", r.roundID), ("unit_name", r.unitName),
                ("department_id", r.departmentID), ("text", r.text), ("percent", r.percent), ("state", r.state.rawValue),
                ("evidence_json", try Self.json(r.evidence)), ("submitted_by", r.submittedBy), ("submitted_at_ms", r.submittedAtMillis),
                ("review", r.review.rawValue), ("review_comment", r.reviewComment), ("reviewed_by", r.reviewedBy),
                ("reviewed_at_ms", r.reviewedAtMillis),
            ])
        return stored
    }

    func report(id: Int64) async throws -> ProgressReport? {
        try await db.select().column("*").from("progress_reports").where("id", .equal, SQLBind(id)).first().map(Self.report)
    }

    func reports(planID: Int64) async throws -> [ProgressReport] {
        try await db.select().column("*").from("progress_reports").where("plan_id", .equal, SQLBind(planID)).orderBy("id").all()
            .map(Self.report)
    }

    func updateReport(_ r: ProgressReport) async throws {
        try await db.update("progress_reports").set("review", to: SQLBind(r.review.rawValue))
            .set("review_comment", to: SQLBind(r.reviewComment)).set("reviewed_by", to: SQLBind(r.reviewedBy))
            .set("reviewed_at_ms", to: SQLBind(r.reviewedAtMillis)).where("id", .equal, SQLBind(r.id)).run()
    }

    // MARK: Evidence

    static func file(_ row: any SQLRow) throws -> EvidenceFile {
        EvidenceFile(
            id: try row.decode(column: "id"), planID: try row.decode(column: "plan_id"), reportID: try row.decode(column: "report_id"),
            fileName: try row.decode(column: "file_name"), contentType: try row.decode(column: "content_type"),
            size: try row.decode(column: "size"), createdAtMillis: try row.decode(column: "created_at_ms"))
    }

    func addFile(_ f: EvidenceFile, data: [UInt8]) async throws -> EvidenceFile {
        var stored = f
        stored.id = try await insert(
            "ledger_files",
            [
                ("plan_id", f.planID), ("report_id", f.reportID), ("file_name", f.fileName), ("content_type", f.contentType),
                ("size", f.size), ("data", Data(data)), ("created_at_ms", f.createdAtMillis),
            ])
        return stored
    }

    func files(planID: Int64) async throws -> [EvidenceFile] {
        try await db.select().columns("id", "plan_id", "report_id", "file_name", "content_type", "size", "created_at_ms").from(
            "ledger_files"
        )
        .where("plan_id", .equal, SQLBind(planID)).orderBy("id").all().map(Self.file)
    }

    func file(id: Int64) async throws -> (EvidenceFile, [UInt8])? {
        guard let row = try await db.select().column("*").from("ledger_files").where("id", .equal, SQLBind(id)).first() else { return nil }
        return (try Self.file(row), [UInt8](try row.decode(column: "data", as: Data.self)))
    }

    // MARK: Notices

    func createNotice(_ n: LedgerNotice) async throws -> LedgerNotice {
        var stored = n
        stored.id = try await insert(
            "ledger_notices",
            [
                ("plan_id", n.planID), ("task_id", n.taskID), ("text", n.text), ("created_by", n.createdBy),
                ("created_at_ms", n.createdAtMillis),
            ])
        return stored
    }

    func notices(planID: Int64) async throws -> [LedgerNotice] {
        try await db.select().column("*").from("ledger_notices").where("plan_id", .equal, SQLBind(planID)).orderBy("id").all().map { row in
            LedgerNotice(
                id: try row.decode(column: "id"), planID: try row.decode(column: "plan_id"), taskID: try row.decode(column: "task_id"),
                text: try row.decode(column: "text"), createdBy: try row.decode(column: "created_by"),
                createdAtMillis: try row.decode(column: "created_at_ms"))
        }
    }
}
