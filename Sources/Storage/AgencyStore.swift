public import Domain
public import Foundation

/// Agencies (机关) and their departments (科室).
public protocol AgencyStore: Sendable {
    /// The agency at the top of the tree, if the database has been set up.
    func root() async throws -> Agency?
    func find(id: Int64) async throws -> Agency?
    func find(creditCode: String) async throws -> Agency?
    /// The agency whose own site answers on this (lower-case) host name.
    func find(host: String) async throws -> Agency?
    /// Saves an agency's host, title and colour. Throws `DomainError.conflict` when another
    /// agency has the host.
    func saveSite(agencyID: Int64, _ site: AgencySite) async throws
    /// Stores or (with nil) removes the masthead's emblem: its tag and its bytes.
    func saveEmblem(agencyID: Int64, tag: String, data: Data?) async throws
    /// The emblem's bytes, if the agency has one.
    func emblem(agencyID: Int64) async throws -> Data?
    /// Every agency, parents before children.
    func all() async throws -> [Agency]
    /// Creates an agency. Throws `DomainError.conflict` when the credit code is taken.
    func create(parentID: Int64?, name: String, creditCode: String, kind: AgencyKind, contact: AgencyContact) async throws -> Agency
    func departments(of agencyID: Int64) async throws -> [Department]
    /// Creates a department. Throws `DomainError.conflict` when the agency already has one of that name.
    func createDepartment(agencyID: Int64, name: String) async throws -> Department
    /// The agency's catalog configuration, or nil when it uses the defaults.
    func catalogSettings(agencyID: Int64) async throws -> CatalogSettings?
    func saveCatalogSettings(agencyID: Int64, _ settings: CatalogSettings, atMillis: Int64) async throws
    /// The agency that owns a record, or nil when there is no such record.
    func owner(of kind: OwnedRecord, id: Int64) async throws -> Int64?
}

/// The kinds of record a staff route names by ID, each owned by one agency.
public enum OwnedRecord: String, Sendable, CaseIterable {
    case document, attachment, consultation, request, letter, appeal, mailbox, faq, openDay, opinion, proposal
    case siteError, survey, user, mediaAccount
    case plan, task, progressReport, evidenceFile
    case assessment

    /// Records of a work plan, which the plan's agency shares with its subordinate units: they
    /// report progress on the tasks the plan gives them.
    public var isLedger: Bool { [.plan, .task, .progressReport, .evidenceFile].contains(self) }

    /// Records an agency shares with the units directly below it: its work plans (units report
    /// on their tasks) and its assessments (units assess themselves).
    public var isSharedWithUnits: Bool { isLedger || self == .assessment }
}
