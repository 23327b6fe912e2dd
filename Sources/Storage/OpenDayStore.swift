public import Domain

/// Government open days with their registrations.
public protocol OpenDayStore: Sendable {
    func create(_ day: OpenDay) async throws -> OpenDay
    func find(id: Int64) async throws -> OpenDay?
    /// The day, its row locked until the transaction ends (registrations must not overbook).
    func findForUpdate(id: Int64) async throws -> OpenDay?
    func update(_ day: OpenDay) async throws
    /// An agency's open days, newest first; every agency's announced ones when `agencyID` is nil.
    func list(agencyID: Int64?) async throws -> [OpenDay]
}
