import Domain
import Foundation
import SQLKit
import Storage

struct SQLAssessmentStore: AssessmentStore {
    let db: any SQLDatabase

    static func json(_ value: some Encodable) throws -> String { String(decoding: try JSONEncoder().encode(value), as: UTF8.self) }

    func create(_ assessment: Assessment) async throws -> Assessment {
        let row = try await db.insert(into: "assessments").columns("agency_id", "status", "content_json", "created_at_ms")
            .values(
                SQLBind(assessment.agencyID), SQLBind(assessment.status.rawValue), SQLBind(try Self.json(assessment)),
                SQLBind(assessment.createdAtMillis)
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("考核创建失败") }
        var saved = assessment
        saved.id = id
        try await update(saved)
        return saved
    }

    func decode(_ row: any SQLRow) throws -> Assessment {
        var a = try JSONDecoder().decode(Assessment.self, from: Data(try row.decode(column: "content_json", as: String.self).utf8))
        a.id = try row.decode(column: "id", as: Int64.self)
        return a
    }

    func find(id: Int64) async throws -> Assessment? {
        try await db.select().columns("id", "content_json").from("assessments").where("id", .equal, SQLBind(id)).first().map(decode)
    }

    func list(agencyID: Int64) async throws -> [Assessment] {
        try await db.select().columns("id", "content_json").from("assessments").where("agency_id", .equal, SQLBind(agencyID))
            .orderBy("id", .descending).all().map(decode)
    }

    func update(_ assessment: Assessment) async throws {
        try await db.update("assessments").set("status", to: SQLBind(assessment.status.rawValue))
            .set("content_json", to: SQLBind(try Self.json(assessment))).where("id", .equal, SQLBind(assessment.id)).run()
    }

    func marks(assessmentID: Int64) async throws -> [Int64: (marks: AssessmentMarks, version: Int)] {
        var out: [Int64: (marks: AssessmentMarks, version: Int)] = [:]
        for row in try await db.select().columns("unit_id", "content_json", "version").from("assessment_marks")
            .where("assessment_id", .equal, SQLBind(assessmentID)).all()
        {
            let marks = try JSONDecoder().decode(
                AssessmentMarks.self, from: Data(try row.decode(column: "content_json", as: String.self).utf8))
            out[try row.decode(column: "unit_id", as: Int64.self)] = (marks, try row.decode(column: "version", as: Int.self))
        }
        return out
    }

    func saveMarks(_ marks: AssessmentMarks, assessmentID: Int64, unitID: Int64, version: Int) async throws {
        let json = try Self.json(marks)
        if version == 0 {
            do {
                try await db.insert(into: "assessment_marks").columns("assessment_id", "unit_id", "content_json", "version")
                    .values(SQLBind(assessmentID), SQLBind(unitID), SQLBind(json), SQLBind(1)).run()
            } catch  where isUniqueViolation(error) {
                throw DomainError.conflict("该单位的考核记录已被他人修改，请刷新后重试")
            }
            return
        }
        let rows = try await db.update("assessment_marks").set("content_json", to: SQLBind(json)).set("version", to: SQLBind(version + 1))
            .where("assessment_id", .equal, SQLBind(assessmentID)).where("unit_id", .equal, SQLBind(unitID))
            .where("version", .equal, SQLBind(version)).returning("unit_id").all()
        if rows.isEmpty { throw DomainError.conflict("该单位的考核记录已被他人修改，请刷新后重试") }
    }
}
