public import Domain

/// The public-opinion register.
public protocol OpinionStore: Sendable {
    func create(_ item: OpinionItem) async throws -> OpinionItem
    func find(id: Int64) async throws -> OpinionItem?
    func update(_ item: OpinionItem) async throws
    /// An agency's items, newest found first.
    func list(agencyID: Int64) async throws -> [OpinionItem]
}
