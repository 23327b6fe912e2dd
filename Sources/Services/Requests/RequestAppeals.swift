public import Domain
import Storage

/// Reconsideration and litigation cases (table 四 of the annual report).
public struct RequestAppeals: Sendable {
    let env: ServiceEnvironment

    public init(env: ServiceEnvironment) {
        self.env = env
    }

    public func file(
        _ requestID: Int64, kind: String?, forum: String?, filedOn: String?, note: String?, identity: StaffIdentity, address: String
    ) async throws -> RequestAppeal {
        let k = try RequestService.parse(kind ?? "", "kind", RequestAppeal.Kind.self)
        let f = try RequestSteps.trimmed(forum, "forum", k == .reconsideration ? "请填写复议机关" : "请填写受理法院", limit: 200)
        let now = env.nowMillis
        let today = env.today
        let actor = AuditActor(identity, address: address)
        return try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            let r = try await RequestLetters.request(requestID, identity, stores)
            let on = try RequestService.stepDate(filedOn, "filedOn", earliest: r.clock.receivedOn, today: today)
            let a = try await stores.appeals.create(
                RequestAppeal(
                    agencyID: r.agencyID, requestID: r.id, kind: k, forum: f, filedOn: on, note: String((note ?? "").prefix(2000)),
                    createdAtMillis: now))
            try await trail.log(.requestAppeal, .request, r.id, detail: "\(k.label)：\(f)（\(on)）")
            return a
        }
    }

    public func decide(_ id: Int64, result: String?, decidedOn: String?, note: String?, identity: StaffIdentity, address: String)
        async throws
        -> RequestAppeal
    {
        let res = try RequestService.parse(result ?? "", "result", RequestAppeal.Result.self)
        let now = env.nowMillis
        let today = env.today
        let actor = AuditActor(identity, address: address)
        return try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            guard var a = try await stores.appeals.find(id: id), a.agencyID == identity.agency.id else { throw DomainError.notFound("该案件") }
            guard a.result == .pending else { throw DomainError.conflict("该案件已审结（\(a.result.label)）") }
            a.result = res
            if res == .pending {
                a.decidedOn = nil
            } else {
                a.decidedOn = try RequestService.stepDate(decidedOn, "decidedOn", earliest: a.filedOn, today: today)
            }
            if let note, !note.isEmpty { a.note = String(note.prefix(2000)) }
            try await stores.appeals.update(a)
            try await trail.log(
                .requestAppealResult, .request, a.requestID ?? 0,
                detail: "\(a.kind.label)：\(res.label)" + (a.decidedOn.map { "（\($0)）" } ?? ""))
            return a
        }
    }
}
