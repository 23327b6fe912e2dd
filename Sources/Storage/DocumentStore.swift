public import Domain

/// The public's read-only view of the catalog: published 主动公开 documents and the redacted
/// copies of 删减后公开 ones. Documents come back with `body` already the public text and no
/// redacted or internal copy, so a page cannot show what it must not.
public protocol DocumentStore: Sendable {
    func find(id: Int64) async throws -> CatalogDocument?
    /// Several public documents in one query, in the order of `ids`; ids that are not public are skipped.
    func find(ids: [Int64]) async throws -> [CatalogDocument]
    /// The newest published documents of an agency, newest first.
    func recent(agencyID: Int64, limit: Int) async throws -> [CatalogDocument]
    /// Published interpretations of a document.
    func interpretations(of id: Int64) async throws -> [CatalogDocument]
    /// Published documents, newest first, optionally of one category, agency and year.
    /// Counts of the matching public documents by year, subject and agency.
    func facets(_ filter: CatalogFilter) async throws -> CatalogFacets
    func list(_ filter: CatalogFilter, limit: Int, offset: Int) async throws -> (
        total: Int, items: [CatalogDocument]
    )
}

/// Narrows public listings and searches. Empty fields do not filter.
/// How the public documents matching a filter spread over years, subjects and agencies, for
/// the portal's browsing links. Each list is largest first (years newest first).
public struct CatalogFacets: Sendable, Hashable {
    public var years: [Facet<Int>]
    public var subjects: [Facet<String>]
    public var agencies: [Facet<Int64>]

    public init(years: [Facet<Int>] = [], subjects: [Facet<String>] = [], agencies: [Facet<Int64>] = []) {
        self.years = years
        self.subjects = subjects
        self.agencies = agencies
    }
}

public struct Facet<Value: Hashable & Sendable>: Sendable, Hashable {
    public var value: Value
    public var count: Int

    public init(_ value: Value, _ count: Int) {
        self.value = value
        self.count = count
    }
}

public struct CatalogFilter: Sendable, Hashable {
    public var categoryCode: String?
    public var agencyID: Int64?
    /// Year of the 发布日期.
    public var year: Int?
    /// The recorded 有效性 of normative documents.
    public var validity: ValidityStatus?
    /// 主题分类, exactly.
    public var subject: String?
    /// A 专题专栏 code.
    public var column: String?

    public init(
        categoryCode: String? = nil, agencyID: Int64? = nil, year: Int? = nil, validity: ValidityStatus? = nil, subject: String? = nil,
        column: String? = nil
    ) {
        self.categoryCode = categoryCode
        self.agencyID = agencyID
        self.year = year
        self.validity = validity
        self.subject = subject
        self.column = column
    }

    public static let none = CatalogFilter()
}
