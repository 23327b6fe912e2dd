/// One year's 国务院办公厅 holiday notice (部分节假日安排的通知): the official days off and
/// the weekend make-up workdays (调休).
///
/// The notice for year N may list days at the end of year N-1 (2019's lists 2018-12-29…31).
public struct HolidayNotice: Hashable, Sendable, Codable {
    public var year: Int
    public var holidays: [CivilDate]
    public var workdays: [CivilDate]
    /// Where the notice came from: `shipped` for the data in the release, or the office admin's note.
    public var source: String

    public init(year: Int, holidays: [CivilDate], workdays: [CivilDate], source: String) {
        self.year = year
        self.holidays = holidays.sorted()
        self.workdays = workdays.sorted()
        self.source = source
    }

    /// Checks what an office admin typed before the notice is stored.
    public func validate() throws(DomainError) {
        guard (2000...2100).contains(year) else {
            throw .invalid("year", "年份须在 2000 至 2100 之间")
        }
        if holidays.isEmpty { throw .invalid("holidays", "放假日期不能为空") }
        for d in holidays + workdays where !(year - 1...year).contains(d.year) {
            throw .invalid("holidays", "日期 \(d) 不属于 \(year) 年的通知")
        }
        if let clash = Set(holidays).intersection(workdays).first {
            throw .invalid("workdays", "日期 \(clash) 不能既是放假日又是调休上班日")
        }
        if let weekday = workdays.first(where: { !$0.isWeekend }) {
            throw .invalid("workdays", "调休上班日 \(weekday) 不是周六或周日")
        }
    }
}
