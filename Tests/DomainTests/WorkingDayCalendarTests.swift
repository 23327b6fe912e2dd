import Domain
import Testing

@Suite struct WorkingDayCalendarTests {
    let calendar = WorkingDayCalendar(notices: HolidayNotice.shipped())

    func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }

    // The test vectors of regulation-facts.md §4 (receipt day not counted).
    @Test(arguments: [
        ("2025-01-20", 20, "2025-02-21"), ("2025-01-20", 40, "2025-03-21"), ("2025-09-26", 7, "2025-10-13"),
        ("2025-09-26", 20, "2025-10-30"), ("2025-04-25", 15, "2025-05-20"), ("2024-02-01", 20, "2024-03-05"),
        ("2023-12-28", 20, "2024-01-26"), ("2026-02-10", 20, "2026-03-16"), ("2026-09-18", 20, "2026-10-22"),
    ])
    func addsWorkdays(from: String, days: Int, due: String) {
        let r = calendar.adding(days, workdaysTo: d(from))
        #expect(r.date == d(due))
        #expect(r.provisional == false)
        #expect(calendar.workdays(from: d(from), to: d(due)).days == days)
    }

    @Test func everyShippedHolidayIsOffAndEveryMakeUpDayIsWorked() {
        let notices = HolidayNotice.shipped()
        #expect(notices.map(\.year) == Array(2019...2026))
        for n in notices {
            for h in n.holidays { #expect(!calendar.isWorkday(h), "\(h)") }
            for w in n.workdays {
                #expect(w.isWeekend, "\(w)")
                #expect(calendar.isWorkday(w), "\(w)")
            }
        }
    }

    @Test func yearBoundaryUsesThePreviousNoticeDays() {
        // 2019's notice lists 2018-12-29 (Sat) as a make-up workday and 12-30..01-01 as holidays.
        #expect(calendar.isWorkday(d("2018-12-29")))
        #expect(!calendar.isWorkday(d("2018-12-31")))
        #expect(calendar.adding(1, workdaysTo: d("2018-12-28")).date == d("2018-12-29"))
        #expect(calendar.adding(2, workdaysTo: d("2018-12-28")).date == d("2019-01-02"))
    }

    @Test func yearWithoutNoticeIsProvisional() {
        let r = calendar.adding(20, workdaysTo: d("2026-12-20"))
        #expect(r.provisional)
        // Weekends only in 2027: 2026-12-21 .. counting Mon-Fri; 2027-01-01 is a Friday and counted.
        #expect(r.date == d("2027-01-15"))
        #expect(calendar.adding(0, workdaysTo: d("2026-06-01")).provisional == false)
    }

    @Test func loadingANoticeRecomputes() {
        var cal = calendar
        let before = cal.adding(20, workdaysTo: d("2026-12-20"))
        cal.load(HolidayNotice(year: 2027, holidays: [d("2027-01-01"), d("2027-01-04")], workdays: [], source: "test"))
        let after = cal.adding(20, workdaysTo: d("2026-12-20"))
        #expect(after.provisional == false)
        #expect(after.date == before.date.adding(days: 4))  // two more days off: Fri 15th moves to Tue 19th
    }

    @Test func civilDateRoundTripsAndRejectsNonsense() {
        for n in stride(from: -1000, to: 30000, by: 37) {
            let c = CivilDate(daysSinceEpoch: n)
            #expect(c.daysSinceEpoch == n)
            #expect(CivilDate(iso: c.description) == c)
        }
        #expect(CivilDate(iso: "2025-02-29") == nil)
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "2025-1-01") == nil)
        #expect(d("2025-10-13").isoWeekday == 1)
    }
}
