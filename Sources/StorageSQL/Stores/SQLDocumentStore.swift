import Domain
import SQLKit
import Storage

/// The public's view of the catalog: only published 主动公开 documents and the redacted copies
/// of 删减后公开 ones. Every public page reads through here, so nothing else can leak.
struct SQLDocumentStore: DocumentStore {
    let db: any SQLDatabase

    private func publicOnly() -> SQLSelectBuilder {
        db.select().columns(SQLCatalogStore.columns.map { SQLColumn($0) }).from("catalog_documents")
            .where("status", .equal, SQLBind(DocumentStatus.published.rawValue))
            .where("disclosure", .in, SQLBind.group([DisclosureAttribute.public.rawValue, DisclosureAttribute.redacted.rawValue]))
    }

    static func project(_ d: CatalogDocument) -> PublishedDocument {
        PublishedDocument(
            id: d.id, agencyID: d.agencyID, title: d.title, body: d.publicBody, documentNumber: d.documentNumber,
            writtenOn: d.writtenOn ?? d.publishedOn ?? CivilDate(daysSinceEpoch: 0),
            publishedOn: d.publishedOn ?? CivilDate(daysSinceEpoch: 0))
    }

    func find(id: Int64) async throws -> PublishedDocument? {
        try await publicOnly().where("id", .equal, SQLBind(id)).first().map(SQLCatalogStore.decode).map(Self.project)
    }

    func recent(agencyID: Int64, limit: Int) async throws -> [PublishedDocument] {
        try await publicOnly().where("agency_id", .equal, SQLBind(agencyID)).orderBy("published_on", .descending)
            .orderBy("id", .descending).limit(limit).all().map { Self.project(try SQLCatalogStore.decode($0)) }
    }
}
