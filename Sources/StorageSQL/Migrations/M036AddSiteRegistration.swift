import SQLKit

/// The filings and marks each agency's site shows in its footer (主办单位, 网站标识码, ICP and
/// public-security filings, the 党政机关网站开办单位标识), as one JSON object, and its header
/// navigation, a JSON array (empty: the usual shape).
struct M036AddSiteRegistration: Migration {
    let number = 36
    let name = "agency site registration (footer filings) and navigation"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.raw("ALTER TABLE agencies ADD COLUMN site_registration TEXT NOT NULL DEFAULT '{}'").run()
        try await db.raw("ALTER TABLE agencies ADD COLUMN site_navigation TEXT NOT NULL DEFAULT '[]'").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.raw("ALTER TABLE agencies DROP COLUMN site_navigation").run()
        try await db.raw("ALTER TABLE agencies DROP COLUMN site_registration").run()
    }
}
