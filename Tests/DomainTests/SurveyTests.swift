import Domain
import Testing

/// Questionnaires: the text outline, checks on questions, conditional display, required
/// questions and the tallies.
@Suite struct SurveyTests {
    static let outline = """
        1. 【单选】您的年龄段 *
        - 18 岁以下
        - 18 至 60 岁
        - 60 岁以上
        2、【多选】您通过哪些渠道了解政策？
        - 政府网站
        - 微信公众号
        - 电视广播
        【量表 1-5】总体满意度 *
        【填空】请说明不满意的原因 *（当第 3 题选 1、2 时显示）
        【填空】您希望适老化改造增加哪些内容？（当第 1 题选 3 时显示）
        """

    func survey() throws -> Survey {
        Survey(
            agencyID: 1, title: "政务公开满意度调查", questions: try SurveyOutline.parse(Self.outline), opensOn: CivilDate(iso: "2026-09-01")!,
            closesOn: CivilDate(iso: "2026-09-30")!, published: true)
    }

    @Test func outlineParsesKindsOptionsRequiredAndConditions() throws {
        let qs = try SurveyOutline.parse(Self.outline)
        #expect(qs.map(\.kind) == [.single, .multiple, .scale, .text, .text])
        #expect(qs[0].options == ["18 岁以下", "18 至 60 岁", "60 岁以上"] && qs[0].required && !qs[1].required)
        #expect(qs[1].title == "您通过哪些渠道了解政策？")
        #expect(qs[2].scaleMin == 1 && qs[2].scaleMax == 5 && qs[2].required)
        #expect(qs[3].condition == Survey.Condition(question: 3, values: [1, 2]) && qs[3].required && qs[3].title == "请说明不满意的原因")
        // Written back and read again, the outline gives the same questions.
        #expect(try SurveyOutline.parse(SurveyOutline.text(qs)) == qs)
    }

    @Test func outlineErrorsNameTheLine() {
        func error(_ text: String) -> String {
            do {
                _ = try SurveyOutline.parse(text)
                return ""
            } catch {
                if case .invalid(_, let m) = error { return m }
                return "\(error)"
            }
        }
        #expect(error("- 选项在前").contains("第 1 行"))
        #expect(error("【单选】只有一个选项\n- A").contains("2 至 30 个选项"))
        #expect(error("【问卷】什么").contains("不认识的题型"))
        #expect(error("随便写一行").contains("第 1 行"))
        #expect(error("【量表 1-5】满意度\n【填空】原因（当第 1 题选 9 时显示）").contains("没有的选项或分值"))
        #expect(error("【填空】原因（当第 2 题选 1 时显示）\n【量表】满意度").contains("只能引用前面的题目"))
        #expect(error("【填空】你好\n【填空】原因（当第 1 题选 1 时显示）").contains("单选、多选或量表"))
        #expect(error("【单选】重复\n- A\n- A").contains("重复"))
        #expect(error("").contains("至少"))
    }

    @Test func conditionalQuestionsAndRequiredAnswers() throws {
        let s = try survey()
        // Satisfied: question 4 is hidden, so it is not required and an answer to it is dropped.
        let kept = try s.accept([
            1: SurveyAnswer(choices: [2]), 3: SurveyAnswer(value: 5), 4: SurveyAnswer(text: "不应保留"),
        ])
        #expect(kept.keys.sorted() == [1, 3])
        // Dissatisfied: question 4 shows and must be answered.
        #expect(throws: DomainError.invalid("q4", "第 4 题为必答题")) {
            try s.accept([1: SurveyAnswer(choices: [2]), 3: SurveyAnswer(value: 2)])
        }
        let answered = try s.accept([
            1: SurveyAnswer(choices: [2]), 3: SurveyAnswer(value: 2), 4: SurveyAnswer(text: "  信息更新太慢 "), 5: SurveyAnswer(text: "x"),
        ])
        // Question 5 shows only to those over 60: the answer of someone younger is dropped.
        #expect(answered[4]?.text == "信息更新太慢" && answered[5] == nil)
        #expect(throws: DomainError.invalid("q1", "第 1 题为必答题")) { try s.accept([3: SurveyAnswer(value: 4)]) }
        #expect(throws: DomainError.invalid("q1", "第 1 题只能选一项")) {
            try s.accept([1: SurveyAnswer(choices: [1, 2]), 3: SurveyAnswer(value: 4)])
        }
        #expect(throws: DomainError.invalid("q1", "第 1 题没有第 7 个选项")) {
            try s.accept([1: SurveyAnswer(choices: [7]), 3: SurveyAnswer(value: 4)])
        }
        #expect(throws: DomainError.invalid("q3", "第 3 题的分值应在 1 至 5 之间")) {
            try s.accept([1: SurveyAnswer(choices: [1]), 3: SurveyAnswer(value: 6)])
        }
        #expect(throws: DomainError.invalid("questions", "问卷没有第 9 题")) { try s.accept([9: SurveyAnswer(text: "x")]) }
        // Multiple choice: duplicates fold.
        let multi = try s.accept([1: SurveyAnswer(choices: [1]), 2: SurveyAnswer(choices: [3, 1, 3]), 3: SurveyAnswer(value: 3)])
        #expect(multi[2]?.choices == [1, 3])
    }

    @Test func conditionOnAHiddenQuestionHidesToo() {
        let qs = [
            Survey.Question(number: 1, kind: .single, title: "是否就医", options: ["是", "否"]),
            Survey.Question(number: 2, kind: .scale, title: "就医满意度", condition: .init(question: 1, values: [1])),
            Survey.Question(number: 3, kind: .text, title: "不满意之处", required: true, condition: .init(question: 2, values: [1, 2])),
        ]
        let s = Survey(
            agencyID: 1, title: "t", questions: qs, opensOn: CivilDate(iso: "2026-09-01")!, closesOn: CivilDate(iso: "2026-09-30")!)
        // Question 2 hidden (answered 否), so question 3 is hidden even though a stale 2 was sent.
        #expect((try? s.accept([1: SurveyAnswer(choices: [2]), 2: SurveyAnswer(value: 1)]))?.keys.sorted() == [1])
        #expect(throws: DomainError.invalid("q3", "第 3 题为必答题")) {
            try s.accept([1: SurveyAnswer(choices: [1]), 2: SurveyAnswer(value: 1)])
        }
    }

    @Test func tallyCountsConfirmedResponsesOnly() throws {
        let s = try survey()
        let responses = [
            SurveyResponse(surveyID: 1, answers: [1: .init(choices: [1]), 2: .init(choices: [1, 2]), 3: .init(value: 5)]),
            SurveyResponse(
                surveyID: 1, answers: [1: .init(choices: [2]), 2: .init(choices: [1]), 3: .init(value: 2), 4: .init(text: "慢")]),
            SurveyResponse(surveyID: 1, answers: [1: .init(choices: [2]), 3: .init(value: 4)]),
            SurveyResponse(
                surveyID: 1, answers: [1: .init(choices: [3]), 3: .init(value: 1)], respondent: "email:a@b.cn", confirmed: false),
        ]
        let r = SurveyResults(survey: s, responses: responses)
        #expect(r.responses == 3)
        #expect(r.questions[0].counts.map(\.count) == [1, 2, 0] && r.questions[0].answered == 3)
        #expect(r.questions[1].counts.map(\.count) == [2, 1, 0] && r.questions[1].answered == 2)
        #expect(r.questions[2].counts.map(\.count) == [0, 1, 0, 1, 1] && r.questions[2].mean == 11.0 / 3)
        #expect(r.questions[3].texts == ["慢"] && r.withoutTexts.questions[3].texts.isEmpty && r.withoutTexts.questions[3].answered == 1)
    }

    @Test func statusFollowsDatesAndEarlyEnd() throws {
        var s = try survey()
        #expect(s.status(today: CivilDate(iso: "2026-08-31")!) == .notYetOpen)
        #expect(s.status(today: CivilDate(iso: "2026-09-30")!) == .open)
        #expect(s.status(today: CivilDate(iso: "2026-10-01")!) == .closed)
        s.ended = true
        #expect(s.status(today: CivilDate(iso: "2026-09-15")!) == .closed)
        s.published = false
        #expect(s.status(today: CivilDate(iso: "2026-09-15")!) == .draft)
        #expect(
            CheckDigits.isMobile("13812345678") && !CheckDigits.isMobile("12812345678") && !CheckDigits.isMobile("1381234567"))
    }
}
