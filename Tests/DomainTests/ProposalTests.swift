import Domain
import Testing

/// Reply deadlines in months and the yearly counts of suggestions and proposals.
@Suite struct ProposalTests {
    func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }

    @Test func deadlinesAreCalendarMonthsClampedToTheMonthsEnd() {
        let rules = ProposalRules()
        #expect(rules.due(assignedOn: d("2026-03-15"), complex: false) == d("2026-06-15"))
        #expect(rules.due(assignedOn: d("2026-03-15"), complex: true) == d("2026-09-15"))
        #expect(rules.due(assignedOn: d("2025-11-30"), complex: false) == d("2026-02-28"))
        #expect(Proposal.adding(months: 1, to: d("2024-01-31")) == d("2024-02-29"))
        #expect(Proposal.adding(months: 12, to: d("2026-12-31")) == d("2027-12-31"))
    }

    @Test func yearlyCounts() {
        func item(_ kind: Proposal.Kind, _ year: Int, replied: String?) -> Proposal {
            Proposal(
                agencyID: 1, kind: kind, year: year, number: "1", proposer: "张代表", title: "t", assignedOn: d("2026-03-01"),
                leadUnit: "医政医管科",
                dueOn: d("2026-06-01"), repliedOn: replied.map(d))
        }
        let counts = Proposal.counts(
            [
                item(.suggestion, 2026, replied: "2026-05-20"), item(.suggestion, 2026, replied: "2026-06-10"),
                item(.suggestion, 2026, replied: nil),
                item(.proposal, 2026, replied: "2026-04-01"), item(.proposal, 2025, replied: "2025-04-01"),
            ], year: 2026)
        #expect(counts[.suggestion]?.assigned == 3 && counts[.suggestion]?.replied == 2 && counts[.suggestion]?.inTime == 1)
        #expect(counts[.proposal]?.assigned == 1 && counts[.proposal]?.inTime == 1)
    }
}
