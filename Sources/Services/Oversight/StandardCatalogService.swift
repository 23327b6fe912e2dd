public import Domain
public import Foundation
import OfficeFiles
import Reports
import Storage

/// The 政务公开标准目录: loading it from a spreadsheet, mapping its items to catalog categories,
/// and checking every unit's publications against it. An agency that has not loaded a catalog
/// of its own follows the nearest agency above it that has (a county commission follows the
/// city's); the mapping belongs to whoever loaded the catalog.
public struct StandardCatalogService: Sendable {
    public init(env: ServiceEnvironment) {
        self.env = env
    }

    let env: ServiceEnvironment

    /// A catalog in force for an agency, and the agency it belongs to.
    public struct InForce: Sendable {
        public init(catalog: StandardCatalog, owner: Agency) {
            self.catalog = catalog
            self.owner = owner
        }

        public var catalog: StandardCatalog
        public var owner: Agency
    }

    /// One unit checked against the catalog in force for it.
    public struct UnitCoverage: Sendable {
        public var agency: Agency
        public var inForce: InForce?
        public var results: [ItemCoverage]

        public func count(_ state: ItemCoverage.State) -> Int { results.filter { $0.state == state }.count }
    }

    public func inForce(for agency: Agency) async throws -> InForce? {
        let stores = env.database.stores
        var current: Agency? = agency
        var hops = 0
        while let a = current, hops < 10 {
            if let c = try await stores.standardCatalogs.find(agencyID: a.id) { return InForce(catalog: c, owner: a) }
            current = if let parent = a.parentID { try await stores.agencies.find(id: parent) } else { nil }
            hops += 1
        }
        return nil
    }

    /// The rows of an uploaded spreadsheet: Excel/WPS (.xlsx) or CSV text.
    static func rows(_ data: Data, fileName: String) throws -> [[String]] {
        guard !data.isEmpty else { throw DomainError.invalid("file", "请选择要导入的标准目录文件（.xlsx 或 .csv）") }
        do {
            if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try SpreadsheetReader.rows(data) }
            guard !data.prefix(4096).contains(0) else { throw FileError("只能导入 Excel（.xlsx）或 CSV 文件；旧版 .xls 请另存为 .xlsx") }
            return CSVReader.rows(try TextDecoding.decode(data))
        } catch let e as FileError {
            throw DomainError.invalid("file", e.message)
        }
    }

    /// Reads a spreadsheet as the agency's catalog, replacing any earlier one. Items that were in
    /// the catalog before (or in the one inherited from above) keep their mapping unless the
    /// sheet maps them itself.
    public func load(_ data: Data, fileName: String, title: String, identity: StaffIdentity, address: String) async throws
        -> StandardCatalog
    {
        let agency = identity.agency
        let name = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else { throw DomainError.invalid("title", "请填写目录名称（不超过 100 字）") }
        let settings = try await env.database.stores.agencies.catalogSettings(agencyID: agency.id) ?? .standard
        let items = try StandardCatalogReader.items(
            rows: try Self.rows(data, fileName: fileName), categories: settings.categories, columns: settings.columns)
        var catalog = StandardCatalog(
            agencyID: agency.id, title: name, sourceName: String(fileName.suffix(120)), loadedAt: env.nowMillis,
            loadedBy: identity.user.displayName, items: items)
        catalog.keepMapping(from: try await inForce(for: agency)?.catalog)
        let saved = catalog
        return try await env.audited(
            identity, address: address, .standardCatalogLoad, .standardCatalog,
            detail: "\(name)（\(items.count) 项，来自 \(saved.sourceName)）"
        ) { stores in
            try await stores.standardCatalogs.save(saved)
            return (saved, id: agency.id)
        }
    }

    /// Sets the categories of items of the agency's own catalog; `texts` by item ID, each a list
    /// of category or special-column names or codes. An error names the item's field
    /// (`item-<id>`) and nothing is saved.
    public func map(_ texts: [Int: String], identity: StaffIdentity, address: String) async throws -> StandardCatalog {
        let agency = identity.agency
        guard var catalog = try await env.database.stores.standardCatalogs.find(agencyID: agency.id) else {
            throw DomainError.conflict("本机关尚未导入标准目录；上级机关的目录由上级设置对应栏目")
        }
        let settings = try await env.database.stores.agencies.catalogSettings(agencyID: agency.id) ?? .standard
        var changed = 0
        for (id, text) in texts {
            guard let k = catalog.items.firstIndex(where: { $0.id == id }) else { throw DomainError.invalid("items", "目录中没有第 \(id) 项") }
            let parsed = Result { () throws(DomainError) in
                try StandardCatalogReader.mapping(text, categories: settings.categories, columns: settings.columns)
            }
            guard case .success(let codes) = parsed else {
                if case .failure(let e) = parsed { throw DomainError.invalid("item-\(id)", e.message) }
                continue
            }
            if codes != catalog.items[k].categories { changed += 1 }
            catalog.items[k].categories = codes
        }
        let saved = catalog
        return try await env.audited(
            identity, address: address, .standardCatalogMap, .standardCatalog,
            detail: "调整 \(changed) 项的对应栏目"
        ) { stores in
            try await stores.standardCatalogs.save(saved)
            return (saved, id: agency.id)
        }
    }

    /// The unit's documents against the catalog in force for it.
    public func coverage(of agency: Agency) async throws -> UnitCoverage {
        guard let inForce = try await inForce(for: agency) else { return UnitCoverage(agency: agency, inForce: nil, results: []) }
        let facts = try await env.database.stores.catalog.outlines(agencyID: agency.id).map(PublicationFact.init)
        let results = StandardCoverage.evaluate(
            inForce.catalog.items, facts: facts, calendar: env.calendar.current, today: env.today,
            windowMonths: env.settings.standardWindowMonths)
        return UnitCoverage(agency: agency, inForce: inForce, results: results)
    }
}
