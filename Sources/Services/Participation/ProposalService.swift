public import Domain
import Foundation
import Storage

/// NPC suggestions and CPPCC proposals: registration with the reply deadline, contacts with
/// the proposer, the reply, and its publication in full through the catalog.
public struct ProposalService: Sendable {
    public init(env: ServiceEnvironment) {
        self.env = env
    }

    let env: ServiceEnvironment

    public static let office: Set<Role> = [.officeAdmin]

    public struct Input: Decodable, Sendable {

        public init(
            kind: String? = nil, year: Int? = nil, number: String? = nil, proposer: String? = nil, title: String? = nil,
            content: String? = nil, assignedOn: String? = nil, leadUnit: String? = nil, coUnits: [String]? = nil, complex: Bool? = nil,
            publishReply: Bool? = nil
        ) {

            self.kind = kind

            self.year = year

            self.number = number

            self.proposer = proposer

            self.title = title

            self.content = content

            self.assignedOn = assignedOn

            self.leadUnit = leadUnit

            self.coUnits = coUnits

            self.complex = complex

            self.publishReply = publishReply

        }

        var kind: String?
        var year: Int?
        var number: String?
        var proposer: String?
        var title: String?
        var content: String?
        var assignedOn: String?
        var leadUnit: String?
        var coUnits: [String]?
        var complex: Bool?
        var publishReply: Bool?
    }

    public func register(_ input: Input, identity: StaffIdentity, address: String) async throws -> Proposal {
        let kind = try RequestService.parse(input.kind ?? "", "kind", Proposal.Kind.self)
        guard let year = input.year, (2000...2100).contains(year) else { throw DomainError.invalid("year", "请填写届次所在年度（四位）") }
        let number = try RequestSteps.trimmed(input.number, "number", "请填写编号", limit: 30)
        let proposer = try RequestSteps.trimmed(input.proposer, "proposer", "请填写提出人（代表或委员姓名）", limit: 200)
        let title = try RequestSteps.trimmed(input.title, "title", "请填写标题", limit: 200)
        guard let assigned = try CivilDate.parse(optional: input.assignedOn ?? "", field: "assignedOn") else {
            throw DomainError.invalid("assignedOn", "请填写交办日期")
        }
        guard assigned <= env.today else { throw DomainError.invalid("assignedOn", "交办日期不能晚于今天") }
        let lead = try RequestSteps.trimmed(input.leadUnit, "leadUnit", "请填写主办单位", limit: 100)
        let complex = input.complex ?? false
        let p = Proposal(
            agencyID: identity.agency.id, kind: kind, year: year, number: number, proposer: proposer, title: title,
            content: String((input.content ?? "").prefix(20_000)), assignedOn: assigned, leadUnit: lead,
            coUnits: (input.coUnits ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            complex: complex, dueOn: env.settings.proposalRules.due(assignedOn: assigned, complex: complex),
            publishReply: input.publishReply ?? true, createdAtMillis: env.nowMillis)
        return try await save(p, create: true, action: .proposalRegister, detail: "\(kind.label)第\(number)号", identity, address)
    }

    public func item(_ id: Int64, for identity: StaffIdentity) async throws -> Proposal {
        guard let p = try await env.database.stores.proposals.find(id: id), p.agencyID == identity.agency.id else {
            throw DomainError.notFound("该建议提案")
        }
        return p
    }

    func save(_ p: Proposal, create: Bool = false, action: AuditAction, detail: String, _ identity: StaffIdentity, _ address: String)
        async throws
        -> Proposal
    {
        let actor = AuditActor(identity, address: address)
        let now = env.nowMillis
        return try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            var saved = p
            if create { saved = try await stores.proposals.create(p) } else { try await stores.proposals.update(p) }
            try await trail.log(action, .proposal, saved.id, after: CanonicalJSON.text(saved), detail: detail)
            return saved
        }
    }

    public struct ContactInput: Decodable, Sendable {

        public init(on: String? = nil, way: String? = nil, note: String? = nil) {

            self.on = on

            self.way = way

            self.note = note

        }

        var on: String?
        var way: String?
        var note: String?
    }

    public func contact(_ id: Int64, _ input: ContactInput, identity: StaffIdentity, address: String) async throws -> Proposal {
        var p = try await item(id, for: identity)
        let on = try RequestService.stepDate(input.on, "on", earliest: p.assignedOn, today: env.today)
        let way = try RequestSteps.trimmed(input.way, "way", "请填写沟通方式（电话、座谈、走访等）", limit: 50)
        let note = try RequestSteps.trimmed(input.note, "note", "请填写沟通情况", limit: 2_000)
        p.contacts.append(.init(on: on, way: way, note: note))
        return try await save(p, action: .proposalContact, detail: "\(way)：\(note.prefix(50))", identity, address)
    }

    public struct ReplyInput: Decodable, Sendable {

        public init(reply: String? = nil, outcome: String? = nil) {

            self.reply = reply

            self.outcome = outcome

        }

        var reply: String?
        var outcome: String?
    }

    /// Records the reply; unless marked otherwise it is drafted into the catalog (建议提案办理) in
    /// full for the usual review and publication.
    public func reply(_ id: Int64, _ input: ReplyInput, identity: StaffIdentity, address: String) async throws -> Proposal {
        var p = try await item(id, for: identity)
        guard !p.isReplied else { throw DomainError.conflict("已答复") }
        p.reply = try RequestSteps.trimmed(input.reply?.replacingOccurrences(of: "\r\n", with: "\n"), "reply", "请填写答复全文", limit: 50_000)
        p.outcome = try RequestService.parse(input.outcome ?? "", "outcome", Proposal.Outcome.self)
        p.repliedOn = env.today
        if p.publishReply {
            let catalog = try await CatalogService.load(env, agencyID: identity.agency.id)
            let category = try (try? catalog.category("proposals")) ?? catalog.category("other")
            var draft = CatalogDocument(
                id: 0, agencyID: identity.agency.id, title: p.replyTitle, body: p.reply, categoryCode: category.code)
            draft.writtenOn = env.today
            draft.formedOn = env.today
            p.replyDocumentID = try await catalog.create(draft, by: identity, from: address).id
        }
        return try await save(p, action: .proposalReply, detail: p.outcome?.label ?? "", identity, address)
    }
}
