import SQLKit

/// Leases for background jobs, so that with several app instances on one database each job
/// (scheduled publishing, the outbox, digests) runs on one instance at a time.
struct M032CreateJobLeases: Migration {
    let number = 32
    let name = "job leases"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "job_leases")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("holder", type: .text, .notNull)
            .column("expires_at_ms", type: .bigint, .notNull)
            .run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "job_leases").run()
    }
}
