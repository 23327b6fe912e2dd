import Domain
import Foundation
import SQLKit
import Storage

struct SQLAgencyStore: AgencyStore {
    let db: any SQLDatabase

    private static let columns = [
        "id", "parent_id", "name", "credit_code", "kind", "contact_office", "contact_address", "contact_hours",
        "contact_phone", "contact_fax", "contact_email", "site_host", "site_title", "site_color", "site_registration",
        "site_navigation", "site_emblem",
    ]

    private func decode(_ row: any SQLRow) throws -> Agency {
        Agency(
            id: try row.decode(column: "id", as: Int64.self),
            parentID: try row.decode(column: "parent_id", as: Int64?.self),
            name: try row.decode(column: "name", as: String.self),
            creditCode: try row.decode(column: "credit_code", as: String.self),
            kind: AgencyKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .commission,
            contact: AgencyContact(
                office: try row.decode(column: "contact_office", as: String.self),
                address: try row.decode(column: "contact_address", as: String.self),
                officeHours: try row.decode(column: "contact_hours", as: String.self),
                phone: try row.decode(column: "contact_phone", as: String.self),
                fax: try row.decode(column: "contact_fax", as: String.self),
                email: try row.decode(column: "contact_email", as: String.self)),
            site: AgencySite(
                host: try row.decode(column: "site_host", as: String?.self), title: try row.decode(column: "site_title", as: String.self),
                color: try row.decode(column: "site_color", as: String.self),
                registration: (try? JSONDecoder().decode(
                    SiteRegistration.self, from: Data(try row.decode(column: "site_registration", as: String.self).utf8)))
                    ?? SiteRegistration(),
                navigation: (try? JSONDecoder().decode(
                    [SiteLink].self, from: Data(try row.decode(column: "site_navigation", as: String.self).utf8))) ?? [],
                emblem: try row.decode(column: "site_emblem", as: String.self)))
    }

    private func select() -> SQLSelectBuilder { db.select().columns(Self.columns.map { SQLColumn($0) }).from("agencies") }

    func root() async throws -> Agency? {
        try await select().where(SQLColumn("parent_id"), .is, SQLLiteral.null).orderBy("id").limit(1).first().map(decode)
    }

    func find(id: Int64) async throws -> Agency? {
        try await select().where("id", .equal, SQLBind(id)).first().map(decode)
    }

    func find(creditCode: String) async throws -> Agency? {
        try await select().where("credit_code", .equal, SQLBind(creditCode)).first().map(decode)
    }

    func owner(of kind: OwnedRecord, id: Int64) async throws -> Int64? {
        let query: SQLQueryString
        switch kind {
        case .attachment:
            query = "SELECT d.agency_id FROM attachments a JOIN catalog_documents d ON d.id = a.document_id WHERE a.id = \(bind: id)"
        case .progressReport:
            query = "SELECT p.agency_id FROM progress_reports r JOIN work_plans p ON p.id = r.plan_id WHERE r.id = \(bind: id)"
        case .evidenceFile:
            query = "SELECT p.agency_id FROM ledger_files f JOIN work_plans p ON p.id = f.plan_id WHERE f.id = \(bind: id)"
        default:
            query = "SELECT agency_id FROM \(unsafeRaw: Self.ownedTables[kind]!) WHERE id = \(bind: id)"
        }
        return try await db.raw(query).first(decodingColumn: "agency_id", as: Int64.self)
    }

    private static let ownedTables: [OwnedRecord: String] = [
        .document: "catalog_documents", .consultation: "consultations", .request: "disclosure_requests", .letter: "reply_letters",
        .appeal: "request_appeals", .mailbox: "mailbox_messages", .faq: "faq_entries", .openDay: "open_days", .opinion: "opinion_items",
        .proposal: "proposals", .siteError: "site_error_reports", .survey: "surveys", .user: "users", .plan: "work_plans",
        .task: "ledger_tasks", .mediaAccount: "media_accounts", .assessment: "assessments",
    ]

    func find(host: String) async throws -> Agency? {
        try await select().where("site_host", .equal, SQLBind(host)).first().map(decode)
    }

    func saveSite(agencyID: Int64, _ site: AgencySite) async throws {
        do {
            try await db.update("agencies").set("site_host", to: SQLBind(site.host)).set("site_title", to: SQLBind(site.title))
                .set("site_color", to: SQLBind(site.color))
                .set("site_registration", to: SQLBind(String(decoding: try JSONEncoder().encode(site.registration), as: UTF8.self)))
                .set("site_navigation", to: SQLBind(String(decoding: try JSONEncoder().encode(site.navigation), as: UTF8.self)))
                .where("id", .equal, SQLBind(agencyID)).run()
        } catch  where isUniqueViolation(error) {
            throw DomainError.conflict("域名 \(site.host ?? "") 已由其他机关使用")
        }
    }

    func saveEmblem(agencyID: Int64, tag: String, data: Data?) async throws {
        try await db.update("agencies").set("site_emblem", to: SQLBind(data == nil ? "" : tag))
            .set("site_emblem_data", to: SQLBind(data?.base64EncodedString() ?? "")).where("id", .equal, SQLBind(agencyID)).run()
    }

    func emblem(agencyID: Int64) async throws -> Data? {
        let row = try await db.select().column("site_emblem_data").from("agencies").where("id", .equal, SQLBind(agencyID)).first()
        guard let text = try row?.decode(column: "site_emblem_data", as: String.self), !text.isEmpty else { return nil }
        return Data(base64Encoded: text)
    }

    func all() async throws -> [Agency] {
        try await select().orderBy("id").all().map(decode)
    }

    func create(parentID: Int64?, name: String, creditCode: String, kind: AgencyKind, contact: AgencyContact) async throws -> Agency {
        if try await find(creditCode: creditCode) != nil {
            throw DomainError.conflict("统一社会信用代码 \(creditCode) 已被其他机关使用")
        }
        let row = try await db.insert(into: "agencies")
            .columns(
                "parent_id", "name", "credit_code", "kind", "contact_office", "contact_address", "contact_hours",
                "contact_phone", "contact_fax", "contact_email", "created_at"
            )
            .values(
                SQLBind(parentID), SQLBind(name), SQLBind(creditCode), SQLBind(kind.rawValue), SQLBind(contact.office),
                SQLBind(contact.address), SQLBind(contact.officeHours), SQLBind(contact.phone), SQLBind(contact.fax),
                SQLBind(contact.email), SQLBind(Date().timeIntervalSince1970.millis)
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("机关创建失败") }
        return Agency(id: id, parentID: parentID, name: name, creditCode: creditCode, kind: kind, contact: contact)
    }

    func departments(of agencyID: Int64) async throws -> [Department] {
        try await db.select().columns("id", "agency_id", "name").from("departments")
            .where("agency_id", .equal, SQLBind(agencyID)).orderBy("id").all()
            .map {
                Department(
                    id: try $0.decode(column: "id"), agencyID: try $0.decode(column: "agency_id"), name: try $0.decode(column: "name"))
            }
    }

    func createDepartment(agencyID: Int64, name: String) async throws -> Department {
        do {
            let row = try await db.insert(into: "departments").columns("agency_id", "name")
                .values(SQLBind(agencyID), SQLBind(name)).returning("id").first()
            guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("科室创建失败") }
            return Department(id: id, agencyID: agencyID, name: name)
        } catch  where isUniqueViolation(error) {
            throw DomainError.conflict("本机关已有名为“\(name)”的科室")
        }
    }

    func catalogSettings(agencyID: Int64) async throws -> CatalogSettings? {
        guard
            let json = try await db.select().column("settings_json").from("agency_catalog_settings")
                .where("agency_id", .equal, SQLBind(agencyID)).first()?.decode(column: "settings_json", as: String.self)
        else { return nil }
        return try JSONDecoder().decode(CatalogSettings.self, from: Data(json.utf8))
    }

    func saveCatalogSettings(agencyID: Int64, _ settings: CatalogSettings, atMillis: Int64) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(settings), as: UTF8.self)
        try await db.raw(
            """
            INSERT INTO agency_catalog_settings (agency_id, settings_json, updated_at_ms) VALUES (\(bind: agencyID), \(bind: json), \(bind: atMillis))
            ON CONFLICT (agency_id) DO UPDATE SET settings_json = excluded.settings_json, updated_at_ms = excluded.updated_at_ms
            """
        ).run()
    }
}
