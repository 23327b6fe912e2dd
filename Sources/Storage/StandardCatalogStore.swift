public import Domain

/// The 标准目录 each agency has loaded (at most one per agency; a unit without one uses the
/// nearest agency above it that has one).
public protocol StandardCatalogStore: Sendable {
    func find(agencyID: Int64) async throws -> StandardCatalog?
    /// Stores the catalog as the agency's, replacing any earlier one.
    func save(_ catalog: StandardCatalog) async throws
}
