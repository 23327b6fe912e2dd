import SQLKit

/// Finding published documents whose expiry date has passed read every published row without
/// this index: on 1,000,000 documents the scheduler's minute tick scanned the whole catalog (over
/// a minute on SQLite, holding up shutdown), where the index answers at once.
struct M026AddExpiryIndex: Migration {
    let number = 26
    let name = "index documents by expiry"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(index: "catalog_expiry").on("catalog_documents").column("status").column("expires_on").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(index: "catalog_expiry").run()
    }
}
