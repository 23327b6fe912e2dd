public import Domain

/// The public's read-only view of the catalog: published 主动公开 documents and the redacted
/// copies of 删减后公开 ones. Nothing else is reachable through it.
public protocol DocumentStore: Sendable {
    func find(id: Int64) async throws -> PublishedDocument?
    /// The newest published documents of an agency, newest first.
    func recent(agencyID: Int64, limit: Int) async throws -> [PublishedDocument]
}
