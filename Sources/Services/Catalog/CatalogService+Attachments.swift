import Crypto
public import Domain
public import Foundation
import OfficeFiles
import Storage

/// Attachments (附件) of drafts: accepted only in the formats the portal offers, stripped of
/// file metadata for the public copy, and read for screening where their text can be read.
extension CatalogService {
    /// Adds a file to a draft or returned document.
    public func attach(
        _ data: Data, fileName: String, to id: Int64, by identity: StaffIdentity, from address: String
    ) async throws -> Attachment {
        let d = try await editable(id, by: identity)
        let name = Attachment.cleanFileName(fileName)
        guard !data.isEmpty else { throw DomainError.invalid("file", "请选择要上传的文件") }
        guard let kind = FileKind.detect(data, fileName: name), FileKind.attachable.contains(kind) else {
            throw DomainError.invalid(
                "file", "附件只能是 " + FileKind.attachable.map(\.label).joined(separator: "、") + "；“\(name)”不是其中之一或已损坏")
        }
        let scrubbed: MetadataScrubber.Result
        let text: String?
        do {
            scrubbed = try MetadataScrubber.scrub(data, kind: kind)
            text = try TextExtractor.text(data, kind: kind)
        } catch {
            throw DomainError.invalid("file", "“\(name)”无法处理：\(error.message)")
        }
        let at = env.nowMillis
        let digest = SHA256.hash(data: scrubbed.data).map { String(format: "%02x", $0) }.joined()
        let attachment = Attachment(
            documentID: d.id, fileName: name, kind: kind.rawValue, contentType: kind.contentType, size: scrubbed.data.count,
            sha256: digest, removedMetadata: scrubbed.removed, text: text, uploadedBy: identity.user.displayName, createdAtMillis: at)
        return try await database.audited(by: AuditActor(identity, address: address), atMillis: at) { stores, trail in
            let stored = try await stores.attachments.add(attachment, original: data, publicCopy: scrubbed.data)
            // The last scan no longer covers what the document carries.
            _ = try await stores.catalog.replaceOpenFindings(documentID: d.id, with: [])
            try await stores.catalog.appendStep(
                ReviewStep(
                    documentID: d.id, revision: d.revision, action: "attach", actorID: identity.user.id,
                    actorName: identity.user.displayName,
                    comment: name + (scrubbed.removed.isEmpty ? "" : "（公开版已清除：" + scrubbed.removed.joined(separator: "、") + "）"),
                    atMillis: at))
            try await trail.log(.documentAttach, .document, d.id, detail: "attachment \(stored.id) \(name) sha256 \(digest)")
            return stored
        }
    }

    /// Takes an attachment off a draft or returned document (it stays in the archive).
    public func detach(_ attachmentID: Int64, from id: Int64, by identity: StaffIdentity, from address: String) async throws {
        let d = try await editable(id, by: identity)
        let at = env.nowMillis
        try await database.audited(by: AuditActor(identity, address: address), atMillis: at) { stores, trail in
            guard let a = try await stores.attachments.find(id: attachmentID), a.documentID == d.id else {
                throw DomainError.notFound("附件 #\(attachmentID)")
            }
            try await stores.attachments.retire(id: attachmentID, documentID: d.id, atMillis: at)
            try await stores.catalog.appendStep(
                ReviewStep(
                    documentID: d.id, revision: d.revision, action: "detach", actorID: identity.user.id,
                    actorName: identity.user.displayName,
                    comment: a.fileName, atMillis: at))
            try await trail.log(.documentDetach, .document, d.id, detail: "attachment \(a.id) \(a.fileName)")
        }
    }

    /// A document its drafter (or the office) may still change.
    func editable(_ id: Int64, by identity: StaffIdentity) async throws -> CatalogDocument {
        let d = try await document(id, for: identity)
        guard d.workflow.status == .draft || d.workflow.status == .returned else {
            throw DomainError.conflict("文件当前状态为“\(d.workflow.status.label)”，只有草稿和退回的文件可以修改；已发布的文件请发起修订")
        }
        guard d.drafterID == identity.user.id || identity.holds(anyOf: [.officeAdmin]) else {
            throw DomainError.forbidden("只有起草人或政务公开办公室可以修改")
        }
        return d
    }

    /// Screening of everything that will go public: the body (cut for 删减后公开) and the text
    /// of each attachment; an attachment without readable text needs a person's check.
    static func scan(_ d: CatalogDocument, attachments: [Attachment], with screener: ContentScreener) -> [ScreeningFinding] {
        var findings = screener.scan(d.publicBase)
        for a in attachments {
            let source = "attachment:\(a.id)"
            guard let text = a.text else {
                findings.append(
                    ScreeningFinding(
                        kind: .unreadableAttachment, match: a.fileName, offset: 0, length: 0, masked: a.fileName,
                        context: "附件《\(a.fileName)》为\(a.kind.uppercased())，无法自动读取文字，请人工核对其中没有个人信息和涉密内容", source: source))
                continue
            }
            for var f in screener.scan(text) {
                f.source = source
                f.context = "附件《\(a.fileName)》：" + f.context
                findings.append(f)
            }
        }
        return findings
    }
}
