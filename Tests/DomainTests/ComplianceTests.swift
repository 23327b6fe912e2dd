import Testing

@testable import Domain

/// The compliance dashboard's indicators on a small dataset whose answers are worked out by hand.
@Suite struct ComplianceTests {
    static func d(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    @Test func monthsStepAcrossYears() {
        let m = YearMonth(year: 2026, month: 11)
        #expect(m.adding(months: 3).description == "2027-02")
        #expect(m.adding(months: -11).description == "2025-12")
        #expect(
            YearMonth.range(YearMonth(iso: "2026-11")!, YearMonth(iso: "2027-02")!).map(\.shortLabel) == ["11月", "12月", "2027年1月", "2月"])
        #expect(YearMonth(iso: "2026-13") == nil && YearMonth(iso: "26-01") == nil)
    }

    @Test func casesFallInTheRightMonthAndCount() {
        let today = Self.d("2026-09-21")
        let entries = [
            // published on time in July, late in August, overdue since September, still due: not counted.
            Timeliness.Entry(
                documentID: 1, formedOn: Self.d("2026-07-01"), dueOn: Self.d("2026-07-29"), publishedOn: Self.d("2026-07-10"),
                state: .onTime, provisional: false),
            Timeliness.Entry(
                documentID: 2, formedOn: Self.d("2026-07-01"), dueOn: Self.d("2026-07-29"), publishedOn: Self.d("2026-08-03"), state: .late,
                provisional: false),
            Timeliness.Entry(
                documentID: 3, formedOn: Self.d("2026-08-10"), dueOn: Self.d("2026-09-07"), publishedOn: nil, state: .overdue,
                provisional: false),
            Timeliness.Entry(
                documentID: 4, formedOn: Self.d("2026-09-15"), dueOn: Self.d("2026-10-14"), publishedOn: nil, state: .due,
                provisional: false),
        ]
        let errors = [
            SiteErrorReport(
                agencyID: 1, source: .site, pageURL: "/", category: .typo, description: "a", receivedOn: Self.d("2026-09-01"),
                dueOn: Self.d("2026-09-04"), status: .resolved, resolvedOn: Self.d("2026-09-03")),
            SiteErrorReport(
                agencyID: 1, source: .site, pageURL: "/", category: .typo, description: "b", receivedOn: Self.d("2026-09-01"),
                dueOn: Self.d("2026-09-04"), status: .resolved, resolvedOn: Self.d("2026-09-08")),
            SiteErrorReport(
                agencyID: 1, source: .site, pageURL: "/", category: .typo, description: "c", receivedOn: Self.d("2026-09-10"),
                dueOn: Self.d("2026-09-15")),
            SiteErrorReport(
                agencyID: 1, source: .site, pageURL: "/", category: .typo, description: "d", receivedOn: Self.d("2026-09-20"),
                dueOn: Self.d("2026-09-24")),
        ]
        let letters = [
            MailboxMessage(
                agencyID: 1, trackingCode: "A", kind: .inquiry, subject: "s", body: "b", name: "n", phone: "", email: "", mayPublish: false,
                receivedOn: Self.d("2026-08-01"), dueOn: Self.d("2026-08-14"), repliedOn: Self.d("2026-08-12"), rating: .satisfied),
            MailboxMessage(
                agencyID: 1, trackingCode: "B", kind: .inquiry, subject: "s", body: "b", name: "n", phone: "", email: "", mayPublish: false,
                receivedOn: Self.d("2026-08-01"), dueOn: Self.d("2026-08-14"), repliedOn: Self.d("2026-08-20"), rating: .unsatisfied),
            MailboxMessage(
                agencyID: 1, trackingCode: "C", kind: .inquiry, subject: "s", body: "b", name: "n", phone: "", email: "", mayPublish: false,
                receivedOn: Self.d("2026-09-01"), dueOn: Self.d("2026-09-14")),
        ]
        let appeals = [
            RequestAppeal(
                agencyID: 1, requestID: nil, kind: .reconsideration, forum: "f", filedOn: Self.d("2026-06-01"), result: .upheld,
                decidedOn: Self.d("2026-08-01")),
            RequestAppeal(
                agencyID: 1, requestID: nil, kind: .litigationDirect, forum: "f", filedOn: Self.d("2026-06-01"), result: .corrected,
                decidedOn: Self.d("2026-08-20")),
            RequestAppeal(agencyID: 1, requestID: nil, kind: .reconsideration, forum: "f", filedOn: Self.d("2026-09-01")),
        ]
        let cases =
            ComplianceCases.publications(entries) + ComplianceCases.siteErrors(errors, today: today)
            + ComplianceCases.mailbox(letters, today: today) + ComplianceCases.appeals(appeals)
        let months = YearMonth.range(YearMonth(iso: "2026-07")!, YearMonth(iso: "2026-09")!)
        let unit = ComplianceSeries(months: months, cases: cases)
        let jul = months[0]
        let aug = months[1]
        let sep = months[2]
        #expect(unit.tally(.publication, jul) == ComplianceTally(met: 1, total: 1))
        #expect(unit.tally(.publication, aug) == ComplianceTally(met: 0, total: 1))
        #expect(unit.tally(.publication, sep) == ComplianceTally(met: 0, total: 1))
        #expect(unit.total(.publication).percent == "33.3%")
        // Error reports: a, b (late) and c (open, past due) in September; d not yet due.
        #expect(unit.tally(.siteErrors, sep) == ComplianceTally(met: 1, total: 3))
        #expect(unit.tally(.mailboxReply, aug) == ComplianceTally(met: 1, total: 2))
        #expect(unit.tally(.mailboxReply, sep) == ComplianceTally(met: 0, total: 1))
        #expect(unit.total(.mailboxSatisfaction) == ComplianceTally(met: 1, total: 2))
        #expect(unit.tally(.appeals, aug) == ComplianceTally(met: 1, total: 2))
        #expect(unit.total(.requestReply).rate == nil && unit.total(.requestReply).percent == "—")
        // A case outside the months is left out; two units add up their cases, not their rates.
        let other = ComplianceSeries(
            months: months,
            cases: [ComplianceCase(.publication, jul, met: true), ComplianceCase(.publication, YearMonth(iso: "2026-01")!, met: false)])
        let all = ComplianceSeries.combined([unit, other], months: months)
        #expect(all.tally(.publication, jul) == ComplianceTally(met: 2, total: 2))
        #expect(all.total(.publication) == ComplianceTally(met: 2, total: 4))
    }
}

/// The 栏目不更新 indicator on columns whose answers are worked out by hand.
@Suite struct ColumnFreshnessTests {
    @Test func limitsByKindAndTheSiteVerdict() {
        let today = CivilDate(iso: "2026-09-21")!
        var rules = FreshnessRules()
        func column(_ kind: ColumnKind, _ last: String?, documents: Int = 3) -> ColumnFreshness {
            ColumnFreshness(
                code: "c", name: "c", kind: kind, documents: last == nil ? 0 : documents,
                lastPublished: last.flatMap { CivilDate(iso: $0) },
                today: today, rules: rules)
        }
        // Dynamic: 14 days after the last update is still in time, 15 is not.
        #expect(column(.dynamic, "2026-09-07").state == .fresh)
        #expect(column(.dynamic, "2026-09-06").state == .stale)
        #expect(column(.dynamic, "2026-09-07").dueBy == CivilDate(iso: "2026-09-21"))
        // Notice: six calendar months.
        #expect(column(.notice, "2026-03-21").state == .fresh)
        #expect(column(.notice, "2026-03-20").state == .stale)
        #expect(column(.regular, "2025-09-21").state == .fresh)
        #expect(column(.regular, "2025-09-20").state == .long)
        #expect(column(.regular, nil).state == .empty)
        #expect(CivilDate(iso: "2026-01-31")!.adding(months: 1) == CivilDate(iso: "2026-02-28"))
        #expect(CivilDate(iso: "2026-11-30")!.adding(months: -12) == CivilDate(iso: "2025-11-30"))
        // Four stale columns pass, five fail; empty columns likewise.
        let four = FreshnessReport(columns: Array(repeating: column(.dynamic, "2026-01-01"), count: 4), rules: rules)
        #expect(four.failures.isEmpty)
        let five = FreshnessReport(columns: Array(repeating: column(.notice, "2026-01-01"), count: 5), rules: rules)
        #expect(five.failures.count == 1 && five.failures[0].contains("共 5 个"))
        rules.emptyLimit = 2
        let empty = FreshnessReport(columns: [column(.regular, nil), column(.dynamic, nil)], rules: rules)
        #expect(empty.failures == ["空白栏目 2 个（达到 2 个即不合格）"])
    }
}
