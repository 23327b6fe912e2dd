import Domain
import Foundation
import SQLKit
import Storage

struct SQLConsultationStore: ConsultationStore {
    let db: any SQLDatabase

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable & Sendable>(_ row: any SQLRow, as: T.Type, id: (inout T, Int64) -> Void) throws -> T {
        var value = try JSONDecoder().decode(T.self, from: Data(try row.decode(column: "content_json", as: String.self).utf8))
        id(&value, try row.decode(column: "id", as: Int64.self))
        return value
    }

    static func consultation(_ row: any SQLRow) throws -> Consultation { try decode(row, as: Consultation.self) { $0.id = $1 } }
    static func comment(_ row: any SQLRow) throws -> PublicComment { try decode(row, as: PublicComment.self) { $0.id = $1 } }

    func create(_ c: Consultation) async throws -> Consultation {
        let row = try await db.insert(into: "consultations").columns("agency_id", "published", "opens_on", "content_json", "updated_at_ms")
            .values(
                SQLBind(c.agencyID), SQLBind(c.published ? 1 : 0), SQLBind(c.opensOn.description), SQLBind(try Self.json(c)),
                SQLBind(c.updatedAtMillis)
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("征求意见保存失败") }
        var stored = c
        stored.id = id
        return stored
    }

    func find(id: Int64) async throws -> Consultation? {
        try await db.select().columns("id", "content_json").from("consultations").where("id", .equal, SQLBind(id)).first().map(
            Self.consultation)
    }

    func update(_ c: Consultation) async throws {
        try await db.update("consultations").set("published", to: SQLBind(c.published ? 1 : 0)).set(
            "opens_on", to: SQLBind(c.opensOn.description)
        )
        .set("content_json", to: SQLBind(try Self.json(c))).set("updated_at_ms", to: SQLBind(c.updatedAtMillis))
        .where("id", .equal, SQLBind(c.id)).run()
    }

    func list(agencyID: Int64) async throws -> [Consultation] {
        try await db.select().columns("id", "content_json").from("consultations").where("agency_id", .equal, SQLBind(agencyID))
            .orderBy("id", .descending).all().map(Self.consultation)
    }

    func published(agencyID: Int64?, limit: Int) async throws -> [Consultation] {
        var q = db.select().columns("id", "content_json").from("consultations").where("published", .equal, SQLBind(1))
        if let agencyID { q = q.where("agency_id", .equal, SQLBind(agencyID)) }
        return try await q.orderBy("opens_on", .descending).orderBy("id", .descending).limit(limit).all().map(Self.consultation)
    }

    func addComment(_ c: PublicComment) async throws -> PublicComment {
        let row = try await db.insert(into: "public_comments").columns("consultation_id", "status", "content_json", "created_at_ms")
            .values(SQLBind(c.consultationID), SQLBind(c.status.rawValue), SQLBind(try Self.json(c)), SQLBind(c.createdAtMillis))
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("意见保存失败") }
        var stored = c
        stored.id = id
        return stored
    }

    func comment(id: Int64) async throws -> PublicComment? {
        try await db.select().columns("id", "content_json").from("public_comments").where("id", .equal, SQLBind(id)).first().map(
            Self.comment)
    }

    func updateComment(_ c: PublicComment) async throws {
        try await db.update("public_comments").set("status", to: SQLBind(c.status.rawValue)).set(
            "content_json", to: SQLBind(try Self.json(c))
        )
        .where("id", .equal, SQLBind(c.id)).run()
    }

    func comments(consultationID: Int64) async throws -> [PublicComment] {
        try await db.select().columns("id", "content_json").from("public_comments").where(
            "consultation_id", .equal, SQLBind(consultationID)
        )
        .orderBy("id").all().map(Self.comment)
    }
}
