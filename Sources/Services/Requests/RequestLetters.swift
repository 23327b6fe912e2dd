public import Domain
import Foundation
import Reports
public import Storage

/// Reply letters: a draft written from the outcome's template, edited by the handler, numbered
/// and kept (HTML at once, PDF when first printed) when the reply is sent.
public struct RequestLetters: Sendable {
    public init(env: ServiceEnvironment) {
        self.env = env
    }

    let env: ServiceEnvironment

    public static func details(_ f: RequestSteps.Fields) -> ReplyLetterTemplate.Details {
        .init(publishedAt: f.publishedAt ?? "", responsibleAgency: f.responsibleAgency ?? "", note: f.note ?? "")
    }

    /// Writes (or rewrites) the draft of a request's letter from the template.
    public func draft(
        _ requestID: Int64, outcome: RequestOutcome, details: ReplyLetterTemplate.Details, by identity: StaffIdentity, address: String
    )
        async throws -> ReplyLetter
    {
        try ReplyLetterTemplate.check(outcome, details)
        let now = env.nowMillis
        let today = env.today
        return try await env.database.audited(by: AuditActor(identity, address: address), atMillis: now) { stores, trail in
            let r = try await Self.request(requestID, identity, stores)
            guard r.status != .replied else { throw DomainError.conflict("该申请已答复，告知书已经发出") }
            let body = ReplyLetterTemplate.draft(
                outcome: outcome, applicantName: r.applicant.name, receivedOn: r.clock.receivedOn, description: r.description,
                agencyName: identity.agency.name, details: details, replyOn: today)
            let letter: ReplyLetter
            if var existing = try await stores.letters.letters(requestID: r.id).last(where: { $0.status == .draft }) {
                existing.outcome = outcome
                existing.body = body
                existing.updatedAtMillis = now
                try await stores.letters.updateDraft(existing)
                letter = existing
            } else {
                letter = try await stores.letters.create(
                    ReplyLetter(
                        agencyID: r.agencyID, requestID: r.id, outcome: outcome, body: body, createdAtMillis: now, updatedAtMillis: now))
            }
            try await trail.log(.requestLetterDraft, .request, r.id, detail: "答复告知书草稿：\(outcome.label)")
            return letter
        }
    }

    /// Saves the handler's edits to the draft.
    public func edit(_ requestID: Int64, title: String?, body: String, by identity: StaffIdentity, address: String) async throws
        -> ReplyLetter
    {
        let checked = try ReplyLetter.checkBody(body)
        let newTitle = (title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard newTitle.count <= 100 else { throw DomainError.invalid("title", "标题至多 100 字") }
        let now = env.nowMillis
        return try await env.database.audited(by: AuditActor(identity, address: address), atMillis: now) { stores, trail in
            let r = try await Self.request(requestID, identity, stores)
            guard var letter = try await stores.letters.letters(requestID: r.id).last(where: { $0.status == .draft }) else {
                throw DomainError.conflict(r.status == .replied ? "告知书已经发出，不能再修改" : "还没有告知书草稿：请先选择办理结果生成草稿")
            }
            if !newTitle.isEmpty { letter.title = newTitle }
            letter.body = checked
            letter.updatedAtMillis = now
            try await stores.letters.updateDraft(letter)
            try await trail.log(.requestLetterEdit, .request, r.id, detail: "修改答复告知书草稿（\(checked.count) 字）")
            return letter
        }
    }

    /// Inside the reply's transaction: numbers and keeps the draft (written from the template when
    /// there is none), and queues it to the applicant by e-mail.
    func send(_ r: DisclosureRequest, details: ReplyLetterTemplate.Details, agencyName: String, stores: any Stores) async throws {
        guard let outcome = r.outcome, let on = r.repliedOn else { return }
        let now = env.nowMillis
        var letter: ReplyLetter
        if let draft = try await stores.letters.letters(requestID: r.id).last(where: { $0.status == .draft }) {
            guard draft.outcome == outcome else {
                throw DomainError.conflict("答复结果（\(outcome.label)）与告知书草稿的结果（\(draft.outcome.label)）不一致：请重新生成草稿")
            }
            letter = draft
        } else {
            try ReplyLetterTemplate.check(outcome, details)
            let body = ReplyLetterTemplate.draft(
                outcome: outcome, applicantName: r.applicant.name, receivedOn: r.clock.receivedOn, description: r.description,
                agencyName: agencyName, details: details, replyOn: on)
            letter = try await stores.letters.create(
                ReplyLetter(agencyID: r.agencyID, requestID: r.id, outcome: outcome, body: body, createdAtMillis: now, updatedAtMillis: now)
            )
        }
        let serial = try await stores.letters.nextSerial(agencyID: r.agencyID, year: on.year)
        letter.year = on.year
        letter.serial = serial
        letter.number = ReplyLetter.number(agencyShortName: Self.shortName(agencyName), year: on.year, serial: serial)
        letter.status = .sent
        letter.sentOn = on
        letter.updatedAtMillis = now
        try await stores.letters.markSent(letter, html: LetterView.render(letter, agencyName: agencyName))
        if !r.applicant.email.isEmpty {
            try await RequestNotices(env: env).enqueue(
                subject: "【\(agencyName)】\(letter.title)（\(letter.number ?? "")）",
                body: ([letter.title, letter.number ?? ""] + letter.paragraphs).joined(separator: "\n\n") + "\n\n查询码：\(r.trackingCode)",
                request: r, stores: stores)
        }
    }

    /// The PDF of a letter: the kept copy of a sent one (printed and kept the first time), or a
    /// fresh print of a draft.
    public func pdf(_ letter: ReplyLetter, agencyName: String) async throws -> [UInt8] {
        let stores = env.database.stores
        if letter.status == .sent, let kept = try await stores.letters.pdf(id: letter.id) { return kept }
        guard let renderer = env.pdfRenderer else {
            throw ServiceFailure.unavailable("本服务器没有安装 PDF 打印程序（chromium），请先打印网页版")
        }
        let html =
            letter.status == .sent
            ? (try await stores.letters.html(id: letter.id) ?? LetterView.render(letter, agencyName: agencyName))
            : LetterView.render(letter, agencyName: agencyName)
        let pdf = try await renderer.pdf(fromHTML: html)
        if letter.status == .sent { try await stores.letters.keepPDF(id: letter.id, pdf) }
        return pdf
    }

    /// The agency's name without the place prefix kept short for numbering: the name as is when short.
    static func shortName(_ name: String) -> String {
        name.count <= 12 ? name : String(name.prefix(12))
    }

    public static func request(_ id: Int64, _ identity: StaffIdentity, _ stores: any Stores) async throws -> DisclosureRequest {
        guard let r = try await stores.requests.find(id: id), r.agencyID == identity.agency.id else { throw DomainError.notFound("该申请") }
        return r
    }
}
