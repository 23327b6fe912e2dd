import Domain
import Plot
import Services
import Storage

/// The public progress page of a plan: every task with its deadline, status and accepted progress.
struct PublicPlanPage {
    var plan: LedgersController.PublicPlan

    func content() -> Node<HTML.BodyContext> {
        .div(
            .class("plan-progress"),
            .h1(.text(plan.title)),
            .p(.text("\(plan.agency) · \(plan.year)年 · 进展情况经政务公开办公室审核后公开")),
            .unwrap(plan.documentId) { id in .p(.a(.href(Routes.Portal.document.path(id)), .text("工作要点原文"))) },
            .forEach(plan.sections) { s in
                .section(
                    .h2(.text("\(s.number)、\(s.title)")),
                    .ul(
                        .class("tasks"),
                        .forEach(s.tasks) { t in
                            .li(
                                .class(t.isSubtask ? "subtask" : "task"),
                                .h3(.text("\(t.number). \(t.title)")),
                                .p(
                                    .class("task-meta"),
                                    .text(
                                        "责任单位：\(t.units.isEmpty ? "—" : t.units.joined(separator: "、"))　完成时限：\(Self.deadline(t))　状态：\(t.status.label)"
                                            + (t.overdue ? "（已超过时限）" : ""))),
                                .element(
                                    named: "progress",
                                    nodes: [
                                        .attribute(named: "max", value: "100"), .attribute(named: "value", value: String(t.progress)),
                                        .attribute(named: "aria-label", value: attr("\(t.number) 完成进度")), .text("\(t.progress)%"),
                                    ]),
                                .span(.class("percent"), .text(" \(t.progress)%")),
                                .unwrap(t.progressText) { .p(.class("progress-text"), .text("进展：\($0)")) }
                            )
                        })
                )
            }
        )
    }

    static func deadline(_ t: LedgersController.PublicTask) -> String {
        switch t.deadline {
        case "ongoing": "长期坚持"
        case let d?: CivilDate(iso: d)?.chinese ?? d
        case nil: t.deadlineText.isEmpty ? "—" : t.deadlineText
        }
    }
}

/// The console's list of plans, with the import form for the office.
struct LedgerListPage {
    var plans: [WorkPlan]
    var canImport: Bool
    var year: Int
    var message: String?
    var errors: [String: String]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("工作要点与任务落实台账")),
            Fragments.alert(message, kind: errors.isEmpty ? "success" : "error"),
            plans.isEmpty
                ? .p(.class("empty"), .text("还没有台账。"))
                : .ul(.forEach(plans) { p in .li(.a(.href(Routes.Console.ledger.path(p.id)), .text("\(p.year)年 \(p.title)"))) }),
            .if(
                canImport,
                .section(
                    .h2(.text("导入工作要点或任务落实台账")),
                    .p(.class("hint"), .text("支持 .txt 和 .docx：台账表格（序号、重点工作、主要内容、量化指标、责任单位、完成时限），或按“一、（一）1.”编号的工作要点。")),
                    .form(
                        .method(.post), .action(Routes.Console.importLedger.path()), .enctype(.multipartData),
                        .div(
                            Fragments.csrfField(chrome.csrf),
                            Fragments.textField("年度", name: "year", value: String(year), type: .number, errors: errors),
                            Fragments.textField("台账名称（选填）", name: "title", errors: errors, required: false),
                            .div(
                                .class(errors["file"] == nil ? "field" : "field has-error"),
                                .label(.for("file"), .text("文件")),
                                Fragments.fieldError(errors, "file"),
                                .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".txt,.docx"))
                            ),
                            .button(.type(.submit), .text("导入"))
                        ))))
        )
    }
}

/// A plan in the console: tasks with their units, deadlines and progress; the office sets rounds,
/// reviews reports and presses units; a unit reports on its own tasks.
struct LedgerPlanPage {
    var departments: [Department]
    var agencies: [Agency]
    var plan: WorkPlan
    var tasks: [LedgerTask]
    var rounds: [ReportingRound]
    var reports: [ProgressReport]
    var notices: [LedgerNotice]
    var files: [EvidenceFile]
    var identity: StaffIdentity
    var today: CivilDate
    var message: String?
    var failed: Bool
    var values: [String: String]

    var isOffice: Bool { identity.holds(anyOf: [.officeAdmin]) && plan.agencyID == identity.agency.id }
    var path: String { Routes.Console.ledger.path(plan.id) }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let pending = reports.filter { $0.review == .pending }
        return .div(
            .class("ledger"),
            .p(.a(.href(Routes.Console.ledgers.path()), .text("← 工作台账"))),
            .h1(.text(plan.title)),
            Fragments.alert(message, kind: failed ? "error" : "success"),
            .p(
                .a(.href(Routes.Portal.plan.path(plan.id)), .text("查看公开的进展页面")), .text(" · "),
                .a(.href(Routes.Console.ledgerExport.path(plan.id) + "?format=xlsx"), .text("导出 Excel")), .text(" · "),
                .a(.href(Routes.Console.ledgerExport.path(plan.id) + "?format=docx"), .text("导出 Word"))),
            .section(
                .h2(.text("报送轮次")),
                rounds.isEmpty
                    ? .p(.class("empty"), .text("尚未设置报送轮次。"))
                    : .ul(.forEach(rounds) { r in .li(.text("\(r.title)：截止 \(r.dueOn.chinese)" + (r.dueOn < today ? "（已截止）" : ""))) }),
                .if(
                    isOffice,
                    .form(
                        .method(.post), .action(Routes.Console.ledgerRounds.path(plan.id)),
                        .div(
                            Fragments.csrfField(chrome.csrf),
                            Fragments.textField("轮次名称", name: "title", id: "round-title", value: values["title"] ?? ""),
                            Fragments.textField("截止日期", name: "dueOn", id: "round-dueOn", value: values["dueOn"] ?? "", type: .date),
                            .button(.type(.submit), .text("设置报送轮次")))))
            ),
            .if(
                isOffice && !pending.isEmpty,
                .section(
                    .h2(.text("待审核的进展报送（\(pending.count)）")),
                    .forEach(pending) { r in
                        let task = tasks.first { $0.id == r.taskID }
                        return .div(
                            .class("report"),
                            .h3(.text("第\(task?.number ?? "")项 \(task?.title ?? "") · \(r.unitName)")),
                            .p(.text("\(r.state.label)，完成 \(r.percent)%：\(r.text)")),
                            .if(!r.evidence.isEmpty, .ul(.forEach(r.evidence) { e in .li(.a(.href(attr(e)), .text(e))) })),
                            .if(
                                files.contains { $0.reportID == r.id },
                                .ul(
                                    .forEach(files.filter { $0.reportID == r.id }) { f in
                                        .li(
                                            .a(
                                                .href(Routes.Console.ledgerFile.path(plan.id, f.id)),
                                                .text("\(f.fileName)（\(f.size / 1024 + 1) KB）")))
                                    })),
                            .form(
                                .method(.post), .action(Routes.Console.ledgerReportReview.path(plan.id, r.id)),
                                .div(
                                    Fragments.csrfField(chrome.csrf),
                                    Fragments.textArea("审核意见", name: "comment", id: "comment-\(r.id)", value: "", rows: 2, required: false),
                                    .button(.type(.submit), .name("decision"), .value("accept"), .text("通过")),
                                    .button(.type(.submit), .name("decision"), .value("return"), .class("secondary"), .text("退回"))))
                        )
                    })),
            .if(!mine.isEmpty, myTasks),
            .if(isOffice && !unmatched.isEmpty, unmatchedSection(chrome)),
            .section(.h2(.text("任务")), .forEach(tasks) { t in taskBlock(t, chrome) })
        )
    }

    /// The tasks this person's unit answers for.
    var mine: [LedgerTask] {
        tasks.filter { $0.isReporter(agencyID: identity.agency.id, departmentID: identity.user.departmentID) }
    }

    var myTasks: Node<HTML.BodyContext> {
        .section(
            .class("my-tasks"),
            .h2(.text("本单位的任务（\(mine.count)）")),
            .ul(
                .forEach(mine) { t in
                    let reported = reports.filter { $0.taskID == t.id }
                    let state =
                        t.status == .closed
                        ? "已销号" : reported.last.map { "最近报送：\($0.review.label)" } ?? (rounds.isEmpty ? "尚未设置报送轮次" : "尚未报送")
                    return .li(.a(.href("#task-\(t.id)"), .text("\(t.number) \(t.title)")), .span(.class("doc-meta"), .text(" \(state)")))
                }))
    }

    /// Unit names the import could not place, each with a form to match it.
    var unmatched: [String] {
        var names: [String] = []
        for t in tasks { for u in t.units where !u.isMatched && !names.contains(u.name) { names.append(u.name) } }
        return names
    }

    func unmatchedSection(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let options = [("", "（请选择）")] + departments.map { ("d:\($0.id)", $0.name) } + agencies.map { ("a:\($0.id)", $0.name) }
        return .section(
            .h2(.text("未对应的责任单位（\(unmatched.count)）")),
            .p(.class("hint"), .text("这些单位名称没有对应到本机关的科室或委属单位，对应后该单位才能报送进展、计入考核。")),
            .forEach(Array(unmatched.enumerated())) { (i, name) in
                .form(
                    .method(.post), .action(Routes.Console.ledgerUnits.path(plan.id)), .class("unit-match"),
                    .div(
                        Fragments.csrfField(chrome.csrf),
                        .input(.type(.hidden), .name("name"), .value(attr(name))),
                        Fragments.select("“\(name)”对应为", name: "unit", id: "unit-\(i)", options: options, selected: ""),
                        .button(.type(.submit), .text("对应"))))
            })
    }

    func taskBlock(_ t: LedgerTask, _ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let mine = reports.filter { $0.taskID == t.id }
        let canReport =
            t.status == .open && (isOffice || t.isReporter(agencyID: identity.agency.id, departmentID: identity.user.departmentID))
            && !rounds.isEmpty
        let openRounds = rounds.filter { round in !mine.contains { $0.roundID == round.id && $0.review != .returned } }
        let deadline: String =
            switch t.deadline {
            case .date(let d): d.chinese
            case .ongoing: "长期坚持"
            case .none: t.deadlineText.isEmpty ? "—" : t.deadlineText
            }
        return .div(
            .class("ledger-task" + (t.parentID == nil ? "" : " subtask") + (t.isOverdue(today: today) ? " overdue" : "")),
            .id("task-\(t.id)"),
            .h3(.text("\(t.parentID == nil ? t.sectionNumber + "-" : "")\(t.number) \(t.title)")),
            .p(
                .class("task-meta"),
                .text(
                    "责任单位："
                        + (t.units.isEmpty
                            ? "—"
                            : t.units.map { $0.name + ($0.role == .cooperating ? "（配合）" : "") + ($0.isMatched ? "" : "（未对应）") }.joined(
                                separator: "、"))
                        + "　完成时限：\(deadline)　\(t.status.label) \(t.progress)%" + (t.isOverdue(today: today) ? "（已超过时限）" : ""))),
            .if(!t.indicator.isEmpty, .p(.class("hint"), .text("量化指标：\(t.indicator)"))),
            .forEach(mine) { r in
                .p(
                    .class("report-line"),
                    .text(
                        "\(rounds.first { $0.id == r.roundID }?.title ?? "")·\(r.unitName)：\(r.state.label) \(r.percent)%（\(r.review.label)）"
                            + (r.reviewComment.isEmpty ? "" : "，意见：\(r.reviewComment)")))
            },
            .forEach(notices.filter { $0.taskID == t.id }) { n in .p(.class("field-error"), .text("督办：\(n.text)")) },
            .if(
                canReport && !openRounds.isEmpty,
                .element(
                    named: "details",
                    nodes: [
                        .element(named: "summary", text: "报送进展"),
                        .form(
                            .method(.post), .action(Routes.Console.ledgerTaskReport.path(plan.id, t.id)), .enctype(.multipartData),
                            .div(
                                Fragments.csrfField(chrome.csrf),
                                Fragments.select(
                                    "报送轮次", name: "roundId", id: "report-\(t.id)-round",
                                    options: openRounds.map { (String($0.id), $0.title) }, selected: ""),
                                Fragments.select(
                                    "状态", name: "state", id: "report-\(t.id)-state",
                                    options: ProgressReport.State.allCases.map { ($0.rawValue, $0.label) }, selected: "on_track"),
                                Fragments.textField("完成进度（%）", name: "percent", id: "report-\(t.id)-percent", value: "0", type: .number),
                                Fragments.textArea("进展落实情况", name: "text", id: "report-\(t.id)-text", value: "", rows: 4),
                                Fragments.textArea(
                                    "佐证材料（每行一个链接，如 /documents/12）", name: "evidence", id: "report-\(t.id)-evidence", value: "", rows: 2,
                                    required: false),
                                .div(
                                    .class("field"), .label(.for("report-\(t.id)-file"), .text("上传佐证材料（选填：PDF、Word、Excel、图片）")),
                                    .input(
                                        .type(.file), .id("report-\(t.id)-file"), .name("file"),
                                        .attribute(named: "accept", value: ".pdf,.docx,.xlsx,.ofd,.jpg,.jpeg,.png"))),
                                .button(.type(.submit), .text("报送")))),
                    ])),
            .if(
                isOffice && t.status == .open,
                .element(
                    named: "details",
                    nodes: [
                        .element(named: "summary", text: "督办"),
                        .form(
                            .method(.post), .action(Routes.Console.ledgerTaskSupervise.path(plan.id, t.id)),
                            .div(
                                Fragments.csrfField(chrome.csrf),
                                Fragments.textArea("督办内容", name: "text", id: "supervise-\(t.id)-text", value: "", rows: 2),
                                .button(.type(.submit), .text("发出督办")))),
                    ]))
        )
    }
}
