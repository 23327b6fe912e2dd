import Domain
import Hummingbird
import Services

/// The working-day calendar: public JSON answers and the office's form for a new year's notice.
struct CalendarController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer

    func register(on router: Router<GongkaiRequestContext>) {
        router.get(Routes.API.calendarAddWorkdays, use: addWorkdays)
        router.get(Routes.API.calendarWorkdaysBetween, use: workdaysBetween)
        router.get(Routes.API.calendarNotices, use: notices)
        router.staff(.post, Routes.API.calendarNotices, .roles([.officeAdmin]), use: apiAddNotice)
        router.staff(.get, Routes.Console.calendar, .roles([.officeAdmin]), use: page)
        router.staff(.post, Routes.Console.calendar, .roles([.officeAdmin]), use: submit)
    }

    static let maxDays = 400

    struct AddWorkdaysResponse: ResponseEncodable, Equatable {
        var from: String
        var days: Int
        var due: String
        var provisional: Bool
    }

    struct WorkdaysBetweenResponse: ResponseEncodable, Equatable {
        var from: String
        var to: String
        var workdays: Int
        var provisional: Bool
    }

    static func date(_ request: Request, _ key: String) throws(DomainError) -> CivilDate {
        guard let text = request.uri.queryParameters[key[...]] else { throw .invalid(key, "缺少参数 \(key)（格式 YYYY-MM-DD）") }
        guard let date = CivilDate(iso: text), (1900...2200).contains(date.year) else {
            throw .invalid(key, "参数 \(key) 不是有效日期：“\(text)”，应为 YYYY-MM-DD")
        }
        return date
    }

    @Sendable func addWorkdays(_ request: Request, context: GongkaiRequestContext) async throws -> AddWorkdaysResponse {
        let from = try Self.date(request, "from")
        guard let text = request.uri.queryParameters["days"] else { throw DomainError.invalid("days", "缺少参数 days") }
        guard let days = Int(text), (0...Self.maxDays).contains(days) else {
            throw DomainError.invalid("days", "参数 days 须为 0 到 \(Self.maxDays) 之间的整数")
        }
        let result = env.calendar.current.adding(days, workdaysTo: from)
        return AddWorkdaysResponse(from: from.description, days: days, due: result.date.description, provisional: result.provisional)
    }

    @Sendable func workdaysBetween(_ request: Request, context: GongkaiRequestContext) async throws -> WorkdaysBetweenResponse {
        let from = try Self.date(request, "from")
        let to = try Self.date(request, "to")
        guard to.daysSinceEpoch - from.daysSinceEpoch <= 3660 else { throw DomainError.invalid("to", "两个日期相隔不能超过 10 年") }
        let count = env.calendar.current.workdays(from: from, to: to)
        return WorkdaysBetweenResponse(from: from.description, to: to.description, workdays: count.days, provisional: count.provisional)
    }

    struct NoticeSummary: Codable {
        var year: Int
        var holidays: [CivilDate]
        var workdays: [CivilDate]
        var source: String
    }

    struct NoticeList: ResponseEncodable {
        var notices: [NoticeSummary]
    }

    @Sendable func notices(_ request: Request, context: GongkaiRequestContext) async throws -> NoticeList {
        let list = env.calendar.current.notices.values.sorted { $0.year < $1.year }
            .map { NoticeSummary(year: $0.year, holidays: $0.holidays, workdays: $0.workdays, source: $0.source) }
        return NoticeList(notices: list)
    }

    @Sendable func apiAddNotice(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let body = try await request.decodeJSON(NoticeSummary.self, context: context)
        let notice = HolidayNotice(year: body.year, holidays: body.holidays, workdays: body.workdays, source: body.source)
        try Self.checkSource(body.source)
        try await env.calendar.add(
            notice, by: identity, from: context.remoteAddress, in: env.database, atMillis: env.nowMillis, rules: env.rules.clockRules)
        return Response(status: .created)
    }

    static func checkSource(_ source: String) throws(DomainError) {
        let s = source.trimmingCharacters(in: .whitespaces)
        if s.isEmpty || s.count > 200 { throw .invalid("source", "请填写通知来源（如 国办发明电〔2026〕号 的标题或文号），不超过 200 字") }
    }

    @Sendable func page(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await render(CalendarPage(form: .init(year: String(env.today.year + 1))), request: request, context: context)
    }

    func render(_ page: CalendarPage, request: Request, context: GongkaiRequestContext, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        var page = page
        page.notices = env.calendar.current.notices.values.sorted { $0.year > $1.year }
        let shown = page
        return try await pages.respond("工作日历", area: .console, request: request, context: context, status: status) { chrome in
            shown.content(chrome)
        }
    }

    @Sendable func submit(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        var page = CalendarPage(
            form: .init(year: form["year"], holidays: form["holidays"], workdays: form["workdays"], source: form["source"]))
        do {
            let notice = try page.form.notice()
            try await env.calendar.add(
                notice, by: identity, from: context.remoteAddress, in: env.database, atMillis: env.nowMillis, rules: env.rules.clockRules
            )
            page = CalendarPage(form: .init(year: String(notice.year + 1)))
            page.saved = "已保存 \(notice.year) 年节假日安排：放假 \(notice.holidays.count) 天，调休上班 \(notice.workdays.count) 天。依赖工作日的期限已按新日历重新计算。"
            return try await render(page, request: request, context: context)
        } catch let error as DomainError {
            page.errors[error.field ?? "year"] = error.message
            return try await render(page, request: request, context: context, status: .unprocessableContent)
        }
    }
}
