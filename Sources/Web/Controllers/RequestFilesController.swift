import Domain
import Hummingbird
import Reports
import Services
import Storage

/// The rest of a request's file over JSON: assignment, transfer, the reply letter, Art. 44,
/// reconsideration and litigation cases, and the outbox.
struct RequestFilesController {
    let env: WebEnvironment

    var service: RequestService { RequestService(env: env.services) }
    var letters: RequestLetters { RequestLetters(env: env.services) }

    func register(on router: Router<GongkaiRequestContext>) {
        let handlers: Set<Role> = [.requestHandler, .officeAdmin]
        router.staff(.post, Routes.API.requestAssign, .roles(handlers), use: assign)
        router.staff(.post, Routes.API.requestTransfer, .roles(handlers), use: transfer)
        router.staff(.get, Routes.API.requestLetter, .roles(handlers), use: letter)
        router.staff(.post, Routes.API.requestLetter, .roles(handlers), use: draftLetter)
        router.staff(.put, Routes.API.requestLetter, .roles(handlers), use: editLetter)
        router.staff(.get, Routes.API.letterHTML, .roles(handlers), use: letterHTML)
        router.staff(.get, Routes.API.letterPDF, .roles(handlers), use: letterPDF)
        router.staff(.get, Routes.API.requestSimilar, .roles(handlers), use: similar)
        router.staff(.post, Routes.API.requestProactive, .roles(handlers), use: proactive)
        router.staff(.post, Routes.API.requestAppeals, .roles(handlers), use: fileAppeal)
        router.staff(.get, Routes.API.appeals, .roles(handlers), use: appeals)
        router.staff(.post, Routes.API.appeal, .roles(handlers), use: decideAppeal)
        router.staff(.get, Routes.API.outbox, .roles([.officeAdmin]), use: outbox)
    }

    func requestID(_ context: GongkaiRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该申请") }
        return id
    }

    struct AssignBody: Decodable {
        var departmentId: Int64?
        var handlerId: Int64?
    }

    struct Assigned: ResponseEncodable {
        var id: Int64
        var departmentId: Int64?
        var handlerId: Int64?
    }

    @Sendable func assign(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Assigned {
        let body = try await request.decodeJSON(AssignBody.self, context: context)
        let r = try await service.assign(
            try requestID(context), departmentID: body.departmentId, handlerID: body.handlerId, identity: identity,
            address: context.remoteAddress)
        return Assigned(id: r.id, departmentId: r.handling.departmentID, handlerId: r.handling.handlerID)
    }

    struct TransferBody: Decodable {
        var agency: Int64?
        var reason: String?
    }

    struct Transferred: ResponseEncodable {
        var id: Int64
        var agencyId: Int64
        var receivedOn: CivilDate
        var dueOn: CivilDate?
    }

    @Sendable func transfer(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Transferred {
        let body = try await request.decodeJSON(TransferBody.self, context: context)
        let r = try await service.transfer(
            try requestID(context), to: body.agency, reason: body.reason, identity: identity, address: context.remoteAddress)
        return Transferred(id: r.id, agencyId: r.agencyID, receivedOn: r.clock.receivedOn, dueOn: r.dueOn)
    }

    struct LetterDTO: ResponseEncodable {
        var id: Int64
        var requestId: Int64
        var outcome: RequestOutcome
        var outcomeLabel: String
        var title: String
        var body: String
        var status: ReplyLetter.Status
        var number: String?
        var sentOn: CivilDate?
        var htmlURL: String
        var pdfURL: String

        init(_ l: ReplyLetter) {
            id = l.id
            requestId = l.requestID
            outcome = l.outcome
            outcomeLabel = l.outcome.label
            title = l.title
            body = l.body
            status = l.status
            number = l.number
            sentOn = l.sentOn
            htmlURL = Routes.API.letterHTML.path(l.id)
            pdfURL = Routes.API.letterPDF.path(l.id)
        }
    }

    @Sendable func letter(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> LetterDTO {
        let r = try await RequestLetters.request(try requestID(context), identity, env.database.stores)
        guard let l = try await env.database.stores.letters.letters(requestID: r.id).last else { throw DomainError.notFound("该申请的答复告知书") }
        return LetterDTO(l)
    }

    @Sendable func draftLetter(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws
        -> EditedResponse<LetterDTO>
    {
        let body = try await request.decodeJSON(RequestSteps.Fields.self, context: context)
        let outcome = try RequestOutcome.parse(body.outcome ?? "")
        let l = try await letters.draft(
            try requestID(context), outcome: outcome, details: RequestLetters.details(body), by: identity, address: context.remoteAddress)
        return EditedResponse(status: .created, response: LetterDTO(l))
    }

    @Sendable func editLetter(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> LetterDTO {
        let body = try await request.decodeJSON(RequestSteps.Fields.self, context: context)
        return LetterDTO(
            try await letters.edit(
                try requestID(context), title: body.title, body: body.body ?? "", by: identity, address: context.remoteAddress))
    }

    func ownLetter(_ context: GongkaiRequestContext, _ identity: StaffIdentity) async throws -> ReplyLetter {
        guard let lid = context.parameters.get("lid", as: Int64.self), let l = try await env.database.stores.letters.find(id: lid),
            l.agencyID == identity.agency.id
        else { throw DomainError.notFound("该答复告知书") }
        return l
    }

    @Sendable func letterHTML(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let l = try await ownLetter(context, identity)
        let kept = l.status == .sent ? try await env.database.stores.letters.html(id: l.id) : nil
        var response = PageRenderer.html(kept ?? LetterView.render(l, agencyName: identity.agency.name))
        response.headers[.cacheControl] = "no-store"
        return response
    }

    @Sendable func letterPDF(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let l = try await ownLetter(context, identity)
        let pdf = try await letters.pdf(l, agencyName: identity.agency.name)
        let name = "letter-\(l.number.map { _ in String(l.year ?? 0) + "-" + String(l.serial ?? 0) } ?? "draft-\(l.id)").pdf"
        return Response(
            status: .ok,
            headers: [.contentType: "application/pdf", .contentDisposition: "inline; filename=\"\(name)\"", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: pdf)))
    }

    struct SimilarItem: Encodable, Sendable {
        var id: Int64
        var trackingCode: String
        var receivedOn: CivilDate
        var description: String
        var applicantName: String
    }

    struct Similar: ResponseEncodable {
        /// Different applicants asking for this information, this request's included.
        var applicants: Int
        /// Whether the console suggests publishing it actively (Art. 44).
        var suggestProactive: Bool
        var proactiveDocumentId: Int64?
        var requests: [SimilarItem]
    }

    func similarity(_ r: DisclosureRequest) async throws -> Similar {
        let found = try await service.similar(to: r)
        let applicants = Set(found.map(\.applicant.idNumber) + [r.applicant.idNumber]).count
        return Similar(
            applicants: applicants,
            suggestProactive: applicants >= env.rules.proactiveSuggestionApplicants && r.handling.proactiveDocumentID == nil,
            proactiveDocumentId: r.handling.proactiveDocumentID,
            requests: found.map {
                SimilarItem(
                    id: $0.id, trackingCode: $0.trackingCode, receivedOn: $0.clock.receivedOn,
                    description: String($0.description.prefix(120)),
                    applicantName: $0.applicant.maskedName)
            })
    }

    @Sendable func similar(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Similar {
        let r = try await RequestLetters.request(try requestID(context), identity, env.database.stores)
        return try await similarity(r)
    }

    struct ProactiveBody: Decodable {
        var documentId: Int64?
    }

    struct Linked: ResponseEncodable {
        var documentId: Int64
        var requestIds: [Int64]
    }

    @Sendable func proactive(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Linked {
        let body = try await request.decodeJSON(ProactiveBody.self, context: context)
        let ids = try await service.linkProactive(
            try requestID(context), documentID: body.documentId, identity: identity, address: context.remoteAddress)
        return Linked(documentId: body.documentId ?? 0, requestIds: ids)
    }

    struct AppealBody: Decodable {
        var kind: String?
        var forum: String?
        var filedOn: String?
        var result: String?
        var decidedOn: String?
        var note: String?
    }

    struct AppealDTO: ResponseEncodable {
        var id: Int64
        var requestId: Int64?
        var kind: RequestAppeal.Kind
        var kindLabel: String
        var forum: String
        var filedOn: CivilDate
        var result: RequestAppeal.Result
        var resultLabel: String
        var decidedOn: CivilDate?
        var note: String

        init(_ a: RequestAppeal) {
            id = a.id
            requestId = a.requestID
            kind = a.kind
            kindLabel = a.kind.label
            forum = a.forum
            filedOn = a.filedOn
            result = a.result
            resultLabel = a.result.label
            decidedOn = a.decidedOn
            note = a.note
        }
    }

    @Sendable func fileAppeal(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws
        -> EditedResponse<AppealDTO>
    {
        let body = try await request.decodeJSON(AppealBody.self, context: context)
        let a = try await RequestAppeals(env: env.services).file(
            try requestID(context), kind: body.kind, forum: body.forum, filedOn: body.filedOn, note: body.note, identity: identity,
            address: context.remoteAddress)
        return EditedResponse(status: .created, response: AppealDTO(a))
    }

    @Sendable func decideAppeal(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> AppealDTO {
        guard let aid = context.parameters.get("aid", as: Int64.self) else { throw DomainError.notFound("该案件") }
        let body = try await request.decodeJSON(AppealBody.self, context: context)
        return AppealDTO(
            try await RequestAppeals(env: env.services).decide(
                aid, result: body.result, decidedOn: body.decidedOn, note: body.note, identity: identity, address: context.remoteAddress))
    }

    struct TableRow: Encodable, Sendable {
        var kind: RequestAppeal.Kind
        var label: String
        var upheld: Int
        var corrected: Int
        var other: Int
        var pending: Int
        var total: Int
    }

    struct Appeals: ResponseEncodable {
        var year: Int
        var table: [TableRow]
        var cases: [AppealDTO]
    }

    @Sendable func appeals(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Appeals {
        let yearText = request.uri.queryParameters["year"].map(String.init) ?? ""
        let year = yearText.isEmpty ? env.today.year : Int(yearText) ?? -1
        guard (2008...2100).contains(year) else { throw DomainError.invalid("year", "year 须为四位年份") }
        let all = try await env.database.stores.appeals.list(agencyID: identity.agency.id)
        let table = RequestAppeal.table(all, year: year)
        return Appeals(
            year: year,
            table: RequestAppeal.Kind.allCases.map { k in
                let t = table[k] ?? [:]
                return TableRow(
                    kind: k, label: k.label, upheld: t[.upheld] ?? 0, corrected: t[.corrected] ?? 0, other: t[.other] ?? 0,
                    pending: t[.pending] ?? 0, total: t.values.reduce(0, +))
            },
            cases: all.filter { ($0.decidedOn?.year ?? $0.filedOn.year) == year }.map(AppealDTO.init))
    }

    struct OutboxItem: Encodable, Sendable {
        var id: Int64
        var requestId: Int64?
        var recipient: String
        var subject: String
        var attempts: Int
        var sent: Bool
        var lastError: String?
    }

    struct Outbox: ResponseEncodable {
        /// Whether e-mail (SMTP) and text messages (the SMS gateway) are sent; unset ones wait.
        var configured: Bool
        var smsConfigured: Bool
        var items: [OutboxItem]
    }

    @Sendable func outbox(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Outbox {
        let items = try await env.database.stores.outbox.list(agencyID: identity.agency.id, limit: 200)
        return Outbox(
            configured: env.rules.smtp != nil, smsConfigured: env.rules.sms != nil,
            items: items.map {
                OutboxItem(
                    id: $0.id, requestId: $0.requestID, recipient: $0.recipient, subject: $0.subject, attempts: $0.attempts,
                    sent: $0.sentAtMillis != nil, lastError: $0.lastError)
            })
    }
}
