import Domain
import Hummingbird
import Services
import Storage

/// The console's pages for requests: the handlers' list with today's digest, and a request's
/// file with a form for every step. They drive the same steps as the JSON API.
struct ConsoleRequestsController {
    let env: WebEnvironment
    let pages: PageRenderer

    var service: RequestService { RequestService(env: env.services) }
    static let handlers: Set<Role> = [.requestHandler, .officeAdmin]

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, Routes.Console.requests, .roles(Self.handlers), use: list)
        router.staff(.get, Routes.Console.newRequest, .roles(Self.handlers), use: newForm)
        router.staff(.post, Routes.Console.newRequest, .roles(Self.handlers), use: registerForm)
        router.staff(.get, Routes.Console.request, .roles(Self.handlers), use: show)
        router.staff(.get, Routes.Console.requestReceipt, .roles(Self.handlers), use: receipt)
        router.staff(.post, Routes.Console.requestReveal, .roles(Self.handlers), use: reveal)
        // The letter's copies for a signed-in browser (the /api/v1 ones take a bearer token).
        let files = RequestFilesController(env: env)
        router.staff(.get, Routes.Console.letter, .roles(Self.handlers), use: files.letterHTML)
        router.staff(.get, Routes.Console.letterPDF, .roles(Self.handlers), use: files.letterPDF)
        let simple: [(String, Route<Int64>, AuditAction, RequestSteps.Apply)] = [
            ("correction", Routes.Console.requestCorrection, .requestCorrection, RequestSteps.correction),
            ("correction-received", Routes.Console.requestCorrectionReceived, .requestCorrectionReceived, RequestSteps.correctionReceived),
            ("extension", Routes.Console.requestExtension, .requestExtension, RequestSteps.extend),
            ("consultations", Routes.Console.requestConsultations, .requestConsultation, RequestSteps.consultation),
            ("deferral", Routes.Console.requestDeferral, .requestDeferral, RequestSteps.deferral),
            (
                "internal-consultations", Routes.Console.requestInternalConsultations, .requestInternalConsultation,
                RequestSteps.internalConsultation
            ),
            ("fee-paid", Routes.Console.requestFeePaid, .requestFeePaid, RequestSteps.feePaid),
            ("deliveries", Routes.Console.requestDeliveries, .requestDelivery, RequestSteps.delivery),
        ]
        for (step, route, action, apply) in simple {
            router.staff(.post, route, .roles(Self.handlers)) { request, context, identity in
                try await self.act(step, request, context, identity) { id, form in
                    _ = try await service.apply(
                        id, apply, RequestSteps.Fields(form: form), action: action, identity: identity, address: context.remoteAddress)
                    return "已登记。"
                }
            }
        }
        router.staff(.post, Routes.Console.requestConsultationClose, .roles(Self.handlers)) { request, context, identity in
            let n = context.parameters.get("n", as: Int.self) ?? 0
            return try await self.act("consultations/\(n)/close", request, context, identity) { id, form in
                _ = try await service.apply(
                    id, RequestSteps.closeConsultation(n), RequestSteps.Fields(form: form), action: .requestConsultationClosed,
                    identity: identity, address: context.remoteAddress)
                return "已登记征求意见的答复。"
            }
        }
        router.staff(.post, Routes.Console.requestInternalConsultationAnswer, .roles(Self.handlers)) { request, context, identity in
            let n = context.parameters.get("n", as: Int.self) ?? 0
            return try await self.act("internal-consultations/\(n)/answer", request, context, identity) { id, form in
                _ = try await service.apply(
                    id, RequestSteps.answerInternal(n), RequestSteps.Fields(form: form), action: .requestInternalAnswer,
                    identity: identity, address: context.remoteAddress)
                return "已登记会商意见。"
            }
        }
        router.staff(.post, Routes.Console.requestFeeNotice, .roles(Self.handlers)) { request, context, identity in
            try await self.act("fee-notice", request, context, identity) { id, form in
                let r = try await service.apply(
                    id, try await service.feeNotice(id), RequestSteps.Fields(form: form), action: .requestFeeNotice, identity: identity,
                    address: context.remoteAddress)
                return "已发出收费通知：\(r.handling.fee?.amountYuan ?? 0) 元。"
            }
        }
        router.staff(.post, Routes.Console.requestAssign, .roles(Self.handlers)) { request, context, identity in
            try await self.act("assign", request, context, identity) { id, form in
                _ = try await service.assign(
                    id, departmentID: Int64(form["departmentId"]), handlerID: Int64(form["handlerId"]), identity: identity,
                    address: context.remoteAddress)
                return "已分办。"
            }
        }
        router.staff(.post, Routes.Console.requestTransfer, .roles(Self.handlers), use: transfer)
        router.staff(.post, Routes.Console.requestLetter, .roles(Self.handlers)) { request, context, identity in
            try await self.act("letter", request, context, identity) { id, form in
                let fields = RequestSteps.Fields(form: form)
                _ = try await RequestLetters(env: env.services).draft(
                    id, outcome: try RequestOutcome.parse(fields.outcome ?? ""), details: RequestLetters.details(fields), by: identity,
                    address: context.remoteAddress)
                return "已生成告知书草稿，可在下方修改。"
            }
        }
        router.staff(.post, Routes.Console.requestLetterEdit, .roles(Self.handlers)) { request, context, identity in
            try await self.act("letter-edit", request, context, identity) { id, form in
                _ = try await RequestLetters(env: env.services).edit(
                    id, title: form["title"], body: form.raw("body"), by: identity, address: context.remoteAddress)
                return "告知书草稿已保存。"
            }
        }
        router.staff(.post, Routes.Console.requestReply, .roles(Self.handlers)) { request, context, identity in
            try await self.act("reply", request, context, identity) { id, form in
                let r = try await service.reply(id, RequestSteps.Fields(form: form), identity: identity, address: context.remoteAddress)
                let number = try await env.database.stores.letters.letters(requestID: r.id).last?.number ?? ""
                return "已答复，告知书编号 \(number)。请登记送达。"
            }
        }
        router.staff(.post, Routes.Console.requestProactive, .roles(Self.handlers)) { request, context, identity in
            try await self.act("proactive", request, context, identity) { id, form in
                let ids = try await service.linkProactive(
                    id, documentID: Int64(form["documentId"]), identity: identity, address: context.remoteAddress)
                return "已关联 \(ids.count) 件申请。"
            }
        }
        router.staff(.post, Routes.Console.requestAppeals, .roles(Self.handlers)) { request, context, identity in
            try await self.act("appeals", request, context, identity) { id, form in
                _ = try await RequestAppeals(env: env.services).file(
                    id, kind: form["kind"], forum: form["forum"], filedOn: form["filedOn"], note: form.raw("note"), identity: identity,
                    address: context.remoteAddress)
                return "已登记。"
            }
        }
        router.staff(.post, Routes.Console.requestAppeal, .roles(Self.handlers)) { request, context, identity in
            let aid = context.parameters.get("aid", as: Int64.self) ?? 0
            return try await self.act("appeals/\(aid)", request, context, identity) { _, form in
                _ = try await RequestAppeals(env: env.services).decide(
                    aid, result: form["result"], decidedOn: form["decidedOn"], note: form.raw("note"), identity: identity,
                    address: context.remoteAddress)
                return "已登记结果。"
            }
        }
    }

    @Sendable func list(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await list(request.uri.queryParameters["view"].map(String.init) ?? "open", identity, request, context)
    }

    /// The handlers' list of a view ("open", "mine", "replied"), with today's digest and an optional result message.
    func list(
        _ view: String, _ identity: StaffIdentity, _ request: Request, _ context: GongkaiRequestContext, message: String? = nil
    ) async throws -> Response {
        let filter: RequestFilter
        switch view {
        case "mine":
            filter = RequestFilter(agencyID: identity.agency.id, statuses: [.open, .awaitingCorrection], handlerID: identity.user.id)
        case "replied": filter = RequestFilter(agencyID: identity.agency.id, statuses: [.replied], limit: 200)
        default: filter = RequestFilter(agencyID: identity.agency.id, statuses: [.open, .awaitingCorrection])
        }
        let items = try await env.database.stores.requests.list(filter)
        let today = env.today
        let page = RequestListPage(
            digest: try await RequestDigest(env: env.services).lists(agencyID: identity.agency.id), view: view, items: items, today: today,
            soon: env.calendar.current.adding(3, workdaysTo: today).date, message: message)
        return try await pages.respond("依申请公开", area: .console, request: request, context: context) { page.content($0) }
    }

    /// The receipt (回执) to print and hand over for a request registered at the counter or by post.
    @Sendable func receipt(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该申请") }
        let r = try await RequestLetters.request(id, identity, env.database.stores)
        let page = RequestReceiptPage(receipt: RequestsController(env: env, pages: pages).receipt(r, forApplicant: true, withID: false))
        let contact = identity.agency.contact
        return try await pages.respond("回执 \(r.trackingCode)", area: .console, request: request, context: context) { chrome in
            .div(
                .h1(.text("\(identity.agency.name)政府信息公开申请回执")),
                .p(.text("申请人：\(r.applicant.name)　申请渠道：\(r.channel.label)")),
                page.content(chrome),
                .p(.text("咨询电话：\(contact.phone)　地址：\(contact.address)")),
                .p(.class("no-print"), .a(.href(Routes.Console.request.path(r.id)), .text("返回申请")))
            )
        }
    }

    @Sendable func show(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该申请") }
        return try await render(id, identity, request, context)
    }

    /// The file with the applicant's identifiers in full, archived as a look (the handler and
    /// the office only).
    @Sendable func reveal(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该申请") }
        _ = try await RequestService(env: env.services).revealApplicant(id, by: identity, address: context.remoteAddress)
        return try await render(id, identity, request, context, revealed: true)
    }

    func render(
        _ id: Int64, _ identity: StaffIdentity, _ request: Request, _ context: GongkaiRequestContext, message: String? = nil,
        errors: [String: String] = [:], values: [String: String] = [:], status: HTTPResponse.Status = .ok, revealed: Bool = false
    ) async throws -> Response {
        let stores = env.database.stores
        let r = try await RequestLetters.request(id, identity, stores)
        let page = RequestDetailPage(
            request: r, clock: r.clock.compute(env.clocks), letters: try await stores.letters.letters(requestID: r.id),
            departments: try await stores.agencies.departments(of: identity.agency.id),
            handlers: try await stores.users.list(agencyID: identity.agency.id).filter {
                !$0.disabled && !$0.roles.isDisjoint(with: Self.handlers)
            },
            agencies: try await stores.agencies.all(), similar: try await RequestFilesController(env: env).similarity(r),
            appeals: try await stores.appeals.list(agencyID: identity.agency.id).filter { $0.requestID == r.id },
            notices: try await stores.outbox.messages(requestID: r.id), today: env.today, message: message, errors: errors, values: values,
            revealed: revealed, mayReveal: r.handling.handlerID == identity.user.id || identity.holds(anyOf: [.officeAdmin]))
        return try await pages.respond("申请 \(r.trackingCode)", area: .console, request: request, context: context, status: status) {
            page.content($0)
        }
    }

    /// Runs a form's step and shows the file again: with the result, or with the problem marked
    /// and what was typed kept.
    func act(
        _ step: String, _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity,
        _ run: (Int64, FormBody) async throws -> String
    ) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该申请") }
        var values = form.firstValues
        values["step"] = step
        do {
            let message = try await run(id, form)
            return try await render(id, identity, request, context, message: message)
        } catch DomainError.invalid(let field, let message) {
            return try await render(
                id, identity, request, context, message: message, errors: [field: message, "form": message], values: values,
                status: .unprocessableContent)
        } catch DomainError.conflict(let message) {
            return try await render(
                id, identity, request, context, message: message, errors: ["form": message], values: values, status: .conflict)
        }
    }

    @Sendable func transfer(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该申请") }
        do {
            let r = try await service.transfer(
                id, to: Int64(form["agency"]), reason: form["reason"], identity: identity, address: context.remoteAddress)
            let name = try await env.database.stores.agencies.find(id: r.agencyID)?.name ?? ""
            return try await list("open", identity, request, context, message: "申请 \(r.trackingCode) 已转\(name)办理。")
        } catch DomainError.invalid(let field, let message) {
            var values = form.firstValues
            values["step"] = "transfer"
            return try await render(
                id, identity, request, context, message: message, errors: [field: message], values: values, status: .unprocessableContent)
        } catch DomainError.conflict(let message) {
            return try await render(id, identity, request, context, message: message, errors: ["form": message], status: .conflict)
        }
    }

    // MARK: Staff registration

    static let channels: [RequestChannel] = [.letter, .registeredPost, .inPerson, .fax, .email]

    @Sendable func newForm(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let page = StaffRegistrationPage(values: ["receivedOn": env.today.description])
        return try await pages.respond("登记申请", area: .console, request: request, context: context) { page.content($0) }
    }

    @Sendable func registerForm(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        var values: [String: String] = [:]
        for f in RequestsController.formFields + ["channel", "receivedOn"] {
            values[f] = f == "description" || f == "purpose" ? form.raw(f) : form[f]
        }
        do {
            let channel = try RequestService.parse(values["channel"] ?? "", "channel", RequestChannel.self)
            let receivedOn = try CivilDate.parse(optional: values["receivedOn"] ?? "", field: "receivedOn") ?? env.today
            guard receivedOn <= env.today else { throw DomainError.invalid("receivedOn", "收到日期不能晚于今天") }
            let body = RequestService.Intake(
                applicant: .init(
                    type: values["applicant.type"] ?? "", name: values["applicant.name"] ?? "",
                    idNumber: values["applicant.idNumber"] ?? "",
                    phone: values["applicant.phone"], email: values["applicant.email"], address: values["applicant.address"]),
                description: values["description"] ?? "", purpose: values["purpose"], delivery: values["delivery"] ?? "")
            let prepared = try service.prepare(body, agencyID: identity.agency.id, channel: channel, receivedOn: receivedOn)
            let stored = try await service.register(prepared, actor: AuditActor(identity, address: context.remoteAddress))
            return try await render(stored.id, identity, request, context, message: "已登记，查询码 \(stored.trackingCode)。请将回执交给申请人。")
        } catch DomainError.invalid(let field, let message) {
            let page = StaffRegistrationPage(values: values, errors: [field: message])
            return try await pages.respond("登记申请", area: .console, request: request, context: context, status: .unprocessableContent) {
                page.content($0)
            }
        }
    }
}
