public import Domain
import Foundation
import Storage

/// Open days: the plan, the announcement on the portal, registration within capacity, the
/// day's record and the result report drafted into the catalog.
public struct OpenDayService: Sendable {
    public init(env: ServiceEnvironment) {
        self.env = env
    }

    let env: ServiceEnvironment

    public static let office: Set<Role> = [.officeAdmin]

    public struct Input: Decodable, Sendable {

        public init(
            title: String? = nil, date: String? = nil, place: String? = nil, plan: String? = nil, capacity: Int? = nil,
            registrationClosesOn: String? = nil
        ) {

            self.title = title

            self.date = date

            self.place = place

            self.plan = plan

            self.capacity = capacity

            self.registrationClosesOn = registrationClosesOn

        }

        var title: String?
        var date: String?
        var place: String?
        var plan: String?
        var capacity: Int?
        var registrationClosesOn: String?
    }

    public func plan(_ input: Input, identity: StaffIdentity, address: String) async throws -> OpenDay {
        let title = try RequestSteps.trimmed(input.title, "title", "请填写活动名称", limit: 100)
        guard let date = try CivilDate.parse(optional: input.date ?? "", field: "date") else {
            throw DomainError.invalid("date", "请填写活动日期")
        }
        guard date > env.today else { throw DomainError.invalid("date", "活动日期须在今天之后") }
        guard let closes = try CivilDate.parse(optional: input.registrationClosesOn ?? "", field: "registrationClosesOn"), closes < date,
            closes >= env.today
        else { throw DomainError.invalid("registrationClosesOn", "报名截止日期须在今天至活动日期之前") }
        guard let capacity = input.capacity, (1...10_000).contains(capacity) else {
            throw DomainError.invalid("capacity", "请填写名额（1-10000）")
        }
        let day = OpenDay(
            agencyID: identity.agency.id, title: title, date: date,
            place: try RequestSteps.trimmed(input.place, "place", "请填写地点", limit: 200),
            plan: try RequestSteps.trimmed(input.plan?.replacingOccurrences(of: "\r\n", with: "\n"), "plan", "请填写活动方案", limit: 20_000),
            capacity: capacity, registrationClosesOn: closes, createdAtMillis: env.nowMillis)
        return try await save(day, create: true, action: .openDayPlan, detail: "\(title)（\(date)）", identity, address)
    }

    func day(_ id: Int64, for identity: StaffIdentity) async throws -> OpenDay {
        guard let d = try await env.database.stores.openDays.find(id: id), d.agencyID == identity.agency.id else {
            throw DomainError.notFound("该开放日活动")
        }
        return d
    }

    func save(_ d: OpenDay, create: Bool = false, action: AuditAction, detail: String, _ identity: StaffIdentity, _ address: String)
        async throws
        -> OpenDay
    {
        try await env.audited(identity, address: address, action, .openDay, detail: detail) { stores in
            var saved = d
            if create { saved = try await stores.openDays.create(d) } else { try await stores.openDays.update(d) }
            return (saved, saved.id)
        }
    }

    public func announce(_ id: Int64, identity: StaffIdentity, address: String) async throws -> OpenDay {
        var d = try await day(id, for: identity)
        guard !d.announced else { throw DomainError.conflict("已发布公告") }
        d.announced = true
        return try await save(d, action: .openDayAnnounce, detail: d.title, identity, address)
    }

    public struct Signup: Decodable, Sendable {

        public init(name: String? = nil, phone: String? = nil, people: Int? = nil) {

            self.name = name

            self.phone = phone

            self.people = people

        }

        var name: String?
        var phone: String?
        var people: Int?
    }

    /// A registration from the public, in one transaction with the day's row locked.
    public func register(_ id: Int64, _ s: Signup, address: String) async throws -> (OpenDay, OpenDay.Registration) {
        let today = env.today
        let now = env.nowMillis
        return try await env.database.audited(by: AuditActor(name: "公众", address: address), atMillis: now) { stores, trail in
            guard var d = try await stores.openDays.findForUpdate(id: id), d.announced else { throw DomainError.notFound("该开放日活动") }
            let r = try d.register(name: s.name ?? "", phone: s.phone ?? "", people: s.people ?? 1, today: today, atMillis: now)
            try await stores.openDays.update(d)
            try await trail.log(.openDayRegister, .openDay, d.id, agencyID: d.agencyID, detail: "报名 \(r.people) 人")
            return (d, r)
        }
    }

    /// The day's record, and the result report drafted into the catalog (公众参与) for review;
    /// photos are added to that document as attachments.
    public func report(_ id: Int64, record: String?, identity: StaffIdentity, address: String) async throws -> OpenDay {
        var d = try await day(id, for: identity)
        guard env.today >= d.date else { throw DomainError.conflict("活动举办后才能报送结果") }
        guard d.resultDocumentID == nil else { throw DomainError.conflict("已形成活动结果（文件 #\(d.resultDocumentID!)）") }
        d.record = try RequestSteps.trimmed(record?.replacingOccurrences(of: "\r\n", with: "\n"), "record", "请填写活动情况", limit: 20_000)
        let catalog = try await CatalogService.load(env, agencyID: identity.agency.id)
        let category = try (try? catalog.category("participation")) ?? catalog.category("other")
        var draft = CatalogDocument(
            id: 0, agencyID: identity.agency.id, title: "\(d.title)活动情况",
            body: "\(d.date.chinese)，\(identity.agency.name)在\(d.place)举办“\(d.title)”，报名 \(d.registered) 人。\n\(d.record)",
            categoryCode: category.code)
        draft.writtenOn = env.today
        draft.formedOn = env.today
        d.resultDocumentID = try await catalog.create(draft, by: identity, from: address).id
        return try await save(d, action: .openDayReport, detail: "结果文件 #\(d.resultDocumentID!)", identity, address)
    }
}
