public import Foundation

extension HolidayNotice {
    /// The notices for 2019-2026 shipped with the release (from shared/facts/cn-holidays.json).
    public static func shipped() -> [HolidayNotice] {
        guard let url = Bundle.module.url(forResource: "cn-holidays", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let notices = try? parse(json: data, source: "shipped")
        else {
            fatalError("cn-holidays.json is missing from the Domain bundle")
        }
        return notices
    }

    /// Reads the `{"YYYY": {"holidays": [...], "workdays": [...]}}` shape.
    public static func parse(json data: Data, source: String) throws -> [HolidayNotice] {
        struct Year: Decodable {
            var holidays: [CivilDate]
            var workdays: [CivilDate]
        }
        let years = try JSONDecoder().decode([String: Year].self, from: data)
        return try years.map { key, value in
            guard let y = Int(key) else { throw DomainError.invalid("year", "年份 \(key) 无效") }
            return HolidayNotice(year: y, holidays: value.holidays, workdays: value.workdays, source: source)
        }.sorted { $0.year < $1.year }
    }
}
