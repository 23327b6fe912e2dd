public import Domain
import Foundation
import Storage

extension RequestService {
    /// Runs a step on a request of the caller's agency.
    public func apply(
        _ id: Int64, _ step: @escaping RequestSteps.Apply, _ fields: RequestSteps.Fields, action: AuditAction, identity: StaffIdentity,
        address: String
    ) async throws -> DisclosureRequest {
        let today = env.today
        return try await change(id, by: identity, from: address, action: action) { r, calendar in
            try step(&r, fields, today, calendar)
        }
    }

    /// The reply: the outcome (or the draft letter's), and the letter numbered and kept in the same transaction.
    public func reply(_ id: Int64, _ fields: RequestSteps.Fields, identity: StaffIdentity, address: String) async throws
        -> DisclosureRequest
    {
        let outcome: RequestOutcome
        if let text = fields.outcome, !text.isEmpty {
            outcome = try RequestOutcome.parse(text)
        } else if let draft = try await env.database.stores.letters.letters(requestID: id).last(where: { $0.status == .draft }) {
            outcome = draft.outcome
        } else {
            throw DomainError.invalid("outcome", "请选择办理结果")
        }
        let letters = RequestLetters(env: env)
        let details = RequestLetters.details(fields)
        let agencyName = identity.agency.name
        let today = env.today
        return try await change(
            id, by: identity, from: address, action: .requestReply,
            { r, calendar in try RequestSteps.reply(outcome)(&r, fields, today, calendar) },
            then: { stores, r in try await letters.send(r, details: details, agencyName: agencyName, stores: stores) })
    }

    /// The fee-notice step with the applicant's ordinal for the month read first.
    public func feeNotice(_ id: Int64) async throws -> RequestSteps.Apply {
        guard let r = try await env.database.stores.requests.find(id: id) else { throw DomainError.notFound("该申请") }
        let ordinal = try await env.database.stores.requests.ordinalInMonth(of: r)
        return RequestSteps.feeNotice(ordinal: ordinal, schedule: env.settings.fees)
    }

    /// Assigns a request to a department and a handler of the agency (either may be cleared).
    public func assign(_ id: Int64, departmentID: Int64?, handlerID: Int64?, identity: StaffIdentity, address: String) async throws
        -> DisclosureRequest
    {
        let stores = env.database.stores
        var names: [String] = []
        if let departmentID {
            guard let d = try await stores.agencies.departments(of: identity.agency.id).first(where: { $0.id == departmentID }) else {
                throw DomainError.invalid("departmentId", "本机关没有编号为 \(departmentID) 的科室")
            }
            names.append("承办科室：\(d.name)")
        }
        if let handlerID {
            guard let u = try await stores.users.find(id: handlerID), u.agencyID == identity.agency.id, !u.disabled,
                !u.roles.isDisjoint(with: [.requestHandler, .officeAdmin])
            else { throw DomainError.invalid("handlerId", "承办人须为本机关有依申请公开办理权限的在用账号") }
            names.append("承办人：\(u.displayName)")
        }
        let detail = names.isEmpty ? "取消分办" : "分办：" + names.joined(separator: "，")
        return try await change(id, by: identity, from: address, action: .requestAssign) { r, _ in
            guard r.status != .replied else { throw DomainError.conflict("该申请已答复") }
            r.handling.departmentID = departmentID
            r.handling.handlerID = handlerID
            return detail
        }
    }

    /// Transfers an open request to another agency on the installation; the receipt date, and
    /// with it the due date, stay as they were. The new agency's staff take it from there.
    public func transfer(_ id: Int64, to agencyID: Int64?, reason: String?, identity: StaffIdentity, address: String) async throws
        -> DisclosureRequest
    {
        guard let agencyID else { throw DomainError.invalid("agency", "请选择转办的机关") }
        guard agencyID != identity.agency.id else { throw DomainError.invalid("agency", "不能转给本机关") }
        guard let target = try await env.database.stores.agencies.find(id: agencyID) else {
            throw DomainError.invalid("agency", "没有编号为 \(agencyID) 的机关")
        }
        let why = try RequestSteps.trimmed(reason, "reason", "请写明转办理由（如该信息由对方机关制作或保存）")
        let today = env.today
        let from = identity.agency
        let now = env.nowMillis
        let actor = AuditActor(identity, address: address)
        let clocks = env.clocks
        let notices = RequestNotices(env: env)
        return try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            guard var r = try await stores.requests.find(id: id), r.agencyID == from.id else { throw DomainError.notFound("该申请") }
            guard r.status != .replied else { throw DomainError.conflict("该申请已答复，不能转办") }
            r.handling.transfers.append(.init(fromAgencyID: from.id, fromAgency: from.name, toAgency: target.name, on: today, reason: why))
            r.agencyID = target.id
            r.handling.departmentID = nil
            r.handling.handlerID = nil
            r.dueOn = r.clock.compute(clocks).dueOn
            r.updatedAtMillis = now
            try await stores.requests.update(r)
            let detail = "由\(from.name)转\(target.name)办理（\(today)）：\(why)；收到申请日期仍为 \(r.clock.receivedOn)"
            for agency in [from.id, target.id] {
                try await trail.log(.requestTransfer, .request, r.id, agencyID: agency, detail: detail)
            }
            try await notices.queue(action: .requestTransfer, request: r, agencyName: target.name, stores: stores)
            return r
        }
    }

    /// Art. 44: other applicants' requests for the same information in the last year.
    public func similar(to r: DisclosureRequest) async throws -> [DisclosureRequest] {
        let since = r.clock.receivedOn.adding(days: -365)
        let candidates = try await env.database.stores.requests.received(agencyID: r.agencyID, since: since, limit: 2_000)
        let threshold = env.settings.similarityThreshold
        return candidates.filter {
            $0.id != r.id && $0.applicant.idNumber != r.applicant.idNumber
                && RequestSimilarity.score($0.description, r.description) >= threshold
        }
    }

    /// Art. 44: links the request, and the similar ones, to the document that made the information public.
    public func linkProactive(_ id: Int64, documentID: Int64?, identity: StaffIdentity, address: String) async throws -> [Int64] {
        guard let documentID else { throw DomainError.invalid("documentId", "请给出主动公开的文件编号") }
        guard let doc = try await env.database.stores.catalog.find(id: documentID), doc.agencyID == identity.agency.id else {
            throw DomainError.invalid("documentId", "本机关目录中没有编号为 \(documentID) 的文件")
        }
        guard let r = try await env.database.stores.requests.find(id: id), r.agencyID == identity.agency.id else {
            throw DomainError.notFound("该申请")
        }
        let ids = [r.id] + (try await similar(to: r)).map(\.id)
        let now = env.nowMillis
        let actor = AuditActor(identity, address: address)
        try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            for rid in ids {
                guard var each = try await stores.requests.find(id: rid) else { continue }
                each.handling.proactiveDocumentID = documentID
                each.updatedAtMillis = now
                try await stores.requests.update(each)
                try await trail.log(.requestProactive, .request, rid, detail: "依第四十四条纳入主动公开：文件 \(documentID)《\(doc.title)》")
            }
        }
        return ids
    }
}
