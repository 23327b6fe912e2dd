import SQLKit

/// Handling of requests: assignment and the rest of the file as JSON (with the handler, the paid
/// fee and the Art. 44 document in columns for lists and the annual report), reply letters
/// numbered per agency and year, reconsideration and litigation cases, and the e-mail outbox.
struct M015AddRequestHandling: Migration {
    let number = 15
    let name = "add request handling, reply letters, appeals and the outbox"

    func prepare(on db: any SQLDatabase) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await db.alter(table: "disclosure_requests").column("handling_json", type: .text).run()
        try await db.alter(table: "disclosure_requests").column("handler_id", type: .bigint).run()
        try await db.alter(table: "disclosure_requests").column("fee_paid_yuan", type: .bigint).run()
        try await db.alter(table: "disclosure_requests").column("proactive_document_id", type: .bigint).run()
        try await db.update("disclosure_requests").set("handling_json", to: SQLBind("{}")).run()
        try await db.create(index: "disclosure_requests_handler").on("disclosure_requests").column("handler_id").column("status").run()

        try await db.create(table: "reply_letters")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("request_id", type: .bigint, .notNull, .references("disclosure_requests", "id"))
            .column("outcome", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("number", type: .text)
            .column("year", type: .int)
            .column("serial", type: .int)
            .column("sent_on", type: .text)
            .column("html", type: .text)
            .column("pdf", type: .blob)
            .column("created_at_ms", type: .bigint, .notNull)
            .column("updated_at_ms", type: .bigint, .notNull)
            .run()
        try await db.create(index: "reply_letters_request").on("reply_letters").column("request_id").run()
        try await db.create(index: "reply_letters_number").unique().on("reply_letters").column("agency_id").column("year")
            .column("serial").run()

        try await db.create(table: "request_appeals")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("request_id", type: .bigint, .references("disclosure_requests", "id"))
            .column("kind", type: .text, .notNull)
            .column("forum", type: .text, .notNull)
            .column("filed_on", type: .text, .notNull)
            .column("result", type: .text, .notNull)
            .column("decided_on", type: .text)
            .column("note", type: .text, .notNull)
            .column("created_at_ms", type: .bigint, .notNull)
            .run()
        try await db.create(index: "request_appeals_agency").on("request_appeals").column("agency_id").column("filed_on").run()

        try await db.create(table: "outbox")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("request_id", type: .bigint)
            .column("recipient", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("attempts", type: .int, .notNull)
            .column("next_attempt_ms", type: .bigint, .notNull)
            .column("last_error", type: .text)
            .column("sent_at_ms", type: .bigint)
            .column("created_at_ms", type: .bigint, .notNull)
            .run()
        try await db.create(index: "outbox_due").on("outbox").column("sent_at_ms").column("next_attempt_ms").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "outbox").run()
        try await db.drop(table: "request_appeals").run()
        try await db.drop(table: "reply_letters").run()
        try await db.drop(index: "disclosure_requests_handler").run()
        for c in ["proactive_document_id", "fee_paid_yuan", "handler_id", "handling_json"] {
            try await db.alter(table: "disclosure_requests").dropColumn(SQLIdentifier(c)).run()
        }
    }
}
