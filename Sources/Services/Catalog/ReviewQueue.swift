public import Domain
import Storage

/// What waits for one person (待办): reviews at their level (for reviewers with a department,
/// only their department's documents), approved documents for publishers, and their own
/// returned drafts, each with a due date by the agency's review service standard.
public struct ReviewQueue: Sendable {
    public struct Item {
        public var document: CatalogDocument
        /// 科室负责人审核, 待发布, 已退回.
        public var task: String
        /// When the document reached this step (milliseconds since 1970).
        public var sinceMillis: Int64
        public var due: CivilDate
        public var overdue: Bool
    }

    /// A reviewer tied to a department decides at reviewer levels for that department only;
    /// the office and leaders review across departments.
    static func inScope(_ level: ReviewLevel, _ d: CatalogDocument, _ identity: StaffIdentity) -> Bool {
        guard level.role == .reviewer, let mine = identity.user.departmentID, let theirs = d.departmentID else { return true }
        return mine == theirs
    }

    public static func items(for identity: StaffIdentity, env: ServiceEnvironment) async throws -> [Item] {
        let service = try await CatalogService.load(env, agencyID: identity.agency.id)
        let stores = env.database.stores
        let calendar = env.calendar.current
        let today = env.today
        let docs = try await stores.catalog.list(
            agencyID: identity.agency.id, statuses: [.inReview, .approved, .returned], limit: 500, offset: 0)
        var out: [Item] = []
        for d in docs {
            var task: String?
            switch d.workflow.status {
            case .inReview:
                let levels = service.levels(for: d, findings: try await stores.catalog.findings(documentID: d.id))
                if levels.indices.contains(d.workflow.level) {
                    let level = levels[d.workflow.level]
                    if identity.user.roles.contains(level.role), d.drafterID != identity.user.id, inScope(level, d, identity) {
                        task = level.name
                    }
                }
            case .approved where identity.user.roles.contains(.publisher): task = "待发布"
            case .returned where d.drafterID == identity.user.id: task = "已退回，请修改后重新提交"
            default: break
            }
            guard let task else { continue }
            let since = try await stores.catalog.steps(documentID: d.id).last?.atMillis ?? d.updatedAtMillis
            let start = CivilDate(daysSinceEpoch: Int((since / 1000 + 8 * 3600) / 86400))
            let due = calendar.adding(service.settings.reviewDueWorkdays, workdaysTo: start).date
            out.append(Item(document: d, task: task, sinceMillis: since, due: due, overdue: due < today))
        }
        // Most urgent first.
        return out.sorted { ($0.due, $0.sinceMillis) < ($1.due, $1.sinceMillis) }
    }
}
