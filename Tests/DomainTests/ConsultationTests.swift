import Domain
import Testing

/// Minimum comment periods, versions, and the 意见采纳情况 counts.
@Suite struct ConsultationTests {
    let calendar = WorkingDayCalendar(notices: HolidayNotice.shipped())

    func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }

    @Test func minimumPeriodsByKind() throws {
        let rules = ConsultationRules()
        // 规章: 30 days counting both ends.
        #expect(throws: DomainError.self) { try rules.check(.rules, opens: d("2026-09-01"), closes: d("2026-09-29"), calendar: calendar) }
        try rules.check(.rules, opens: d("2026-09-01"), closes: d("2026-09-30"), calendar: calendar)
        // 行政规范性文件: 7 working days; the Mid-Autumn and National Day holidays do not count.
        #expect(throws: DomainError.self) {
            try rules.check(.normative, opens: d("2026-09-28"), closes: d("2026-10-08"), calendar: calendar)
        }
        try rules.check(.normative, opens: d("2026-09-21"), closes: d("2026-09-30"), calendar: calendar)
        #expect(throws: DomainError.self) {
            try rules.check(.normative, opens: d("2026-09-21"), closes: d("2026-09-29"), calendar: calendar)
        }
        try rules.check(.normative, opens: d("2026-09-28"), closes: d("2026-10-12"), calendar: calendar)  // 10 October is a make-up workday
        // Closely related to market entities: 30 days.
        #expect(throws: DomainError.self) {
            try rules.check(.normativeMarket, opens: d("2026-09-21"), closes: d("2026-10-08"), calendar: calendar)
        }
        #expect(throws: DomainError.self) { try rules.check(.other, opens: d("2026-09-21"), closes: d("2026-09-20"), calendar: calendar) }
        var custom = ConsultationRules()
        custom.normativeWorkdays = 3
        try custom.check(.normative, opens: d("2026-09-21"), closes: d("2026-09-23"), calendar: calendar)
    }

    @Test func versionsKeepTheOldTextWithTheNote() throws {
        var c = Consultation(
            agencyID: 1, title: "办法", kind: .normative, summary: "", body: "第一条。\n\n第二条。\n第三条。", opensOn: d("2026-09-21"),
            closesOn: d("2026-10-09"))
        #expect(c.paragraphs == ["第一条。", "第二条。", "第三条。"])
        #expect(throws: DomainError.self) { try c.revise(body: "第一条。\n第二条（改）。", note: " ", atMillis: 1) }
        #expect(throws: DomainError.self) { try c.revise(body: c.body, note: "无", atMillis: 1) }
        try c.revise(body: "第一条。\n第二条（改）。", note: "吸收意见修改第二条", atMillis: 1)
        #expect(c.version == 2 && c.history.count == 1 && c.history[0].body.contains("第三条") && c.history[0].note == "吸收意见修改第二条")
        #expect(c.status(today: d("2026-09-20")) == .draft)
        c.published = true
        #expect(
            c.status(today: d("2026-09-20")) == .draft && c.status(today: d("2026-10-09")) == .open
                && c.status(today: d("2026-10-10")) == .closed)
    }

    @Test func feedbackReportCountsByDispositionAndTheme() {
        func comment(_ status: PublicComment.Status, _ d: PublicComment.Disposition?, theme: String = "", reason: String = "")
            -> PublicComment
        {
            PublicComment(
                consultationID: 1, version: 1, paragraph: nil, quote: "", text: "意见", name: "", email: "", phone: "", status: status,
                disposition: d,
                reason: reason, theme: theme)
        }
        let comments = [
            comment(.published, .adopted, theme: "收费标准"), comment(.published, .notAdopted, theme: "收费标准", reason: "超出本文件调整范围"),
            comment(.rejected, .notAdopted, theme: "收费标准", reason: "超出本文件调整范围"),
            comment(.published, .partlyAdopted, theme: "服务时间", reason: "部分时段人手不足"),
            comment(.rejected, .irrelevant), comment(.unconfirmed, nil), comment(.pending, nil),
        ]
        let r = FeedbackReport(comments: comments)
        #expect(r.received == 6 && r.published == 3 && r.undecided == 1)
        #expect(r.counts == [.adopted: 1, .notAdopted: 2, .partlyAdopted: 1, .irrelevant: 1])
        #expect(r.themes.map(\.theme) == ["收费标准", "服务时间", "其他"])
        #expect(r.themes[0].reasons == ["超出本文件调整范围"])
        let text = r.text(title: "托育服务办法", opensOn: d("2026-09-01"), closesOn: d("2026-09-30"))
        #expect(text.contains("共收到意见 6 条") && text.contains("采纳 1 条，部分采纳 1 条，未予采纳 2 条，与征求意见内容无关 1 条"))
        #expect(text.contains("另有 1 条意见尚在研究") && text.contains("1. 关于“收费标准”：采纳 1 条，不予采纳 2 条。"))
    }
}
