/// A calendar date without time or zone (a day as printed on a notice: 2025-10-13).
///
/// Deadlines under the 条例 are counted in whole days, so the domain never works with instants
/// when it counts; "today" is passed in by the caller.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or returns nil when the fields do not name a real day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the ISO form `YYYY-MM-DD`; anything else returns nil. Reads the bytes directly:
    /// the dashboards parse two dates for each of a unit's documents, and the generic
    /// split-and-check version was 40% of a 100,000-document dashboard's time.
    public init?(iso text: some StringProtocol) {
        var fields = (0, 0, 0)
        var i = 0
        for b in text.utf8 {
            switch i {
            case 4, 7:
                guard b == UInt8(ascii: "-") else { return nil }
            case 0..<10:
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
                let n = Int(b &- UInt8(ascii: "0"))
                if i < 4 {
                    fields.0 = fields.0 * 10 + n
                } else if i < 7 {
                    fields.1 = fields.1 * 10 + n
                } else {
                    fields.2 = fields.2 * 10 + n
                }
            default: return nil
            }
            i += 1
        }
        guard i == 10 else { return nil }
        self.init(year: fields.0, month: fields.1, day: fields.2)
    }

    /// Days since 1970-01-01 (negative before), after H. Hinnant's civil-from-days algorithms.
    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let w = (daysSinceEpoch % 7 + 7 + 3) % 7  // 1970-01-01 was a Thursday
        return w + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The day in Beijing (UTC+8, no daylight saving) of an instant in milliseconds since 1970.
    public init(millis: Int64) {
        let seconds = millis / 1000 + 8 * 3600
        self.init(daysSinceEpoch: Int((seconds - (seconds < 0 && seconds % 86_400 != 0 ? 86_400 : 0)) / 86_400))
    }

    public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// The same day `months` later (or earlier), or the month's last day when it is shorter
    /// (31 January plus one month is 28 or 29 February).
    public func adding(months: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12
        let m = total % 12 + 1
        return CivilDate(year: y, month: m, day: min(day, CivilDate.daysIn(month: m, year: y)))!
    }

    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m + "-" + d
    }

    /// An optional date typed into a form: empty means none; anything else must be YYYY-MM-DD.
    public static func parse(optional text: String, field: String) throws(DomainError) -> CivilDate? {
        if text.isEmpty { return nil }
        guard let date = CivilDate(iso: text) else { throw .invalid(field, "日期格式应为 YYYY-MM-DD") }
        return date
    }

    /// The date in the form used on Chinese notices: 2025年10月13日.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
