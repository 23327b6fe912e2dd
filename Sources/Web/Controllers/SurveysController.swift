import Domain
import Foundation
import Hummingbird
import Plot
import Services
import Storage

/// Questionnaires: the portal's pages with their JSON twins, and the staff API and console.
struct SurveysController {
    let env: WebEnvironment
    let pages: PageRenderer
    var limiter: AttemptLimiter { env.limits.surveys }

    var service: SurveyService { SurveyService(env: env.services) }

    func register(on router: Router<GongkaiRequestContext>) {
        router.get(Routes.Portal.surveyScript) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: SurveyScript.js)))
        }
        router.get(Routes.Portal.surveys, use: publicIndex)
        router.get(Routes.Portal.survey, use: publicPage)
        router.get(Routes.Portal.surveyResults, use: publicResults)
        router.post(Routes.Portal.surveyResponses, use: respondForm)
        router.post(Routes.Portal.surveyResponseConfirm, use: confirmForm)
        router.get(Routes.API.publicSurveys) { request, _ in
            SurveyList(
                items: try await env.database.stores.surveys.list(agencyID: try await env.portal(request).scope).map {
                    SurveyDTO($0, today: env.today)
                })
        }
        router.get(Routes.API.publicSurvey) { _, context in
            SurveyDTO(try await service.visible(try id(context)), today: env.today)
        }
        router.get(Routes.API.publicSurveyResults) { _, context in
            let s = try await service.visible(try id(context))
            guard s.resultsPublic else { throw DomainError.notFound("该问卷的公开结果") }
            return ResultsDTO(results: try await service.results(s).withoutTexts)
        }
        router.post(Routes.API.publicSurveyResponses) { request, context -> EditedResponse<Receipt> in
            guard limiter.allow(context.remoteAddress, now: env.clock()) else { throw APIFailure.tooMany("提交过于频繁，请一小时后再试") }
            let input = try await request.decodeJSON(SurveyService.ResponseInput.self, context: context)
            let r = try await service.respond(try id(context), input, address: context.remoteAddress)
            return EditedResponse(status: .created, response: Receipt(r.response, channel: r.channel))
        }
        router.post(Routes.API.publicSurveyResponseConfirm) { request, context -> Receipt in
            guard limiter.allow("confirm:" + context.remoteAddress, now: env.clock()) else {
                throw APIFailure.tooMany("尝试次数过多，请稍后再试")
            }
            let body = try await request.decodeJSON(CodeBody.self, context: context)
            return Receipt(
                try await service.confirm(try id(context), responseID: try id(context, "rid"), code: body.code ?? ""), channel: "")
        }

        let editors = Access.roles(SurveyService.editors)
        router.staff(.get, Routes.API.surveys, editors) { _, _, identity in
            SurveyList(
                items: try await env.database.stores.surveys.list(agencyID: identity.agency.id).map { SurveyDTO($0, today: env.today) })
        }
        router.staff(.post, Routes.API.surveys, editors) { request, context, identity in
            let input = try await request.decodeJSON(SurveyService.Input.self, context: context)
            return EditedResponse(
                status: .created,
                response: SurveyDTO(try await service.create(input, identity: identity, address: context.remoteAddress), today: env.today))
        }
        router.staff(.get, Routes.API.survey, editors) { _, context, identity in
            SurveyDTO(try await service.survey(try id(context), of: identity.agency.id), today: env.today)
        }
        router.staff(.put, Routes.API.survey, editors) { request, context, identity in
            let input = try await request.decodeJSON(SurveyService.Input.self, context: context)
            return SurveyDTO(
                try await service.update(try id(context), input, identity: identity, address: context.remoteAddress), today: env.today)
        }
        router.staff(.post, Routes.API.surveyPublish, editors) { _, context, identity in
            SurveyDTO(try await service.publish(try id(context), identity: identity, address: context.remoteAddress), today: env.today)
        }
        router.staff(.post, Routes.API.surveyClose, editors) { _, context, identity in
            SurveyDTO(try await service.close(try id(context), identity: identity, address: context.remoteAddress), today: env.today)
        }
        router.staff(.post, Routes.API.surveyResultsPublic, editors) { request, context, identity in
            let body = try await request.decodeJSON(ShownBody.self, context: context)
            guard let shown = body.shown else { throw DomainError.invalid("shown", "请给出 shown（true 或 false）") }
            return SurveyDTO(
                try await service.showResults(try id(context), shown, identity: identity, address: context.remoteAddress), today: env.today)
        }
        router.staff(.get, Routes.API.surveyResults, editors) { _, context, identity in
            ResultsDTO(results: try await service.results(try await service.survey(try id(context), of: identity.agency.id)))
        }
        router.staff(.get, Routes.API.surveyExportCSV, editors) { _, context, identity -> Response in
            let s = try await service.survey(try id(context), of: identity.agency.id)
            let table = try await service.export(s, by: identity, address: context.remoteAddress)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"survey-\(s.id).csv\"",
                    .cacheControl: "no-store",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: table.bytes())))
        }
        registerConsole(on: router, editors)
    }

    func id(_ context: GongkaiRequestContext, _ name: String = "id") throws -> Int64 {
        guard let id = context.parameters.get(name, as: Int64.self) else { throw DomainError.notFound(name == "id" ? "该问卷" : "该答卷") }
        return id
    }

    struct CodeBody: Decodable { var code: String? }
    struct ShownBody: Decodable { var shown: Bool? }

    struct SurveyDTO: ResponseEncodable, Sendable {
        var id: Int64
        var title: String
        var intro: String
        var opensOn: CivilDate
        var closesOn: CivilDate
        var status: Survey.Status
        var identity: CommentIdentity
        var resultsPublic: Bool
        var questions: [QuestionDTO]

        init(_ s: Survey, today: CivilDate) {
            id = s.id
            title = s.title
            intro = s.intro
            opensOn = s.opensOn
            closesOn = s.closesOn
            status = s.status(today: today)
            identity = s.identity
            resultsPublic = s.resultsPublic
            questions = s.questions.map(QuestionDTO.init)
        }
    }

    struct QuestionDTO: Encodable, Sendable {
        var number: Int
        var kind: Survey.QuestionKind
        var title: String
        var options: [String]?
        var required: Bool
        var scaleMin: Int?
        var scaleMax: Int?
        var showIf: Survey.Condition?

        init(_ q: Survey.Question) {
            number = q.number
            kind = q.kind
            title = q.title
            options = q.options.isEmpty ? nil : q.options
            required = q.required
            scaleMin = q.kind == .scale ? q.scaleMin : nil
            scaleMax = q.kind == .scale ? q.scaleMax : nil
            showIf = q.condition
        }
    }

    struct SurveyList: ResponseEncodable, Sendable { var items: [SurveyDTO] }
    struct ResultsDTO: ResponseEncodable, Sendable { var results: SurveyResults }

    struct Receipt: ResponseEncodable, Sendable {
        var id: Int64
        var confirmed: Bool
        var message: String

        init(_ r: SurveyResponse, channel: String) {
            id = r.id
            confirmed = r.confirmed
            message = r.confirmed ? "问卷已提交，感谢您的参与。" : "验证码已发送到您的\(channel)，输入验证码后问卷方为有效。"
        }
    }

    // MARK: Portal pages

    @Sendable func publicIndex(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let items = try await env.database.stores.surveys.list(agencyID: try await env.portal(request).scope)
        let today = env.today
        return try await pages.respond("问卷调查", area: .portal, request: request, context: context) {
            SurveyIndexPage(items: items, today: today).content($0)
        }
    }

    @Sendable func publicPage(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let s = try await service.visible(try id(context))
        var page = SurveyFormPage(survey: s, today: env.today)
        // Back from an answer (Post/Redirect/Get): its receipt, and the code box while it waits for one.
        let answered = try await PostRedirect.value(request).flatMap { Int64($0) }.asyncMap {
            try await env.database.stores.surveys.response(id: $0)
        }
        if let r = answered ?? nil, r.surveyID == s.id {
            page.message = Receipt(r, channel: s.identity.channel).message
            if r.confirmed { page.done = true } else { page.pending = r }
        }
        let shown = page
        var response = try await pages.respond(s.title, area: .portal, request: request, context: context, anonymousForm: true) {
            shown.content($0)
        }
        if page.message != nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    @Sendable func publicResults(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let s = try await service.visible(try id(context))
        guard s.resultsPublic else { throw DomainError.notFound("该问卷的公开结果") }
        let results = try await service.results(s).withoutTexts
        return try await pages.respond("\(s.title)：调查结果", area: .portal, request: request, context: context) { _ in
            .div(
                .h1(.text("\(s.title)：调查结果")), .p(.class("doc-meta"), .text("\(s.opensOn.chinese)至\(s.closesOn.chinese)")),
                SurveyResultsView(survey: s, results: results).content(), .p(.a(.href(Routes.Portal.survey.path(s.id)), .text("返回问卷"))))
        }
    }

    /// The answers a form gives: radio buttons and check boxes by option number, text as typed.
    static func answers(_ form: FormBody, _ s: Survey) -> [SurveyService.AnswerInput] {
        s.questions.compactMap { q in
            let name = "q\(q.number)"
            switch q.kind {
            case .single, .multiple:
                let choices = form.all(name).compactMap { Int($0) }
                return choices.isEmpty ? nil : .init(question: q.number, choices: choices)
            case .scale:
                return Int(form[name]).map { .init(question: q.number, value: $0) }
            case .text:
                let text = form.raw(name)
                return text.isEmpty ? nil : .init(question: q.number, text: text)
            }
        }
    }

    @Sendable func respondForm(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let s = try await service.visible(try id(context))
        let given = Self.answers(form, s)
        var page = SurveyFormPage(survey: s, today: env.today, email: form["email"], phone: form["phone"])
        page.given = Dictionary(given.map { ($0.question, SurveyAnswer(choices: $0.choices ?? [], value: $0.value, text: $0.text ?? "")) })
        {
            a, _ in a
        }
        var status = HTTPResponse.Status.ok
        do {
            guard form["website"].isEmpty else { throw DomainError.invalid("questions", "提交未被受理，请刷新页面后重试") }
            guard limiter.allow(context.remoteAddress, now: env.clock()) else { throw DomainError.conflict("提交过于频繁，请一小时后再试") }
            let r = try await service.respond(
                s.id, .init(answers: given, email: form["email"], phone: form["phone"]), address: context.remoteAddress)
            return PostRedirect.receipt(to: Routes.Portal.survey.path(s.id), carrying: String(r.response.id), secure: context.isSecure)
        } catch DomainError.invalid(let field, let message) {
            page.errors = [field: message]
            page.message = "有 1 处需要修改，已在下方标出：\(message)"
            status = .unprocessableContent
        } catch DomainError.conflict(let message) {
            page.errors = ["_": message]
            page.message = message
            status = .conflict
        }
        let shown = page
        return try await pages.respond(s.title, area: .portal, request: request, context: context, status: status, anonymousForm: true) {
            shown.content($0)
        }
    }

    @Sendable func confirmForm(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let s = try await service.visible(try id(context))
        var page = SurveyFormPage(survey: s, today: env.today)
        var status = HTTPResponse.Status.ok
        do {
            guard limiter.allow("confirm:" + context.remoteAddress, now: env.clock()) else { throw DomainError.conflict("尝试次数过多，请稍后再试") }
            let r = try await service.confirm(s.id, responseID: try id(context, "rid"), code: form["code"])
            page.message = Receipt(r, channel: "").message
            page.done = true
        } catch DomainError.invalid(let field, let message) {
            page.errors = [field: message]
            page.message = message
            page.pending = try await env.database.stores.surveys.response(id: try id(context, "rid"))
            status = .unprocessableContent
        } catch DomainError.conflict(let message) {
            page.errors = ["_": message]
            page.message = message
            status = .conflict
        }
        let shown = page
        return try await pages.respond(s.title, area: .portal, request: request, context: context, status: status, anonymousForm: true) {
            shown.content($0)
        }
    }

    // MARK: Console

    func registerConsole(on router: Router<GongkaiRequestContext>, _ editors: Access) {
        router.staff(.get, Routes.Console.surveys, editors) { request, context, identity in try await renderList(identity, request, context)
        }
        router.staff(.post, Routes.Console.surveys, editors) { request, context, identity in
            let form = try await FormBody.read(request, context: context)
            try CSRF.verify(form, request: request, context: context)
            do {
                let s = try await service.create(Self.input(form), identity: identity, address: context.remoteAddress)
                return try await renderShow(s.id, identity, request, context, message: "已保存问卷草稿，发布后公众可以填写。")
            } catch DomainError.invalid(let field, let message) {
                return try await renderList(
                    identity, request, context, errors: [field: message], values: Self.values(form), status: .unprocessableContent)
            }
        }
        router.staff(.get, Routes.Console.survey, editors) { request, context, identity in
            try await renderShow(try id(context), identity, request, context)
        }
        router.staff(.post, Routes.Console.survey, editors) { request, context, identity in
            let form = try await FormBody.read(request, context: context)
            try CSRF.verify(form, request: request, context: context)
            let sid = try id(context)
            do {
                _ = try await service.update(sid, Self.input(form), identity: identity, address: context.remoteAddress)
                return try await renderShow(sid, identity, request, context, message: "已保存。")
            } catch DomainError.invalid(let field, let message) {
                return try await renderShow(
                    sid, identity, request, context, errors: [field: message], values: Self.values(form), status: .unprocessableContent)
            } catch DomainError.conflict(let message) {
                return try await renderShow(sid, identity, request, context, errors: ["_": message], status: .conflict)
            }
        }
        let actions = [
            ("publish", Routes.Console.surveyPublish), ("close", Routes.Console.surveyClose),
            ("results-public", Routes.Console.surveyResultsPublic),
        ]
        for (action, route) in actions {
            router.staff(.post, route, editors) { request, context, identity in
                let form = try await FormBody.read(request, context: context)
                try CSRF.verify(form, request: request, context: context)
                let sid = try id(context)
                let address = context.remoteAddress
                do {
                    let message: String
                    switch action {
                    case "publish":
                        let s = try await service.publish(sid, identity: identity, address: address)
                        message = "已发布，\(s.opensOn.chinese)起公众可以填写。"
                    case "close":
                        _ = try await service.close(sid, identity: identity, address: address)
                        message = "问卷已结束。"
                    default:
                        let s = try await service.showResults(sid, form["shown"] == "1", identity: identity, address: address)
                        message = s.resultsPublic ? "调查结果已在门户公开（文字回答不公开）。" : "调查结果不再公开。"
                    }
                    return try await renderShow(sid, identity, request, context, message: message)
                } catch DomainError.invalid(_, let message) {
                    return try await renderShow(sid, identity, request, context, errors: ["_": message], status: .unprocessableContent)
                } catch DomainError.conflict(let message) {
                    return try await renderShow(sid, identity, request, context, errors: ["_": message], status: .conflict)
                }
            }
        }
    }

    static func input(_ form: FormBody) -> SurveyService.Input {
        .init(
            title: form["title"], intro: form.raw("intro"), opensOn: form["opensOn"], closesOn: form["closesOn"],
            identity: form["identity"],
            outline: form.raw("outline"))
    }

    static func values(_ form: FormBody) -> [String: String] {
        var v = form.firstValues
        v["outline"] = form.raw("outline")
        v["intro"] = form.raw("intro")
        return v
    }

    func renderList(
        _ identity: StaffIdentity, _ request: Request, _ context: GongkaiRequestContext, message: String? = nil,
        errors: [String: String] = [:], values: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let stores = env.database.stores
        let items = try await stores.surveys.list(agencyID: identity.agency.id)
        var counts: [Int64: Int] = [:]
        for s in items { counts[s.id] = try await stores.surveys.responseCount(surveyID: s.id) }
        let page = SurveyConsoleListPage(items: items, counts: counts, today: env.today, message: message, errors: errors, values: values)
        return try await pages.respond("问卷调查", area: .console, request: request, context: context, status: status) { page.content($0) }
    }

    func renderShow(
        _ id: Int64, _ identity: StaffIdentity, _ request: Request, _ context: GongkaiRequestContext, message: String? = nil,
        errors: [String: String] = [:], values: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let s = try await service.survey(id, of: identity.agency.id)
        let responses = try await env.database.stores.surveys.responses(surveyID: s.id)
        let page = SurveyConsolePage(
            survey: s, results: SurveyResults(survey: s, responses: responses), unconfirmed: responses.filter { !$0.confirmed }.count,
            today: env.today, message: message, errors: errors, values: values)
        return try await pages.respond(s.title, area: .console, request: request, context: context, status: status) { page.content($0) }
    }
}
