import Domain
import SQLKit
import Storage

struct SQLCalendarStore: CalendarStore {
    let db: any SQLDatabase

    func notices() async throws -> [HolidayNotice] {
        let heads = try await db.select().columns("year", "source").from("holiday_notices").orderBy("year").all()
        let days = try await db.select().columns("year", "day", "is_workday").from("holiday_days").orderBy("day").all()
        var byYear: [Int: (holidays: [CivilDate], workdays: [CivilDate])] = [:]
        for row in days {
            let year = try row.decode(column: "year", as: Int.self)
            guard let day = CivilDate(iso: try row.decode(column: "day", as: String.self)) else { continue }
            if try row.decode(column: "is_workday", as: Int.self) != 0 {
                byYear[year, default: ([], [])].workdays.append(day)
            } else {
                byYear[year, default: ([], [])].holidays.append(day)
            }
        }
        return try heads.map { row in
            let year = try row.decode(column: "year", as: Int.self)
            return HolidayNotice(
                year: year, holidays: byYear[year]?.holidays ?? [], workdays: byYear[year]?.workdays ?? [],
                source: try row.decode(column: "source"))
        }
    }

    func save(_ notice: HolidayNotice, atMillis: Int64) async throws {
        try await db.delete(from: "holiday_days").where("year", .equal, SQLBind(notice.year)).run()
        try await db.delete(from: "holiday_notices").where("year", .equal, SQLBind(notice.year)).run()
        try await db.insert(into: "holiday_notices").columns("year", "source", "saved_ms")
            .values(SQLBind(notice.year), SQLBind(notice.source), SQLBind(atMillis)).run()
        let rows = notice.holidays.map { ($0, 0) } + notice.workdays.map { ($0, 1) }
        for (day, isWorkday) in rows {
            try await db.insert(into: "holiday_days").columns("year", "day", "is_workday")
                .values(SQLBind(notice.year), SQLBind(day.description), SQLBind(isWorkday)).run()
        }
    }
}
