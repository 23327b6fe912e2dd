public import Domain

/// The public's read-only view of the catalog: published 主动公开 documents and the redacted
/// copies of 删减后公开 ones. Documents come back with `body` already the public text and no
/// redacted or internal copy, so a page cannot show what it must not.
public protocol DocumentStore: Sendable {
    func find(id: Int64) async throws -> CatalogDocument?
    /// The newest published documents of an agency, newest first.
    func recent(agencyID: Int64, limit: Int) async throws -> [CatalogDocument]
    /// Published interpretations of a document.
    func interpretations(of id: Int64) async throws -> [CatalogDocument]
    /// Published documents, newest first, optionally of one category, agency and year.
    func list(categoryCode: String?, agencyID: Int64?, year: Int?, limit: Int, offset: Int) async throws -> (
        total: Int, items: [CatalogDocument]
    )
}
