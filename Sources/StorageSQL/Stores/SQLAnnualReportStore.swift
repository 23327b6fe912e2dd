import Domain
import Foundation
import SQLKit
import Storage

struct SQLAnnualReportStore: AnnualReportStore {
    let db: any SQLDatabase

    static func decode(_ row: any SQLRow) throws -> AnnualReport {
        let json = try row.decode(column: "content_json", as: String.self)
        var report = try JSONDecoder().decode(AnnualReport.self, from: Data(json.utf8))
        report.id = try row.decode(column: "id")
        return report
    }

    static func encode(_ report: AnnualReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    func select() -> SQLSelectBuilder {
        db.select().columns("id", "content_json").from("annual_reports")
    }

    func find(agencyID: Int64, year: Int) async throws -> AnnualReport? {
        try await select().where("agency_id", .equal, SQLBind(agencyID)).where("year", .equal, SQLBind(year)).first().map(Self.decode)
    }

    func save(_ report: AnnualReport) async throws -> AnnualReport {
        var stored = report
        if let existing = try await db.select().column("id").from("annual_reports").where("agency_id", .equal, SQLBind(report.agencyID))
            .where("year", .equal, SQLBind(report.year)).first()
        {
            stored.id = try existing.decode(column: "id")
            try await db.update("annual_reports").set("state", to: SQLBind(report.state.rawValue))
                .set("content_json", to: SQLBind(try Self.encode(stored))).set("pdf", to: SQLLiteral.null)
                .set("updated_at_ms", to: SQLBind(report.updatedAtMillis)).where("id", .equal, SQLBind(stored.id)).run()
            return stored
        }
        let row = try await db.insert(into: "annual_reports").columns("agency_id", "year", "state", "content_json", "updated_at_ms")
            .values(
                SQLBind(report.agencyID), SQLBind(report.year), SQLBind(report.state.rawValue), SQLBind(try Self.encode(report)),
                SQLBind(report.updatedAtMillis)
            ).returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("年度报告保存失败") }
        stored.id = id
        // Stored JSON carries the id too, so that a report read back equals the one returned.
        try await db.update("annual_reports").set("content_json", to: SQLBind(try Self.encode(stored))).where("id", .equal, SQLBind(id))
            .run()
        return stored
    }

    func list(agencyID: Int64) async throws -> [AnnualReport] {
        try await select().where("agency_id", .equal, SQLBind(agencyID)).orderBy("year", .descending).all().map(Self.decode)
    }

    func published() async throws -> [AnnualReport] {
        try await select().where("state", .equal, SQLBind(AnnualReport.State.published.rawValue)).orderBy("year", .descending)
            .orderBy("agency_id").all().map(Self.decode)
    }

    func pdf(reportID: Int64) async throws -> [UInt8]? {
        try await db.select().column("pdf").from("annual_reports").where("id", .equal, SQLBind(reportID)).first()?
            .decode(column: "pdf", as: [UInt8]?.self)
    }

    func keepPDF(reportID: Int64, _ pdf: [UInt8]) async throws {
        try await db.update("annual_reports").set("pdf", to: SQLBind(pdf)).where("id", .equal, SQLBind(reportID)).run()
    }

    /// Documents that went live: published, or published and since withdrawn or expired.
    static let wentLive = ["published", "withdrawn", "expired"]

    func catalogFigures(agencyID: Int64, year: Int, licensingCategories: [String], penaltyCategories: [String]) async throws
        -> CatalogYearFigures
    {
        let first = String(format: "%04d-01-01", year)
        let last = String(format: "%04d-12-31", year)
        func live() -> SQLSelectBuilder {
            db.select().from("catalog_documents").where("agency_id", .equal, SQLBind(agencyID))
                .where("status", .in, SQLBind.group(Self.wentLive)).where("revision_of", .is, SQLLiteral.null)
                .where("disclosure", .in, SQLBind.group([DisclosureAttribute.public.rawValue, DisclosureAttribute.redacted.rawValue]))
        }
        var f = CatalogYearFigures()
        let groups = try await live().column("kind").column("category_code").column("interpretation_form")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .where("published_on", .greaterThanOrEqual, SQLBind(first)).where("published_on", .lessThanOrEqual, SQLBind(last))
            .groupBy("kind").groupBy("category_code").groupBy("interpretation_form").all()
        for row in groups {
            let n = try row.decode(column: "n", as: Int.self)
            let kind = try row.decode(column: "kind", as: String.self)
            let category = try row.decode(column: "category_code", as: String.self)
            f.documentsPublished += n
            if kind == DocumentKind.policy.rawValue { f.policiesPublished += n }
            if kind == DocumentKind.normative.rawValue { f.normativeIssued += n }
            if licensingCategories.contains(category) { f.licensingDecisions += n }
            if penaltyCategories.contains(category) { f.penaltyDecisions += n }
            if kind == DocumentKind.interpretation.rawValue {
                let form = try row.decode(column: "interpretation_form", as: String?.self).flatMap(InterpretationForm.init) ?? .text
                f.interpretations[form, default: 0] += n
            }
        }
        let ended = [ValidityStatus.expired.rawValue, ValidityStatus.repealed.rawValue]
        f.normativeRepealed =
            try await live().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .where("kind", .equal, SQLBind(DocumentKind.normative.rawValue)).where("validity_status", .in, SQLBind.group(ended))
            .where("effective_until", .greaterThanOrEqual, SQLBind(first)).where("effective_until", .lessThanOrEqual, SQLBind(last))
            .first()?.decode(column: "n", as: Int.self) ?? 0
        // In force on 31 December: live by then, not yet ended by date, and not marked ended
        // without a date.
        f.normativeInForce =
            try await live().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .where("kind", .equal, SQLBind(DocumentKind.normative.rawValue)).where("published_on", .lessThanOrEqual, SQLBind(last))
            .where { $0.where("effective_until", .is, SQLLiteral.null).orWhere("effective_until", .greaterThan, SQLBind(last)) }
            .where {
                $0.where("effective_until", .isNot, SQLLiteral.null).orWhere("validity_status", .is, SQLLiteral.null)
                    .orWhere("validity_status", .equal, SQLBind(ValidityStatus.effective.rawValue))
            }
            .where { $0.where("effective_from", .is, SQLLiteral.null).orWhere("effective_from", .lessThanOrEqual, SQLBind(last)) }
            .first()?.decode(column: "n", as: Int.self) ?? 0
        return f
    }
}
