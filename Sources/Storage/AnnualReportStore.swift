public import Domain

/// Annual reports (政府信息公开工作年度报告), one per agency and year, and the catalog counts
/// their table 二 and narrative are drawn from.
public protocol AnnualReportStore: Sendable {
    func find(agencyID: Int64, year: Int) async throws -> AnnualReport?
    /// Inserts the report, or replaces the agency's report of that year; returns it with its id.
    /// Replacing drops a kept PDF, which no longer matches.
    func save(_ report: AnnualReport) async throws -> AnnualReport
    /// An agency's reports, newest year first.
    func list(agencyID: Int64) async throws -> [AnnualReport]
    /// Every published report on the installation, newest year first.
    func published() async throws -> [AnnualReport]
    func pdf(reportID: Int64) async throws -> [UInt8]?
    func keepPDF(reportID: Int64, _ pdf: [UInt8]) async throws
    /// What the catalog holds for a year: documents that went live in it (published, or since
    /// withdrawn), normative documents issued, repealed and in force on 31 December, results
    /// in the categories given for 行政许可 and 行政处罚, interpretations by form.
    func catalogFigures(agencyID: Int64, year: Int, licensingCategories: [String], penaltyCategories: [String]) async throws
        -> CatalogYearFigures
}
