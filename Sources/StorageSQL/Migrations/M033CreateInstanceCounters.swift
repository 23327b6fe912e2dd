import SQLKit

/// Counters the app instances sharing one database read to learn of each other's changes; the
/// first is the public view's version, bumped whenever what the portal shows changes, so every
/// instance empties its page cache within a second of a publication made on another.
struct M033CreateInstanceCounters: Migration {
    let number = 33
    let name = "instance counters"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "instance_counters")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("value", type: .bigint, .notNull)
            .run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "instance_counters").run()
    }
}
