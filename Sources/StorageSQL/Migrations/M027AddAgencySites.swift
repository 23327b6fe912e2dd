import SQLKit

/// Each agency's own site on the shared installation: the host name its portal answers on (one
/// agency per host), its title and its accent colour.
struct M027AddAgencySites: Migration {
    let number = 27
    let name = "agency host names and branding"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.alter(table: "agencies").column("site_host", type: .text).run()
        try await db.raw("ALTER TABLE agencies ADD COLUMN site_title TEXT NOT NULL DEFAULT ''").run()
        try await db.raw("ALTER TABLE agencies ADD COLUMN site_color TEXT NOT NULL DEFAULT ''").run()
        try await db.create(index: "agencies_site_host").unique().on("agencies").column("site_host").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(index: "agencies_site_host").run()
        for column in ["site_color", "site_title", "site_host"] {
            try await db.raw("ALTER TABLE agencies DROP COLUMN \(unsafeRaw: column)").run()
        }
    }
}
