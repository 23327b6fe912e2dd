import Domain
import Foundation
import Hummingbird
import Services
import Storage

/// Consultations on drafts (意见征集): the public pages and their JSON twins, the staff API and
/// the console.
struct ConsultationsController {
    let env: WebEnvironment
    let pages: PageRenderer
    var commentLimiter: AttemptLimiter { env.limits.comments }

    var service: ConsultationService { ConsultationService(env: env.services) }

    func register(on router: Router<GongkaiRequestContext>) {
        router.get(Routes.Portal.consultations, use: publicIndex)
        router.get(Routes.Portal.consultation, use: publicPage)
        router.post(Routes.Portal.consultationComments, use: commentForm)
        router.post(Routes.Portal.consultationCommentConfirm, use: confirmForm)
        router.get(Routes.API.publicConsultations, use: publicList)
        router.get(Routes.API.publicConsultation, use: publicShow)
        router.post(Routes.API.publicConsultationComments, use: publicComment)
        router.post(Routes.API.publicConsultationCommentConfirm, use: publicConfirm)
        let editors = Access.roles(ConsultationService.editors)
        let moderators = Access.roles(ConsultationService.moderators)
        router.staff(.get, Routes.API.consultations, editors) { _, _, identity in
            ConsultationList(
                items: try await env.database.stores.consultations.list(agencyID: identity.agency.id).map {
                    ConsultationDTO($0, today: env.today)
                })
        }
        router.staff(.post, Routes.API.consultations, editors) { request, context, identity in
            let input = try await request.decodeJSON(ConsultationService.Input.self, context: context)
            let c = try await service.create(input, identity: identity, address: context.remoteAddress)
            return EditedResponse(status: .created, response: try await staffDTO(c))
        }
        router.staff(.get, Routes.API.consultation, editors) { _, context, identity in
            try await staffDTO(try await service.consultation(try id(context), of: identity.agency.id))
        }
        router.staff(.put, Routes.API.consultation, editors) { request, context, identity in
            let input = try await request.decodeJSON(ConsultationService.Input.self, context: context)
            return try await staffDTO(try await service.edit(try id(context), input, identity: identity, address: context.remoteAddress))
        }
        router.staff(.post, Routes.API.consultationPublish, moderators) { _, context, identity in
            try await staffDTO(try await service.publish(try id(context), identity: identity, address: context.remoteAddress))
        }
        router.staff(.post, Routes.API.consultationRevisions, editors) { request, context, identity in
            let input = try await request.decodeJSON(ConsultationService.Revision.self, context: context)
            return try await staffDTO(try await service.revise(try id(context), input, identity: identity, address: context.remoteAddress))
        }
        router.staff(.post, Routes.API.consultationModeration, moderators) { request, context, identity in
            let input = try await request.decodeJSON(ConsultationService.Moderation.self, context: context)
            return Changed(changed: try await service.moderate(try id(context), input, identity: identity, address: context.remoteAddress))
        }
        router.staff(.post, Routes.API.consultationDispositions, editors) { request, context, identity in
            let input = try await request.decodeJSON(ConsultationService.DispositionInput.self, context: context)
            return Changed(changed: try await service.dispose(try id(context), input, identity: identity, address: context.remoteAddress))
        }
        router.staff(.get, Routes.API.consultationFeedback, editors) { _, context, identity in
            let c = try await service.consultation(try id(context), of: identity.agency.id)
            return FeedbackDTO(FeedbackReport(comments: try await env.database.stores.consultations.comments(consultationID: c.id)), c)
        }
        router.staff(.post, Routes.API.consultationReport, editors) { _, context, identity in
            let d = try await service.draftReport(try id(context), identity: identity, address: context.remoteAddress)
            return EditedResponse(
                status: .created, response: ReportDraft(documentId: d.id, title: d.title, status: d.workflow.status.rawValue))
        }
        router.staff(.post, Routes.API.consultationDocument, moderators) { request, context, identity in
            let body = try await request.decodeJSON(LinkBody.self, context: context)
            return try await staffDTO(
                try await service.linkDocument(
                    try id(context), documentID: body.documentId, identity: identity, address: context.remoteAddress))
        }
        registerConsole(on: router)
    }

    func id(_ context: GongkaiRequestContext, _ name: String = "id") throws -> Int64 {
        guard let id = context.parameters.get(name, as: Int64.self) else { throw DomainError.notFound("该征求意见") }
        return id
    }

    // MARK: DTOs

    struct CommentDTO: Encodable, Sendable {
        var id: Int64
        var version: Int
        var paragraph: Int?
        var quote: String
        var text: String
        var name: String
        var createdAt: String
        /// Staff only.
        var status: PublicComment.Status?
        var findings: [String]?
        var email: String?
        var phone: String?
        var disposition: PublicComment.Disposition?
        var reason: String?
        var theme: String?

        init(_ c: PublicComment, staff: Bool) {
            id = c.id
            version = c.version
            paragraph = c.paragraph
            quote = c.quote
            text = c.text
            name = c.displayName
            createdAt = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(c.createdAtMillis) / 1000))
            if staff {
                status = c.status
                findings = c.findings
                email = c.email
                phone = c.phone
                disposition = c.disposition
                reason = c.reason
                theme = c.theme
            }
        }
    }

    struct ConsultationDTO: ResponseEncodable, Sendable {
        var id: Int64
        var title: String
        var kind: ConsultationKind
        var kindLabel: String
        var summary: String
        var body: String
        var paragraphs: [String]
        var version: Int
        var changes: [Change]
        var opensOn: CivilDate
        var closesOn: CivilDate
        var status: Consultation.Status
        var identity: CommentIdentity
        var documentId: Int64?
        var reportDocumentId: Int64?
        var comments: [CommentDTO]?

        struct Change: Encodable, Sendable {
            var fromVersion: Int
            var note: String
        }

        init(_ c: Consultation, today: CivilDate, comments: [CommentDTO]? = nil, reportPublished: Bool = true) {
            id = c.id
            title = c.title
            kind = c.kind
            kindLabel = c.kind.label
            summary = c.summary
            body = c.body
            paragraphs = c.paragraphs
            version = c.version
            changes = c.history.map { Change(fromVersion: $0.number, note: $0.note) }
            opensOn = c.opensOn
            closesOn = c.closesOn
            status = c.status(today: today)
            identity = c.identity
            documentId = c.documentID
            reportDocumentId = reportPublished ? c.reportDocumentID : nil
            self.comments = comments
        }
    }

    struct ConsultationList: ResponseEncodable, Sendable {
        var items: [ConsultationDTO]
    }

    struct Changed: ResponseEncodable, Sendable {
        var changed: Int
    }

    struct LinkBody: Decodable {
        var documentId: Int64?
    }

    struct ReportDraft: ResponseEncodable, Sendable {
        var documentId: Int64
        var title: String
        var status: String
    }

    struct FeedbackDTO: ResponseEncodable, Sendable {
        var received: Int
        var published: Int
        var adopted: Int
        var partlyAdopted: Int
        var notAdopted: Int
        var irrelevant: Int
        var undecided: Int
        var themes: [Theme]
        var text: String

        struct Theme: Encodable, Sendable {
            var theme: String
            var counts: [String: Int]
            var reasons: [String]
        }

        init(_ r: FeedbackReport, _ c: Consultation) {
            received = r.received
            published = r.published
            adopted = r.counts[.adopted] ?? 0
            partlyAdopted = r.counts[.partlyAdopted] ?? 0
            notAdopted = r.counts[.notAdopted] ?? 0
            irrelevant = r.counts[.irrelevant] ?? 0
            undecided = r.undecided
            themes = r.themes.map { t in
                Theme(
                    theme: t.theme, counts: Dictionary(uniqueKeysWithValues: t.counts.map { ($0.key.rawValue, $0.value) }),
                    reasons: t.reasons)
            }
            text = r.text(title: c.title, opensOn: c.opensOn, closesOn: c.closesOn)
        }
    }

    func staffDTO(_ c: Consultation) async throws -> ConsultationDTO {
        ConsultationDTO(
            c, today: env.today,
            comments: try await env.database.stores.consultations.comments(consultationID: c.id).map { CommentDTO($0, staff: true) })
    }

    /// What the public sees: published comments only, and the report once it is public.
    func publicDTO(_ c: Consultation) async throws -> ConsultationDTO {
        let stores = env.database.stores
        let comments = try await stores.consultations.comments(consultationID: c.id).filter { $0.status == .published }
        let reportPublic = try await c.reportDocumentID.asyncMap { try await stores.documents.find(id: $0) } ?? nil
        var dto = ConsultationDTO(
            c, today: env.today, comments: comments.map { CommentDTO($0, staff: false) }, reportPublished: reportPublic != nil)
        if let d = c.documentID, try await stores.documents.find(id: d) == nil { dto.documentId = nil }
        return dto
    }

    // MARK: Public JSON

    @Sendable func publicList(_ request: Request, context: GongkaiRequestContext) async throws -> ConsultationList {
        let today = env.today
        return ConsultationList(
            items: try await env.database.stores.consultations.published(agencyID: try await env.portal(request).scope, limit: 200).filter {
                $0.status(today: today) != .draft
            }.map {
                var dto = ConsultationDTO($0, today: today)
                dto.body = ""
                dto.paragraphs = []
                return dto
            })
    }

    @Sendable func publicShow(_ request: Request, context: GongkaiRequestContext) async throws -> ConsultationDTO {
        try await publicDTO(try await service.visible(try id(context)))
    }

    struct CommentReceipt: ResponseEncodable, Sendable {
        var id: Int64
        var status: PublicComment.Status
        var message: String
    }

    static func receiptMessage(_ c: PublicComment, channel: String = "电子邮箱") -> String {
        switch c.status {
        case .unconfirmed: "验证码已发送到您的\(channel)，输入验证码后意见进入审核。"
        default: "意见已收到，编号 \(c.id)。经审核后在征求意见稿旁公开；意见采纳情况将在征集结束后公布。"
        }
    }

    @Sendable func publicComment(_ request: Request, context: GongkaiRequestContext) async throws -> EditedResponse<CommentReceipt> {
        guard commentLimiter.allow(context.remoteAddress, now: env.clock()) else { throw APIFailure.tooMany("提交过于频繁，请一小时后再试") }
        let input = try await request.decodeJSON(ConsultationService.CommentInput.self, context: context)
        let r = try await service.comment(try id(context), input, address: context.remoteAddress)
        return EditedResponse(
            status: .created,
            response: CommentReceipt(
                id: r.comment.id, status: r.comment.status, message: Self.receiptMessage(r.comment, channel: r.channel)))
    }

    struct CodeBody: Decodable {
        var code: String?
    }

    @Sendable func publicConfirm(_ request: Request, context: GongkaiRequestContext) async throws -> CommentReceipt {
        guard commentLimiter.allow("confirm:" + context.remoteAddress, now: env.clock()) else { throw APIFailure.tooMany("尝试次数过多，请稍后再试") }
        let body = try await request.decodeJSON(CodeBody.self, context: context)
        let c = try await service.confirm(try id(context), commentID: try id(context, "cid"), code: body.code ?? "")
        return CommentReceipt(id: c.id, status: c.status, message: Self.receiptMessage(c))
    }
}
