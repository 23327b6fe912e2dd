import SQLKit

struct M002CreateAccounts: Migration {
    let number = 2
    let name = "create users and sessions"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "users")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("department_id", type: .bigint, .references("departments", "id"))
            .column("username", type: .text, .notNull, .unique)
            .column("display_name", type: .text, .notNull)
            .column("roles", type: .text, .notNull)
            .column("password_hash", type: .text, .notNull)
            .column("failed_logins", type: .int, .notNull)
            .column("locked_until_ms", type: .bigint)
            .column("disabled", type: .int, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "users_agency").on("users").column("agency_id").run()
        try await db.create(table: "sessions")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("user_id", type: .bigint, .notNull, .references("users", "id"))
            .column("kind", type: .text, .notNull)
            .column("token_digest", type: .text, .notNull, .unique)
            .column("csrf_token", type: .text, .notNull)
            .column("created_ms", type: .bigint, .notNull)
            .column("last_seen_ms", type: .bigint, .notNull)
            .column("expires_ms", type: .bigint, .notNull)
            .column("revoked", type: .int, .notNull)
            .column("remote_address", type: .text, .notNull)
            .run()
        try await db.create(index: "sessions_user").on("sessions").column("user_id").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "sessions").run()
        try await db.drop(table: "users").run()
    }
}
