import Domain
import Foundation
import Hummingbird
import Plot
import Services
import Storage

/// Open days on the portal (announcement and registration, with a JSON twin) and for staff.
struct OpenDaysController {
    let env: WebEnvironment
    let pages: PageRenderer
    var limiter: AttemptLimiter { env.limits.openDays }

    var service: OpenDayService { OpenDayService(env: env.services) }

    func register(on router: Router<GongkaiRequestContext>) {
        router.get(Routes.Portal.openDays, use: publicIndex)
        router.get(Routes.Portal.openDay, use: publicPage)
        router.post(Routes.Portal.openDayRegister, use: registerForm)
        router.get(Routes.API.publicOpenDays) { request, _ in
            DayList(
                items: try await env.database.stores.openDays.list(agencyID: try await env.portal(request).scope).map {
                    DayDTO($0, staff: false)
                })
        }
        router.post(Routes.API.publicOpenDayRegistrations) { request, context -> EditedResponse<SignupDTO> in
            guard limiter.allow(context.remoteAddress, now: env.clock()) else { throw APIFailure.tooMany("提交过于频繁，请一小时后再试") }
            let body = try await request.decodeJSON(OpenDayService.Signup.self, context: context)
            let (d, r) = try await service.register(try id(context), body, address: context.remoteAddress)
            return EditedResponse(status: .created, response: SignupDTO(registration: r.id, people: r.people, placesLeft: d.placesLeft))
        }
        let office = Access.roles(OpenDayService.office)
        router.staff(.get, Routes.API.openDays, office) { _, _, identity in
            DayList(items: try await env.database.stores.openDays.list(agencyID: identity.agency.id).map { DayDTO($0, staff: true) })
        }
        router.staff(.post, Routes.API.openDays, office) { request, context, identity in
            let input = try await request.decodeJSON(OpenDayService.Input.self, context: context)
            return EditedResponse(
                status: .created,
                response: DayDTO(try await service.plan(input, identity: identity, address: context.remoteAddress), staff: true))
        }
        router.staff(.post, Routes.API.openDayAnnounce, office) { _, context, identity in
            DayDTO(try await service.announce(try id(context), identity: identity, address: context.remoteAddress), staff: true)
        }
        router.staff(.post, Routes.API.openDayReport, office) { request, context, identity in
            let body = try await request.decodeJSON(RecordBody.self, context: context)
            return DayDTO(
                try await service.report(try id(context), record: body.record, identity: identity, address: context.remoteAddress),
                staff: true)
        }
    }

    func id(_ context: GongkaiRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该开放日活动") }
        return id
    }

    struct RecordBody: Decodable { var record: String? }

    struct DayDTO: ResponseEncodable, Sendable {
        var id: Int64
        var title: String
        var date: CivilDate
        var place: String
        var plan: String
        var capacity: Int
        var registered: Int
        var placesLeft: Int
        var registrationClosesOn: CivilDate
        var announced: Bool
        var resultDocumentId: Int64?
        /// Staff only.
        var registrations: [OpenDay.Registration]?

        init(_ d: OpenDay, staff: Bool) {
            id = d.id
            title = d.title
            date = d.date
            place = d.place
            plan = d.plan
            capacity = d.capacity
            registered = d.registered
            placesLeft = d.placesLeft
            registrationClosesOn = d.registrationClosesOn
            announced = d.announced
            resultDocumentId = d.resultDocumentID
            registrations = staff ? d.registrations : nil
        }
    }

    struct DayList: ResponseEncodable, Sendable { var items: [DayDTO] }

    struct SignupDTO: ResponseEncodable, Sendable {
        var registration: Int
        var people: Int
        var placesLeft: Int
    }

    func announced(_ context: GongkaiRequestContext) async throws -> OpenDay {
        guard let d = try await env.database.stores.openDays.find(id: try id(context)), d.announced else {
            throw DomainError.notFound("该开放日活动")
        }
        return d
    }

    @Sendable func publicIndex(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let days = try await env.database.stores.openDays.list(agencyID: try await env.portal(request).scope)
        return try await pages.respond("政府开放日", area: .portal, request: request, context: context) { _ in
            .div(
                .h1(.text("政府开放日")),
                days.isEmpty
                    ? .p(.class("empty"), .text("暂无开放日活动。"))
                    : .ul(
                        .class("doc-list"),
                        .forEach(days) { d in
                            .li(
                                .a(.href(Routes.Portal.openDay.path(d.id)), .text(d.title)),
                                .span(.class("doc-meta"), .text(" \(d.date.chinese) · 剩余名额 \(d.placesLeft)")))
                        }))
        }
    }

    func page(_ d: OpenDay, _ chrome: PageChrome, today: CivilDate, message: String?, errors: [String: String], values: [String: String])
        -> Node<HTML.BodyContext>
    {
        let open = today <= d.registrationClosesOn && d.placesLeft > 0
        return .div(
            .class("open-day request-form"),
            .h1(.text(d.title)),
            .p(
                .class("doc-meta"),
                .text("\(d.date.chinese) · \(d.place) · 名额 \(d.capacity)，剩余 \(d.placesLeft) · 报名截止 \(d.registrationClosesOn.chinese)")),
            Fragments.alert(message, kind: errors.isEmpty ? "success" : "error"),
            .section(.h2(.text("活动方案")), .p(.text(d.plan))),
            .unwrap(d.resultDocumentID) { rid in .p(.a(.href(Routes.Portal.document.path(rid)), .text("活动情况"))) },
            open
                ? .section(
                    .h2(.text("报名")),
                    .form(
                        .method(.post), .action(chrome.serverOrigin + Routes.Portal.openDayRegister.path(d.id)),
                        .div(
                            Fragments.csrfField(chrome.csrf),
                            Fragments.textField("姓名", name: "name", value: values["name"] ?? "", errors: errors, autocomplete: "name"),
                            Fragments.textField(
                                "联系电话", name: "phone", value: values["phone"] ?? "", type: .tel, errors: errors, autocomplete: "tel"),
                            Fragments.select(
                                "人数", name: "people", options: (1...5).map { (String($0), "\($0) 人") }, selected: values["people"] ?? "1",
                                errors: errors),
                            .button(.type(.submit), .text("报名")))))
                : .p(.text(d.placesLeft == 0 ? "名额已满。" : "报名已截止。"))
        )
    }

    @Sendable func publicPage(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let d = try await announced(context)
        // Back from a registration (Post/Redirect/Get): the number of people it was for.
        let registered = PostRedirect.value(request).flatMap { Int($0) }
        let message = registered.map { "报名成功（\($0) 人），请于\(d.date.chinese)持身份证件到\(d.place)参加。" }
        var response = try await pages.respond(d.title, area: .portal, request: request, context: context, anonymousForm: true) {
            page(d, $0, today: env.today, message: message, errors: [:], values: [:])
        }
        if registered != nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    @Sendable func registerForm(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let d = try await announced(context)
        let message: String
        let errors: [String: String]
        let status: HTTPResponse.Status
        do {
            guard limiter.allow(context.remoteAddress, now: env.clock()) else { throw DomainError.conflict("提交过于频繁，请一小时后再试") }
            let (_, r) = try await service.register(
                d.id, .init(name: form["name"], phone: form["phone"], people: Int(form["people"])), address: context.remoteAddress)
            return PostRedirect.receipt(to: Routes.Portal.openDay.path(d.id), carrying: String(r.people), secure: context.isSecure)
        } catch DomainError.invalid(let field, let m) {
            message = m
            errors = [field: m]
            status = .unprocessableContent
        } catch DomainError.conflict(let m) {
            message = m
            errors = ["_": m]
            status = .conflict
        }
        let shown = d
        let values = errors.isEmpty ? [:] : form.firstValues
        let (m, e) = (message, errors)
        return try await pages.respond(d.title, area: .portal, request: request, context: context, status: status, anonymousForm: true) {
            page(shown, $0, today: env.today, message: m, errors: e, values: values)
        }
    }
}
