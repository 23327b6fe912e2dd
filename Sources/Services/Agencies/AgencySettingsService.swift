import Crypto
public import Domain
public import Foundation
import Storage

/// An agency's own settings, changed by its disclosure office: the catalog configuration, its
/// portal's host, title and colour, and the 错敏词库 screening reads. Each change is archived
/// with what it replaces, and the portal's cached pages go.
public struct AgencySettingsService: Sendable {
    let env: ServiceEnvironment

    public init(env: ServiceEnvironment) {
        self.env = env
    }

    /// Creates an agency below the one with `parentCreditCode`; the first agency, created with
    /// none, is the installation's root.
    public func createAgency(name: String, creditCode: String, kind: AgencyKind, parentCreditCode: String?, by actor: AuditActor)
        async throws -> Agency
    {
        try Agency.validate(name: name, creditCode: creditCode)
        return try await env.audited(by: actor) { stores, trail in
            var parentID: Int64?
            if let parentCreditCode {
                guard let p = try await stores.agencies.find(creditCode: parentCreditCode) else {
                    throw DomainError.notFound("上级机关 \(parentCreditCode)")
                }
                parentID = p.id
            } else if try await stores.agencies.root() != nil {
                throw DomainError.conflict("已有根机关，请用 --parent 指定上级机关")
            }
            let agency = try await stores.agencies.create(
                parentID: parentID, name: name, creditCode: creditCode, kind: kind, contact: AgencyContact())
            try await trail.log(.agencyCreate, .agency, agency.id, agencyID: agency.id, after: "\(agency.name) \(agency.creditCode)")
            return agency
        }
    }

    /// The agency's catalog configuration; `standard` until it sets its own.
    public func catalogSettings(of agencyID: Int64) async throws -> CatalogSettings {
        try await env.database.stores.agencies.catalogSettings(agencyID: agencyID) ?? .standard
    }

    /// Validates and stores new catalog settings, archived with what they replace.
    public func saveCatalogSettings(_ settings: CatalogSettings, by identity: StaffIdentity, address: String) async throws {
        try settings.validate()
        let agencyID = identity.agency.id
        let before = try await catalogSettings(of: agencyID)
        try await env.audited(by: AuditActor(identity, address: address)) { stores, trail in
            try await stores.agencies.saveCatalogSettings(agencyID: agencyID, settings, atMillis: trail.atMillis)
            try await trail.log(
                .catalogSettings, .agency, agencyID, before: CanonicalJSON.text(before), after: CanonicalJSON.text(settings))
        }
        await env.publicViewChanged()
    }

    /// Checks, stores and archives the agency's portal settings; the agency as it now is.
    public func saveSite(
        host: String, title: String, color: String, registration: SiteRegistration? = nil, navigation: [SiteLink]? = nil,
        by identity: StaffIdentity, address: String
    ) async throws -> Agency {
        var made = try AgencySite.make(host: host, title: title, color: color)
        made.registration = try (registration ?? identity.agency.site.registration).checked()
        made.navigation = try SiteLink.checked(navigation ?? identity.agency.site.navigation)
        made.emblem = identity.agency.site.emblem
        let site = made
        let before = identity.agency
        var after = before
        after.site = site
        try await env.audited(by: AuditActor(identity, address: address)) { stores, trail in
            try await stores.agencies.saveSite(agencyID: before.id, site)
            try await trail.log(.agencySite, .agency, before.id, before: CanonicalJSON.text(before.site), after: CanonicalJSON.text(site))
        }
        await env.publicViewChanged()
        return after
    }

    /// Stores (or, with nil, removes) the masthead's emblem, checked (`SiteEmblem`) and archived;
    /// the agency as it now is.
    public func saveEmblem(_ data: Data?, by identity: StaffIdentity, address: String) async throws -> Agency {
        let before = identity.agency
        var after = before
        if let data {
            let kind = try SiteEmblem.checked(data)
            after.site.emblem = SiteEmblem.tag(kind, digest: SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined())
        } else {
            after.site.emblem = ""
        }
        let tag = after.site.emblem
        try await env.audited(by: AuditActor(identity, address: address)) { stores, trail in
            try await stores.agencies.saveEmblem(agencyID: before.id, tag: tag, data: data)
            try await trail.log(
                .agencySite, .agency, before.id, before: CanonicalJSON.text(["emblem": before.site.emblem]),
                after: CanonicalJSON.text(["emblem": tag]), detail: data == nil ? "删除网站标识" : "上传网站标识（\(data!.count) 字节）")
        }
        await env.publicViewChanged()
        return after
    }

    /// The agency's word list.
    public func sensitiveWords(of agencyID: Int64) async throws -> [SensitiveWord] {
        try await env.database.stores.catalog.sensitiveWords(agencyID: agencyID)
    }

    /// Adds a word (1-50 characters) with an optional suggested replacement (at most 50).
    public func addSensitiveWord(_ word: String, replacement: String, by identity: StaffIdentity, address: String) async throws {
        guard (1...50).contains(word.count) else { throw DomainError.invalid("word", "词语须为 1-50 个字") }
        guard replacement.count <= 50 else { throw DomainError.invalid("replacement", "建议词不超过 50 个字") }
        let agencyID = identity.agency.id
        try await env.audited(by: AuditActor(identity, address: address)) { stores, trail in
            try await stores.catalog.addSensitiveWord(
                agencyID: agencyID, SensitiveWord(word: word, replacement: replacement.isEmpty ? nil : replacement),
                atMillis: trail.atMillis)
            try await trail.log(.wordlistAdd, .sensitiveWord, word, detail: replacement)
        }
    }

    /// Removes a word from the list.
    public func removeSensitiveWord(_ word: String, by identity: StaffIdentity, address: String) async throws {
        guard (1...50).contains(word.count) else { throw DomainError.invalid("word", "词语须为 1-50 个字") }
        let agencyID = identity.agency.id
        try await env.audited(by: AuditActor(identity, address: address)) { stores, trail in
            try await stores.catalog.removeSensitiveWord(agencyID: agencyID, word: word)
            try await trail.log(.wordlistRemove, .sensitiveWord, word)
        }
    }
}
