import Domain
import Testing

@Suite struct TimelinessTests {
    let calendar = WorkingDayCalendar(notices: HolidayNotice.shipped())
    func date(_ s: String) -> CivilDate { CivilDate(iso: s)! }
    func doc(
        _ id: Int64, formed: String?, published: String?, status: DocumentStatus = .published, disclosure: DisclosureAttribute = .public
    )
        -> CatalogDocument
    {
        CatalogDocument(
            id: id, agencyID: 1, title: "t", body: "b", categoryCode: "policy", disclosure: DisclosureDecision(attribute: disclosure),
            publishedOn: published.map(date), formedOn: formed.map(date), workflow: WorkflowState(status: status))
    }

    @Test func twentyWorkingDaysAcrossTheNationalDayWeek() throws {
        let general = CatalogCategory.defaults.first { $0.code == "policy" }
        let onTime = try #require(
            Timeliness.entry(
                for: doc(1, formed: "2025-09-30", published: "2025-11-04"), category: general, calendar: calendar,
                today: date("2025-12-01")))
        #expect(onTime.dueOn == date("2025-11-04") && onTime.state == .onTime && !onTime.provisional)
        let late = Timeliness.entry(
            for: doc(2, formed: "2025-09-30", published: "2025-11-05"), category: general, calendar: calendar, today: date("2025-12-01"))
        #expect(late?.state == .late)
    }

    @Test func licensingResultsHaveSevenDaysAndUnpublishedOnesAreDueOrOverdue() {
        let licensing = CatalogCategory.defaults.first { $0.code == "licensing" }
        // Friday 2026-02-13 + 7 working days: 02-14 (make-up Saturday), 02-24..02-27, 02-28 (make-up Saturday), 03-02.
        let pending = doc(3, formed: "2026-02-13", published: nil, status: .inReview)
        #expect(Timeliness.entry(for: pending, category: licensing, calendar: calendar, today: date("2026-03-02"))?.state == .due)
        let overdue = Timeliness.entry(for: pending, category: licensing, calendar: calendar, today: date("2026-03-03"))
        #expect(overdue?.dueOn == date("2026-03-02") && overdue?.state == .overdue)
        #expect(
            Timeliness.entry(
                for: doc(4, formed: "2026-01-05", published: nil, disclosure: .notPublic), category: licensing, calendar: calendar,
                today: date("2026-03-04")) == nil)
        #expect(
            Timeliness.entry(
                for: doc(5, formed: nil, published: "2026-01-05"), category: licensing, calendar: calendar, today: date("2026-03-04"))
                == nil)
    }

    @Test func interpretationCoverageAndTheThreeDayRule() {
        func policy(_ id: Int64, _ published: String) -> CatalogDocument {
            var d = doc(id, formed: published, published: published)
            d.kind = .policy
            d.needsInterpretation = true
            return d
        }
        func interpretation(_ id: Int64, of target: Int64, _ published: String, _ form: InterpretationForm) -> CatalogDocument {
            var d = doc(id, formed: published, published: published)
            d.kind = .interpretation
            d.interpretsID = target
            d.interpretationForm = form
            return d
        }
        let docs = [
            policy(1, "2026-03-02"), interpretation(11, of: 1, "2026-03-02", .graphic),
            policy(2, "2026-03-02"), interpretation(12, of: 2, "2026-03-09", .text),  // 5 working days later
            policy(3, "2026-03-02"),  // none
            policy(4, "2025-12-30"),  // another year
        ]
        let c = InterpretationCoverage.compute(year: 2026, documents: docs, calendar: calendar, today: date("2026-04-01"))
        #expect(c.policies == 3 && c.interpreted == 2 && c.withGraphic == 1 && c.withAudioVideo == 0)
        #expect(c.lateOrMissing == [2, 3])
        #expect(abs(c.interpretedShare - 2.0 / 3.0) < 1e-9)
        // Before the deadline a missing interpretation is not yet late.
        let early = InterpretationCoverage.compute(year: 2026, documents: docs, calendar: calendar, today: date("2026-03-04"))
        #expect(early.lateOrMissing == [2])
    }
}
