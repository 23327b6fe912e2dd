public import Domain
import Foundation
import Storage

/// The screening findings that stop a document going live (HTTP 422 `sensitive_content`).
public struct ScreeningBlocked: Error, Sendable {
    public var findings: [StoredFinding]
}

/// The catalog's workflow: drafting, 分级审核, screening, 授权发布 and withdrawal. Every step is
/// archived as a review step and an audit entry in the transaction that makes it.
public struct CatalogService: Sendable {
    let env: ServiceEnvironment
    var database: any GongkaiDatabase { env.database }
    /// The agency's catalog configuration; `standard` until it sets its own.
    public var settings: CatalogSettings
    public var screener = ContentScreener()
    public var categories: [CatalogCategory] { settings.categories }
    public var indexRule: IndexNumberRule { settings.indexRule }

    public init(env: ServiceEnvironment, settings: CatalogSettings = .standard) {
        self.env = env
        self.settings = settings
    }

    /// The service with the root agency's settings, for the public portal's lists and feeds.
    public static func portal(_ env: ServiceEnvironment) async throws -> CatalogService {
        try await load(env, agencyID: try await env.database.stores.agencies.root()?.id)
    }

    /// The service with the settings of the agency whose portal this is.
    public static func portal(_ env: ServiceEnvironment, _ site: PortalSite) async throws -> CatalogService {
        try await load(env, agencyID: site.agency?.id)
    }

    /// The service with an agency's own settings (the defaults when it has none or `agencyID`
    /// is nil, e.g. before set-up).
    public static func load(_ env: ServiceEnvironment, agencyID: Int64?) async throws -> CatalogService {
        guard let agencyID else { return CatalogService(env: env) }
        return CatalogService(env: env, settings: try await env.database.stores.agencies.catalogSettings(agencyID: agencyID) ?? .standard)
    }

    /// The category with this code or name.
    public func category(_ key: String) throws(DomainError) -> CatalogCategory {
        guard let c = categories.first(where: { $0.code == key || $0.name == key }) else {
            throw .invalid("category", "未知的目录分类“\(key)”，可选：" + categories.map(\.name).joined(separator: "、"))
        }
        return c
    }

    /// 专题专栏 given by code or name, as codes, each once.
    func resolveColumns(_ keys: [String]) throws(DomainError) -> [String] {
        var out: [String] = []
        for key in keys where !key.isEmpty {
            let code = try settings.column(key).code
            if !out.contains(code) { out.append(code) }
        }
        return out
    }

    /// The review levels that apply to a document: its importance, and any screening finding a
    /// reviewer chose to keep, can add the extra sign-off level.
    public func levels(for d: CatalogDocument, findings: [StoredFinding]) -> [ReviewLevel] {
        Self.levels(settings.chain(for: d.categoryCode), for: d, findings: findings)
    }

    static func levels(_ chain: [ReviewLevel], for d: CatalogDocument, findings: [StoredFinding]) -> [ReviewLevel] {
        ReviewLevel.applicable(chain, important: d.important, flagged: findings.contains { $0.resolution == .accepted })
    }

    /// Stores a new draft of the actor's agency.
    public func create(_ draft: CatalogDocument, by identity: StaffIdentity, from address: String) async throws -> CatalogDocument {
        var d = draft
        d.agencyID = identity.agency.id
        d.drafterID = identity.user.id
        d.departmentID = d.departmentID ?? identity.user.departmentID
        d.documentNumber = try DocumentNumber.normalize(d.documentNumber)
        d.workflow = WorkflowState()
        d.indexNumber = nil
        d.publishedOn = nil
        d.redactedBody = nil
        d.revision = 1
        d.createdAtMillis = env.nowMillis
        d.updatedAtMillis = d.createdAtMillis
        d.columns = try resolveColumns(d.columns)
        try d.validate(categories: categories)
        let toStore = d
        let at = env.nowMillis
        return try await database.audited(by: AuditActor(identity, address: address), atMillis: at) { stores, trail in
            try await Self.checkInterpretationTarget(toStore, stores: stores)
            let created = try await stores.catalog.create(toStore)
            try await stores.catalog.appendStep(
                ReviewStep(
                    documentID: created.id, revision: 1, action: "create", actorID: identity.user.id, actorName: identity.user.displayName,
                    atMillis: at))
            try await trail.log(.documentCreate, .document, created.id, after: CanonicalJSON.text(created))
            return created
        }
    }

    /// A document of the actor's agency, or not found (other agencies' drafts are invisible).
    public func document(_ id: Int64, for identity: StaffIdentity) async throws -> CatalogDocument {
        guard let d = try await database.stores.catalog.find(id: id), d.agencyID == identity.agency.id else {
            throw DomainError.notFound("文件 #\(id)")
        }
        return d
    }

    public enum Step: Sendable {
        case submit
        case approve(comment: String, confidentialityCleared: Bool)
        case reject(comment: String)
        case publish
        /// Go live automatically at this instant (milliseconds since 1970).
        case schedule(atMillis: Int64)
        case withdraw(reason: String)
    }

    /// Applies one workflow step. Submission and publication run the screening; the last
    /// approval assigns the 索引号; publication and withdrawal update the search index in the
    /// same transaction.
    public func apply(_ step: Step, to id: Int64, by identity: StaffIdentity, from address: String) async throws -> CatalogDocument {
        let before = try await document(id, for: identity)
        let at = env.nowMillis
        let today = env.today
        let actor = WorkflowState.Actor(userID: identity.user.id, roles: identity.user.roles)
        let baseScreener = self.screener
        let categories = self.categories
        let indexRule = self.indexRule
        let settings = self.settings
        let chainLevels: @Sendable (CatalogDocument, [StoredFinding]) -> [ReviewLevel] = { d, findings in
            Self.levels(settings.chain(for: d.categoryCode), for: d, findings: findings)
        }
        let outcome: Result<CatalogDocument, ScreeningBlocked> = try await database.audited(
            by: AuditActor(identity, address: address), atMillis: at
        ) { stores, trail in
            var d = before
            var screener = baseScreener
            screener.sensitiveWords += try await stores.catalog.sensitiveWords(agencyID: d.agencyID)
            var findings = try await stores.catalog.findings(documentID: id)
            let levels = chainLevels(d, findings)
            let currentLevelName = levels.indices.contains(d.workflow.level) ? levels[d.workflow.level].name : ""
            let action: WorkflowAction
            var comment = ""
            switch step {
            case .submit:
                try d.validate(categories: categories)
                let scan = Self.scan(d, attachments: try await stores.attachments.list(documentID: id), with: screener)
                findings = try await stores.catalog.replaceOpenFindings(documentID: id, with: Self.unresolved(scan, findings))
                action = .submit
            case .approve(let c, let cleared):
                try Self.checkScope(levels, d, identity)
                comment = c
                action = .approve(comment: c, confidentialityCleared: cleared)
            case .reject(let c):
                try Self.checkScope(levels, d, identity)
                comment = c
                action = .reject(comment: c)
            case .publish, .schedule:
                let scan = Self.scan(d, attachments: try await stores.attachments.list(documentID: id), with: screener)
                findings = try await stores.catalog.replaceOpenFindings(documentID: id, with: Self.unresolved(scan, findings))
                let open = findings.filter { $0.resolution == .open }
                if !open.isEmpty, d.workflow.status == .approved || d.workflow.status == .scheduled,
                    identity.user.roles.contains(.publisher)
                {
                    return .failure(ScreeningBlocked(findings: open))
                }
                if case .schedule(let when) = step {
                    guard when > at else { throw DomainError.invalid("at", "定时发布时间须晚于现在") }
                    d.scheduledAtMillis = when
                    action = .schedule(atMillis: when, openFindings: open.count)
                } else {
                    action = .publish(openFindings: open.count)
                }
            case .withdraw(let reason):
                comment = reason
                action = .withdraw(reason: reason)
            }
            let expected = d.workflow
            d.workflow = try d.workflow.applying(action, by: actor, drafterID: d.drafterID ?? -1, levels: chainLevels(d, findings))
            d.updatedAtMillis = at
            if d.workflow.status == .approved, d.indexNumber == nil, d.revisionOf == nil {
                let year = (d.writtenOn ?? today).year
                let serial = try await stores.catalog.nextIndexSerial(agencyID: d.agencyID, year: year)
                d.indexNumber = indexRule.render(creditCode: identity.agency.creditCode, year: year, serial: serial)
            }
            if d.workflow.status == .published {
                try await Self.goLive(&d, findings: findings, today: today, at: at, by: identity.user.displayName, stores: stores)
            }
            if d.workflow.status == .withdrawn { try await stores.search.remove(documentID: d.id) }
            try await stores.catalog.update(d, expecting: expected)
            let (actionName, audited): (String, AuditAction) =
                switch step {
                case .submit: ("submit", .documentSubmit)
                case .approve: ("approve", .documentApprove)
                case .reject: ("reject", .documentReject)
                case .publish: ("publish", .documentPublish)
                case .schedule: ("schedule", .documentSchedule)
                case .withdraw: ("withdraw", .documentWithdraw)
                }
            let isReview: Bool = if case .approve = step { true } else if case .reject = step { true } else { false }
            try await stores.catalog.appendStep(
                ReviewStep(
                    documentID: id, revision: d.revision, action: actionName, levelName: isReview ? currentLevelName : "",
                    actorID: identity.user.id, actorName: identity.user.displayName, comment: comment, atMillis: at))
            try await trail.log(
                audited, .document, id, before: CanonicalJSON.text(before), after: CanonicalJSON.text(d),
                detail: "\(expected.status.rawValue) → \(d.workflow.status.rawValue)")
            return .success(d)
        }
        switch outcome {
        case .success(let d):
            if let change = Self.publicChange(from: before, to: d) { await env.publicViewChanged(change) }
            return d
        case .failure(let blocked): throw blocked
        }
    }

    /// What a step changed on the portal: nothing while a document is on its way there (most
    /// steps), else the document, the one its revision went live on, and the one it interprets
    /// (whose page lists its interpretations).
    static func publicChange(from before: CatalogDocument, to after: CatalogDocument) -> PublicChange? {
        let onPortal = [before.workflow.status, after.workflow.status].contains { $0 == .published || $0 == .merged }
        guard onPortal else { return nil }
        return .documents(Set([after.id, after.revisionOf, after.interpretsID, before.interpretsID].compactMap { $0 }))
    }

    /// A department's reviewer decides only on that department's documents.
    static func checkScope(_ levels: [ReviewLevel], _ d: CatalogDocument, _ identity: StaffIdentity) throws(DomainError) {
        guard levels.indices.contains(d.workflow.level) else { return }
        if !ReviewQueue.inScope(levels[d.workflow.level], d, identity) { throw .forbidden("本层级由文件所属科室的审核人审核") }
    }

    /// What going live does to a document: the publication date, the redacted public copy, the
    /// search index and the archived version, all in the caller's transaction. A revision goes
    /// live on the document it revises, which keeps its id, 索引号, address and first
    /// publication date; the revision itself is kept as `merged`.
    static func goLive(
        _ d: inout CatalogDocument, findings: [StoredFinding], today: CivilDate, at: Int64, by name: String, stores: any Stores
    ) async throws {
        d.scheduledAtMillis = nil
        let redactions = findings.filter { $0.resolution == .redacted && $0.finding.source.isEmpty }.map(\.finding)
        let redacted =
            redactions.isEmpty && d.disclosure.attribute != .redacted ? nil : ContentScreener.redact(d.publicBase, redactions)
        var live: CatalogDocument
        if let originalID = d.revisionOf {
            guard let original = try await stores.catalog.find(id: originalID) else { throw DomainError.notFound("被修订的文件") }
            guard [.published, .withdrawn, .expired].contains(original.workflow.status) else {
                throw DomainError.conflict("被修订的文件当前状态为“\(original.workflow.status.label)”，修订不能发布")
            }
            live = Self.merging(d, into: original)
            live.redactedBody = redacted
            live.publishedOn = original.publishedOn ?? today
            live.workflow = WorkflowState(status: .published)
            live.updatedAtMillis = at
            try await stores.catalog.update(live, expecting: original.workflow)
            try await stores.attachments.retireAll(documentID: original.id, atMillis: at)
            try await stores.attachments.copyAll(from: d.id, to: original.id)
            try await stores.catalog.appendStep(
                ReviewStep(
                    documentID: original.id, revision: live.revision, action: "revision_published", actorID: nil, actorName: name,
                    comment: "第 \(live.revision) 版（修订稿 #\(d.id)）上线", atMillis: at))
            d.workflow = WorkflowState(status: .merged)
            d.publishedOn = today
        } else {
            d.redactedBody = redacted
            d.publishedOn = today
            live = d
        }
        if live.disclosure.attribute.reachesPortal {
            try await stores.search.put(documentID: live.id, title: live.title, body: RichText.plain(live.publicBody))
        } else {
            try await stores.search.remove(documentID: live.id)
        }
        try await stores.catalog.appendVersion(
            DocumentVersion(
                documentID: live.id, revision: live.revision, title: live.title, body: live.body, publicBody: live.publicBody,
                publishedAtMillis: at, publishedBy: name))
    }

    /// Publishes scheduled documents whose time has come and takes expired ones off the portal.
    /// A scheduled document whose new screening finds something unresolved stays scheduled and
    /// is reported. Runs as "system" and is archived like any other step.
    public func runDue() async throws -> (published: [Int64], expired: [Int64], blocked: [Int64]) {
        let at = env.nowMillis
        let today = env.today
        let system = AuditActor(agencyID: nil, userID: nil, name: "system", address: "local")
        var published: [Int64] = []
        var expired: [Int64] = []
        var blocked: [Int64] = []
        var touched: Set<Int64> = []
        let baseScreener = screener
        for due in try await database.stores.catalog.dueForPublication(atMillis: at, limit: 100) {
            let went: PublicChange? = try await database.audited(by: system, atMillis: at) { stores, trail in
                guard var d = try await stores.catalog.find(id: due.id), d.workflow.status == .scheduled else { return nil }
                var screener = baseScreener
                screener.sensitiveWords += try await stores.catalog.sensitiveWords(agencyID: d.agencyID)
                let existing = try await stores.catalog.findings(documentID: d.id)
                let scan = Self.scan(d, attachments: try await stores.attachments.list(documentID: d.id), with: screener)
                let findings = try await stores.catalog.replaceOpenFindings(documentID: d.id, with: Self.unresolved(scan, existing))
                if findings.contains(where: { $0.resolution == .open }) { return nil }
                let before = d
                let expected = d.workflow
                d.workflow = WorkflowState(status: .published)
                d.updatedAtMillis = at
                try await Self.goLive(&d, findings: findings, today: today, at: at, by: "定时发布", stores: stores)
                try await stores.catalog.update(d, expecting: expected)
                try await stores.catalog.appendStep(
                    ReviewStep(
                        documentID: d.id, revision: d.revision, action: "publish", actorID: nil, actorName: "定时发布", atMillis: at))
                try await trail.log(
                    .documentPublish, .document, d.id, agencyID: d.agencyID, after: CanonicalJSON.text(d), detail: "scheduled")
                return Self.publicChange(from: before, to: d)
            }
            if case .documents(let ids) = went {
                published.append(due.id)
                touched.formUnion(ids)
            } else {
                blocked.append(due.id)
            }
        }
        for due in try await database.stores.catalog.dueForExpiry(today: today, limit: 100) {
            let change: PublicChange? = try await database.audited(by: system, atMillis: at) { stores, trail in
                guard var d = try await stores.catalog.find(id: due.id), d.workflow.status == .published else { return nil }
                let before = d
                let expected = d.workflow
                d.workflow = WorkflowState(status: .expired)
                d.updatedAtMillis = at
                try await stores.search.remove(documentID: d.id)
                try await stores.catalog.update(d, expecting: expected)
                try await stores.catalog.appendStep(
                    ReviewStep(
                        documentID: d.id, revision: d.revision, action: "expire", actorID: nil, actorName: "自动下线", atMillis: at))
                try await trail.log(
                    .documentExpire, .document, d.id, agencyID: d.agencyID, after: CanonicalJSON.text(d),
                    detail: "expires_on \(d.expiresOn?.description ?? "")")
                return Self.publicChange(from: before, to: d)
            }
            if case .documents(let ids) = change { touched.formUnion(ids) }
            expired.append(due.id)
        }
        if !touched.isEmpty { await env.publicViewChanged(.documents(touched)) }
        return (published, expired, blocked)
    }

    /// A fresh scan without the findings a reviewer has already decided on (the same text at the
    /// same place). Titles are screened by the drafter's own eyes; offsets refer to the body.
    static func unresolved(_ scan: [ScreeningFinding], _ existing: [StoredFinding]) -> [ScreeningFinding] {
        let decided = Set(
            existing.filter { $0.resolution != .open }.map {
                "\($0.finding.source)|\($0.finding.kind.rawValue)|\($0.finding.offset)|\($0.finding.match)"
            })
        return scan.filter { !decided.contains("\($0.source)|\($0.kind.rawValue)|\($0.offset)|\($0.match)") }
    }

    /// A reviewer's decision on a screening finding: redact it in the public copy, or keep it
    /// with a reason. Accepted findings send the document to the extra sign-off level.
    public func resolve(
        findingID: Int64, of id: Int64, as resolution: StoredFinding.Resolution, reason: String, by identity: StaffIdentity,
        from address: String
    ) async throws {
        guard identity.holds(anyOf: [.reviewer, .officeAdmin, .leader]) else { throw DomainError.forbidden("只有审核人员可以处理审查结果") }
        guard resolution != .open else { throw DomainError.invalid("resolution", "请选择删除（redacted）或保留（accepted）") }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if resolution == .accepted && trimmed.isEmpty { throw DomainError.invalid("reason", "保留审查发现的内容须说明理由") }
        let d = try await document(id, for: identity)
        if resolution == .redacted,
            let f = try await database.stores.catalog.findings(documentID: d.id).first(where: { $0.id == findingID }),
            !f.finding.source.isEmpty
        {
            throw DomainError.invalid("resolution", "附件中的内容无法自动删除：请退回起草人替换附件，或核对后说明理由保留")
        }
        let at = env.nowMillis
        try await database.audited(by: AuditActor(identity, address: address), atMillis: at) { stores, trail in
            try await stores.catalog.resolveFinding(
                id: findingID, documentID: d.id, resolution: resolution, by: identity.user.displayName, reason: trimmed)
            try await trail.log(Self.findingAction(resolution), .document, d.id, detail: "finding \(findingID): \(trimmed)")
        }
    }

    /// The archived action of a reviewer's decision on a screening finding.
    static func findingAction(_ resolution: StoredFinding.Resolution) -> AuditAction {
        switch resolution {
        case .open: .documentFindingOpen
        case .redacted: .documentFindingRedacted
        case .accepted: .documentFindingAccepted
        }
    }
}
