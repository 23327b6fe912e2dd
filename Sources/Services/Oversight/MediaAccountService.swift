public import Domain
import Storage

/// The new-media registry (政务新媒体): accounts with their filings for opening, change,
/// suspension and closure, the leader's decision on each, and the accounts' update records.
/// Every change is archived.
public struct MediaAccountService: Sendable {
    let env: ServiceEnvironment

    public init(env: ServiceEnvironment) {
        self.env = env
    }

    public struct Opening: Decodable, Sendable {

        public init(
            platform: String, name: String, handle: String, sponsor: String, operatorName: String, contact: String?, reason: String?
        ) {

            self.platform = platform

            self.name = name

            self.handle = handle

            self.sponsor = sponsor

            self.operatorName = operatorName

            self.contact = contact

            self.reason = reason

        }

        public var platform: String
        public var name: String
        public var handle: String
        public var sponsor: String
        public var operatorName: String
        public var contact: String?
        public var reason: String?

        public func details() throws(DomainError) -> MediaAccount.Details {
            guard let p = MediaAccount.Platform(rawValue: platform) else {
                throw .invalid("platform", "平台须为 " + MediaAccount.Platform.allCases.map(\.rawValue).joined(separator: "、") + " 之一")
            }
            return try MediaAccount.Details(
                platform: p, name: name, handle: handle, sponsor: sponsor, operatorName: operatorName, contact: contact ?? ""
            ).checked()
        }
    }

    public struct FilingInput: Decodable, Sendable {

        public init(kind: String, reason: String, details: Opening?) {

            self.kind = kind

            self.reason = reason

            self.details = details

        }

        public var kind: String
        public var reason: String
        public var details: Opening?
    }

    public struct DecisionInput: Decodable, Sendable {

        public init(approve: Bool, comment: String?) {

            self.approve = approve

            self.comment = comment

        }

        public var approve: Bool
        public var comment: String?
    }

    public struct UpdateInput: Decodable, Sendable {

        public init(lastPost: String, month: String?, posts: Int?) {

            self.lastPost = lastPost

            self.month = month

            self.posts = posts

        }

        public var lastPost: String
        public var month: String?
        public var posts: Int?
    }

    public func account(_ id: Int64?, _ identity: StaffIdentity) async throws -> MediaAccount {
        guard let id, let a = try await env.database.stores.mediaAccounts.find(id: id), a.agencyID == identity.agency.id else {
            throw DomainError.notFound("该账号")
        }
        return a
    }

    public func open(_ input: Opening, _ identity: StaffIdentity, _ address: String) async throws -> MediaAccount {
        let filing = MediaAccount.Filing(
            kind: .open, reason: (input.reason ?? "").trimmingCharacters(in: .whitespaces), details: try input.details(),
            filedOn: env.today,
            filedBy: identity.user.displayName)
        let account = MediaAccount(agencyID: identity.agency.id, opening: filing, createdAtMillis: env.nowMillis)
        return try await env.audited(identity, address: address, .mediaOpenFile, .mediaAccount, detail: account.details.name) {
            let saved = try await $0.mediaAccounts.create(account)
            return (saved, saved.id)
        }
    }

    func change(_ a: MediaAccount, _ action: AuditAction, _ identity: StaffIdentity, _ address: String, detail: String) async throws
        -> MediaAccount
    {
        try await env.audited(identity, address: address, action, .mediaAccount, detail: detail) {
            try await $0.mediaAccounts.update(a)
            return (a, a.id)
        }
    }

    public func file(_ id: Int64?, _ input: FilingInput, _ identity: StaffIdentity, _ address: String) async throws -> MediaAccount {
        var a = try await account(id, identity)
        guard let kind = MediaAccount.Filing.Kind(rawValue: input.kind), kind != .open else {
            throw DomainError.invalid("kind", "备案类型须为 change（变更）、suspend（暂停）、resume（恢复）或 close（关停）")
        }
        try a.file(
            MediaAccount.Filing(
                kind: kind, reason: input.reason, details: try input.details?.details(), filedOn: env.today,
                filedBy: identity.user.displayName))
        return try await change(a, Self.filingAction(kind), identity, address, detail: input.reason)
    }

    public func decide(_ id: Int64?, _ input: DecisionInput, _ identity: StaffIdentity, _ address: String) async throws -> MediaAccount {
        var a = try await account(id, identity)
        try a.decide(input.approve, on: env.today, by: identity.user.displayName, comment: input.comment ?? "")
        return try await change(
            a, input.approve ? .mediaFilingApprove : .mediaFilingReject, identity, address, detail: input.comment ?? "")
    }

    public func record(_ id: Int64?, _ input: UpdateInput, _ identity: StaffIdentity, _ address: String) async throws -> MediaAccount {
        var a = try await account(id, identity)
        guard let last = CivilDate(iso: input.lastPost) else { throw DomainError.invalid("lastPost", "日期格式应为 YYYY-MM-DD") }
        var month: YearMonth?
        if let m = input.month, !m.isEmpty {
            guard let parsed = YearMonth(iso: m) else { throw DomainError.invalid("month", "月份格式应为 YYYY-MM") }
            month = parsed
        }
        if month != nil && input.posts == nil { throw DomainError.invalid("posts", "请填写该月发布条数") }
        try a.recordUpdate(lastPost: last, month: month, posts: input.posts, today: env.today)
        return try await change(a, .mediaUpdateRecord, identity, address, detail: input.lastPost)
    }

    static func filingAction(_ kind: MediaAccount.Filing.Kind) -> AuditAction {
        switch kind {
        case .open: .mediaOpenFile
        case .change: .mediaChangeFile
        case .suspend: .mediaSuspendFile
        case .resume: .mediaResumeFile
        case .close: .mediaCloseFile
        }
    }
}
