import Domain
import Hummingbird
import Services
import Storage

/// 依申请公开 over JSON: public intake and tracking, staff registration and the record.
struct RequestsController {
    let env: WebEnvironment
    let pages: PageRenderer
    var intakeLimiter: AttemptLimiter { env.limits.requestIntake }
    var trackingLimiter: AttemptLimiter { env.limits.requestTracking }

    func register(on router: Router<GongkaiRequestContext>) {
        router.get(Routes.Portal.newRequest, use: formPage)
        router.post(Routes.Portal.newRequest, use: submitForm)
        router.get(Routes.Portal.requestReceipt, use: receiptPage)
        router.get(Routes.Portal.trackRequest, use: trackPage)
        router.post(Routes.API.publicRequests, use: submit)
        router.get(Routes.API.publicRequest, use: track)
        let handlers: Set<Role> = [.requestHandler, .officeAdmin]
        router.staff(.post, Routes.API.requests, .roles(handlers), use: registerRequest)
        router.staff(.get, Routes.API.requests, .roles(handlers), use: list)
        router.staff(.get, Routes.API.request, .roles(handlers), use: show)
        router.staff(
            .post, Routes.API.requestCorrection, .roles(handlers), use: step(.requestCorrection) { _ in RequestSteps.correction })
        router.staff(
            .post, Routes.API.requestCorrectionReceived, .roles(handlers),
            use: step(.requestCorrectionReceived) { _ in RequestSteps.correctionReceived })
        router.staff(
            .post, Routes.API.requestExtension, .roles(handlers), use: step(.requestExtension) { _ in RequestSteps.extend })
        router.staff(.post, Routes.API.requestConsultations, .roles(handlers), use: consult)
        router.staff(
            .post, Routes.API.requestConsultationClose, .roles(handlers),
            use: step(.requestConsultationClosed) { context in
                guard let cid = context.parameters.get("cid", as: Int.self) else { throw DomainError.notFound("该征求意见") }
                return RequestSteps.closeConsultation(cid)
            })
        router.staff(.post, Routes.API.requestDeferral, .roles(handlers), use: step(.requestDeferral) { _ in RequestSteps.deferral })
        router.staff(
            .post, Routes.API.requestInternalConsultations, .roles(handlers),
            use: step(.requestInternalConsultation) { _ in RequestSteps.internalConsultation })
        router.staff(
            .post, Routes.API.requestInternalConsultationAnswer, .roles(handlers),
            use: step(.requestInternalAnswer) { context in
                guard let n = context.parameters.get("n", as: Int.self) else { throw DomainError.notFound("该内部会商") }
                return RequestSteps.answerInternal(n)
            })
        router.staff(
            .post, Routes.API.requestFeeNotice, .roles(handlers),
            use: step(.requestFeeNotice) { context in
                guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该申请") }
                return try await service.feeNotice(id)
            })
        router.staff(.post, Routes.API.requestFeePaid, .roles(handlers), use: step(.requestFeePaid) { _ in RequestSteps.feePaid })
        router.staff(
            .post, Routes.API.requestDeliveries, .roles(handlers), use: step(.requestDelivery) { _ in RequestSteps.delivery })
        router.staff(.post, Routes.API.requestReply, .roles(handlers), use: reply)
    }

    /// What every step answers: the request's new state and due date.
    struct Changed: ResponseEncodable {
        var id: Int64
        var status: RequestStatus
        var dueOn: CivilDate?
        var dueExplanation: String
        var consultationID: Int?
        var outcome: RequestOutcome?
        var letterNumber: String?
    }

    func changed(_ r: DisclosureRequest, consultation: Int? = nil, letterNumber: String? = nil) -> Changed {
        Changed(
            id: r.id, status: r.status, dueOn: r.dueOn, dueExplanation: r.clock.compute(env.clocks).staffExplanation,
            consultationID: consultation, outcome: r.outcome, letterNumber: letterNumber)
    }

    /// A JSON step route: reads the fields, runs the step in a transaction, answers the request.
    func step(_ action: AuditAction, _ make: @escaping @Sendable (GongkaiRequestContext) async throws -> RequestSteps.Apply)
        -> @Sendable (Request, GongkaiRequestContext, StaffIdentity) async throws -> Changed
    {
        { request, context, identity in
            guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该申请") }
            let body = try await request.decodeJSON(RequestSteps.Fields.self, context: context)
            let apply = try await make(context)
            return changed(try await service.apply(id, apply, body, action: action, identity: identity, address: context.remoteAddress))
        }
    }

    @Sendable func consult(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws
        -> EditedResponse<Changed>
    {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该申请") }
        let body = try await request.decodeJSON(RequestSteps.Fields.self, context: context)
        let r = try await service.apply(
            id, RequestSteps.consultation, body, action: .requestConsultation, identity: identity, address: context.remoteAddress)
        return EditedResponse(status: .created, response: changed(r, consultation: r.clock.consultations.count))
    }

    @Sendable func reply(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Changed {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该申请") }
        let body = try await request.decodeJSON(RequestSteps.Fields.self, context: context)
        let r = try await service.reply(id, body, identity: identity, address: context.remoteAddress)
        let letter = try await env.database.stores.letters.letters(requestID: r.id).last
        return changed(r, letterNumber: letter?.number)
    }

    var service: RequestService { RequestService(env: env.services) }

    /// The receipt (回执) the applicant gets at once.
    struct Receipt: ResponseEncodable {
        var id: Int64?
        var trackingCode: String
        var receivedOn: CivilDate
        var dueOn: CivilDate?
        var dueExplanation: String
    }

    @Sendable func submit(_ request: Request, context: GongkaiRequestContext) async throws -> EditedResponse<Receipt> {
        guard intakeLimiter.allow(context.remoteAddress, now: env.clock()) else {
            throw APIFailure.tooMany("提交过于频繁，请稍后再试；也可以电话或当面提交申请")
        }
        let body = try await request.decodeJSON(RequestService.Intake.self, context: context)
        let stored = try await submitOnline(body, request: request, address: context.remoteAddress)
        return EditedResponse(status: .created, response: receipt(stored, forApplicant: true, withID: false))
    }

    /// An online application, from the API or the form: received today by the agency asked, or
    /// by the agency whose portal it came through.
    func submitOnline(_ body: RequestService.Intake, request: Request, address: String) async throws -> DisclosureRequest {
        let agencyID = try await agency(body.agency, request: request)
        let prepared = try service.prepare(body, agencyID: agencyID, channel: .online, receivedOn: env.today)
        return try await service.register(
            prepared, actor: AuditActor(agencyID: agencyID, userID: nil, name: "申请人（网上）", address: address))
    }

    @Sendable func registerRequest(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws
        -> EditedResponse<Receipt>
    {
        let body = try await request.decodeJSON(RequestService.Intake.self, context: context)
        guard let channelText = body.channel else { throw DomainError.invalid("channel", "请注明申请渠道（letter、in_person、fax、email、online）") }
        let channel = try RequestService.parse(channelText, "channel", RequestChannel.self)
        let receivedOn = try CivilDate.parse(optional: body.receivedOn ?? "", field: "receivedOn") ?? env.today
        guard receivedOn <= env.today else { throw DomainError.invalid("receivedOn", "收到日期不能晚于今天") }
        let prepared = try service.prepare(body, agencyID: identity.agency.id, channel: channel, receivedOn: receivedOn)
        let stored = try await service.register(prepared, actor: AuditActor(identity, address: context.remoteAddress))
        return EditedResponse(status: .created, response: receipt(stored, forApplicant: false, withID: true))
    }

    /// The staff record: everything, with the clock explained for staff.
    struct Record: ResponseEncodable {
        var id: Int64
        var trackingCode: String
        var channel: RequestChannel
        var receiptRule: String
        var applicant: Applicant
        var description: String
        var purpose: String
        var delivery: DeliveryMethod
        var status: RequestStatus
        var statusLabel: String
        var receivedOn: CivilDate
        var dueOn: CivilDate?
        var dueProvisional: Bool
        var dueExplanation: String
        var outcome: RequestOutcome?
        var repliedOn: CivilDate?
    }

    /// A line of the handlers' list: what is due when, and what is late.
    struct ListItem: Encodable, Sendable {
        var id: Int64
        var trackingCode: String
        var applicantName: String
        var description: String
        var status: RequestStatus
        var receivedOn: CivilDate
        var dueOn: CivilDate?
        /// Past its due date and not answered.
        var overdue: Bool
        /// Due within three working days.
        var dueSoon: Bool
    }

    struct List: ResponseEncodable {
        var items: [ListItem]
    }

    @Sendable func list(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> List {
        let text = request.uri.queryParameters["status"].map(String.init) ?? ""
        let statuses: Set<RequestStatus> =
            text.isEmpty ? [.open, .awaitingCorrection] : [try RequestService.parse(text, "status", RequestStatus.self)]
        let calendar = env.calendar.current
        let today = env.today
        let soon = calendar.adding(3, workdaysTo: today).date
        let found = try await env.database.stores.requests.list(RequestFilter(agencyID: identity.agency.id, statuses: statuses))
        return List(
            items: found.map { r in
                let open = r.status != .replied
                return ListItem(
                    id: r.id, trackingCode: r.trackingCode, applicantName: r.applicant.name, description: String(r.description.prefix(80)),
                    status: r.status, receivedOn: r.clock.receivedOn, dueOn: r.dueOn,
                    overdue: open && (r.dueOn.map { $0 < today } ?? false),
                    dueSoon: open && (r.dueOn.map { $0 >= today && $0 <= soon } ?? false))
            })
    }

    @Sendable func show(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Record {
        guard let id = context.parameters.get("id", as: Int64.self), let r = try await env.database.stores.requests.find(id: id),
            r.agencyID == identity.agency.id
        else { throw DomainError.notFound("该申请") }
        let clock = r.clock.compute(env.clocks)
        return Record(
            id: r.id, trackingCode: r.trackingCode, channel: r.channel, receiptRule: r.channel.receiptRule, applicant: r.applicant,
            description: r.description, purpose: r.purpose, delivery: r.delivery, status: r.status, statusLabel: r.status.label,
            receivedOn: r.clock.receivedOn, dueOn: clock.dueOn, dueProvisional: clock.provisional, dueExplanation: clock.staffExplanation,
            outcome: r.outcome, repliedOn: r.repliedOn)
    }

    /// What anyone holding the tracking code may see: never the applicant's particulars or notes.
    struct Status: ResponseEncodable {
        var trackingCode: String
        var status: RequestStatus
        var statusLabel: String
        var receivedOn: CivilDate
        var dueOn: CivilDate?
        var dueExplanation: String
        var outcomeLabel: String?
        var repliedOn: CivilDate?
    }

    @Sendable func track(_ request: Request, context: GongkaiRequestContext) async throws -> Status {
        try await lookup(context.pathText("code"), address: context.remoteAddress)
    }

    /// A request's public status by the code someone typed; wrong codes count towards a limit.
    func lookup(_ typed: String, address: String) async throws -> Status {
        let now = env.clock()
        guard !trackingLimiter.blocked(address, now: now) else {
            throw APIFailure.tooMany("查询码输错次数过多，请十分钟后再试")
        }
        guard let code = TrackingCode.normalise(typed), let r = try await env.database.stores.requests.find(trackingCode: code) else {
            _ = trackingLimiter.allow(address, now: now)
            throw DomainError.notFound("该查询码对应的申请")
        }
        let clock = r.clock.compute(env.clocks)
        return Status(
            trackingCode: r.trackingCode, status: r.status, statusLabel: r.status.label, receivedOn: r.clock.receivedOn,
            dueOn: r.status == .replied ? nil : clock.dueOn, dueExplanation: clock.applicantExplanation, outcomeLabel: r.outcome?.label,
            repliedOn: r.repliedOn)
    }

    // MARK: The public pages

    @Sendable func formPage(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        try await pages.respond("申请公开政府信息", area: .portal, request: request, context: context, anonymousForm: true) {
            RequestFormPage().content($0)
        }
    }

    static let formFields = [
        "applicant.type", "applicant.name", "applicant.idNumber", "applicant.phone", "applicant.email", "applicant.address", "description",
        "purpose", "delivery",
    ]

    @Sendable func submitForm(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        var values: [String: String] = [:]
        for f in Self.formFields { values[f] = f == "description" || f == "purpose" ? form.raw(f) : form[f] }
        func again(_ errors: [String: String], _ message: String? = nil, status: HTTPResponse.Status) async throws -> Response {
            try await pages.respond(
                "申请公开政府信息", area: .portal, request: request, context: context, status: status, anonymousForm: true
            ) { RequestFormPage(values: values, errors: errors, message: message).content($0) }
        }
        // A robot fills the hidden field; a person never sees it.
        guard form[RequestFormPage.trap].isEmpty else { return try await again([:], "提交未被受理，请刷新页面后重试", status: .unprocessableContent) }
        guard intakeLimiter.allow(context.remoteAddress, now: env.clock()) else {
            return try await again(
                [:], "提交过于频繁，请一小时后再试；也可以电话或当面提交申请", status: .init(code: 429, reasonPhrase: "Too Many Requests"))
        }
        let body = RequestService.Intake(
            applicant: .init(
                type: values["applicant.type"] ?? "", name: values["applicant.name"] ?? "", idNumber: values["applicant.idNumber"] ?? "",
                phone: values["applicant.phone"], email: values["applicant.email"], address: values["applicant.address"]),
            description: values["description"] ?? "", purpose: values["purpose"], delivery: values["delivery"] ?? "")
        let stored: DisclosureRequest
        do {
            stored = try await submitOnline(body, request: request, address: context.remoteAddress)
        } catch DomainError.invalid(let field, let message) {
            return try await again([field: message], status: .unprocessableContent)
        }
        return PostRedirect.receipt(to: Routes.Portal.requestReceipt.path(), carrying: stored.trackingCode, secure: context.isSecure)
    }

    /// The receipt after a submission (Post/Redirect/Get): the tracking code and the due date,
    /// as often as the page is reloaded, without a second submission.
    @Sendable func receiptPage(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        guard let code = PostRedirect.value(request), let stored = try await env.database.stores.requests.find(trackingCode: code) else {
            return Response.redirect(to: Routes.Portal.trackRequest.path(), type: .normal)
        }
        let page = RequestReceiptPage(receipt: receipt(stored, forApplicant: true, withID: false))
        var response = try await pages.respond("申请已收到", area: .portal, request: request, context: context) { page.content($0) }
        response.headers[.cacheControl] = "no-store"
        return response
    }

    @Sendable func trackPage(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let code = String((request.uri.queryParameters["code"].map(String.init) ?? "").prefix(40))
        var page = RequestTrackPage(code: code)
        var status = HTTPResponse.Status.ok
        if !code.isEmpty {
            do {
                page.found = try await lookup(code, address: context.remoteAddress)
            } catch DomainError.notFound {
                page.message = "没有找到这个查询码对应的申请，请核对后再试"
                status = .notFound
            } catch let e as APIFailure {
                page.message = e.message
                status = e.status
            }
        }
        let shown = page
        return try await pages.respond("办理进度查询", area: .portal, request: request, context: context, status: status) {
            shown.content($0)
        }
    }

    func receipt(_ r: DisclosureRequest, forApplicant: Bool, withID: Bool) -> Receipt {
        let clock = r.clock.compute(env.clocks)
        return Receipt(
            id: withID ? r.id : nil, trackingCode: r.trackingCode, receivedOn: r.clock.receivedOn, dueOn: clock.dueOn,
            dueExplanation: forApplicant ? clock.applicantExplanation : clock.staffExplanation)
    }

    func agency(_ id: Int64?, request: Request) async throws -> Int64 {
        let stores = env.database.stores
        if let id {
            guard try await stores.agencies.find(id: id) != nil else { throw DomainError.invalid("agency", "没有编号为 \(id) 的机关") }
            return id
        }
        guard let site = try await env.portal(request).agency else { throw DomainError.notFound("受理机关") }
        return site.id
    }
}
