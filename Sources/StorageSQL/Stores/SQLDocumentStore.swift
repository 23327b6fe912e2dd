import Domain
import SQLKit
import Storage

struct SQLDocumentStore: DocumentStore {
    let db: any SQLDatabase

    private func decode(_ row: any SQLRow) throws -> PublishedDocument {
        guard let written = CivilDate(iso: try row.decode(column: "written_on", as: String.self)),
            let published = CivilDate(iso: try row.decode(column: "published_on", as: String.self))
        else { throw DomainError.invalid("date", "文档日期损坏") }
        return PublishedDocument(
            id: try row.decode(column: "id"), agencyID: try row.decode(column: "agency_id"), title: try row.decode(column: "title"),
            body: try row.decode(column: "body"), documentNumber: try row.decode(column: "document_number"),
            writtenOn: written, publishedOn: published)
    }

    private func select() -> SQLSelectBuilder {
        db.select().columns("id", "agency_id", "title", "body", "document_number", "written_on", "published_on").from("documents")
    }

    func create(agencyID: Int64, title: String, body: String, documentNumber: String, writtenOn: CivilDate, publishedOn: CivilDate)
        async throws -> PublishedDocument
    {
        let row = try await db.insert(into: "documents")
            .columns("agency_id", "title", "body", "document_number", "written_on", "published_on")
            .values(
                SQLBind(agencyID), SQLBind(title), SQLBind(body), SQLBind(documentNumber), SQLBind(writtenOn.description),
                SQLBind(publishedOn.description)
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("文档创建失败") }
        return PublishedDocument(
            id: id, agencyID: agencyID, title: title, body: body, documentNumber: documentNumber,
            writtenOn: writtenOn, publishedOn: publishedOn)
    }

    func find(id: Int64) async throws -> PublishedDocument? {
        try await select().where("id", .equal, SQLBind(id)).first().map(decode)
    }

    func recent(agencyID: Int64, limit: Int) async throws -> [PublishedDocument] {
        try await select().where("agency_id", .equal, SQLBind(agencyID)).orderBy("published_on", .descending)
            .orderBy("id", .descending).limit(limit).all().map(decode)
    }
}
