public import Domain

/// The new-media registry.
public protocol MediaAccountStore: Sendable {
    func create(_ account: MediaAccount) async throws -> MediaAccount
    func find(id: Int64) async throws -> MediaAccount?
    func update(_ account: MediaAccount) async throws
    /// The accounts of these agencies, by agency then newest first.
    func list(agencyIDs: [Int64]) async throws -> [MediaAccount]
}
