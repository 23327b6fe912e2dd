public import Domain

/// Requests for disclosure. A request is written once at intake and then updated whole; the
/// audit archive keeps every step.
public protocol RequestStore: Sendable {
    /// Stores a new request and returns it with its id; a tracking code already in use is a conflict.
    func create(_ request: DisclosureRequest) async throws -> DisclosureRequest
    func find(id: Int64) async throws -> DisclosureRequest?
    func find(trackingCode: String) async throws -> DisclosureRequest?
    func update(_ request: DisclosureRequest) async throws
    /// An agency's requests in the given states, soonest due first.
    func list(agencyID: Int64, statuses: Set<RequestStatus>, limit: Int, offset: Int) async throws -> [DisclosureRequest]
}
