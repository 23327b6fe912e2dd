import SQLKit

/// The 专题专栏 a document also appears in, and an index for browsing by 主题分类.
struct M012AddColumnsAndSubjects: Migration {
    let number = 12
    let name = "add special columns and subject browsing"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.alter(table: "catalog_documents").column("special_columns", type: .text).run()
        try await db.update("catalog_documents").set("special_columns", to: SQLBind("")).run()
        try await db.create(index: "catalog_subject").on("catalog_documents").column("status").column("subject").run()
    }

    func revert(on db: any SQLDatabase) async throws {
        try await db.drop(index: "catalog_subject").run()
        try await db.alter(table: "catalog_documents").dropColumn("special_columns").run()
    }
}
