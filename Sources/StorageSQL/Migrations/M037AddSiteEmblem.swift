import SQLKit

/// The emblem or logo of each agency's masthead: its tag (kind and digest, read with the
/// agency) and its bytes (base64, read only when the picture is asked for).
struct M037AddSiteEmblem: Migration {
    let number = 37
    let name = "agency site emblem"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.raw("ALTER TABLE agencies ADD COLUMN site_emblem TEXT NOT NULL DEFAULT ''").run()
        try await db.raw("ALTER TABLE agencies ADD COLUMN site_emblem_data TEXT NOT NULL DEFAULT ''").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.raw("ALTER TABLE agencies DROP COLUMN site_emblem_data").run()
        try await db.raw("ALTER TABLE agencies DROP COLUMN site_emblem").run()
    }
}
