public import Domain
import Foundation
import Storage

/// Requests for disclosure: intake on every channel, with a tracking code and a due date at once.
public struct RequestService: Sendable {
    public init(env: ServiceEnvironment) {
        self.env = env
    }

    let env: ServiceEnvironment

    /// What an applicant or a registering clerk submits.
    public struct Intake: Decodable, Sendable {
        public init(
            applicant: ApplicantBody, description: String, purpose: String? = nil, delivery: String, channel: String? = nil,
            receivedOn: String? = nil, agency: Int64? = nil
        ) {
            self.applicant = applicant
            self.description = description
            self.purpose = purpose
            self.delivery = delivery
            self.channel = channel
            self.receivedOn = receivedOn
            self.agency = agency
        }

        public struct ApplicantBody: Decodable, Sendable {

            public init(type: String, name: String, idNumber: String, phone: String? = nil, email: String? = nil, address: String? = nil) {

                self.type = type

                self.name = name

                self.idNumber = idNumber

                self.phone = phone

                self.email = email

                self.address = address

            }

            var type: String
            var name: String
            var idNumber: String
            var phone: String?
            var email: String?
            var address: String?
        }
        var applicant: ApplicantBody
        var description: String
        var purpose: String?
        var delivery: String
        /// Staff registration only.
        public var channel: String?
        public var receivedOn: String?
        /// The agency asked (public intake; the root agency when absent).
        public var agency: Int64?
    }

    public static func parse<E: RawRepresentable<String> & CaseIterable>(_ text: String, _ field: String, _: E.Type) throws(DomainError)
        -> E
    {
        guard let v = E(rawValue: text) else {
            throw .invalid(field, "\(field) 须为以下之一：" + E.allCases.map(\.rawValue).joined(separator: "、"))
        }
        return v
    }

    /// Checks an intake and builds the request (not yet stored): every problem names its field.
    public func prepare(_ body: Intake, agencyID: Int64, channel: RequestChannel, receivedOn: CivilDate) throws(DomainError)
        -> DisclosureRequest
    {
        let delivery = try Self.parse(body.delivery, "delivery", DeliveryMethod.self)
        let applicant = try Applicant(
            type: try Self.parse(body.applicant.type, "applicant.type", ApplicantType.self), name: body.applicant.name,
            idNumber: body.applicant.idNumber, phone: body.applicant.phone ?? "", email: body.applicant.email ?? "",
            address: body.applicant.address ?? ""
        ).validated(for: delivery)
        let description = body.description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !description.isEmpty else { throw .invalid("description", "请写明所需政府信息的名称、文号或便于查询的其他特征") }
        guard description.count <= 5_000 else { throw .invalid("description", "所需信息的描述至多 5000 字") }
        let purpose = (body.purpose ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard purpose.count <= 1_000 else { throw .invalid("purpose", "用途至多 1000 字") }
        let now = env.nowMillis
        var request = DisclosureRequest(
            agencyID: agencyID, trackingCode: "", channel: channel, applicant: applicant, description: description, purpose: purpose,
            delivery: delivery, clock: RequestClock(receivedOn: receivedOn), createdAtMillis: now, updatedAtMillis: now)
        request.dueOn = request.clock.compute(env.clocks).dueOn
        return request
    }

    /// Stores the request with a fresh tracking code and its audit entry in one transaction.
    public func register(_ prepared: DisclosureRequest, actor: AuditActor) async throws -> DisclosureRequest {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            var request = prepared
            request.trackingCode = TrackingCode.make(year: request.clock.receivedOn.year, using: &rng)
            let attempt = request
            do {
                return try await env.database.audited(by: actor, atMillis: attempt.createdAtMillis) { stores, trail in
                    let stored = try await stores.requests.create(attempt)
                    try await trail.log(
                        .requestReceive, .request, stored.id, agencyID: stored.agencyID,
                        detail: "\(stored.channel.label)，查询码 \(stored.trackingCode)，收到日期 \(stored.clock.receivedOn)")
                    let agencyName = try await stores.agencies.find(id: stored.agencyID)?.name ?? ""
                    try await RequestNotices(env: env).queue(
                        action: .requestReceive, request: stored, agencyName: agencyName, stores: stores)
                    return stored
                }
            } catch DomainError.conflict(let message) where message == "查询码已被使用" {
                continue  // a clash of random codes: draw another
            }
        }
        throw DomainError.conflict("暂时无法生成查询码，请稍后再试")
    }
}

extension RequestService {
    /// Changes a request of the caller's agency in one transaction: loads it, applies `change`
    /// (which returns the audit detail), recomputes the due date, stores it, archives the step,
    /// queues the applicant's notice, and runs `then` (letters) before committing.
    func change(
        _ id: Int64, by identity: StaffIdentity, from address: String, action: AuditAction,
        _ change: @escaping @Sendable (inout DisclosureRequest, RequestClock.Context) throws -> String,
        then: (@Sendable (any Stores, DisclosureRequest) async throws -> Void)? = nil
    ) async throws -> DisclosureRequest {
        let clocks = env.clocks
        let now = env.nowMillis
        let notices = RequestNotices(env: env)
        return try await env.database.audited(by: AuditActor(identity, address: address), atMillis: now) { stores, trail in
            guard var request = try await stores.requests.find(id: id), request.agencyID == identity.agency.id else {
                throw DomainError.notFound("该申请")
            }
            let before = request.dueOn
            let detail = try change(&request, clocks)
            request.dueOn = request.status == .replied ? before : request.clock.compute(clocks).dueOn
            request.updatedAtMillis = now
            try await stores.requests.update(request)
            try await trail.log(
                action, .request, request.id, before: before?.description, after: request.dueOn?.description, detail: detail)
            try await then?(stores, request)
            try await notices.queue(action: action, request: request, agencyName: identity.agency.name, stores: stores)
            return request
        }
    }

    /// A date a step happened on: not before `earliest`, not after today.
    public static func stepDate(_ text: String?, _ field: String, earliest: CivilDate, today: CivilDate) throws(DomainError) -> CivilDate {
        guard let date = try CivilDate.parse(optional: text ?? "", field: field) else { throw .invalid(field, "请填写 \(field)（YYYY-MM-DD）") }
        guard date >= earliest else { throw .invalid(field, "\(field) 不能早于 \(earliest)") }
        guard date <= today else { throw .invalid(field, "\(field) 不能晚于今天") }
        return date
    }

    static func requireOpen(_ r: DisclosureRequest) throws(DomainError) {
        guard r.status == .open else {
            throw .conflict(r.status == .replied ? "该申请已答复，不能再变更" : "该申请正在等待补正，收到补正后才能继续办理")
        }
    }
}
