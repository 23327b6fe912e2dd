import Domain
import Foundation
import SQLKit
import Storage

struct SQLSurveyStore: SurveyStore {
    let db: any SQLDatabase

    static func survey(_ row: any SQLRow) throws -> Survey { try SQLConsultationStore.decode(row, as: Survey.self) { $0.id = $1 } }
    static func response(_ row: any SQLRow) throws -> SurveyResponse {
        try SQLConsultationStore.decode(row, as: SurveyResponse.self) { $0.id = $1 }
    }

    func create(_ s: Survey) async throws -> Survey {
        let row = try await db.insert(into: "surveys").columns("agency_id", "published", "opens_on", "content_json")
            .values(
                SQLBind(s.agencyID), SQLBind(s.published ? 1 : 0), SQLBind(s.opensOn.description), SQLBind(try SQLConsultationStore.json(s))
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("保存失败") }
        var stored = s
        stored.id = id
        return stored
    }

    func find(id: Int64) async throws -> Survey? {
        try await db.select().columns("id", "content_json").from("surveys").where("id", .equal, SQLBind(id)).first().map(Self.survey)
    }

    func update(_ s: Survey) async throws {
        try await db.update("surveys").set("published", to: SQLBind(s.published ? 1 : 0)).set(
            "opens_on", to: SQLBind(s.opensOn.description)
        )
        .set("content_json", to: SQLBind(try SQLConsultationStore.json(s))).where("id", .equal, SQLBind(s.id)).run()
    }

    func list(agencyID: Int64?) async throws -> [Survey] {
        var q = db.select().columns("id", "content_json").from("surveys")
        if let agencyID { q = q.where("agency_id", .equal, SQLBind(agencyID)) } else { q = q.where("published", .equal, SQLBind(1)) }
        return try await q.orderBy("opens_on", .descending).orderBy("id", .descending).all().map(Self.survey)
    }

    func addResponse(_ r: SurveyResponse) async throws -> SurveyResponse {
        do {
            let row = try await db.insert(into: "survey_responses")
                .columns("survey_id", "respondent", "confirmed", "content_json", "created_at_ms")
                .values(
                    SQLBind(r.surveyID), SQLBind(r.respondent), SQLBind(r.confirmed ? 1 : 0), SQLBind(try SQLConsultationStore.json(r)),
                    SQLBind(r.createdAtMillis)
                )
                .returning("id").first()
            guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("保存失败") }
            var stored = r
            stored.id = id
            return stored
        } catch  where isUniqueViolation(error) {
            throw DomainError.conflict("您已填写过本问卷，每人只能提交一次")
        }
    }

    func response(id: Int64) async throws -> SurveyResponse? {
        try await db.select().columns("id", "content_json").from("survey_responses").where("id", .equal, SQLBind(id)).first()
            .map(Self.response)
    }

    func response(surveyID: Int64, respondent: String) async throws -> SurveyResponse? {
        try await db.select().columns("id", "content_json").from("survey_responses").where("survey_id", .equal, SQLBind(surveyID))
            .where("respondent", .equal, SQLBind(respondent)).first().map(Self.response)
    }

    func updateResponse(_ r: SurveyResponse) async throws {
        try await db.update("survey_responses").set("confirmed", to: SQLBind(r.confirmed ? 1 : 0))
            .set("content_json", to: SQLBind(try SQLConsultationStore.json(r))).where("id", .equal, SQLBind(r.id)).run()
    }

    func responses(surveyID: Int64) async throws -> [SurveyResponse] {
        try await db.select().columns("id", "content_json").from("survey_responses").where("survey_id", .equal, SQLBind(surveyID))
            .orderBy("id").all().map(Self.response)
    }

    func responseCount(surveyID: Int64) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("survey_responses")
            .where("survey_id", .equal, SQLBind(surveyID)).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
