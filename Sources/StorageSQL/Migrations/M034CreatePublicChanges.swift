import SQLKit

/// What each step of the public version changed (see M033): the documents a publication touched,
/// or `*` for everything, so another app instance empties only those pages of its cache. Kept
/// for the last thousand versions; an instance further behind empties everything.
struct M034CreatePublicChanges: Migration {
    let number = 34
    let name = "public changes"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "public_changes")
            .column("version", type: .bigint, .primaryKey(autoIncrement: false))
            .column("note", type: .text, .notNull)
            .run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "public_changes").run()
    }
}
