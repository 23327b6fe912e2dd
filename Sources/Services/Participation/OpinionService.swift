public import Domain
import Foundation
import Storage

/// The public-opinion register: logging, assignment, responses with where they were published.
public struct OpinionService: Sendable {
    public init(env: ServiceEnvironment) {
        self.env = env
    }

    let env: ServiceEnvironment

    public static let office: Set<Role> = [.officeAdmin, .leader]

    public struct Input: Decodable, Sendable {

        public init(
            source: String? = nil, link: String? = nil, foundAt: String? = nil, topic: String? = nil, summary: String? = nil,
            risk: String? = nil
        ) {

            self.source = source

            self.link = link

            self.foundAt = foundAt

            self.topic = topic

            self.summary = summary

            self.risk = risk

        }

        var source: String?
        var link: String?
        var foundAt: String?
        var topic: String?
        var summary: String?
        var risk: String?
    }

    public func log(_ input: Input, identity: StaffIdentity, address: String) async throws -> OpinionItem {
        let source = try RequestSteps.trimmed(input.source, "source", "请填写来源（媒体、平台或渠道）", limit: 100)
        let link = (input.link ?? "").trimmingCharacters(in: .whitespaces)
        if !link.isEmpty, link.count > 1_000 || !(link.hasPrefix("http://") || link.hasPrefix("https://")) {
            throw DomainError.invalid("link", "链接应以 http:// 或 https:// 开头")
        }
        let found = try OpinionItem.parseTime(input.foundAt ?? "", field: "foundAt")
        guard found <= env.nowMillis + 60_000 else { throw DomainError.invalid("foundAt", "发现时间不能晚于现在") }
        let item = OpinionItem(
            agencyID: identity.agency.id, source: source, link: link, foundAtMillis: found,
            topic: try RequestSteps.trimmed(input.topic, "topic", "请填写涉及的主题", limit: 100),
            summary: try RequestSteps.trimmed(input.summary, "summary", "请填写舆情摘要", limit: 5_000),
            risk: try RequestService.parse(input.risk ?? "", "risk", OpinionItem.Risk.self), createdAtMillis: env.nowMillis)
        return try await save(item, create: true, action: .opinionLog, detail: "\(item.risk.label)：\(item.topic)", identity, address)
    }

    public func item(_ id: Int64, for identity: StaffIdentity) async throws -> OpinionItem {
        guard let o = try await env.database.stores.opinions.find(id: id), o.agencyID == identity.agency.id else {
            throw DomainError.notFound("该舆情")
        }
        return o
    }

    func save(_ o: OpinionItem, create: Bool = false, action: AuditAction, detail: String, _ identity: StaffIdentity, _ address: String)
        async throws
        -> OpinionItem
    {
        let actor = AuditActor(identity, address: address)
        let now = env.nowMillis
        return try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            var saved = o
            if create { saved = try await stores.opinions.create(o) } else { try await stores.opinions.update(o) }
            try await trail.log(action, .opinion, saved.id, after: CanonicalJSON.text(saved), detail: detail)
            return saved
        }
    }

    public func assign(_ id: Int64, departmentID: Int64?, identity: StaffIdentity, address: String) async throws -> OpinionItem {
        var o = try await item(id, for: identity)
        guard let departmentID,
            let d = try await env.database.stores.agencies.departments(of: identity.agency.id).first(where: { $0.id == departmentID })
        else { throw DomainError.invalid("departmentId", "请选择负责回应的科室") }
        guard o.status != .closed else { throw DomainError.conflict("该舆情已办结") }
        o.departmentID = d.id
        o.unitName = d.name
        return try await save(o, action: .opinionAssign, detail: d.name, identity, address)
    }

    public struct ResponseInput: Decodable, Sendable {
        public init(
            text: String? = nil, channel: String? = nil, publishedAt: String? = nil, documentId: Int64? = nil, mailboxId: Int64? = nil
        ) {
            self.text = text
            self.channel = channel
            self.publishedAt = publishedAt
            self.documentId = documentId
            self.mailboxId = mailboxId
        }

        var text: String?
        var channel: String?
        var publishedAt: String?
        var documentId: Int64?
        var mailboxId: Int64?
    }

    /// Records a published response; a linked document must be public, a linked letter published.
    public func respond(_ id: Int64, _ input: ResponseInput, identity: StaffIdentity, address: String) async throws -> OpinionItem {
        var o = try await item(id, for: identity)
        guard o.status != .closed else { throw DomainError.conflict("该舆情已办结") }
        let text = try RequestSteps.trimmed(input.text, "text", "请填写回应内容或要点", limit: 5_000)
        let channel = try RequestSteps.trimmed(input.channel, "channel", "请填写发布渠道（门户网站、政务新媒体、新闻发布会等）", limit: 100)
        let at = try OpinionItem.parseTime(input.publishedAt ?? "", field: "publishedAt")
        guard at >= o.foundAtMillis else { throw DomainError.invalid("publishedAt", "回应时间不能早于发现时间") }
        guard at <= env.nowMillis + 60_000 else { throw DomainError.invalid("publishedAt", "回应时间不能晚于现在") }
        let stores = env.database.stores
        if let d = input.documentId, try await stores.documents.find(id: d) == nil {
            throw DomainError.invalid("documentId", "文件 #\(d) 不存在或尚未公开")
        }
        if let m = input.mailboxId {
            guard let letter = try await stores.mailbox.find(id: m), letter.agencyID == identity.agency.id, letter.published else {
                throw DomainError.invalid("mailboxId", "来信 #\(m) 不存在或答复未公开")
            }
        }
        o.responses.append(
            .init(
                text: text, channel: channel, publishedAtMillis: at, documentID: input.documentId, mailboxID: input.mailboxId,
                by: identity.user.displayName))
        o.status = .responded
        return try await save(o, action: .opinionRespond, detail: channel, identity, address)
    }

    public func close(_ id: Int64, identity: StaffIdentity, address: String) async throws -> OpinionItem {
        var o = try await item(id, for: identity)
        guard o.status == .responded else { throw DomainError.conflict(o.status == .closed ? "该舆情已办结" : "尚未回应，不能办结") }
        o.status = .closed
        return try await save(o, action: .opinionClose, detail: "", identity, address)
    }
}
