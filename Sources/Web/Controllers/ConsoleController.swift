import Domain
import Hummingbird
import Services

/// The staff console's home: what awaits the signed-in person, by role.
struct ConsoleController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, Routes.Console.home, .anyStaff, use: home)
    }

    @Sendable func home(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let agenda = try await Agenda.items(for: identity, in: env)
        return try await pages.respond("工作台", area: .console, request: request, context: context) { chrome in
            ConsolePage(identity: identity, agenda: agenda).content(chrome)
        }
    }
}

/// What awaits a person. Each later module (review queue, requests nearing their deadline,
/// ledger tasks due) adds its items here. The foundation's own: locked accounts for the system
/// administrator, and next year's holiday notice for the office once it is due (the State
/// Council publishes it each November; deadlines running into that year stay provisional until
/// it is entered).
enum Agenda {
    struct Item: Sendable {
        var title: String
        var detail: String
        var link: String
        /// The list this item belongs to, counted on the console home (待办统计).
        var queue: Queue = .other
    }

    enum Queue: String, CaseIterable, Sendable {
        case accounts, documents, requests, ledgers, mailbox, proposals, reports, calendar, other

        var label: String {
            switch self {
            case .accounts: "账号"
            case .documents: "主动公开"
            case .requests: "依申请公开"
            case .ledgers: "工作台账"
            case .mailbox: "领导信箱"
            case .proposals: "建议提案"
            case .reports: "年度报告"
            case .calendar: "工作日历"
            case .other: "其他"
            }
        }

        var link: String {
            switch self {
            case .accounts: Routes.Console.users.path()
            case .documents: Routes.Console.documents.path()
            case .requests: Routes.Console.requests.path()
            case .ledgers: Routes.Console.ledgers.path()
            case .mailbox: Routes.Console.mailbox.path()
            case .proposals: Routes.Console.proposals.path()
            case .reports: Routes.Console.reports.path()
            case .calendar: Routes.Console.calendar.path()
            case .other: Routes.Console.home.path()
            }
        }
    }

    /// How many items each queue holds, in the order of `Queue`, leaving out the empty ones.
    static func counts(_ items: [Item]) -> [(Queue, Int)] {
        Queue.allCases.compactMap { q in
            let n = items.count { $0.queue == q }
            return n == 0 ? nil : (q, n)
        }
    }

    static func items(for identity: StaffIdentity, in env: WebEnvironment) async throws -> [Item] {
        var items: [Item] = []
        if identity.holds(anyOf: [.systemAdmin]) {
            let now = env.clock()
            for user in try await env.database.stores.users.list(agencyID: identity.agency.id) where user.isLocked(at: now) {
                items.append(
                    Item(
                        title: "账号 \(user.username)（\(user.displayName)）因多次输错密码被锁定",
                        detail: "核实本人后可解锁", link: Routes.Console.users.path(), queue: .accounts))
            }
        }
        for q in try await ReviewQueue.items(for: identity, env: env.services) {
            items.append(
                Item(
                    title: q.document.title, detail: "\(q.task)，\(q.overdue ? "已超期，" : "")应于\(q.due.chinese)前办理",
                    link: Routes.Console.document.path(q.document.id), queue: .documents))
        }
        if identity.holds(anyOf: [.requestHandler, .officeAdmin]) {
            let digest = try await RequestDigest(env: env.services).lists(agencyID: identity.agency.id)
            for (rs, what) in [(digest.overdue, "已逾期"), (digest.dueSoon, "三个工作日内到期"), (digest.lapsed, "补正或缴费期限已过，待结案")] {
                for r in rs {
                    items.append(
                        Item(
                            title: "依申请公开 \(r.trackingCode)：\(r.description.prefix(30))",
                            detail: what + (r.dueOn.map { "，答复期限 \($0.chinese)" } ?? ""), link: Routes.Console.request.path(r.id),
                            queue: .requests))
                }
            }
        }
        items += try await LedgerService(env: env.services).agenda(for: identity).map {
            Item(title: $0.title, detail: $0.detail, link: $0.link, queue: .ledgers)
        }
        let office = identity.holds(anyOf: MailboxService.office)
        if office || identity.user.departmentID != nil {
            let letters = try await env.database.stores.mailbox.list(
                agencyID: identity.agency.id, departmentID: office ? nil : identity.user.departmentID)
            let today = env.today
            for m in letters
            where m.status != .closed
                && (m.isOverdue(today: today) || m.dueOn <= today.adding(days: 2) || m.status == .received || m.status == .answered)
            {
                let what =
                    m.status == .received ? "待交办" : m.status == .answered ? "答复待审核" : m.isOverdue(today: today) ? "已超期" : "即将到期"
                items.append(
                    Item(
                        title: "\(m.kind.label)：\(m.subject)", detail: "\(what)，答复期限 \(m.dueOn.chinese)",
                        link: Routes.Console.mailboxLetter.path(m.id), queue: .mailbox)
                )
            }
        }
        if identity.holds(anyOf: ProposalService.office) {
            let today = env.today
            for p in try await env.database.stores.proposals.list(agencyID: identity.agency.id, year: nil)
            where !p.isReplied && p.dueOn <= today.adding(days: 14) {
                items.append(
                    Item(
                        title: "\(p.kind.label)第\(p.number)号：\(p.title)",
                        detail: (p.isOverdue(today: today) ? "已超期，" : "") + "答复期限 \(p.dueOn.chinese)",
                        link: Routes.Console.proposal.path(p.id), queue: .proposals))
            }
        }
        if let due = try await AnnualReportService(env: env.services).reminder(for: identity) {
            items.append(
                Item(title: due.text, detail: "年度报告由平台数据生成，填写说明部分并锁定数据后发布", link: Routes.Console.report.path(due.year), queue: .reports))
        }
        if identity.holds(anyOf: [.officeAdmin]) {
            let today = env.today
            let next = today.year + 1
            if today.month >= 11, !env.calendar.current.hasNotice(for: next) {
                items.append(
                    Item(
                        title: "录入 \(next) 年法定节假日安排", detail: "未录入前，跨入 \(next) 年的期限按暂定计算",
                        link: Routes.Console.calendar.path(), queue: .calendar))
            }
        }
        return items
    }
}
