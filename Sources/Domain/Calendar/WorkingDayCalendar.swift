/// The Chinese working-day calendar (工作日历): weekends, statutory holidays and make-up workdays.
///
/// Counting rule used for every deadline: the start day is not counted; day 1 is the next working
/// day. A make-up Saturday or Sunday (调休上班日) is a working day. A result that passes through a
/// year whose notice has not been loaded is still computed, from weekends alone, and is marked
/// provisional so the interface can say so.
public struct WorkingDayCalendar: Sendable {
    public private(set) var notices: [Int: HolidayNotice]
    /// Days since 1970, so that counting working days is integer work.
    private var holidays: Set<Int> = []
    private var workdays: Set<Int> = []

    public init(notices: [HolidayNotice]) {
        self.notices = [:]
        for n in notices { self.notices[n.year] = n }
        rebuild()
    }

    /// Adds or replaces one year's notice.
    public mutating func load(_ notice: HolidayNotice) {
        notices[notice.year] = notice
        rebuild()
    }

    private mutating func rebuild() {
        holidays = Set(notices.values.flatMap(\.holidays).map(\.daysSinceEpoch))
        workdays = Set(notices.values.flatMap(\.workdays).map(\.daysSinceEpoch))
    }

    public var loadedYears: [Int] { notices.keys.sorted() }

    /// Whether the year's own notice is loaded (else counting in it is provisional).
    public func hasNotice(for year: Int) -> Bool { notices[year] != nil }

    public func isWorkday(_ d: CivilDate) -> Bool { isWorkday(day: d.daysSinceEpoch) }

    /// `day` in days since 1970-01-01 (a Thursday).
    func isWorkday(day: Int) -> Bool {
        if workdays.contains(day) { return true }
        let weekday = ((day % 7) + 7 + 3) % 7  // 0 = Monday
        return weekday < 5 && !holidays.contains(day)
    }

    /// The date N working days after `start` (start not counted). N = 0 returns `start`.
    public func adding(_ days: Int, workdaysTo start: CivilDate) -> WorkdayResult {
        precondition(days >= 0, "negative working-day counts are not supported")
        var day = start.daysSinceEpoch
        var left = days
        while left > 0 {
            day += 1
            if isWorkday(day: day) { left -= 1 }
        }
        let d = CivilDate(daysSinceEpoch: day)
        return WorkdayResult(date: d, provisional: !years(from: start, through: d).allSatisfy(hasNotice))
    }

    /// Working days in (from, to]: how many were used between two dates. Zero when `to <= from`.
    public func workdays(from: CivilDate, to: CivilDate) -> WorkdayCount {
        guard to > from else { return WorkdayCount(days: 0, provisional: !hasNotice(for: from.year)) }
        var n = 0
        var day = from.daysSinceEpoch
        let end = to.daysSinceEpoch
        while day < end {
            day += 1
            if isWorkday(day: day) { n += 1 }
        }
        return WorkdayCount(days: n, provisional: !years(from: from, through: to).allSatisfy(hasNotice))
    }

    private func years(from a: CivilDate, through b: CivilDate) -> ClosedRange<Int> {
        // The start day itself is not counted, but a start on 31 Dec only looks ahead.
        let first = a.adding(days: 1).year
        return min(first, b.year)...b.year
    }
}

/// A computed due date and whether it rests on a year with no loaded holiday notice.
public struct WorkdayResult: Hashable, Sendable {
    public var date: CivilDate
    public var provisional: Bool
}

/// A count of working days and whether it rests on a year with no loaded holiday notice.
public struct WorkdayCount: Hashable, Sendable {
    public var days: Int
    public var provisional: Bool
}
