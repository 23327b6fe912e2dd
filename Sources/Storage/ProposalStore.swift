public import Domain

/// NPC suggestions and CPPCC proposals assigned to agencies.
public protocol ProposalStore: Sendable {
    func create(_ proposal: Proposal) async throws -> Proposal
    func find(id: Int64) async throws -> Proposal?
    func update(_ proposal: Proposal) async throws
    /// An agency's items, of one year when given, by number.
    func list(agencyID: Int64, year: Int?) async throws -> [Proposal]
}
