public import Domain
import Foundation
import Storage

/// The leader's mailbox and inquiries: intake with a tracking code and a working-day deadline,
/// 交办 to a department or 转办 to a unit below (dates kept), the unit's reply checked by the
/// office (or sent back for rework), 督办 of late ones, publication where the writer allows,
/// satisfaction ratings, and FAQ entries drawn from repeated questions.
public struct MailboxService: Sendable {
    public init(env: ServiceEnvironment) {
        self.env = env
    }

    let env: ServiceEnvironment

    public static let office: Set<Role> = [.officeAdmin]
    public static let staff: Set<Role> = [.officeAdmin, .drafter, .requestHandler, .leader]

    public struct Letter: Decodable, Sendable {

        public init(
            kind: String? = nil, subject: String? = nil, body: String? = nil, name: String? = nil, phone: String? = nil,
            email: String? = nil, mayPublish: Bool? = nil
        ) {

            self.kind = kind

            self.subject = subject

            self.body = body

            self.name = name

            self.phone = phone

            self.email = email

            self.mayPublish = mayPublish

        }

        var kind: String?
        var subject: String?
        var body: String?
        var name: String?
        var phone: String?
        var email: String?
        var mayPublish: Bool?
    }

    public func submit(_ input: Letter, agencyID: Int64, address: String) async throws -> MailboxMessage {
        let kind = try RequestService.parse(input.kind ?? MailboxMessage.Kind.leader.rawValue, "kind", MailboxMessage.Kind.self)
        let subject = try RequestSteps.trimmed(input.subject, "subject", "请填写标题", limit: 100)
        let body = try RequestSteps.trimmed(input.body?.replacingOccurrences(of: "\r\n", with: "\n"), "body", "请填写来信内容", limit: 5_000)
        let name = try RequestSteps.trimmed(input.name, "name", "请填写姓名，便于答复", limit: 50)
        let phone = (input.phone ?? "").trimmingCharacters(in: .whitespaces)
        guard phone.count >= 7, phone.count <= 20, phone.allSatisfy({ $0.isNumber || $0 == "-" }) else {
            throw DomainError.invalid("phone", "请填写联系电话（数字），便于答复")
        }
        let email = (input.email ?? "").trimmingCharacters(in: .whitespaces)
        if !email.isEmpty, email.count > 200 || !email.contains("@") || email.contains(" ") {
            throw DomainError.invalid("email", "电子邮箱格式不正确")
        }
        let today = env.today
        let due = env.calendar.current.adding(env.settings.mailboxReplyWorkdays, workdaysTo: today).date
        var rng = SystemRandomNumberGenerator()
        let now = env.nowMillis
        for _ in 0..<5 {
            let message = MailboxMessage(
                agencyID: agencyID, trackingCode: TrackingCode.make(year: today.year, using: &rng), kind: kind, subject: subject,
                body: body,
                name: name, phone: phone, email: email, mayPublish: input.mayPublish ?? false, receivedOn: today, dueOn: due,
                createdAtMillis: now)
            do {
                return try await env.database.audited(
                    by: AuditActor(agencyID: agencyID, userID: nil, name: "来信人", address: address), atMillis: now
                ) { stores, trail in
                    let saved = try await stores.mailbox.create(message)
                    try await trail.log(.mailboxReceive, .mailbox, saved.id, detail: "\(kind.label)，查询码 \(saved.trackingCode)")
                    return saved
                }
            } catch DomainError.conflict(let m) where m == "查询码已被使用" {
                continue
            }
        }
        throw DomainError.conflict("暂时无法生成查询码，请稍后再试")
    }

    public func byCode(_ typed: String) async throws -> MailboxMessage {
        guard let code = TrackingCode.normalise(typed), let m = try await env.database.stores.mailbox.find(trackingCode: code) else {
            throw DomainError.notFound("该查询码对应的来信")
        }
        return m
    }

    public func rate(code: String, rating: String?, comment: String?, address: String) async throws -> MailboxMessage {
        var m = try await byCode(code)
        try m.rate(try RequestService.parse(rating ?? "", "rating", MailboxMessage.Rating.self), comment: comment ?? "", on: env.today)
        let done = m
        let now = env.nowMillis
        try await env.database.audited(by: AuditActor(agencyID: done.agencyID, userID: nil, name: "来信人", address: address), atMillis: now) {
            stores, trail in
            try await stores.mailbox.update(done)
            try await trail.log(.mailboxRate, .mailbox, done.id, detail: done.rating?.label ?? "")
        }
        return done
    }

    /// A message of the caller's agency that the caller may see: the office sees all, a
    /// department's staff what is assigned to it.
    public func message(_ id: Int64, for identity: StaffIdentity) async throws -> MailboxMessage {
        guard let m = try await env.database.stores.mailbox.find(id: id), m.agencyID == identity.agency.id,
            identity.holds(anyOf: Self.office) || (m.departmentID != nil && m.departmentID == identity.user.departmentID)
        else { throw DomainError.notFound("该来信") }
        return m
    }

    func change(
        _ id: Int64, identity: StaffIdentity, address: String, action: AuditAction, officeOnly: Bool = false,
        _ apply: (inout MailboxMessage) async throws -> String
    ) async throws -> MailboxMessage {
        if officeOnly && !identity.holds(anyOf: Self.office) { throw DomainError.forbidden("此操作仅限政务公开办公室") }
        var m = try await message(id, for: identity)
        let detail = try await apply(&m)
        let changed = m
        let actor = AuditActor(identity, address: address)
        let now = env.nowMillis
        try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            try await stores.mailbox.update(changed)
            try await trail.log(action, .mailbox, changed.id, agencyID: identity.agency.id, detail: detail)
            if action == .mailboxReply, changed.status == .closed, !changed.email.isEmpty {
                _ = try await stores.outbox.enqueue(
                    OutboxMessage(
                        agencyID: identity.agency.id, requestID: nil, recipient: changed.email, subject: "您的来信已答复：\(changed.subject)",
                        body:
                            "\(changed.name)：\n\n\(changed.reply)\n\n\(identity.agency.name)\n\(changed.repliedOn?.chinese ?? "")\n\n查询码 \(changed.trackingCode)，可在网站上查看并评价。",
                        nextAttemptAtMillis: now, createdAtMillis: now))
            }
        }
        if action == .mailboxReply || action == .mailboxPublish { await env.publicViewChanged() }
        return changed
    }

    public struct Assignment: Decodable, Sendable {

        public init(departmentId: Int64? = nil, agencyId: Int64? = nil, note: String? = nil) {

            self.departmentId = departmentId

            self.agencyId = agencyId

            self.note = note

        }

        var departmentId: Int64?
        var agencyId: Int64?
        var note: String?
    }

    /// 交办 to a department of the agency, or 转办 to a unit below it; receipt and due dates stay.
    public func assign(_ id: Int64, _ a: Assignment, identity: StaffIdentity, address: String) async throws -> MailboxMessage {
        let stores = env.database.stores
        let note = String((a.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(500))
        return try await change(id, identity: identity, address: address, action: .mailboxAssign, officeOnly: true) { m in
            if let agencyID = a.agencyId {
                guard let unit = try await stores.agencies.find(id: agencyID), unit.parentID == identity.agency.id else {
                    throw DomainError.invalid("agencyId", "只能转办给本机关的下属单位")
                }
                guard m.status == .received || m.status == .assigned else { throw DomainError.conflict("该信件\(m.status.label)，不能转办") }
                m.steps.append(
                    .init(action: "转办", detail: unit.name + (note.isEmpty ? "" : "：\(note)"), by: identity.user.displayName, on: env.today))
                m.agencyID = unit.id
                m.departmentID = nil
                m.unitName = ""
                m.status = .received
                return "转办 \(unit.name)"
            }
            guard let departmentID = a.departmentId,
                let department = try await stores.agencies.departments(of: identity.agency.id).first(where: { $0.id == departmentID })
            else { throw DomainError.invalid("departmentId", "请选择承办科室") }
            try m.assign(departmentID: department.id, unitName: department.name, note: note, by: identity.user.displayName, on: env.today)
            return "交办 \(department.name)"
        }
    }

    public func answer(_ id: Int64, reply: String?, identity: StaffIdentity, address: String) async throws -> MailboxMessage {
        try await change(id, identity: identity, address: address, action: .mailboxAnswer) { m in
            try m.answer(reply ?? "", by: identity.user.displayName, on: env.today)
            return "拟复"
        }
    }

    public func review(_ id: Int64, approve: Bool, comment: String?, identity: StaffIdentity, address: String) async throws
        -> MailboxMessage
    {
        try await change(id, identity: identity, address: address, action: approve ? .mailboxReply : .mailboxReturn, officeOnly: true) {
            m in
            try m.review(approve: approve, comment: comment ?? "", by: identity.user.displayName, on: env.today)
            return approve ? "答复" : "退回：\(comment ?? "")"
        }
    }

    public func supervise(_ id: Int64, note: String?, identity: StaffIdentity, address: String) async throws -> MailboxMessage {
        let text = try RequestSteps.trimmed(note, "note", "请填写督办意见", limit: 500)
        return try await change(id, identity: identity, address: address, action: .mailboxSupervise, officeOnly: true) { m in
            guard m.status == .assigned || m.status == .received else { throw DomainError.conflict("该信件\(m.status.label)，无需督办") }
            m.steps.append(.init(action: "督办", detail: text, by: identity.user.displayName, on: env.today))
            return "督办：\(text)"
        }
    }

    /// Withholds or shows a reply the writer allowed to be public.
    public func setPublished(_ id: Int64, _ published: Bool, identity: StaffIdentity, address: String) async throws -> MailboxMessage {
        try await change(id, identity: identity, address: address, action: .mailboxPublish, officeOnly: true) { m in
            guard m.status == .closed else { throw DomainError.conflict("答复后才能公开") }
            guard m.mayPublish || !published else { throw DomainError.conflict("来信人未同意公开") }
            m.published = published
            return published ? "公开" : "不公开"
        }
    }

    /// What the public sees of a letter: the text with personal data masked, no contacts.
    public static func publicBody(_ text: String) -> String {
        ContentScreener.redact(text, ContentScreener().scan(text).filter { $0.kind != .sensitiveWord && $0.kind != .classification })
    }

    // MARK: FAQ

    public struct FAQInput: Decodable, Sendable {

        public init(question: String? = nil, answer: String? = nil, topic: String? = nil, sources: [Int64]? = nil, published: Bool? = nil) {

            self.question = question

            self.answer = answer

            self.topic = topic

            self.sources = sources

            self.published = published

        }

        var question: String?
        var answer: String?
        var topic: String?
        var sources: [Int64]?
        var published: Bool?
    }

    public func saveFAQ(_ id: Int64?, _ input: FAQInput, identity: StaffIdentity, address: String) async throws -> FAQEntry {
        guard identity.holds(anyOf: Self.office) else { throw DomainError.forbidden("此操作仅限政务公开办公室") }
        let stores = env.database.stores
        var entry = FAQEntry(agencyID: identity.agency.id, question: "", answer: "")
        if let id {
            guard let found = try await stores.mailbox.faq(id: id), found.agencyID == identity.agency.id else {
                throw DomainError.notFound("该常见问题")
            }
            entry = found
        }
        entry.question = try RequestSteps.trimmed(input.question ?? (id == nil ? nil : entry.question), "question", "请填写问题", limit: 300)
        entry.answer = try RequestSteps.trimmed(
            input.answer?.replacingOccurrences(of: "\r\n", with: "\n") ?? (id == nil ? nil : entry.answer), "answer", "请填写解答", limit: 10_000
        )
        if let topic = input.topic { entry.topic = String(topic.trimmingCharacters(in: .whitespaces).prefix(50)) }
        if let sources = input.sources {
            for s in sources {
                guard let m = try await stores.mailbox.find(id: s), m.agencyID == identity.agency.id else {
                    throw DomainError.invalid("sources", "来信 #\(s) 不属于本机关")
                }
            }
            entry.sources = sources
        }
        if let p = input.published { entry.published = p }
        entry.updatedAtMillis = env.nowMillis
        let toSave = entry
        let actor = AuditActor(identity, address: address)
        let now = env.nowMillis
        let saved = try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            var e = toSave
            if id == nil { e = try await stores.mailbox.createFAQ(toSave) } else { try await stores.mailbox.updateFAQ(toSave) }
            try await trail.log(.faqSave, .faq, e.id, after: CanonicalJSON.text(e), detail: e.question)
            return e
        }
        await env.publicViewChanged()
        return saved
    }

    /// Short questions share few bigrams even when they ask the same thing (“儿童接种疫苗在哪里
    /// 预约” and “孩子接种疫苗怎么预约” score 0.38), so the bar for a suggestion is low; the
    /// office decides.
    static let alike = 0.3

    /// Answered questions that resemble one another and no FAQ entry answers yet: candidates
    /// for the 常见问题解答库, largest group first.
    public func repeatedQuestions(agencyID: Int64) async throws -> [[MailboxMessage]] {
        let stores = env.database.stores
        let covered = Set(try await stores.mailbox.faqs(agencyID: agencyID, publishedOnly: false).flatMap(\.sources))
        let answered = try await stores.mailbox.list(agencyID: agencyID, departmentID: nil).filter {
            $0.status == .closed && !covered.contains($0.id)
        }
        var groups: [[MailboxMessage]] = []
        for m in answered {
            if let i = groups.firstIndex(where: { g in RequestSimilarity.score(g[0].subject + g[0].body, m.subject + m.body) >= Self.alike }
            ) {
                groups[i].append(m)
            } else {
                groups.append([m])
            }
        }
        return groups.filter { $0.count >= 2 }.sorted { $0.count > $1.count }
    }
}
