import Domain
import Foundation
import SQLKit
import Storage

struct SQLAttachmentStore: AttachmentStore {
    let db: any SQLDatabase

    static let columns = [
        "id", "document_id", "file_name", "kind", "content_type", "size", "sha256", "removed_metadata", "extracted_text", "uploaded_by",
        "created_at_ms",
    ]

    static func decode(_ row: any SQLRow) throws -> Attachment {
        let removed: String = try row.decode(column: "removed_metadata")
        return Attachment(
            id: try row.decode(column: "id"), documentID: try row.decode(column: "document_id"),
            fileName: try row.decode(column: "file_name"),
            kind: try row.decode(column: "kind"), contentType: try row.decode(column: "content_type"), size: try row.decode(column: "size"),
            sha256: try row.decode(column: "sha256"), removedMetadata: removed.split(separator: "、").map(String.init),
            text: try row.decode(column: "extracted_text", as: String?.self), uploadedBy: try row.decode(column: "uploaded_by"),
            createdAtMillis: try row.decode(column: "created_at_ms"))
    }

    private func current() -> SQLSelectBuilder {
        db.select().columns(Self.columns.map { SQLColumn($0) }).from("attachments").where("retired_at_ms", .is, SQLLiteral.null)
    }

    func add(_ a: Attachment, original: Data, publicCopy: Data) async throws -> Attachment {
        let row = try await db.insert(into: "attachments")
            .columns(Self.columns.dropFirst().map { SQLColumn($0) } + [SQLColumn("original"), SQLColumn("public_copy")])
            .values(
                SQLBind(a.documentID), SQLBind(a.fileName), SQLBind(a.kind), SQLBind(a.contentType), SQLBind(a.size), SQLBind(a.sha256),
                SQLBind(a.removedMetadata.joined(separator: "、")), SQLBind(a.text), SQLBind(a.uploadedBy), SQLBind(a.createdAtMillis),
                SQLBind(original), SQLBind(publicCopy)
            ).returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("附件保存失败") }
        var stored = a
        stored.id = id
        return stored
    }

    func list(documentID: Int64) async throws -> [Attachment] {
        try await current().where("document_id", .equal, SQLBind(documentID)).orderBy("id").all().map(Self.decode)
    }

    func list(documentIDs: [Int64]) async throws -> [Int64: [Attachment]] {
        if documentIDs.isEmpty { return [:] }
        let all = try await current().where("document_id", .in, SQLBind.group(documentIDs)).orderBy("id").all().map(Self.decode)
        return Dictionary(grouping: all, by: \.documentID)
    }

    func find(id: Int64) async throws -> Attachment? {
        try await current().where("id", .equal, SQLBind(id)).first().map(Self.decode)
    }

    private func bytes(_ column: String, id: Int64) async throws -> Data? {
        try await db.select().column(column).from("attachments").where("id", .equal, SQLBind(id))
            .where("retired_at_ms", .is, SQLLiteral.null).first()?.decode(column: column, as: Data.self)
    }

    func publicCopy(id: Int64) async throws -> Data? { try await bytes("public_copy", id: id) }

    func original(id: Int64) async throws -> Data? { try await bytes("original", id: id) }

    func retire(id: Int64, documentID: Int64, atMillis: Int64) async throws {
        let rows = try await db.update("attachments").set("retired_at_ms", to: SQLBind(atMillis)).where("id", .equal, SQLBind(id))
            .where("document_id", .equal, SQLBind(documentID)).where("retired_at_ms", .is, SQLLiteral.null).returning("id").all()
        if rows.isEmpty { throw DomainError.notFound("附件 #\(id)") }
    }

    func retireAll(documentID: Int64, atMillis: Int64) async throws {
        try await db.update("attachments").set("retired_at_ms", to: SQLBind(atMillis)).where("document_id", .equal, SQLBind(documentID))
            .where("retired_at_ms", .is, SQLLiteral.null).run()
    }

    func copyAll(from: Int64, to: Int64) async throws {
        let copied = Self.columns.dropFirst(2) + ["original", "public_copy"]
        let list = copied.joined(separator: ", ")
        try await db.raw(
            """
            INSERT INTO attachments (document_id, \(unsafeRaw: list))
            SELECT \(bind: to), \(unsafeRaw: list) FROM attachments WHERE document_id = \(bind: from) AND retired_at_ms IS NULL ORDER BY id
            """
        ).run()
    }
}
