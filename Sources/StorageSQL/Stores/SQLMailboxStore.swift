import Domain
import Foundation
import SQLKit
import Storage

struct SQLMailboxStore: MailboxStore {
    let db: any SQLDatabase

    static func message(_ row: any SQLRow) throws -> MailboxMessage {
        try SQLConsultationStore.decode(row, as: MailboxMessage.self) { $0.id = $1 }
    }

    static func entry(_ row: any SQLRow) throws -> FAQEntry { try SQLConsultationStore.decode(row, as: FAQEntry.self) { $0.id = $1 } }

    func select() -> SQLSelectBuilder { db.select().columns("id", "content_json").from("mailbox_messages") }

    func create(_ m: MailboxMessage) async throws -> MailboxMessage {
        do {
            let row = try await db.insert(into: "mailbox_messages")
                .columns("agency_id", "tracking_code", "status", "department_id", "published", "replied_on", "content_json")
                .values(
                    SQLBind(m.agencyID), SQLBind(m.trackingCode), SQLBind(m.status.rawValue), SQLBind(m.departmentID),
                    SQLBind(m.published ? 1 : 0),
                    SQLBind(m.repliedOn?.description), SQLBind(try SQLConsultationStore.json(m))
                ).returning("id").first()
            guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("信件保存失败") }
            var stored = m
            stored.id = id
            return stored
        } catch  where isUniqueViolation(error) {
            throw DomainError.conflict("查询码已被使用")
        }
    }

    func find(id: Int64) async throws -> MailboxMessage? { try await select().where("id", .equal, SQLBind(id)).first().map(Self.message) }

    func find(trackingCode: String) async throws -> MailboxMessage? {
        try await select().where("tracking_code", .equal, SQLBind(trackingCode)).first().map(Self.message)
    }

    func update(_ m: MailboxMessage) async throws {
        try await db.update("mailbox_messages").set("status", to: SQLBind(m.status.rawValue)).set(
            "department_id", to: SQLBind(m.departmentID)
        )
        .set("published", to: SQLBind(m.published ? 1 : 0)).set("replied_on", to: SQLBind(m.repliedOn?.description))
        .set("agency_id", to: SQLBind(m.agencyID)).set("content_json", to: SQLBind(try SQLConsultationStore.json(m)))
        .where("id", .equal, SQLBind(m.id)).run()
    }

    func list(agencyID: Int64, departmentID: Int64?) async throws -> [MailboxMessage] {
        var q = select().where("agency_id", .equal, SQLBind(agencyID))
        if let departmentID { q = q.where("department_id", .equal, SQLBind(departmentID)) }
        return try await q.orderBy("id").all().map(Self.message)
    }

    func published(agencyID: Int64?, limit: Int) async throws -> [MailboxMessage] {
        var q = select().where("published", .equal, SQLBind(1))
        if let agencyID { q = q.where("agency_id", .equal, SQLBind(agencyID)) }
        return try await q.orderBy("replied_on", .descending).orderBy("id", .descending).limit(limit)
            .all()
            .map(Self.message)
    }

    func createFAQ(_ e: FAQEntry) async throws -> FAQEntry {
        let row = try await db.insert(into: "faq_entries").columns("agency_id", "published", "content_json")
            .values(SQLBind(e.agencyID), SQLBind(e.published ? 1 : 0), SQLBind(try SQLConsultationStore.json(e))).returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("常见问题保存失败") }
        var stored = e
        stored.id = id
        return stored
    }

    func updateFAQ(_ e: FAQEntry) async throws {
        try await db.update("faq_entries").set("published", to: SQLBind(e.published ? 1 : 0))
            .set("content_json", to: SQLBind(try SQLConsultationStore.json(e))).where("id", .equal, SQLBind(e.id)).run()
    }

    func faq(id: Int64) async throws -> FAQEntry? {
        try await db.select().columns("id", "content_json").from("faq_entries").where("id", .equal, SQLBind(id)).first().map(Self.entry)
    }

    func faqs(agencyID: Int64?, publishedOnly: Bool) async throws -> [FAQEntry] {
        var q = db.select().columns("id", "content_json").from("faq_entries")
        if let agencyID { q = q.where("agency_id", .equal, SQLBind(agencyID)) }
        if publishedOnly { q = q.where("published", .equal, SQLBind(1)) }
        return try await q.orderBy("id", .descending).all().map(Self.entry)
    }
}
