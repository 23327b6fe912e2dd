public import Domain

/// Holiday notices that make up the working-day calendar.
public protocol CalendarStore: Sendable {
    func notices() async throws -> [HolidayNotice]
    /// Adds a year's notice, or replaces the notice for that year.
    func save(_ notice: HolidayNotice, atMillis: Int64) async throws
}
