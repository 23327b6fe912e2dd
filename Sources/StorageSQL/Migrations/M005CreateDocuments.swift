import SQLKit

struct M005CreateDocuments: Migration {
    let number = 5
    let name = "create published documents"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "documents")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("agency_id", type: .bigint, .notNull, .references("agencies", "id"))
            .column("title", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("document_number", type: .text, .notNull)
            .column("written_on", type: .text, .notNull)
            .column("published_on", type: .text, .notNull)
            .run()
        try await db.create(index: "documents_agency_published").on("documents").column("agency_id").column("published_on").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(table: "documents").run()
    }
}
