public import Domain
import Foundation
import Storage

/// Editing drafts, and revising documents that have been online: a published document changes
/// only through a new revision that goes through the whole review again, while the published
/// version stays online until the revision replaces it.
extension CatalogService {
    /// The content of `revision` on top of `original`: the fields a drafter sets, not the
    /// identity, 索引号, workflow or dates of the original.
    static func merging(_ revision: CatalogDocument, into original: CatalogDocument) -> CatalogDocument {
        var d = original
        d.kind = revision.kind
        d.title = revision.title
        d.body = revision.body
        d.documentNumber = revision.documentNumber
        d.categoryCode = revision.categoryCode
        d.disclosure = revision.disclosure
        d.writtenOn = revision.writtenOn
        d.formedOn = revision.formedOn
        d.keywords = revision.keywords
        d.subject = revision.subject
        d.validity = revision.validity
        d.interpretsID = revision.interpretsID
        d.interpretationForm = revision.interpretationForm
        d.needsInterpretation = revision.needsInterpretation
        d.important = revision.important
        d.expiresOn = revision.expiresOn
        d.columns = revision.columns
        d.revision = revision.revision
        return d
    }

    /// Replaces the content of a draft or returned document. Only its drafter or the disclosure
    /// office may; open screening findings are dropped, to be found again on submission.
    public func edit(_ id: Int64, with content: CatalogDocument, by identity: StaffIdentity, from address: String) async throws
        -> CatalogDocument
    {
        let before = try await editable(id, by: identity)
        var d = Self.merging(content, into: before)
        d.revision = before.revision
        d.documentNumber = try DocumentNumber.normalize(d.documentNumber)
        d.columns = try resolveColumns(d.columns)
        d.updatedAtMillis = env.nowMillis
        try d.validate(categories: categories)
        let toStore = d
        let at = env.nowMillis
        try await database.audited(by: AuditActor(identity, address: address), atMillis: at) { stores, trail in
            try await Self.checkInterpretationTarget(toStore, stores: stores)
            try await stores.catalog.update(toStore, expecting: before.workflow)
            _ = try await stores.catalog.replaceOpenFindings(documentID: id, with: [])
            try await stores.catalog.appendStep(
                ReviewStep(
                    documentID: id, revision: toStore.revision, action: "edit", actorID: identity.user.id,
                    actorName: identity.user.displayName, atMillis: at))
            try await trail.log(.documentEdit, .document, id, before: CanonicalJSON.text(before), after: CanonicalJSON.text(toStore))
        }
        return toStore
    }

    static func checkInterpretationTarget(_ d: CatalogDocument, stores: any Stores) async throws {
        guard let target = d.interpretsID else { return }
        guard target != d.id, target != d.revisionOf, let policy = try await stores.catalog.find(id: target),
            policy.agencyID == d.agencyID, policy.revisionOf == nil
        else {
            throw DomainError.invalid("interprets", "被解读的文件不存在")
        }
    }

    /// Starts a new revision of a document that has been online: a draft carrying its content,
    /// owned by the actor. One open revision per document at a time.
    public func revise(_ id: Int64, by identity: StaffIdentity, from address: String) async throws -> CatalogDocument {
        let original = try await document(id, for: identity)
        guard original.revisionOf == nil else { throw DomainError.conflict("这是一份修订稿，请修订原文件") }
        _ = try original.workflow.applying(
            .revise, by: .init(userID: identity.user.id, roles: identity.user.roles), drafterID: original.drafterID ?? -1, levels: [])
        let at = env.nowMillis
        return try await database.audited(by: AuditActor(identity, address: address), atMillis: at) { stores, trail in
            if let open = try await stores.catalog.openRevision(of: id) {
                throw DomainError.conflict("该文件已有进行中的修订稿 #\(open.id)（\(open.workflow.status.label)），请在其上继续")
            }
            var draft = original
            draft.revisionOf = id
            draft.revision = original.revision + 1
            draft.drafterID = identity.user.id
            draft.workflow = WorkflowState()
            draft.indexNumber = nil
            draft.publishedOn = nil
            draft.redactedBody = nil
            draft.scheduledAtMillis = nil
            draft.createdAtMillis = at
            draft.updatedAtMillis = at
            let created = try await stores.catalog.create(draft)
            try await stores.attachments.copyAll(from: id, to: created.id)
            for (documentID, comment) in [(id, "发起修订稿 #\(created.id)"), (created.id, "修订文件 #\(id) 的第 \(original.revision) 版")] {
                try await stores.catalog.appendStep(
                    ReviewStep(
                        documentID: documentID, revision: created.revision, action: "revise", actorID: identity.user.id,
                        actorName: identity.user.displayName, comment: comment, atMillis: at))
            }
            try await trail.log(
                .documentRevise, .document, id, after: CanonicalJSON.text(created), detail: "revision \(created.revision) as #\(created.id)"
            )
            return created
        }
    }

    /// A comparison between two texts of a document, with what each side is.
    public struct Comparison: Sendable {
        public var fromLabel: String
        public var toLabel: String
        public var titleChanged: Bool
        public var fromTitle: String
        public var toTitle: String
        public var lines: [TextDiff.Line]
    }

    /// For a revision: its text against the version online now. For any other document: the
    /// version `to` (default the latest) against `from` (default the one before it).
    public func comparison(_ id: Int64, from: Int?, to: Int?, for identity: StaffIdentity) async throws -> Comparison? {
        let d = try await document(id, for: identity)
        return try await comparison(
            d, versions: try await database.stores.catalog.versions(documentID: d.id), from: from, to: to, for: identity)
    }

    /// The same, for a document and its versions the caller has already read.
    public func comparison(_ d: CatalogDocument, versions: [DocumentVersion], from: Int?, to: Int?, for identity: StaffIdentity)
        async throws
        -> Comparison?
    {
        if let originalID = d.revisionOf, from == nil, to == nil {
            let original = try await document(originalID, for: identity)
            return Comparison(
                fromLabel: "现行第 \(original.revision) 版", toLabel: "修订稿第 \(d.revision) 版", titleChanged: original.title != d.title,
                fromTitle: original.title, toTitle: d.title, lines: TextDiff.lines(original.body, d.body))
        }
        guard let last = versions.last else { return nil }
        let target = to ?? last.revision
        guard let new = versions.first(where: { $0.revision == target }) else { throw DomainError.notFound("第 \(target) 版") }
        let base = from ?? versions.last(where: { $0.revision < target })?.revision
        guard let base else { return nil }
        guard let old = versions.first(where: { $0.revision == base }) else { throw DomainError.notFound("第 \(base) 版") }
        return Comparison(
            fromLabel: "第 \(old.revision) 版", toLabel: "第 \(new.revision) 版", titleChanged: old.title != new.title, fromTitle: old.title,
            toTitle: new.title, lines: TextDiff.lines(old.body, new.body))
    }
}
