public import Domain
import Foundation
import Storage

/// Consultations on drafts: drafting and publishing with the minimum period checked, versions,
/// comments from the public held for moderation and screened, dispositions in bulk, and the
/// 意见采纳情况 report drafted into the catalog for review and publication.
public struct ConsultationService: Sendable {
    public init(env: ServiceEnvironment) {
        self.env = env
    }

    let env: ServiceEnvironment

    public static let editors: Set<Role> = [.officeAdmin, .drafter]
    public static let moderators: Set<Role> = [.officeAdmin]

    public struct Input: Decodable, Sendable {

        public init(
            title: String? = nil, kind: String? = nil, summary: String? = nil, body: String? = nil, opensOn: String? = nil,
            closesOn: String? = nil, identity: String? = nil
        ) {

            self.title = title

            self.kind = kind

            self.summary = summary

            self.body = body

            self.opensOn = opensOn

            self.closesOn = closesOn

            self.identity = identity

        }

        var title: String?
        var kind: String?
        var summary: String?
        var body: String?
        var opensOn: String?
        var closesOn: String?
        var identity: String?
    }

    public func consultation(_ id: Int64, of agencyID: Int64) async throws -> Consultation {
        guard let c = try await env.database.stores.consultations.find(id: id), c.agencyID == agencyID else {
            throw DomainError.notFound("该征求意见")
        }
        return c
    }

    /// A consultation the public may see: published, and open or past.
    public func visible(_ id: Int64) async throws -> Consultation {
        guard let c = try await env.database.stores.consultations.find(id: id), c.status(today: env.today) != .draft else {
            throw DomainError.notFound("该征求意见")
        }
        return c
    }

    func parse(_ input: Input, into c: inout Consultation) throws {
        c.title = try RequestSteps.trimmed(input.title, "title", "请填写征求意见稿名称", limit: 200)
        c.kind = try RequestService.parse(input.kind ?? "", "kind", ConsultationKind.self)
        c.summary = String((input.summary ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(10_000))
        c.body = try RequestSteps.trimmed(input.body?.replacingOccurrences(of: "\r\n", with: "\n"), "body", "请填写征求意见稿正文", limit: 100_000)
        guard let opens = try CivilDate.parse(optional: input.opensOn ?? "", field: "opensOn") else {
            throw DomainError.invalid("opensOn", "请填写开始日期")
        }
        guard let closes = try CivilDate.parse(optional: input.closesOn ?? "", field: "closesOn") else {
            throw DomainError.invalid("closesOn", "请填写截止日期")
        }
        c.opensOn = opens
        c.closesOn = closes
        c.identity = try RequestService.parse(input.identity ?? CommentIdentity.anonymousAllowed.rawValue, "identity", CommentIdentity.self)
        try env.settings.consultationRules.check(c.kind, opens: opens, closes: closes, calendar: env.calendar.current)
    }

    public func create(_ input: Input, identity: StaffIdentity, address: String) async throws -> Consultation {
        var c = Consultation(
            agencyID: identity.agency.id, title: "", kind: .other, summary: "", body: "", opensOn: env.today, closesOn: env.today)
        try parse(input, into: &c)
        c.createdAtMillis = env.nowMillis
        c.updatedAtMillis = env.nowMillis
        return try await store(c, create: true, action: .consultationCreate, detail: c.title, identity, address)
    }

    /// Changes a consultation not yet published; a published one changes by new versions.
    public func edit(_ id: Int64, _ input: Input, identity: StaffIdentity, address: String) async throws -> Consultation {
        var c = try await consultation(id, of: identity.agency.id)
        guard !c.published else { throw DomainError.conflict("已发布的征求意见稿不能直接修改，请发布修改稿（新版本）") }
        try parse(input, into: &c)
        c.updatedAtMillis = env.nowMillis
        return try await store(c, action: .consultationEdit, detail: c.title, identity, address)
    }

    public func publish(_ id: Int64, identity: StaffIdentity, address: String) async throws -> Consultation {
        var c = try await consultation(id, of: identity.agency.id)
        guard !c.published else { throw DomainError.conflict("该征求意见稿已发布") }
        guard c.opensOn >= env.today else { throw DomainError.invalid("opensOn", "开始日期已过，请改为今天或以后") }
        try env.settings.consultationRules.check(c.kind, opens: c.opensOn, closes: c.closesOn, calendar: env.calendar.current)
        c.published = true
        c.updatedAtMillis = env.nowMillis
        let stored = try await store(c, action: .consultationPublish, detail: "\(c.opensOn) 至 \(c.closesOn)", identity, address)
        // After the write: a page rendered in between would otherwise be cached with the old state.
        await env.publicViewChanged()
        return stored
    }

    public struct Revision: Decodable, Sendable {

        public init(body: String? = nil, note: String? = nil, closesOn: String? = nil) {

            self.body = body

            self.note = note

            self.closesOn = closesOn

        }

        var body: String?
        var note: String?
        var closesOn: String?
    }

    /// A new version of the text, or a later closing date; comments keep the text they quoted.
    public func revise(_ id: Int64, _ r: Revision, identity: StaffIdentity, address: String) async throws -> Consultation {
        var c = try await consultation(id, of: identity.agency.id)
        var details: [String] = []
        if let body = r.body, !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            try c.revise(body: body.replacingOccurrences(of: "\r\n", with: "\n"), note: r.note ?? "", atMillis: env.nowMillis)
            details.append("第 \(c.version) 稿")
        }
        if let text = r.closesOn, !text.isEmpty, let closes = try CivilDate.parse(optional: text, field: "closesOn") {
            guard closes > c.closesOn else { throw DomainError.invalid("closesOn", "只能推迟截止日期") }
            c.closesOn = closes
            details.append("截止日期延至 \(closes)")
        }
        guard !details.isEmpty else { throw DomainError.invalid("body", "请填写修改后的正文或新的截止日期") }
        c.updatedAtMillis = env.nowMillis
        let stored = try await store(c, action: .consultationRevise, detail: details.joined(separator: "，"), identity, address)
        await env.publicViewChanged()
        return stored
    }

    func store(_ c: Consultation, create: Bool = false, action: AuditAction, detail: String, _ identity: StaffIdentity, _ address: String)
        async throws -> Consultation
    {
        let actor = AuditActor(identity, address: address)
        let now = env.nowMillis
        return try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            var saved = c
            if create { saved = try await stores.consultations.create(c) } else { try await stores.consultations.update(c) }
            try await trail.log(action, .consultation, saved.id, after: CanonicalJSON.text(saved), detail: detail)
            return saved
        }
    }

    // MARK: Comments from the public

    public struct CommentInput: Decodable, Sendable {

        public init(paragraph: Int? = nil, text: String? = nil, name: String? = nil, email: String? = nil, phone: String? = nil) {

            self.paragraph = paragraph

            self.text = text

            self.name = name

            self.email = email

            self.phone = phone

        }

        var paragraph: Int?
        var text: String?
        var name: String?
        var email: String?
        var phone: String?
    }

    public struct Received: Sendable {
        public var comment: PublicComment
        public var needsConfirmation: Bool
        /// Where the code went (“电子邮箱” or “手机”).
        public var channel: String
    }

    /// Takes a comment while the consultation is open. It waits for moderation (held when
    /// screening finds something); where a confirmed e-mail is required, a code goes there first.
    public func comment(_ id: Int64, _ input: CommentInput, address: String) async throws -> Received {
        let c = try await visible(id)
        guard c.status(today: env.today) == .open else { throw DomainError.conflict("意见征集已于\(c.closesOn.chinese)结束") }
        let paragraphs = c.paragraphs
        if let p = input.paragraph, !(1...max(1, paragraphs.count)).contains(p) {
            throw DomainError.invalid("paragraph", "征求意见稿没有第 \(p) 段")
        }
        let text = try RequestSteps.trimmed(input.text?.replacingOccurrences(of: "\r\n", with: "\n"), "text", "请填写意见内容", limit: 5_000)
        let name = String((input.name ?? "").trimmingCharacters(in: .whitespaces).prefix(50))
        let email = (input.email ?? "").trimmingCharacters(in: .whitespaces)
        let phone = (input.phone ?? "").trimmingCharacters(in: .whitespaces)
        if !email.isEmpty, email.count > 200 || !email.contains("@") || email.contains(" ") {
            throw DomainError.invalid("email", "电子邮箱格式不正确")
        }
        if !phone.isEmpty, phone.count > 20 || !phone.allSatisfy({ $0.isNumber || $0 == "-" }) {
            throw DomainError.invalid("phone", "电话号码格式不正确")
        }
        let contact = try ParticipantContact.required(c.identity, email: email, phone: phone)
        let confirm = contact != nil
        let words = try await env.database.stores.catalog.sensitiveWords(agencyID: c.agencyID)
        let findings = ContentScreener(sensitiveWords: words).scan(text + "\n" + name)
        let code: String? = confirm ? ParticipantContact.code() : nil
        let comment = PublicComment(
            consultationID: c.id, version: c.version, paragraph: input.paragraph, quote: input.paragraph.map { paragraphs[$0 - 1] } ?? "",
            text: text, name: name, email: email, phone: phone, status: confirm ? .unconfirmed : (findings.isEmpty ? .pending : .held),
            findings: Array(Set(findings.map(\.kind.label))).sorted(), confirmationCode: code, createdAtMillis: env.nowMillis)
        let now = env.nowMillis
        let stored = try await env.database.audited(
            by: AuditActor(agencyID: c.agencyID, userID: nil, name: "公众", address: address), atMillis: now
        ) { stores, trail in
            let saved = try await stores.consultations.addComment(comment)
            try await trail.log(
                .consultationComment, .consultation, c.id, detail: "意见 #\(saved.id)" + (saved.paragraph.map { "（第 \($0) 段）" } ?? ""))
            if let code, let contact {
                _ = try await stores.outbox.enqueue(
                    contact.message(
                        agencyID: c.agencyID, subject: "意见提交验证码：\(c.title)", code: code,
                        purpose: "提交对《\(c.title)》的意见（编号 \(saved.id)）", nowMillis: now))
            }
            return saved
        }
        return Received(comment: stored, needsConfirmation: confirm, channel: c.identity.channel)
    }

    public func confirm(_ id: Int64, commentID: Int64, code: String) async throws -> PublicComment {
        _ = try await visible(id)
        let stores = env.database.stores
        guard var comment = try await stores.consultations.comment(id: commentID), comment.consultationID == id else {
            throw DomainError.notFound("该意见")
        }
        guard comment.status == .unconfirmed else { return comment }
        guard let expected = comment.confirmationCode, expected == code.trimmingCharacters(in: .whitespaces) else {
            throw DomainError.invalid("code", "验证码不正确")
        }
        comment.status = comment.findings.isEmpty ? .pending : .held
        comment.confirmationCode = nil
        try await stores.consultations.updateComment(comment)
        return comment
    }

    // MARK: Moderation and dispositions

    public struct Moderation: Decodable, Sendable {

        public init(ids: [Int64]? = nil, action: String? = nil) {

            self.ids = ids

            self.action = action

        }

        var ids: [Int64]?
        var action: String?
    }

    /// Publishes or rejects comments in bulk; only those waiting for moderation change.
    public func moderate(_ id: Int64, _ m: Moderation, identity: StaffIdentity, address: String) async throws -> Int {
        let c = try await consultation(id, of: identity.agency.id)
        let ids = Set(m.ids ?? [])
        guard !ids.isEmpty else { throw DomainError.invalid("ids", "请选择要审核的意见") }
        let target: PublicComment.Status
        switch m.action {
        case "publish": target = .published
        case "reject": target = .rejected
        default: throw DomainError.invalid("action", "action 须为 publish（公开）或 reject（不予公开）")
        }
        let now = env.nowMillis
        let actor = AuditActor(identity, address: address)
        let name = identity.user.displayName
        let changed = try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            var n = 0
            for var comment in try await stores.consultations.comments(consultationID: c.id)
            where ids.contains(comment.id) && (comment.status == .pending || comment.status == .held) {
                comment.status = target
                comment.moderatedBy = name
                try await stores.consultations.updateComment(comment)
                n += 1
            }
            try await trail.log(.consultationModerate, .consultation, c.id, detail: "\(target.label) \(n) 条")
            return n
        }
        await env.publicViewChanged()
        return changed
    }

    public struct DispositionInput: Decodable, Sendable {

        public init(ids: [Int64]? = nil, disposition: String? = nil, reason: String? = nil, theme: String? = nil) {

            self.ids = ids

            self.disposition = disposition

            self.reason = reason

            self.theme = theme

        }

        var ids: [Int64]?
        var disposition: String?
        var reason: String?
        var theme: String?
    }

    /// Records what became of comments, several at once (by theme); not adopting needs a reason.
    public func dispose(_ id: Int64, _ input: DispositionInput, identity: StaffIdentity, address: String) async throws -> Int {
        let c = try await consultation(id, of: identity.agency.id)
        let ids = Set(input.ids ?? [])
        guard !ids.isEmpty else { throw DomainError.invalid("ids", "请选择意见") }
        let d = try RequestService.parse(input.disposition ?? "", "disposition", PublicComment.Disposition.self)
        let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if (d == .notAdopted || d == .partlyAdopted) && reason.isEmpty {
            throw DomainError.invalid("reason", "\(d.label)须说明理由（理由随意见采纳情况公开）")
        }
        guard reason.count <= 1_000 else { throw DomainError.invalid("reason", "理由至多 1000 字") }
        let theme = String((input.theme ?? "").trimmingCharacters(in: .whitespaces).prefix(50))
        let now = env.nowMillis
        let actor = AuditActor(identity, address: address)
        return try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            var n = 0
            for var comment in try await stores.consultations.comments(consultationID: c.id)
            where ids.contains(comment.id) && comment.status != .unconfirmed {
                comment.disposition = d
                comment.reason = reason
                if !theme.isEmpty { comment.theme = theme }
                try await stores.consultations.updateComment(comment)
                n += 1
            }
            guard n > 0 else { throw DomainError.invalid("ids", "所选意见不属于本次征集") }
            try await trail.log(.consultationDispose, .consultation, c.id, detail: "\(d.label) \(n) 条")
            return n
        }
    }

    /// Drafts the 意见采纳情况 as a catalog document (公众参与) for the usual review and
    /// publication, and links it to the consultation. Every comment must have a disposition.
    public func draftReport(_ id: Int64, identity: StaffIdentity, address: String) async throws -> CatalogDocument {
        var c = try await consultation(id, of: identity.agency.id)
        guard c.status(today: env.today) == .closed else { throw DomainError.conflict("意见征集结束后才能形成意见采纳情况") }
        guard c.reportDocumentID == nil else { throw DomainError.conflict("已形成意见采纳情况（文件 #\(c.reportDocumentID!)）") }
        let comments = try await env.database.stores.consultations.comments(consultationID: c.id)
        let report = FeedbackReport(comments: comments)
        guard report.undecided == 0 else { throw DomainError.conflict("还有 \(report.undecided) 条意见未处理（采纳、部分采纳、不予采纳或无关）") }
        let catalog = try await CatalogService.load(env, agencyID: identity.agency.id)
        let category = try (try? catalog.category("participation")) ?? catalog.category("other")
        let draft = CatalogDocument(
            id: 0, agencyID: identity.agency.id, title: "关于《\(c.title)》公开征求意见采纳情况的说明",
            body: report.text(title: c.title, opensOn: c.opensOn, closesOn: c.closesOn), categoryCode: category.code)
        var document = draft
        document.writtenOn = env.today
        document.formedOn = env.today
        let created = try await catalog.create(document, by: identity, from: address)
        c.reportDocumentID = created.id
        c.updatedAtMillis = env.nowMillis
        _ = try await store(c, action: .consultationReport, detail: "意见采纳情况：文件 #\(created.id)", identity, address)
        return created
    }

    /// Links the policy finally issued (a document of the agency) to the consultation.
    public func linkDocument(_ id: Int64, documentID: Int64?, identity: StaffIdentity, address: String) async throws -> Consultation {
        var c = try await consultation(id, of: identity.agency.id)
        guard let documentID else { throw DomainError.invalid("documentId", "请给出正式文件的编号") }
        _ = try await CatalogService.load(env, agencyID: identity.agency.id).document(documentID, for: identity)
        c.documentID = documentID
        c.updatedAtMillis = env.nowMillis
        return try await store(c, action: .consultationLink, detail: "正式文件 #\(documentID)", identity, address)
    }
}
