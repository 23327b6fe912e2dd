import SQLKit

/// Requests for disclosure: the applicant's particulars in columns (the fee count looks up an
/// applicant's requests in a month), the clock's events as JSON, and the computed due date.
struct M014CreateRequests: Migration {
    let number = 14
    let name = "create requests for disclosure"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "disclosure_requests")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("tracking_code", type: .text, .notNull, .unique)
            .column("channel", type: .text, .notNull)
            .column("applicant_type", type: .text, .notNull)
            .column("applicant_name", type: .text, .notNull)
            .column("applicant_id_number", type: .text, .notNull)
            .column("applicant_phone", type: .text, .notNull)
            .column("applicant_email", type: .text, .notNull)
            .column("applicant_address", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .column("purpose", type: .text, .notNull)
            .column("delivery", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("received_on", type: .text, .notNull)
            .column("due_on", type: .text)
            .column("clock_json", type: .text, .notNull)
            .column("outcome", type: .text)
            .column("replied_on", type: .text)
            .column("created_at_ms", type: .bigint, .notNull)
            .column("updated_at_ms", type: .bigint, .notNull)
            .run()
        try await db.create(index: "disclosure_requests_queue").on("disclosure_requests").column("agency_id").column("status")
            .column("due_on").run()
        try await db.create(index: "disclosure_requests_applicant").on("disclosure_requests").column("applicant_id_number")
            .column("received_on").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "disclosure_requests").run()
    }
}
