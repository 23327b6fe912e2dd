import SQLKit

/// The leader's mailbox and the FAQ: the columns lists filter on, the rest as JSON.
struct M020CreateMailbox: Migration {
    let number = 20
    let name = "create mailbox and FAQ"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "mailbox_messages")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("tracking_code", type: .text, .notNull, .unique)
            .column("status", type: .text, .notNull)
            .column("department_id", type: .bigint)
            .column("published", type: .int, .notNull)
            .column("replied_on", type: .text)
            .column("content_json", type: .text, .notNull)
            .run()
        try await db.create(index: "mailbox_agency").on("mailbox_messages").column("agency_id").column("status").run()
        try await db.create(table: "faq_entries")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("published", type: .int, .notNull)
            .column("content_json", type: .text, .notNull)
            .run()
        try await db.create(index: "faq_agency").on("faq_entries").column("agency_id").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "faq_entries").run()
        try await db.drop(table: "mailbox_messages").run()
    }
}
