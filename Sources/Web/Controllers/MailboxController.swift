import Domain
import Foundation
import Hummingbird
import Services
import Storage

/// The leader's mailbox, inquiries and the FAQ: public forms and pages with their JSON twins,
/// the staff API and the console.
struct MailboxController {
    let env: WebEnvironment
    let pages: PageRenderer
    var intakeLimiter: AttemptLimiter { env.limits.mailboxIntake }
    var lookupLimiter: AttemptLimiter { env.limits.mailboxLookup }

    var service: MailboxService { MailboxService(env: env.services) }

    func register(on router: Router<GongkaiRequestContext>) {
        router.get(Routes.Portal.mailbox, use: formPage)
        router.post(Routes.Portal.mailbox, use: submitForm)
        router.get(Routes.Portal.mailboxReceipt, use: receiptPage)
        router.get(Routes.Portal.trackMailbox, use: trackPage)
        router.post(Routes.Portal.rateMailboxReply, use: rateForm)
        router.get(Routes.Portal.mailboxReply, use: replyPage)
        router.get(Routes.Portal.faq, use: faqPage)
        router.post(Routes.API.publicMailbox, use: apiSubmit)
        router.get(Routes.API.publicMailbox, use: apiPublished)
        router.get(Routes.API.publicMailboxLetter, use: apiTrack)
        router.post(Routes.API.publicMailboxRating, use: apiRate)
        router.get(Routes.API.publicFAQ, use: apiFAQ)
        let staff = Access.roles(MailboxService.staff)
        router.staff(.get, Routes.API.mailbox, staff) { _, _, identity in
            MessageList(items: try await visible(identity).map { MessageDTO($0, today: env.today) })
        }
        router.staff(.get, Routes.API.mailboxLetter, staff) { _, context, identity in
            MessageDTO(try await service.message(try id(context), for: identity), today: env.today)
        }
        router.staff(.post, Routes.API.mailboxAssign, staff) { request, context, identity in
            let body = try await request.decodeJSON(MailboxService.Assignment.self, context: context)
            return MessageDTO(
                try await service.assign(try id(context), body, identity: identity, address: context.remoteAddress), today: env.today)
        }
        router.staff(.post, Routes.API.mailboxAnswer, staff) { request, context, identity in
            let body = try await request.decodeJSON(ReplyBody.self, context: context)
            return MessageDTO(
                try await service.answer(try id(context), reply: body.reply, identity: identity, address: context.remoteAddress),
                today: env.today)
        }
        router.staff(.post, Routes.API.mailboxReview, staff) { request, context, identity in
            let body = try await request.decodeJSON(ReviewBody.self, context: context)
            guard let approve = body.approve else { throw DomainError.invalid("approve", "请给出 approve：true 答复，false 退回") }
            return MessageDTO(
                try await service.review(
                    try id(context), approve: approve, comment: body.comment, identity: identity, address: context.remoteAddress),
                today: env.today)
        }
        router.staff(.post, Routes.API.mailboxSupervise, staff) { request, context, identity in
            let body = try await request.decodeJSON(NoteBody.self, context: context)
            return MessageDTO(
                try await service.supervise(try id(context), note: body.note, identity: identity, address: context.remoteAddress),
                today: env.today)
        }
        router.staff(.post, Routes.API.mailboxPublish, staff) { request, context, identity in
            let body = try await request.decodeJSON(PublishBody.self, context: context)
            return MessageDTO(
                try await service.setPublished(try id(context), body.published ?? true, identity: identity, address: context.remoteAddress),
                today: env.today)
        }
        router.staff(.get, Routes.API.faqCandidates, .roles(MailboxService.office)) { _, _, identity in
            Candidates(
                groups: try await service.repeatedQuestions(agencyID: identity.agency.id).map { g in
                    g.map { MessageDTO($0, today: env.today) }
                })
        }
        router.staff(.post, Routes.API.faq, .roles(MailboxService.office)) { request, context, identity in
            let body = try await request.decodeJSON(MailboxService.FAQInput.self, context: context)
            return EditedResponse(
                status: .created, response: FAQDTO(try await service.saveFAQ(nil, body, identity: identity, address: context.remoteAddress))
            )
        }
        router.staff(.put, Routes.API.faqEntry, .roles(MailboxService.office)) { request, context, identity in
            let body = try await request.decodeJSON(MailboxService.FAQInput.self, context: context)
            return FAQDTO(try await service.saveFAQ(try id(context), body, identity: identity, address: context.remoteAddress))
        }
        registerConsole(on: router)
    }

    func id(_ context: GongkaiRequestContext, _ name: String = "id") throws -> Int64 {
        guard let id = context.parameters.get(name, as: Int64.self) else { throw DomainError.notFound("该来信") }
        return id
    }

    func visible(_ identity: StaffIdentity) async throws -> [MailboxMessage] {
        let office = identity.holds(anyOf: MailboxService.office)
        guard office || identity.user.departmentID != nil else { return [] }
        return try await env.database.stores.mailbox.list(
            agencyID: identity.agency.id, departmentID: office ? nil : identity.user.departmentID)
    }

    // MARK: DTOs

    struct ReplyBody: Decodable { var reply: String? }
    struct ReviewBody: Decodable {
        var approve: Bool?
        var comment: String?
    }
    struct NoteBody: Decodable { var note: String? }
    struct PublishBody: Decodable { var published: Bool? }
    struct RatingBody: Decodable {
        var rating: String?
        var comment: String?
    }

    struct MessageDTO: ResponseEncodable, Sendable {
        var id: Int64
        var trackingCode: String
        var kind: MailboxMessage.Kind
        var subject: String
        var body: String
        var name: String
        var phone: String
        var email: String
        var mayPublish: Bool
        var status: MailboxMessage.Status
        var receivedOn: CivilDate
        var dueOn: CivilDate
        var overdue: Bool
        var unit: String
        var departmentId: Int64?
        var reply: String
        var repliedOn: CivilDate?
        var steps: [MailboxMessage.Step]
        var rating: MailboxMessage.Rating?
        var ratingComment: String
        var published: Bool

        init(_ m: MailboxMessage, today: CivilDate) {
            id = m.id
            trackingCode = m.trackingCode
            kind = m.kind
            subject = m.subject
            body = m.body
            name = m.name
            phone = m.phone
            email = m.email
            mayPublish = m.mayPublish
            status = m.status
            receivedOn = m.receivedOn
            dueOn = m.dueOn
            overdue = m.isOverdue(today: today)
            unit = m.unitName
            departmentId = m.departmentID
            reply = m.reply
            repliedOn = m.repliedOn
            steps = m.steps
            rating = m.rating
            ratingComment = m.ratingComment
            published = m.published
        }
    }

    struct MessageList: ResponseEncodable, Sendable { var items: [MessageDTO] }
    struct Candidates: ResponseEncodable, Sendable { var groups: [[MessageDTO]] }

    /// What the writer (holding the code) sees: the status and, once sent, the reply.
    struct TrackDTO: ResponseEncodable, Sendable {
        var trackingCode: String
        var subject: String
        var status: MailboxMessage.Status
        var statusLabel: String
        var receivedOn: CivilDate
        var dueOn: CivilDate
        var reply: String?
        var repliedOn: CivilDate?
        var rating: MailboxMessage.Rating?

        init(_ m: MailboxMessage) {
            trackingCode = m.trackingCode
            subject = m.subject
            status = m.status
            statusLabel = m.status.label
            receivedOn = m.receivedOn
            dueOn = m.dueOn
            reply = m.status == .closed ? m.reply : nil
            repliedOn = m.repliedOn
            rating = m.rating
        }
    }

    /// A published letter: the question with personal data masked, no name or contacts.
    struct PublicDTO: ResponseEncodable, Sendable {
        var id: Int64
        var kind: MailboxMessage.Kind
        var subject: String
        var body: String
        var receivedOn: CivilDate
        var reply: String
        var repliedOn: CivilDate?
        var unit: String

        init(_ m: MailboxMessage) {
            id = m.id
            kind = m.kind
            subject = MailboxService.publicBody(m.subject)
            body = MailboxService.publicBody(m.body)
            receivedOn = m.receivedOn
            reply = MailboxService.publicBody(m.reply)
            repliedOn = m.repliedOn
            unit = m.unitName
        }
    }

    struct PublicList: ResponseEncodable, Sendable { var items: [PublicDTO] }

    struct FAQDTO: ResponseEncodable, Sendable {
        var id: Int64
        var question: String
        var answer: String
        var topic: String
        var sources: [Int64]?
        var published: Bool

        init(_ e: FAQEntry, staff: Bool = true) {
            id = e.id
            question = e.question
            answer = e.answer
            topic = e.topic
            sources = staff ? e.sources : nil
            published = e.published
        }
    }

    struct FAQList: ResponseEncodable, Sendable { var items: [FAQDTO] }

    struct Receipt: ResponseEncodable, Sendable {
        var id: Int64
        var trackingCode: String
        var receivedOn: CivilDate
        var dueOn: CivilDate
    }

    // MARK: Public JSON

    /// The agency whose portal the letter came through.
    func agencyID(_ request: Request) async throws -> Int64 {
        guard let site = try await env.portal(request).agency else { throw APIFailure.unavailable("平台尚未初始化") }
        return site.id
    }

    @Sendable func apiSubmit(_ request: Request, context: GongkaiRequestContext) async throws -> EditedResponse<Receipt> {
        guard intakeLimiter.allow(context.remoteAddress, now: env.clock()) else { throw APIFailure.tooMany("提交过于频繁，请一小时后再试") }
        let body = try await request.decodeJSON(MailboxService.Letter.self, context: context)
        let m = try await service.submit(body, agencyID: try await agencyID(request), address: context.remoteAddress)
        return EditedResponse(
            status: .created, response: Receipt(id: m.id, trackingCode: m.trackingCode, receivedOn: m.receivedOn, dueOn: m.dueOn))
    }

    func lookup(_ code: String, address: String) async throws -> MailboxMessage {
        let now = env.clock()
        guard !lookupLimiter.blocked(address, now: now) else { throw APIFailure.tooMany("查询码输错次数过多，请十分钟后再试") }
        do {
            return try await service.byCode(code)
        } catch {
            _ = lookupLimiter.allow(address, now: now)
            throw error
        }
    }

    @Sendable func apiTrack(_ request: Request, context: GongkaiRequestContext) async throws -> TrackDTO {
        TrackDTO(try await lookup(context.pathText("code"), address: context.remoteAddress))
    }

    @Sendable func apiRate(_ request: Request, context: GongkaiRequestContext) async throws -> TrackDTO {
        let body = try await request.decodeJSON(RatingBody.self, context: context)
        let code = context.pathText("code")
        _ = try await lookup(code, address: context.remoteAddress)
        return TrackDTO(try await service.rate(code: code, rating: body.rating, comment: body.comment, address: context.remoteAddress))
    }

    @Sendable func apiPublished(_ request: Request, context: GongkaiRequestContext) async throws -> PublicList {
        PublicList(
            items: try await env.database.stores.mailbox.published(agencyID: try await env.portal(request).scope, limit: 100).map(
                PublicDTO.init))
    }

    func searchFAQ(_ q: String, _ request: Request) async throws -> [FAQEntry] {
        let all = try await env.database.stores.mailbox.faqs(agencyID: try await env.portal(request).scope, publishedOnly: true)
        return q.isEmpty ? all : FAQEntry.search(all, query: q)
    }

    @Sendable func apiFAQ(_ request: Request, context: GongkaiRequestContext) async throws -> FAQList {
        let q = String((request.uri.queryParameters["q"].map(String.init) ?? "").prefix(100))
        return FAQList(items: try await searchFAQ(q, request).map { FAQDTO($0, staff: false) })
    }
}
