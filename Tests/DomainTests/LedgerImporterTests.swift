import Domain
import Testing

/// Reading plans and ledgers in the shapes agencies write them (our own samples of each shape).
@Suite struct LedgerImporterTests {
    /// A ledger as text copied from a Word table: every cell a tab-led line, a blank line between rows.
    static let ledger = """
        示范市卫生健康委员会2024年政务公开工作要点任务落实台账
        \t填报单位：              填报时间：

        \t一、抓好重点领域公开

        \t序号
        \t重点工作
        \t主要内容
        \t量化指标
        \t责任科室（单位）
        \t完成时限
        \t进展落实情况

        \t1
        \t做好托育服务信息公开。
        \t公开托育机构备案名单，

        按季度更新。
        \t备案名单按季度更新
        \t人口家庭科
        \t11月
        \t

        \t2
        \t做好医疗服务信息公开。
        \t公开医疗机构名录。
        \t名录全年更新
        \t委机关各科室、委属各单位
        \t长期坚持
        \t

        \t二、强化政策解读

        \t序号
        \t重点工作
        \t主要内容
        \t量化指标
        \t责任单位
        \t完成时限
        \t进展落实情况

        \t3
        \t提升解读质量
        \t做到文件与解读同步。
        \t解读率100%
        \t办公室、政策法规科
        \t2024年6月30日
        \t
        """

    /// A plan: preamble, a framing section, items with responsibility brackets, numbered
    /// sub-items, 一是…二是…, and a line wrapped mid-sentence.
    static let plan = """
        示范市卫生健康委员会文件
        示卫发〔2024〕3号
        委机关各科室、委属各单位：
        一、总体要求
        坚持以公开为常态、不公开为例外。
        二、主要任务
        （一）做好疫情防控信息发布。及时发布疫情信息。（责任领导：张三，责任单位：疾控科牵头，委机关各科室负责落实）
        （二）深化财政信息公开
        一是公开部门预算；二是公开三公经费。
        （三）加强主动公开。按照要求做好公开，
        确保及时准确。（责任领导：李四，责任单位：办公室）
        1. 推进院务公开。做好医院信息公开。
        2. 推进信息共享。
        三、保障措施
        （一）加强组织领导。
        """

    @Test func aLedgerIsReadRowByRow() {
        let sections = LedgerImporter.parse(LedgerImporter.tokens(fromText: Self.ledger))
        #expect(sections.map(\.number) == ["一", "二"])
        #expect(sections.map(\.tasks.count) == [2, 1])
        let first = sections[0].tasks[0]
        #expect(first.number == "1" && first.title == "做好托育服务信息公开")
        #expect(first.content == "公开托育机构备案名单，按季度更新。")  // a cell wrapped over a blank line stays one cell
        #expect(first.indicator == "备案名单按季度更新")
        #expect(first.units.map(\.name) == ["人口家庭科"])
        #expect(TaskDeadline.parse(first.deadlineText, year: 2024) == .date(CivilDate(iso: "2024-11-30")!))
        #expect(sections[0].tasks[1].units.map(\.name) == ["委机关各科室", "委属各单位"])
        #expect(TaskDeadline.parse(sections[0].tasks[1].deadlineText, year: 2024) == .ongoing)
        #expect(sections[1].tasks[0].deadlineText == "2024年6月30日")
    }

    @Test func aPlanIsReadItemByItem() {
        let sections = LedgerImporter.parse(LedgerImporter.tokens(fromText: Self.plan))
        #expect(sections.map(\.title) == ["主要任务"])  // the preamble and framing sections are not tasks
        let tasks = sections[0].tasks
        #expect(tasks.map(\.number) == ["一", "二", "三"])
        #expect(tasks[0].title == "做好疫情防控信息发布" && tasks[0].content == "及时发布疫情信息。")
        #expect(tasks[0].leader == "张三")
        #expect(tasks[0].units == [TaskUnit(name: "疾控科", role: .lead), TaskUnit(name: "委机关各科室", role: .cooperating)])
        #expect(tasks[1].subtasks.map(\.title) == ["公开部门预算", "公开三公经费"])
        #expect(tasks[2].units.map(\.name) == ["办公室"] && tasks[2].leader == "李四")
        #expect(tasks[2].content.contains("确保及时准确") && !tasks[2].content.contains("责任领导"))
        #expect(tasks[2].subtasks.map(\.title) == ["推进院务公开", "推进信息共享"])
    }

    @Test func nothingToReadIsNothing() {
        #expect(LedgerImporter.parse(LedgerImporter.tokens(fromText: "关于召开会议的通知\n请准时参加。")).isEmpty)
    }

    @Test(arguments: [
        ("11月", "2024-11-30"), ("2月", "2024-02-29"), ("12月", "2024-12-31"), ("2024年6月30日", "2024-06-30"), ("9月15日", "2024-09-15"),
        ("2024-10-01", "2024-10-01"), ("年底前", "2024-12-31"), ("上半年", "2024-06-30"), ("第三季度", "2024-09-30"),
    ])
    func deadlines(_ text: String, _ date: String) {
        #expect(TaskDeadline.parse(text, year: 2024) == .date(CivilDate(iso: date)!))
    }

    @Test func ongoingAndMissingDeadlines() {
        #expect(TaskDeadline.parse("长期坚持", year: 2024) == .ongoing)
        #expect(TaskDeadline.parse("持续推进", year: 2024) == .ongoing)
        #expect(TaskDeadline.parse("", year: 2024) == TaskDeadline.none)
        #expect(TaskDeadline.parse("视情况", year: 2024) == TaskDeadline.none)
    }

    @Test func unitsAreSplitAndMatched() {
        #expect(
            splitUnits("办公室牵头、委机关各科室及市属各医疗卫生单位负责落实").map { "\($0.name):\($0.role.rawValue)" } == [
                "办公室:lead", "委机关各科室:cooperating", "市属各医疗卫生单位:cooperating",
            ])
        let matcher = UnitMatcher(
            departments: [(1, "办公室"), (2, "政策法规科")], agencies: [(10, "示范市疾病预防控制中心"), (11, "示范市卫生监督所")])
        #expect(matcher.match(TaskUnit(name: "委机关各科室")).map(\.departmentID) == [1, 2])
        #expect(matcher.match(TaskUnit(name: "委属各单位")).map(\.agencyID) == [10, 11])
        #expect(matcher.match(TaskUnit(name: "市卫生监督所")).map(\.agencyID) == [11])
        #expect(matcher.match(TaskUnit(name: "人口家庭科")).isEmpty)
    }

    @Test func lateMissingAndUnfinishedWorkCostPoints() {
        let d = { (s: String) in CivilDate(iso: s)! }
        let unit = TaskUnit(name: "办公室", role: .lead, departmentID: 1)
        let tasks = [
            LedgerTask(
                id: 1, planID: 1, agencyID: 1, position: 1, sectionNumber: "一", sectionTitle: "s", number: "1", title: "甲", units: [unit],
                deadline: .date(d("2024-06-30"))),
            LedgerTask(
                id: 2, planID: 1, agencyID: 1, position: 2, sectionNumber: "一", sectionTitle: "s", number: "2", title: "乙", units: [unit],
                deadline: .ongoing, status: .closed),
        ]
        let rounds = [ReportingRound(id: 1, planID: 1, title: "7月底", dueOn: d("2024-07-31"))]
        let late = ProgressReport(
            id: 1, planID: 1, taskID: 2, roundID: 1, unitName: "办公室", departmentID: 1, text: "x", percent: 100, state: .done,
            submittedBy: "a", submittedAtMillis: 5)
        let result = LedgerScoring.standard.deductions(
            tasks: tasks, rounds: rounds, reports: [late], today: d("2024-08-10"), yearEnd: d("2024-12-31"),
            dayOfMillis: { _ in d("2024-08-02") })
        // Task 1: no report (2) and past its deadline (2); task 2: reported late (1).
        #expect(result.map(\.unit) == ["办公室"])
        #expect(result.first?.points == 5)
        #expect(result.first?.reasons.count == 3)
    }
}
