import Domain
import Foundation
import SQLKit
import Storage

struct SQLLetterStore: LetterStore {
    let db: any SQLDatabase

    static let columns = [
        "id", "agency_id", "request_id", "outcome", "title", "body", "status", "number", "year", "serial", "sent_on", "created_at_ms",
        "updated_at_ms",
    ]

    static func decode(_ row: any SQLRow) throws -> ReplyLetter {
        let outcome = try row.decode(column: "outcome", as: String.self)
        let status = try row.decode(column: "status", as: String.self)
        guard let o = RequestOutcome(rawValue: outcome), let s = ReplyLetter.Status(rawValue: status) else {
            throw DomainError.conflict("数据库中答复告知书的办理结果或状态无法识别")
        }
        return ReplyLetter(
            id: try row.decode(column: "id"), agencyID: try row.decode(column: "agency_id"),
            requestID: try row.decode(column: "request_id"),
            outcome: o, title: try row.decode(column: "title"), body: try row.decode(column: "body"), status: s,
            number: try row.decode(column: "number"), year: try row.decode(column: "year"), serial: try row.decode(column: "serial"),
            sentOn: try row.decode(column: "sent_on", as: String?.self).flatMap { CivilDate(iso: $0) },
            createdAtMillis: try row.decode(column: "created_at_ms"), updatedAtMillis: try row.decode(column: "updated_at_ms"))
    }

    func create(_ l: ReplyLetter) async throws -> ReplyLetter {
        let row = try await db.insert(into: "reply_letters")
            .columns("agency_id", "request_id", "outcome", "title", "body", "status", "created_at_ms", "updated_at_ms")
            .values(
                SQLBind(l.agencyID), SQLBind(l.requestID), SQLBind(l.outcome.rawValue), SQLBind(l.title), SQLBind(l.body),
                SQLBind(ReplyLetter.Status.draft.rawValue), SQLBind(l.createdAtMillis), SQLBind(l.updatedAtMillis)
            ).returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("答复告知书保存失败") }
        var stored = l
        stored.id = id
        stored.status = .draft
        return stored
    }

    private func select() -> SQLSelectBuilder {
        db.select().columns(Self.columns.map { SQLColumn($0) }).from("reply_letters")
    }

    func find(id: Int64) async throws -> ReplyLetter? {
        try await select().where("id", .equal, SQLBind(id)).first().map(Self.decode)
    }

    func letters(requestID: Int64) async throws -> [ReplyLetter] {
        try await select().where("request_id", .equal, SQLBind(requestID)).orderBy("id").all().map(Self.decode)
    }

    func updateDraft(_ l: ReplyLetter) async throws {
        try await db.update("reply_letters").set("outcome", to: SQLBind(l.outcome.rawValue)).set("title", to: SQLBind(l.title))
            .set("body", to: SQLBind(l.body)).set("updated_at_ms", to: SQLBind(l.updatedAtMillis))
            .where("id", .equal, SQLBind(l.id)).where("status", .equal, SQLBind(ReplyLetter.Status.draft.rawValue)).run()
    }

    func nextSerial(agencyID: Int64, year: Int) async throws -> Int {
        let row = try await db.select().column(SQLFunction("MAX", args: SQLColumn("serial")), as: "n").from("reply_letters")
            .where("agency_id", .equal, SQLBind(agencyID)).where("year", .equal, SQLBind(year)).first()
        return (try row?.decode(column: "n", as: Int?.self) ?? 0) + 1
    }

    func markSent(_ l: ReplyLetter, html: String) async throws {
        do {
            try await db.update("reply_letters").set("status", to: SQLBind(ReplyLetter.Status.sent.rawValue))
                .set("outcome", to: SQLBind(l.outcome.rawValue)).set("title", to: SQLBind(l.title)).set("body", to: SQLBind(l.body))
                .set("number", to: SQLBind(l.number)).set("year", to: SQLBind(l.year)).set("serial", to: SQLBind(l.serial))
                .set("sent_on", to: SQLBind(l.sentOn?.description)).set("html", to: SQLBind(html))
                .set("updated_at_ms", to: SQLBind(l.updatedAtMillis))
                .where("id", .equal, SQLBind(l.id)).run()
        } catch  where isUniqueViolation(error) {
            throw DomainError.conflict("答复告知书编号冲突，请重试")
        }
    }

    func html(id: Int64) async throws -> String? {
        try await db.select().column("html").from("reply_letters").where("id", .equal, SQLBind(id)).first()?
            .decode(column: "html", as: String?.self)
    }

    func pdf(id: Int64) async throws -> [UInt8]? {
        try await db.select().column("pdf").from("reply_letters").where("id", .equal, SQLBind(id)).first()?
            .decode(column: "pdf", as: Data?.self).map { [UInt8]($0) }
    }

    func keepPDF(id: Int64, _ pdf: [UInt8]) async throws {
        try await db.update("reply_letters").set("pdf", to: SQLBind(Data(pdf))).where("id", .equal, SQLBind(id)).run()
    }
}

struct SQLAppealStore: AppealStore {
    let db: any SQLDatabase

    static let columns = ["id", "agency_id", "request_id", "kind", "forum", "filed_on", "result", "decided_on", "note", "created_at_ms"]

    static func decode(_ row: any SQLRow) throws -> RequestAppeal {
        guard let kind = RequestAppeal.Kind(rawValue: try row.decode(column: "kind", as: String.self)),
            let result = RequestAppeal.Result(rawValue: try row.decode(column: "result", as: String.self)),
            let filed = CivilDate(iso: try row.decode(column: "filed_on", as: String.self))
        else { throw DomainError.conflict("数据库中复议诉讼记录无法识别") }
        return RequestAppeal(
            id: try row.decode(column: "id"), agencyID: try row.decode(column: "agency_id"),
            requestID: try row.decode(column: "request_id"),
            kind: kind, forum: try row.decode(column: "forum"), filedOn: filed, result: result,
            decidedOn: try row.decode(column: "decided_on", as: String?.self).flatMap { CivilDate(iso: $0) },
            note: try row.decode(column: "note"), createdAtMillis: try row.decode(column: "created_at_ms"))
    }

    func create(_ a: RequestAppeal) async throws -> RequestAppeal {
        let row = try await db.insert(into: "request_appeals").columns(Self.columns.dropFirst().map { SQLColumn($0) })
            .values(
                SQLBind(a.agencyID), SQLBind(a.requestID), SQLBind(a.kind.rawValue), SQLBind(a.forum), SQLBind(a.filedOn.description),
                SQLBind(a.result.rawValue), SQLBind(a.decidedOn?.description), SQLBind(a.note), SQLBind(a.createdAtMillis)
            ).returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("复议诉讼记录保存失败") }
        var stored = a
        stored.id = id
        return stored
    }

    func find(id: Int64) async throws -> RequestAppeal? {
        try await db.select().columns(Self.columns.map { SQLColumn($0) }).from("request_appeals").where("id", .equal, SQLBind(id)).first()
            .map(Self.decode)
    }

    func update(_ a: RequestAppeal) async throws {
        try await db.update("request_appeals").set("result", to: SQLBind(a.result.rawValue))
            .set("decided_on", to: SQLBind(a.decidedOn?.description)).set("note", to: SQLBind(a.note)).set("forum", to: SQLBind(a.forum))
            .where("id", .equal, SQLBind(a.id)).run()
    }

    func list(agencyID: Int64) async throws -> [RequestAppeal] {
        try await db.select().columns(Self.columns.map { SQLColumn($0) }).from("request_appeals")
            .where("agency_id", .equal, SQLBind(agencyID)).orderBy("filed_on", .descending).orderBy("id", .descending).all()
            .map(Self.decode)
    }
}

struct SQLOutboxStore: OutboxStore {
    let db: any SQLDatabase

    static let columns = [
        "id", "agency_id", "request_id", "recipient", "subject", "body", "attempts", "next_attempt_ms", "last_error", "sent_at_ms",
        "created_at_ms",
    ]

    static func decode(_ row: any SQLRow) throws -> OutboxMessage {
        OutboxMessage(
            id: try row.decode(column: "id"), agencyID: try row.decode(column: "agency_id"),
            requestID: try row.decode(column: "request_id"),
            recipient: try row.decode(column: "recipient"), subject: try row.decode(column: "subject"),
            body: try row.decode(column: "body"),
            attempts: try row.decode(column: "attempts"), nextAttemptAtMillis: try row.decode(column: "next_attempt_ms"),
            lastError: try row.decode(column: "last_error"), sentAtMillis: try row.decode(column: "sent_at_ms"),
            createdAtMillis: try row.decode(column: "created_at_ms"))
    }

    private func select() -> SQLSelectBuilder {
        db.select().columns(Self.columns.map { SQLColumn($0) }).from("outbox")
    }

    func enqueue(_ m: OutboxMessage) async throws -> OutboxMessage {
        let row = try await db.insert(into: "outbox").columns(Self.columns.dropFirst().map { SQLColumn($0) })
            .values(
                SQLBind(m.agencyID), SQLBind(m.requestID), SQLBind(m.recipient), SQLBind(m.subject), SQLBind(m.body), SQLBind(m.attempts),
                SQLBind(m.nextAttemptAtMillis), SQLBind(m.lastError), SQLBind(m.sentAtMillis), SQLBind(m.createdAtMillis)
            ).returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("邮件保存失败") }
        var stored = m
        stored.id = id
        return stored
    }

    func due(atMillis: Int64, limit: Int, sms: Bool) async throws -> [OutboxMessage] {
        try await select().where("sent_at_ms", .is, SQLLiteral.null).where("next_attempt_ms", .lessThanOrEqual, SQLBind(atMillis))
            .where("recipient", sms ? .like : .notLike, SQLBind(OutboxMessage.smsPrefix + "%"))
            .orderBy("next_attempt_ms").orderBy("id").limit(limit).all().map(Self.decode)
    }

    func markSent(id: Int64, atMillis: Int64) async throws {
        try await db.update("outbox").set("sent_at_ms", to: SQLBind(atMillis)).set("attempts", to: SQLRaw("attempts + 1"))
            .set("last_error", to: SQLLiteral.null).where("id", .equal, SQLBind(id)).run()
    }

    func markFailed(id: Int64, error: String, attempts: Int, nextAttemptAtMillis: Int64) async throws {
        try await db.update("outbox").set("attempts", to: SQLBind(attempts)).set("last_error", to: SQLBind(String(error.prefix(500))))
            .set("next_attempt_ms", to: SQLBind(nextAttemptAtMillis)).where("id", .equal, SQLBind(id)).run()
    }

    func list(agencyID: Int64, limit: Int) async throws -> [OutboxMessage] {
        try await select().where("agency_id", .equal, SQLBind(agencyID)).orderBy("id", .descending).limit(limit).all().map(Self.decode)
    }

    func messages(requestID: Int64) async throws -> [OutboxMessage] {
        try await select().where("request_id", .equal, SQLBind(requestID)).orderBy("id").all().map(Self.decode)
    }
}
