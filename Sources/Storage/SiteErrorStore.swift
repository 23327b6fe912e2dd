public import Domain

/// Website error reports (我为政府网站找错).
public protocol SiteErrorStore: Sendable {
    /// Stores a report; an imported number already stored is a conflict.
    func create(_ report: SiteErrorReport) async throws -> SiteErrorReport
    func find(id: Int64) async throws -> SiteErrorReport?
    func update(_ report: SiteErrorReport) async throws
    /// An agency's reports, newest first.
    func list(agencyID: Int64) async throws -> [SiteErrorReport]
    func exists(agencyID: Int64, externalID: String) async throws -> Bool
}
