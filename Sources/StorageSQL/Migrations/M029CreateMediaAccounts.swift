import SQLKit

/// The government new-media registry (政务新媒体): one row per account, its filings and update
/// records in the JSON content.
struct M029CreateMediaAccounts: Migration {
    let number = 29
    let name = "new-media registry"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "media_accounts")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("status", type: .text, .notNull)
            .column("content_json", type: .text, .notNull)
            .column("created_at_ms", type: .bigint, .notNull)
            .run()
        try await db.create(index: "media_accounts_agency").on("media_accounts").column("agency_id").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "media_accounts").run()
    }
}
