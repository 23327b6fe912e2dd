import Testing

@testable import Domain

/// The assessment (考核): the scheme's text form, the two review rounds, and scores and
/// ranking worked out by hand.
@Suite struct AssessmentTests {
    static let text = """
        主动公开 40
          主动公开及时率 20 =publication
          标准目录落实 10 =standard
          专栏建设 10：专栏设置合理，提供截图
        依申请公开 30
          按期答复率 30分 =request_reply
        组织保障 30 =manual：有专人负责
        否决：发生失泄密事件
        否决：网站被判定为不合格
        """

    @Test func schemeReadsAndWritesBack() throws {
        let s = try AssessmentScheme.parse(Self.text, minimumVolume: 5)
        #expect(s.fullMarks == 100)
        #expect(s.leaves.map(\.code) == ["1.1", "1.2", "1.3", "2.1", "3"])
        #expect(s.leaves.map(\.rule) == [.computed(.publication), .standardCatalog, .manual, .computed(.requestReply), .manual])
        #expect(s.leaf("1.3")?.guidance == "专栏设置合理，提供截图" && s.vetoes.count == 2)
        #expect(try AssessmentScheme.parse(s.text, minimumVolume: 5) == s)
    }

    @Test func badSchemesNameTheLine() {
        func message(_ text: String) -> String? {
            do {
                _ = try AssessmentScheme.parse(text)
                return nil
            } catch { return error.message }
        }
        #expect(message("主动公开 30\n  及时率 20 =publication\n  解读 5 =interpretation") == "第 1 行：分值 30 与下级指标合计 25 不符")
        #expect(message("及时率 20 =timely")?.hasPrefix("第 1 行：未知的计分方式“=timely”") == true)
        #expect(message("主动公开\n  及时率") == "第 2 行：末级指标须写分值")
        #expect(message("A\n    B 5\n  C 5") == "第 3 行：缩进与上文不一致")
        #expect(message("") == "请填写考核指标")
        #expect(message("A 10\n否决：") == "第 2 行：否决事项须为 1-100 字")
        #expect(throws: DomainError.invalid("grades", "等次分数线须满足 0 < 合格 ≤ 良好 ≤ 优秀 ≤ 100（百分制）")) {
            try AssessmentScheme.parse("A 10", excellent: 80, good: 90)
        }
    }

    @Test func selfAssessmentAndTwoRounds() throws {
        let s = try AssessmentScheme.parse(Self.text)
        let day = CivilDate(iso: "2026-12-01")!
        var m = AssessmentMarks()
        #expect(throws: DomainError.invalid("score-1.3", "“专栏建设”的自评分须在 0-10 分之间")) {
            try m.selfAssess(["1.3": (11, "截图")], scheme: s, submit: false)
        }
        #expect(throws: DomainError.invalid("score-1.1", "没有编号为 1.1 的自评指标")) {
            try m.selfAssess(["1.1": (5, "")], scheme: s, submit: false)
        }
        try m.selfAssess(["1.3": (10, "专栏截图 5 张")], scheme: s, submit: false)
        #expect(throws: DomainError.invalid("score-3", "请填写“组织保障”的自评分")) { try m.selfAssess([:], scheme: s, submit: true) }
        #expect(m.state == .pending)
        try m.selfAssess(["3": (30, "领导小组文件")], scheme: s, submit: true)
        #expect(m.state == .submitted)
        #expect(throws: DomainError.conflict("自评已提交（已提交自评，待初审），不能修改")) {
            try m.selfAssess(["3": (29, "x")], scheme: s, submit: false)
        }
        // Round 1 sends it back, with what to add.
        #expect(throws: DomainError.invalid("comment-1.3", "退回时请说明“专栏建设”需补充的材料")) {
            try m.review(["1.3": (6, ""), "3": (30, "")], returnForEvidence: true, scheme: s, by: "考核组", on: day)
        }
        try m.review(["1.3": (6, "缺少更新记录"), "3": (30, "")], returnForEvidence: true, scheme: s, by: "考核组", on: day)
        #expect(m.state == .returned)
        try m.selfAssess(["1.3": (9, "补充更新记录")], scheme: s, submit: true)
        #expect(m.state == .resubmitted)
        #expect(throws: DomainError.conflict("复审为最终审核，不能再退回")) {
            try m.review(["1.3": (8, "x"), "3": (30, "")], returnForEvidence: true, scheme: s, by: "考核组", on: day)
        }
        try m.review(["1.3": (8, "基本齐全"), "3": (28, "")], returnForEvidence: false, scheme: s, by: "考核组", on: day)
        #expect(m.state == .reviewed && m.entries["1.3"]?.reviews.map(\.round) == [1, 2] && m.entries["1.3"]?.finalScore == 8)
        #expect(throws: DomainError.self) { try m.review([:], returnForEvidence: false, scheme: s, by: "x", on: day) }
        #expect(throws: DomainError.self) { try m.veto("迟报", reason: "x", scheme: s, by: "x", on: day) }
    }

    /// Three units. A: publication 18/20, request replies 9/10, catalog 4/5, manual 8 and 28,
    /// one 2-point deduction: 20×0.9 + 10×0.8 + 8 + 30×0.9 + 28 − 2 = 87 → 良好, ranked 1.
    /// B: the same figures without the deduction but vetoed: 89, 不合格, unranked.
    /// C: 2 cases only (below the minimum of 5), no catalog, manual not reviewed yet.
    @Test func scoresAndRanking() throws {
        let s = try AssessmentScheme.parse(Self.text, minimumVolume: 5)
        let day = CivilDate(iso: "2026-12-01")!
        var reviewed = AssessmentMarks()
        try reviewed.selfAssess(["1.3": (9, "a"), "3": (30, "b")], scheme: s, submit: true)
        try reviewed.review(["1.3": (8, ""), "3": (28, "")], returnForEvidence: false, scheme: s, by: "组", on: day)
        var a = reviewed
        try a.deduct(2, reason: "网站错别字被通报", by: "组", on: day)
        var b = reviewed
        try b.veto("发生失泄密事件", reason: "某文件未脱敏公开身份证号", scheme: s, by: "组", on: day)
        let tallies: [ComplianceIndicator: ComplianceTally] = [
            .publication: ComplianceTally(met: 18, total: 20), .requestReply: ComplianceTally(met: 9, total: 10),
        ]
        let ra = AssessmentScoring.score(
            unitID: 1, unitName: "A", scheme: s, tallies: tallies, standard: ComplianceTally(met: 4, total: 5), marks: a)
        #expect(abs(ra.total - 87) < 0.001 && ra.grade == .good && ra.volume == 30 && ra.pending == 0)
        #expect(ra.leaves.first?.basis == "主动公开及时率 90.0%（18/20）")
        let rb = AssessmentScoring.score(
            unitID: 2, unitName: "B", scheme: s, tallies: tallies, standard: ComplianceTally(met: 4, total: 5), marks: b)
        #expect(abs(rb.total - 89) < 0.001 && rb.grade == .fail && rb.vetoed)
        let rc = AssessmentScoring.score(
            unitID: 3, unitName: "C", scheme: s, tallies: [.publication: ComplianceTally(met: 2, total: 2)], standard: nil,
            marks: AssessmentMarks())
        // 20 + 10 (no catalog items: full) + 30 (no requests: full); manual pending.
        #expect(rc.total == 60 && rc.pending == 2 && rc.score("1.3") == nil)
        let ranked = AssessmentScoring.rank([rc, rb, ra], minimumVolume: 5)
        #expect(ranked.map(\.unitName) == ["A", "B", "C"])
        #expect(ranked.map(\.rank) == [1, nil, nil])
        #expect(ranked[1].unranked == "一票否决" && ranked[2].unranked == "业务量 2 件，不足 5 件，不参与排名")
        // Ties share a place.
        var a2 = ra
        a2.unitID = 4
        #expect(AssessmentScoring.rank([ra, a2, rc], minimumVolume: 0).map(\.rank) == [1, 1, 3])
    }
}
