public import Domain

/// A 督办 notice: the office pressing a unit on a task.
public struct LedgerNotice: Hashable, Sendable {
    public var id: Int64
    public var planID: Int64
    public var taskID: Int64
    public var text: String
    public var createdBy: String
    public var createdAtMillis: Int64

    public init(id: Int64 = 0, planID: Int64, taskID: Int64, text: String, createdBy: String, createdAtMillis: Int64) {
        self.id = id
        self.planID = planID
        self.taskID = taskID
        self.text = text
        self.createdBy = createdBy
        self.createdAtMillis = createdAtMillis
    }
}

/// A file a unit attached to a report as evidence.
public struct EvidenceFile: Hashable, Sendable {
    public var id: Int64
    public var planID: Int64
    public var reportID: Int64
    public var fileName: String
    public var contentType: String
    public var size: Int64
    public var createdAtMillis: Int64

    public init(
        id: Int64 = 0, planID: Int64, reportID: Int64, fileName: String, contentType: String, size: Int64, createdAtMillis: Int64
    ) {
        self.id = id
        self.planID = planID
        self.reportID = reportID
        self.fileName = fileName
        self.contentType = contentType
        self.size = size
        self.createdAtMillis = createdAtMillis
    }
}

/// Work plans, their tasks, reporting rounds, progress reports and 督办 notices.
public protocol LedgerStore: Sendable {
    func createPlan(_ plan: WorkPlan) async throws -> WorkPlan
    func plan(id: Int64) async throws -> WorkPlan?
    /// An agency's plans, newest year first.
    func plans(agencyID: Int64) async throws -> [WorkPlan]
    func setDocument(planID: Int64, documentID: Int64?) async throws
    func createTask(_ task: LedgerTask) async throws -> LedgerTask
    func task(id: Int64) async throws -> LedgerTask?
    /// A plan's tasks in their order, sub-tasks after their parent.
    func tasks(planID: Int64) async throws -> [LedgerTask]
    func updateTask(_ task: LedgerTask) async throws
    func createRound(_ round: ReportingRound) async throws -> ReportingRound
    func rounds(planID: Int64) async throws -> [ReportingRound]
    func createReport(_ report: ProgressReport) async throws -> ProgressReport
    func report(id: Int64) async throws -> ProgressReport?
    func reports(planID: Int64) async throws -> [ProgressReport]
    func updateReport(_ report: ProgressReport) async throws
    func createNotice(_ notice: LedgerNotice) async throws -> LedgerNotice
    func notices(planID: Int64) async throws -> [LedgerNotice]
    func addFile(_ file: EvidenceFile, data: [UInt8]) async throws -> EvidenceFile
    /// A plan's evidence files (without their bytes).
    func files(planID: Int64) async throws -> [EvidenceFile]
    func file(id: Int64) async throws -> (EvidenceFile, [UInt8])?
}
