import Domain
import Foundation
import SQLKit
import Storage

struct SQLSiteErrorStore: SiteErrorStore {
    let db: any SQLDatabase

    static func decode(_ row: any SQLRow) throws -> SiteErrorReport {
        try SQLConsultationStore.decode(row, as: SiteErrorReport.self) { $0.id = $1 }
    }

    func create(_ r: SiteErrorReport) async throws -> SiteErrorReport {
        do {
            let row = try await db.insert(into: "site_error_reports").columns(
                "agency_id", "external_id", "status", "received_on", "content_json"
            )
            .values(
                SQLBind(r.agencyID), SQLBind(r.externalID), SQLBind(r.status.rawValue), SQLBind(r.receivedOn.description),
                SQLBind(try SQLConsultationStore.json(r))
            ).returning("id").first()
            guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("报告保存失败") }
            var stored = r
            stored.id = id
            return stored
        } catch  where isUniqueViolation(error) {
            throw DomainError.conflict("编号 \(r.externalID ?? "") 已导入")
        }
    }

    func find(id: Int64) async throws -> SiteErrorReport? {
        try await db.select().columns("id", "content_json").from("site_error_reports").where("id", .equal, SQLBind(id)).first().map(
            Self.decode)
    }

    func update(_ r: SiteErrorReport) async throws {
        try await db.update("site_error_reports").set("status", to: SQLBind(r.status.rawValue))
            .set("content_json", to: SQLBind(try SQLConsultationStore.json(r))).where("id", .equal, SQLBind(r.id)).run()
    }

    func list(agencyID: Int64) async throws -> [SiteErrorReport] {
        try await db.select().columns("id", "content_json").from("site_error_reports").where("agency_id", .equal, SQLBind(agencyID))
            .orderBy("received_on", .descending).orderBy("id", .descending).all().map(Self.decode)
    }

    func exists(agencyID: Int64, externalID: String) async throws -> Bool {
        try await db.select().column("id").from("site_error_reports").where("agency_id", .equal, SQLBind(agencyID))
            .where("external_id", .equal, SQLBind(externalID)).first() != nil
    }
}
