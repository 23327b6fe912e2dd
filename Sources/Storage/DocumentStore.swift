public import Domain

/// Published documents of the catalog (minimal until the catalog issue lands).
public protocol DocumentStore: Sendable {
    func create(agencyID: Int64, title: String, body: String, documentNumber: String, writtenOn: CivilDate, publishedOn: CivilDate)
        async throws -> PublishedDocument
    func find(id: Int64) async throws -> PublishedDocument?
    /// The newest published documents of an agency, newest first.
    func recent(agencyID: Int64, limit: Int) async throws -> [PublishedDocument]
}
