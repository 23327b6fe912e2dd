import Domain
import Foundation
import SQLKit
import Storage

struct SQLRequestStore: RequestStore {
    let db: any SQLDatabase

    static let columns = [
        "id", "agency_id", "tracking_code", "channel", "applicant_type", "applicant_name", "applicant_id_number", "applicant_phone",
        "applicant_email", "applicant_address", "description", "purpose", "delivery", "status", "received_on", "due_on", "clock_json",
        "outcome", "replied_on", "created_at_ms", "updated_at_ms", "handling_json", "handler_id", "fee_paid_yuan",
        "proactive_document_id",
    ]

    static func decode(_ row: any SQLRow) throws -> DisclosureRequest {
        func text(_ c: String) throws -> String { try row.decode(column: c, as: String.self) }
        func value<E: RawRepresentable<String>>(_ c: String, _: E.Type) throws -> E {
            let raw = try text(c)
            guard let v = E(rawValue: raw) else { throw DomainError.conflict("数据库中 \(c) 的值“\(raw)”无法识别") }
            return v
        }
        func date(_ c: String) throws -> CivilDate? { try row.decode(column: c, as: String?.self).flatMap { CivilDate(iso: $0) } }
        let clock = try JSONDecoder().decode(RequestClock.self, from: Data(try text("clock_json").utf8))
        let handling = try JSONDecoder().decode(RequestHandling.self, from: Data(try text("handling_json").utf8))
        return DisclosureRequest(
            id: try row.decode(column: "id"), agencyID: try row.decode(column: "agency_id"), trackingCode: try text("tracking_code"),
            channel: try value("channel", RequestChannel.self),
            applicant: Applicant(
                type: try value("applicant_type", ApplicantType.self), name: try text("applicant_name"),
                idNumber: try text("applicant_id_number"), phone: try text("applicant_phone"), email: try text("applicant_email"),
                address: try text("applicant_address")),
            description: try text("description"), purpose: try text("purpose"), delivery: try value("delivery", DeliveryMethod.self),
            status: try value("status", RequestStatus.self), clock: clock, dueOn: try date("due_on"),
            outcome: try row.decode(column: "outcome", as: String?.self).flatMap(RequestOutcome.init(rawValue:)),
            repliedOn: try date("replied_on"), handling: handling, createdAtMillis: try row.decode(column: "created_at_ms"),
            updatedAtMillis: try row.decode(column: "updated_at_ms"))
    }

    static func values(_ r: DisclosureRequest) throws -> [any Encodable & Sendable] {
        let clock = String(decoding: try JSONEncoder().encode(r.clock), as: UTF8.self)
        let handling = String(decoding: try JSONEncoder().encode(r.handling), as: UTF8.self)
        return [
            r.agencyID, r.trackingCode, r.channel.rawValue, r.applicant.type.rawValue, r.applicant.name, r.applicant.idNumber,
            r.applicant.phone, r.applicant.email, r.applicant.address, r.description, r.purpose, r.delivery.rawValue, r.status.rawValue,
            r.clock.receivedOn.description, r.dueOn?.description, clock, r.outcome?.rawValue, r.repliedOn?.description, r.createdAtMillis,
            r.updatedAtMillis, handling, r.handling.handlerID, r.handling.fee?.paidYuan.map(Int64.init), r.handling.proactiveDocumentID,
        ]
    }

    func create(_ request: DisclosureRequest) async throws -> DisclosureRequest {
        do {
            let row = try await db.insert(into: "disclosure_requests").columns(Self.columns.dropFirst().map { SQLColumn($0) })
                .values(try Self.values(request).map { SQLBind($0) }).returning("id").first()
            guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("申请保存失败") }
            var stored = request
            stored.id = id
            return stored
        } catch  where isUniqueViolation(error) {
            throw DomainError.conflict("查询码已被使用")
        }
    }

    private func select() -> SQLSelectBuilder {
        db.select().columns(Self.columns.map { SQLColumn($0) }).from("disclosure_requests")
    }

    func find(id: Int64) async throws -> DisclosureRequest? {
        try await select().where("id", .equal, SQLBind(id)).first().map(Self.decode)
    }

    func find(trackingCode: String) async throws -> DisclosureRequest? {
        try await select().where("tracking_code", .equal, SQLBind(trackingCode)).first().map(Self.decode)
    }

    func update(_ request: DisclosureRequest) async throws {
        var update = db.update("disclosure_requests")
        for (column, value) in zip(Self.columns.dropFirst(), try Self.values(request)) where column != "tracking_code" {
            update = update.set(SQLColumn(column), to: SQLBind(value))
        }
        try await update.where("id", .equal, SQLBind(request.id)).run()
    }

    func list(_ filter: RequestFilter) async throws -> [DisclosureRequest] {
        if filter.statuses.isEmpty { return [] }
        var query = select().where("agency_id", .equal, SQLBind(filter.agencyID))
            .where("status", .in, SQLBind.group(filter.statuses.map(\.rawValue).sorted()))
        if let handler = filter.handlerID { query = query.where("handler_id", .equal, SQLBind(handler)) }
        return try await query.orderBy(SQLRaw("due_on IS NULL")).orderBy("due_on").orderBy("id").limit(filter.limit).offset(filter.offset)
            .all().map(Self.decode)
    }

    func ordinalInMonth(of r: DisclosureRequest) async throws -> Int {
        let received = r.clock.receivedOn
        let monthStart = CivilDate(year: received.year, month: received.month, day: 1)!.description
        let row = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("disclosure_requests")
            .where("agency_id", .equal, SQLBind(r.agencyID))
            .where("applicant_id_number", .equal, SQLBind(r.applicant.idNumber))
            .where("received_on", .greaterThanOrEqual, SQLBind(monthStart))
            .where {
                $0.where("received_on", .lessThan, SQLBind(received.description))
                    .orWhere { $0.where("received_on", .equal, SQLBind(received.description)).where("id", .lessThanOrEqual, SQLBind(r.id)) }
            }
            .first()
        return try row?.decode(column: "n", as: Int.self) ?? 1
    }

    func withFeesPaid(agencyID: Int64) async throws -> [DisclosureRequest] {
        try await select().where("agency_id", .equal, SQLBind(agencyID)).where("fee_paid_yuan", .isNot, SQLLiteral.null).orderBy("id").all()
            .map(Self.decode)
    }

    func activeIn(agencyID: Int64, year: Int) async throws -> [DisclosureRequest] {
        try await select().where("agency_id", .equal, SQLBind(agencyID))
            .where("received_on", .lessThanOrEqual, SQLBind(String(format: "%04d-12-31", year)))
            .where {
                $0.where("replied_on", .is, SQLLiteral.null).orWhere(
                    "replied_on", .greaterThanOrEqual, SQLBind(String(format: "%04d-01-01", year)))
            }
            .orderBy("id").all().map(Self.decode)
    }

    func received(agencyID: Int64, since: CivilDate, limit: Int) async throws -> [DisclosureRequest] {
        try await select().where("agency_id", .equal, SQLBind(agencyID)).where(
            "received_on", .greaterThanOrEqual, SQLBind(since.description)
        )
        .orderBy("received_on", .descending).orderBy("id", .descending).limit(limit).all().map(Self.decode)
    }
}
