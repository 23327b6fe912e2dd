public import Domain
public import Storage
import Synchronization

/// The working-day calendar in use: the shipped notices (2019-2026) overlaid with the notices the
/// disclosure office has added in the console. Held in memory and swapped whole on change.
public final class CalendarService: Sendable {
    private let state: Mutex<WorkingDayCalendar>

    public init(notices: [HolidayNotice] = HolidayNotice.shipped()) {
        state = Mutex(WorkingDayCalendar(notices: notices))
    }

    /// The calendar as it stands now.
    public var current: WorkingDayCalendar { state.withLock { $0 } }

    /// Rebuilds the calendar from the shipped notices and those stored in the database.
    public func reload(from stores: any Stores) async throws {
        var calendar = WorkingDayCalendar(notices: HolidayNotice.shipped())
        for notice in try await stores.calendar.notices() { calendar.load(notice) }
        let rebuilt = calendar
        state.withLock { $0 = rebuilt }
    }

    /// Stores a year's notice with its audit entry and recomputes the calendar. Deadlines that
    /// depend on the calendar are derived from it when read, so they follow at once.
    public func add(
        _ notice: HolidayNotice, by actor: StaffIdentity, from address: String, in database: any GongkaiDatabase,
        atMillis: Int64, rules: RequestClock.Rules = .standard
    ) async throws {
        try notice.validate()
        let before = current.notices[notice.year]
        var next = current
        next.load(notice)
        let calendar = next
        try await database.audited(
            by: AuditActor(agencyID: actor.agency.id, userID: actor.user.id, name: actor.user.username, address: address),
            atMillis: atMillis
        ) { stores, trail in
            try await stores.calendar.save(notice, atMillis: atMillis)
            // The due dates kept for lists and overdue queries follow the new calendar at once.
            var moved = 0
            for agency in try await stores.agencies.all() {
                let open = try await stores.requests.list(
                    agencyID: agency.id, statuses: [.open, .awaitingCorrection], limit: 1_000_000, offset: 0)
                for var request in open {
                    let due = request.clock.compute(calendar, rules: rules).dueOn
                    guard due != request.dueOn else { continue }
                    request.dueOn = due
                    try await stores.requests.update(request)
                    moved += 1
                }
            }
            try await trail.log(
                before == nil ? .calendarNoticeAdd : .calendarNoticeReplace, .holidayNotice, String(notice.year),
                before: before.map(CanonicalJSON.text), after: CanonicalJSON.text(notice),
                detail: notice.source + (moved > 0 ? "；\(moved) 件申请的答复期限随之重算" : ""))
        }
        try await reload(from: database.stores)
    }
}
