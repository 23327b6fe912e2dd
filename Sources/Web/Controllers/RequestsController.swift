import Domain
import Hummingbird
import Storage

/// 依申请公开 over JSON: public intake and tracking, staff registration and the record.
struct RequestsController {
    let env: WebEnvironment
    /// Ten submissions an hour from one address; twenty wrong tracking codes in ten minutes.
    let intakeLimiter = AttemptLimiter(limit: 10, window: 3600)
    let trackingLimiter = AttemptLimiter(limit: 20, window: 600)

    func register(on router: Router<GongkaiRequestContext>) {
        router.post("/api/v1/public/requests", use: submit)
        router.get("/api/v1/public/requests/:code", use: track)
        router.staff(.post, "/api/v1/requests", .roles([.requestHandler, .officeAdmin]), use: registerRequest)
        router.staff(.get, "/api/v1/requests/:id", .roles([.requestHandler, .officeAdmin]), use: show)
    }

    var service: RequestService { RequestService(env: env) }

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
        let agencyID = try await agency(body.agency)
        let prepared = try service.prepare(body, agencyID: agencyID, channel: .online, receivedOn: env.today)
        let stored = try await service.register(
            prepared, actor: AuditActor(agencyID: agencyID, userID: nil, name: "申请人（网上）", address: context.remoteAddress))
        return EditedResponse(status: .created, response: receipt(stored, forApplicant: true, withID: false))
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

    @Sendable func show(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Record {
        guard let id = context.parameters.get("id", as: Int64.self), let r = try await env.database.stores.requests.find(id: id),
            r.agencyID == identity.agency.id
        else { throw DomainError.notFound("该申请") }
        let clock = r.clock.compute(env.calendar.current)
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
        let now = env.clock()
        guard !trackingLimiter.blocked(context.remoteAddress, now: now) else {
            throw APIFailure.tooMany("查询码输错次数过多，请十分钟后再试")
        }
        guard let typed = context.parameters.get("code"), let code = TrackingCode.normalise(typed),
            let r = try await env.database.stores.requests.find(trackingCode: code)
        else {
            _ = trackingLimiter.allow(context.remoteAddress, now: now)
            throw DomainError.notFound("该查询码对应的申请")
        }
        let clock = r.clock.compute(env.calendar.current)
        return Status(
            trackingCode: r.trackingCode, status: r.status, statusLabel: r.status.label, receivedOn: r.clock.receivedOn,
            dueOn: r.status == .replied ? nil : clock.dueOn, dueExplanation: clock.applicantExplanation, outcomeLabel: r.outcome?.label,
            repliedOn: r.repliedOn)
    }

    func receipt(_ r: DisclosureRequest, forApplicant: Bool, withID: Bool) -> Receipt {
        let clock = r.clock.compute(env.calendar.current)
        return Receipt(
            id: withID ? r.id : nil, trackingCode: r.trackingCode, receivedOn: r.clock.receivedOn, dueOn: clock.dueOn,
            dueExplanation: forApplicant ? clock.applicantExplanation : clock.staffExplanation)
    }

    func agency(_ id: Int64?) async throws -> Int64 {
        let stores = env.database.stores
        if let id {
            guard try await stores.agencies.find(id: id) != nil else { throw DomainError.invalid("agency", "没有编号为 \(id) 的机关") }
            return id
        }
        guard let root = try await stores.agencies.root() else { throw DomainError.notFound("受理机关") }
        return root.id
    }
}
