import Domain
import SQLKit
import Storage

struct SQLLinkCheckStore: LinkCheckStore {
    let db: any SQLDatabase

    func create(_ run: LinkCheckRun) async throws -> LinkCheckRun {
        let row = try await db.insert(into: "link_check_runs").columns("agency_id", "origin", "started_by", "started_at_ms")
            .values(SQLBind(run.agencyID), SQLBind(run.origin), SQLBind(run.startedBy), SQLBind(run.startedAtMillis))
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("检查记录创建失败") }
        var saved = run
        saved.id = id
        return saved
    }

    func finish(id: Int64, atMillis: Int64, resultJSON: String) async throws {
        try await db.update("link_check_runs").set("finished_at_ms", to: SQLBind(atMillis)).set("result_json", to: SQLBind(resultJSON))
            .where("id", .equal, SQLBind(id)).run()
    }

    func latest(agencyID: Int64) async throws -> LinkCheckRun? {
        try await db.select().columns("id", "agency_id", "origin", "started_by", "started_at_ms", "finished_at_ms", "result_json")
            .from("link_check_runs").where("agency_id", .equal, SQLBind(agencyID)).orderBy("id", .descending).limit(1).first()
            .map { row in
                LinkCheckRun(
                    id: try row.decode(column: "id"), agencyID: try row.decode(column: "agency_id"),
                    origin: try row.decode(column: "origin"),
                    startedBy: try row.decode(column: "started_by"), startedAtMillis: try row.decode(column: "started_at_ms"),
                    finishedAtMillis: try row.decode(column: "finished_at_ms", as: Int64?.self),
                    resultJSON: try row.decode(column: "result_json", as: String?.self))
            }
    }
}
