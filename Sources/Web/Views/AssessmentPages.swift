import Domain
import Plot
import Services

/// A scheme to start from: the dashboard's indicators, the 标准目录 and a few manual items.
enum AssessmentTemplate {
    static let scheme = """
        主动公开 40
          主动公开及时率 15 =publication
          政策解读同步率 10 =interpretation
          标准目录落实 10 =standard
          专题专栏建设 5：专栏设置合理、内容及时更新，提供栏目截图
        依申请公开 20
          按期答复率 15 =request_reply
          答复规范 5：答复书格式规范、告知救济途径，提供抽查的答复书
        政民互动 20
          领导信箱按期答复率 10 =mailbox_reply
          征求意见反馈公开率 5 =consultation_feedback
          网站纠错按期处理率 5 =site_errors
        工作落实 20
          台账任务按期完成率 10 =ledger_completion
          台账进展按时报送率 5 =ledger_reports
          组织保障 5：明确分管领导和专人，年内听取政务公开工作汇报
        否决：发生失泄密事件
        否决：网站或政务新媒体被上级检查判定为不合格
        """
}

/// The fields of the scheme form, shared by the new-assessment form and the draft's edit form.
enum AssessmentFields {
    static func fields<C: HTML.BodyContext>(_ values: [String: String], _ errors: [String: String], year: Int) -> Node<C> {
        .group(
            Fragments.textField("考核名称", name: "title", value: values["title"] ?? "\(year)年度政务公开工作考核", errors: errors),
            Fragments.textField("起始月份", name: "from", value: values["from"] ?? "\(year)-01", errors: errors, hint: "格式 YYYY-MM"),
            Fragments.textField("结束月份", name: "to", value: values["to"] ?? "\(year)-12", errors: errors, hint: "格式 YYYY-MM，不超过 24 个月"),
            Fragments.textArea(
                "考核指标", name: "scheme", value: values["scheme"] ?? AssessmentTemplate.scheme, rows: 20, errors: errors,
                hint: "每行一个指标，下级指标缩进两格；末级指标写分值，按数据计算的写“=指标代码”（publication、interpretation、request_reply、"
                    + "consultation_feedback、mailbox_reply、mailbox_satisfaction、ledger_completion、ledger_reports、site_errors、appeals、standard），"
                    + "其余为自评指标，“：”后写评分标准；“否决：”开头的行为一票否决事项。"),
            Fragments.textField(
                "参与排名的最低业务量（件）", name: "minimumVolume", value: values["minimumVolume"] ?? "10", errors: errors,
                hint: "按数据计算的各项指标件数合计低于此数的单位只评分、不排名"),
            Fragments.textField("优秀线（百分制）", name: "excellent", value: values["excellent"] ?? "90", errors: errors),
            Fragments.textField("良好线", name: "good", value: values["good"] ?? "80", errors: errors),
            Fragments.textField("合格线", name: "pass", value: values["pass"] ?? "60", errors: errors)
        )
    }
}

struct AssessmentListPage {
    var own: [Assessment]
    var assessedIn: [Assessment]
    var mayCreate: Bool
    var year: Int
    var values: [String: String]
    var errors: [String: String]

    func list(_ items: [Assessment]) -> Node<HTML.BodyContext> {
        .ul(
            .forEach(items) { a in
                .li(
                    .a(.href(Routes.Console.assessment.path(a.id)), .text(a.title)),
                    .text("（\(a.from)至\(a.to)，\(a.status.label)）"))
            })
    }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("政务公开考核")),
            Fragments.oversightNav(current: Routes.Console.assessments.path()),
            .p(
                .text(
                    "按考核方案对下级单位评分：数据类指标按考核期间的监测数据计算，自评指标由单位填写分数和佐证材料，经初审（可退回补充一次）和复审确定；可扣分和一票否决。考核结束后固定结果、排名，并形成通报送审发布。"
                )),
            .section(.h2(.text("本机关组织的考核")), own.isEmpty ? .p(.class("empty"), .text("尚无。")) : list(own)),
            .if(!assessedIn.isEmpty, .section(.h2(.text("本单位参加的考核")), list(assessedIn))),
            .if(
                mayCreate,
                .section(
                    .h2(.text("新建考核")),
                    Fragments.alert(errors.isEmpty ? nil : "未保存，请修改标出的问题。"),
                    .form(
                        .method(.post), .action(Routes.Console.assessments.path()),
                        .div(
                            Fragments.csrfField(chrome.csrf), AssessmentFields.fields(values, errors, year: year),
                            .button(.type(.submit), .class("button"), .text("保存草稿")))))
            )
        )
    }
}

/// One assessment: the scheme, and for the assessing office the units' results and the steps;
/// for an assessed unit its own result and the self-assessment form.
struct AssessmentDetailPage {
    var assessment: Assessment
    var own: Bool
    var mayAct: Bool
    var results: [AssessmentResult]
    var marks: [Int64: AssessmentMarks]
    var unitID: Int64
    var message: String?
    var error: String?
    var values: [String: String]
    var errors: [String: String]

    static func n(_ d: Double) -> String { AssessmentScheme.number(d) }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let a = assessment
        return .div(
            .h1(.text(a.title)),
            .p(.text("考核期间 \(a.from) 至 \(a.to)，满分 \(Self.n(a.scheme.fullMarks)) 分，状态：\(a.status.label)。")),
            Fragments.alert(message, kind: "success"),
            Fragments.alert(error),
            own ? officeView(chrome) : unitView(chrome),
            schemeTable()
        )
    }

    func schemeTable() -> Node<HTML.BodyContext> {
        let rows: [(AssessmentIndicator, Int)] = assessment.scheme.indicators.flatMap { Self.flatten($0, depth: 0) }
        return .section(
            .h2(.text("考核指标")),
            .div(
                .class("table-wrap"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                .attribute(named: "aria-label", value: "表格，可左右滚动"),
                .table(
                    .class("assessment-scheme"),
                    .thead(.tr(.th(.text("编号")), .th(.text("指标")), .th(.text("分值")), .th(.text("计分方式")))),
                    .tbody(
                        .forEach(rows) { i, depth in
                            .tr(
                                .td(.text(i.code)),
                                .td(
                                    .text(String(repeating: "　", count: depth) + i.name),
                                    .unwrap(i.guidance.isEmpty ? nil : i.guidance) { .p(.class("hint"), .text($0)) }),
                                .td(.text(Self.n(i.points))), .td(.text(i.rule?.label ?? "—")))
                        }))),
            .if(!assessment.scheme.vetoes.isEmpty, .p(.text("一票否决事项：" + assessment.scheme.vetoes.joined(separator: "；")))),
            .p(
                .text(
                    "等次：优秀 ≥ \(Self.n(assessment.scheme.excellent))%，良好 ≥ \(Self.n(assessment.scheme.good))%，合格 ≥ \(Self.n(assessment.scheme.pass))%（占满分的比例）；业务量低于 \(assessment.scheme.minimumVolume) 件的单位不参与排名。"
                ))
        )
    }

    static func flatten(_ i: AssessmentIndicator, depth: Int) -> [(AssessmentIndicator, Int)] {
        [(i, depth)] + i.children.flatMap { flatten($0, depth: depth + 1) }
    }

    func resultsTable(link: Bool) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
            .attribute(named: "aria-label", value: "表格，可左右滚动"),
            .table(
                .class("assessment-results"),
                .thead(
                    .tr(
                        .th(.text("名次")), .th(.text("单位")), .th(.text("得分")), .th(.text("扣分")), .th(.text("等次")), .th(.text("业务量")),
                        .th(.text("自评审核")))),
                .tbody(
                    .forEach(results) { r in
                        .tr(
                            .class(r.grade == .fail ? "overdue" : ""),
                            .td(.text(r.rank.map(String.init) ?? "—"), .unwrap(r.unranked) { .p(.class("hint"), .text($0)) }),
                            .td(
                                link
                                    ? .a(.href(Routes.Console.assessmentUnit.path(assessment.id, r.unitID)), .text(r.unitName))
                                    : .text(r.unitName)),
                            .td(.text(Self.n(r.total) + (r.pending > 0 ? "（\(r.pending) 项待审）" : ""))),
                            .td(.text(r.deducted > 0 ? Self.n(r.deducted) : "—")), .td(.text(r.grade.label)), .td(.text("\(r.volume)")),
                            .td(.text((marks[r.unitID]?.state ?? .pending).label)))
                    })))
    }

    func officeView(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let a = assessment
        func button(_ route: Route<Int64>, _ label: String) -> Node<HTML.BodyContext> {
            .form(
                .method(.post), .action(route.path(a.id)), .class("inline"),
                .div(Fragments.csrfField(chrome.csrf), .button(.type(.submit), .class("button"), .text(label))))
        }
        return .div(
            .if(a.status != .draft, .section(.h2(.text(a.status == .closed ? "考核结果（已固定）" : "当前结果（实时计算）")), resultsTable(link: true))),
            .if(
                mayAct,
                .group(
                    .if(a.status == .draft, button(Routes.Console.assessmentOpen, "开始考核")),
                    .if(a.status == .open, button(Routes.Console.assessmentClose, "结束考核并固定结果")),
                    .if(a.status == .closed && a.noticeDocumentID == nil, button(Routes.Console.assessmentNotice, "形成通报草稿")),
                    .unwrap(a.noticeDocumentID) { id in .p(.a(.href(Routes.Console.document.path(id)), .text("通报（文件 #\(id)）"))) },
                    .if(
                        a.status == .draft,
                        .section(
                            .h2(.text("修改考核方案")),
                            .form(
                                .method(.post), .action(Routes.Console.assessment.path(a.id)),
                                .div(
                                    Fragments.csrfField(chrome.csrf),
                                    AssessmentFields.fields(
                                        values.isEmpty
                                            ? [
                                                "title": a.title, "from": a.from.description, "to": a.to.description,
                                                "scheme": a.scheme.text,
                                                "minimumVolume": "\(a.scheme.minimumVolume)", "excellent": Self.n(a.scheme.excellent),
                                                "good": Self.n(a.scheme.good), "pass": Self.n(a.scheme.pass),
                                            ] : values, errors, year: a.from.year),
                                    .button(.type(.submit), .class("button"), .text("保存"))))))
                ))
        )
    }

    func unitView(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let m = marks[unitID] ?? AssessmentMarks()
        let manual = assessment.scheme.leaves.filter { $0.rule == .manual }
        let editable = assessment.status == .open && (m.state == .pending || m.state == .returned) && mayAct
        return .div(
            .section(.h2(.text("本单位结果")), resultsTable(link: false), .p(.text("自评状态：\(m.state.label)"))),
            .if(
                !manual.isEmpty,
                .section(
                    .h2(.text("自评")),
                    .form(
                        .method(.post), .action(Routes.Console.assessmentSelf.path(assessment.id)),
                        .div(
                            Fragments.csrfField(chrome.csrf),
                            .forEach(manual) { leaf in
                                let e = m.entries[leaf.code]
                                return .div(
                                    .class("fieldset"),
                                    .h3(.text("\(leaf.code) \(leaf.name)（\(Self.n(leaf.points)) 分）")),
                                    .unwrap(leaf.guidance.isEmpty ? nil : leaf.guidance) { .p(.class("hint"), .text("评分标准：" + $0)) },
                                    .forEach(e?.reviews ?? []) { r in
                                        .p(
                                            .class("hint"),
                                            .text("第 \(r.round) 轮审核：\(Self.n(r.score)) 分" + (r.comment.isEmpty ? "" : "，\(r.comment)")))
                                    },
                                    editable
                                        ? .group(
                                            Fragments.textField(
                                                "自评分", name: "score-\(leaf.code)",
                                                value: values["score-\(leaf.code)"] ?? e?.selfScore.map(Self.n) ?? "", errors: errors,
                                                required: false),
                                            Fragments.textArea(
                                                "佐证材料说明", name: "evidence-\(leaf.code)",
                                                value: values["evidence-\(leaf.code)"] ?? e?.evidence ?? "", rows: 3, errors: errors,
                                                hint: "写明材料名称、文号或网页地址", required: false))
                                        : .p(.text("自评 \(e?.selfScore.map(Self.n) ?? "—") 分；佐证：\(e?.evidence ?? "—")"))
                                )
                            },
                            .if(
                                editable,
                                .group(
                                    .button(.type(.submit), .name("action"), .value("save"), .class("button secondary"), .text("保存")),
                                    .button(.type(.submit), .name("action"), .value("submit"), .class("button"), .text("提交审核"))))
                        ))))
        )
    }
}

/// One unit in the assessing office's view: its self-assessment with the review form, its
/// deductions and vetoes.
struct AssessmentUnitPage {
    var assessment: Assessment
    var unit: Agency
    var marks: AssessmentMarks
    var result: AssessmentResult?
    var mayAct: Bool
    var message: String?
    var error: String?
    var values: [String: String]
    var errors: [String: String]

    static func n(_ d: Double) -> String { AssessmentScheme.number(d) }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let a = assessment
        let manual = a.scheme.leaves.filter { $0.rule == .manual }
        let reviewing = a.status == .open && (marks.state == .submitted || marks.state == .resubmitted) && mayAct
        return .div(
            .h1(.text(unit.name)),
            .p(.a(.href(Routes.Console.assessment.path(a.id)), .text("返回" + a.title)), .text("；自评状态：\(marks.state.label)。")),
            Fragments.alert(message, kind: "success"),
            Fragments.alert(error),
            .unwrap(result) { r in
                .section(
                    .h2(.text("得分 \(Self.n(r.total))（\(r.grade.label)）")),
                    .div(
                        .class("table-wrap"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                        .attribute(named: "aria-label", value: "表格，可左右滚动"),
                        .table(
                            .thead(.tr(.th(.text("指标")), .th(.text("分值")), .th(.text("得分")), .th(.text("依据")))),
                            .tbody(
                                .forEach(a.scheme.leaves) { leaf in
                                    let l = r.leaves.first { $0.code == leaf.code }
                                    return .tr(
                                        .td(.text("\(leaf.code) \(leaf.name)")), .td(.text(Self.n(leaf.points))),
                                        .td(.text(l?.score.map(Self.n) ?? "—")), .td(.text(l?.basis ?? "")))
                                }))))
            },
            .if(
                !manual.isEmpty,
                .section(
                    .h2(.text(reviewing ? (marks.state == .submitted ? "初审" : "复审（最终）") : "自评与审核")),
                    .form(
                        .method(.post), .action(Routes.Console.assessmentUnitReview.path(a.id, unit.id)),
                        .div(
                            Fragments.csrfField(chrome.csrf),
                            .forEach(manual) { leaf in
                                let e = marks.entries[leaf.code]
                                return .div(
                                    .class("fieldset"),
                                    .h3(.text("\(leaf.code) \(leaf.name)（\(Self.n(leaf.points)) 分）")),
                                    .p(
                                        .text(
                                            "自评 \(e?.selfScore.map(Self.n) ?? "—") 分；佐证：\((e?.evidence).flatMap { $0.isEmpty ? nil : $0 } ?? "—")"
                                        )),
                                    .forEach(e?.reviews ?? []) { r in
                                        .p(
                                            .class("hint"),
                                            .text(
                                                "第 \(r.round) 轮：\(Self.n(r.score)) 分" + (r.comment.isEmpty ? "" : "，\(r.comment)")
                                                    + "（\(r.by)，\(r.on)）"))
                                    },
                                    .if(
                                        reviewing,
                                        .group(
                                            Fragments.textField(
                                                "审核分", name: "score-\(leaf.code)",
                                                value: values["score-\(leaf.code)"] ?? e?.selfScore.map(Self.n) ?? "", errors: errors,
                                                required: false),
                                            Fragments.textField(
                                                "审核意见", name: "comment-\(leaf.code)", value: values["comment-\(leaf.code)"] ?? "",
                                                errors: errors,
                                                required: false)))
                                )
                            },
                            .if(
                                reviewing,
                                .group(
                                    .if(
                                        marks.state == .submitted,
                                        .button(
                                            .type(.submit), .name("action"), .value("return"), .class("button secondary"), .text("退回补充材料"))),
                                    .button(.type(.submit), .name("action"), .value("accept"), .class("button"), .text("确定审核分"))))
                        )))),
            .section(
                .h2(.text("扣分")),
                marks.deductions.isEmpty
                    ? .p(.class("empty"), .text("无。"))
                    : .ul(.forEach(marks.deductions) { d in .li(.text("\(d.reason)：扣 \(Self.n(d.points)) 分（\(d.by)，\(d.on)）")) }),
                .if(
                    mayAct && a.status == .open,
                    .form(
                        .method(.post), .action(Routes.Console.assessmentUnitDeductions.path(a.id, unit.id)),
                        .div(
                            Fragments.csrfField(chrome.csrf),
                            Fragments.textField("扣分", name: "points", value: values["points"] ?? "", errors: errors),
                            Fragments.textField("扣分原因", name: "reason", value: values["reason"] ?? "", errors: errors),
                            .button(.type(.submit), .class("button"), .text("记录扣分")))))
            ),
            .if(
                !a.scheme.vetoes.isEmpty,
                .section(
                    .h2(.text("一票否决")),
                    marks.vetoes.isEmpty
                        ? .p(.class("empty"), .text("无。"))
                        : .ul(.forEach(marks.vetoes) { v in .li(.text("\(v.item)：\(v.reason)（\(v.by)，\(v.on)）")) }),
                    .if(
                        mayAct && a.status == .open,
                        .form(
                            .method(.post), .action(Routes.Console.assessmentUnitVetoes.path(a.id, unit.id)),
                            .div(
                                Fragments.csrfField(chrome.csrf),
                                Fragments.select(
                                    "否决事项", name: "item", options: a.scheme.vetoes.map { ($0, $0) }, selected: values["item"] ?? "",
                                    errors: errors),
                                Fragments.textArea(
                                    "事实和依据", name: "vetoReason", value: values["vetoReason"] ?? "", rows: 3, errors: errors),
                                .button(.type(.submit), .class("button"), .text("认定一票否决")))))))
        )
    }
}
