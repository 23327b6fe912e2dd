import Domain
import Foundation
import Hummingbird
import Services
import Storage

extension MailboxController {
    // MARK: Portal

    @Sendable func formPage(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let replies = try await env.database.stores.mailbox.published(agencyID: try await env.portal(request).scope, limit: 20).map(
            PublicDTO.init)
        return try await pages.respond("领导信箱", area: .portal, request: request, context: context, anonymousForm: true) {
            MailboxFormPage(replies: replies, dueWorkdays: env.rules.mailboxReplyWorkdays).content($0)
        }
    }

    @Sendable func submitForm(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        var values: [String: String] = [:]
        for f in ["kind", "subject", "body", "name", "phone", "email", "mayPublish"] { values[f] = f == "body" ? form.raw(f) : form[f] }
        func again(_ errors: [String: String], _ message: String? = nil, status: HTTPResponse.Status) async throws -> Response {
            let replies = try await env.database.stores.mailbox.published(agencyID: try await env.portal(request).scope, limit: 20).map(
                PublicDTO.init)
            return try await pages.respond("领导信箱", area: .portal, request: request, context: context, status: status, anonymousForm: true) {
                MailboxFormPage(
                    values: values, errors: errors, message: message, replies: replies, dueWorkdays: env.rules.mailboxReplyWorkdays
                )
                .content($0)
            }
        }
        guard form["website"].isEmpty else { return try await again([:], "提交未被受理，请刷新页面后重试", status: .unprocessableContent) }
        guard intakeLimiter.allow(context.remoteAddress, now: env.clock()) else {
            return try await again([:], "提交过于频繁，请一小时后再试", status: .init(code: 429, reasonPhrase: "Too Many Requests"))
        }
        do {
            let m = try await service.submit(
                .init(
                    kind: values["kind"], subject: values["subject"], body: values["body"], name: values["name"], phone: values["phone"],
                    email: values["email"], mayPublish: values["mayPublish"] == "1"), agencyID: try await agencyID(request),
                address: context.remoteAddress)
            return PostRedirect.receipt(to: Routes.Portal.mailboxReceipt.path(), carrying: m.trackingCode, secure: context.isSecure)
        } catch DomainError.invalid(let field, let message) {
            return try await again([field: message], status: .unprocessableContent)
        }
    }

    /// The receipt after a letter (Post/Redirect/Get): its tracking code and state.
    @Sendable func receiptPage(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        guard let code = PostRedirect.value(request), let m = try await env.database.stores.mailbox.find(trackingCode: code) else {
            return Response.redirect(to: Routes.Portal.trackMailbox.path(), type: .normal)
        }
        let page = MailboxTrackPage(
            code: m.trackingCode, found: TrackDTO(m), message: "来信已受理。请记下查询码 \(m.trackingCode)，凭查询码查看答复并评价。")
        var response = try await pages.respond("来信已受理", area: .portal, request: request, context: context, anonymousForm: true) {
            page.content($0)
        }
        response.headers[.cacheControl] = "no-store"
        return response
    }

    @Sendable func trackPage(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let code = String((request.uri.queryParameters["code"].map(String.init) ?? "").prefix(40))
        var page = MailboxTrackPage(code: code, found: nil, message: nil)
        var status = HTTPResponse.Status.ok
        if !code.isEmpty {
            do {
                page.found = TrackDTO(try await lookup(code, address: context.remoteAddress))
            } catch DomainError.notFound(let what) {
                page.message = "未找到\(what)，请核对查询码"
                page.failed = true
                status = .notFound
            }
        }
        let shown = page
        return try await pages.respond("来信办理情况", area: .portal, request: request, context: context, status: status, anonymousForm: true) {
            shown.content($0)
        }
    }

    @Sendable func rateForm(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        var page = MailboxTrackPage(code: form["code"], found: nil, message: nil)
        var status = HTTPResponse.Status.ok
        do {
            _ = try await lookup(form["code"], address: context.remoteAddress)
            page.found = TrackDTO(
                try await service.rate(
                    code: form["code"], rating: form["rating"], comment: form.raw("comment"), address: context.remoteAddress))
            page.message = "感谢您的评价。"
        } catch let e as DomainError {
            page.message = e.message
            page.failed = true
            page.found = try? await TrackDTO(service.byCode(form["code"]))
            status = e.code == "not_found" ? .notFound : (e.code == "conflict" ? .conflict : .unprocessableContent)
        }
        let shown = page
        return try await pages.respond("来信办理情况", area: .portal, request: request, context: context, status: status, anonymousForm: true) {
            shown.content($0)
        }
    }

    @Sendable func replyPage(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        guard let m = try await env.database.stores.mailbox.find(id: try id(context)), m.published, m.status == .closed else {
            throw DomainError.notFound("该来信")
        }
        let dto = PublicDTO(m)
        return try await pages.respond(dto.subject, area: .portal, request: request, context: context) {
            MailboxReplyPage(item: dto).content($0)
        }
    }

    @Sendable func faqPage(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let q = String((request.uri.queryParameters["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let items = try await searchFAQ(q, request)
        return try await pages.respond("常见问题解答", area: .portal, request: request, context: context) {
            FAQPage(query: q, items: items).content($0)
        }
    }

    // MARK: Console

    func registerConsole(on router: Router<GongkaiRequestContext>) {
        let staff = Access.roles(MailboxService.staff)
        router.staff(.get, Routes.Console.mailbox, staff) { request, context, identity in
            let page = MailboxConsoleListPage(
                items: try await visible(identity), today: env.today, office: identity.holds(anyOf: MailboxService.office))
            return try await pages.respond("领导信箱", area: .console, request: request, context: context) { page.content($0) }
        }
        router.staff(.get, Routes.Console.mailboxLetter, staff) { request, context, identity in
            try await render(try id(context), identity, request, context)
        }
        router.staff(.post, Routes.Console.mailboxReveal, staff) { request, context, identity in
            let form = try await FormBody.read(request, context: context)
            try CSRF.verify(form, request: request, context: context)
            return try await render(try id(context), identity, request, context, revealed: true)
        }
        let actions = [
            ("assign", Routes.Console.mailboxAssign), ("answer", Routes.Console.mailboxAnswer), ("review", Routes.Console.mailboxReview),
            ("supervise", Routes.Console.mailboxSupervise), ("publish", Routes.Console.mailboxPublish),
        ]
        for (action, route) in actions {
            router.staff(.post, route, staff) { request, context, identity in
                let form = try await FormBody.read(request, context: context)
                try CSRF.verify(form, request: request, context: context)
                let mid = try id(context)
                do {
                    let message: String
                    switch action {
                    case "assign":
                        let choice = form["unit"]
                        _ = try await service.assign(
                            mid,
                            .init(
                                departmentId: choice.hasPrefix("d:") ? Int64(choice.dropFirst(2)) : nil,
                                agencyId: choice.hasPrefix("a:") ? Int64(choice.dropFirst(2)) : nil, note: form.raw("note")),
                            identity: identity,
                            address: context.remoteAddress)
                        message = "已交办。"
                    case "answer":
                        _ = try await service.answer(mid, reply: form.raw("reply"), identity: identity, address: context.remoteAddress)
                        message = "答复已提交，等待政务公开办公室审核。"
                    case "review":
                        let approve = form["decision"] == "approve"
                        _ = try await service.review(
                            mid, approve: approve, comment: form.raw("comment"), identity: identity, address: context.remoteAddress)
                        message = approve ? "已答复来信人。" : "已退回承办单位修改。"
                    case "supervise":
                        _ = try await service.supervise(mid, note: form.raw("note"), identity: identity, address: context.remoteAddress)
                        message = "已督办。"
                    default:
                        _ = try await service.setPublished(
                            mid, form["published"] == "1", identity: identity, address: context.remoteAddress)
                        message = form["published"] == "1" ? "已公开。" : "已取消公开。"
                    }
                    if action == "assign" && form["unit"].hasPrefix("a:") {
                        return try await pages.respond("领导信箱", area: .console, request: request, context: context) { _ in
                            .div(
                                .h1(.text("已转办")), .p(.text("来信已转给下属单位办理，受理日期和答复期限不变。")),
                                .p(.a(.href(Routes.Console.mailbox.path()), .text("返回领导信箱")))
                            )
                        }
                    }
                    return try await render(mid, identity, request, context, message: message)
                } catch DomainError.invalid(let field, let message) {
                    return try await render(
                        mid, identity, request, context, message: message, errors: [field: message], values: form.firstValues,
                        status: .unprocessableContent)
                } catch DomainError.conflict(let message) {
                    return try await render(mid, identity, request, context, message: message, errors: ["_": message], status: .conflict)
                }
            }
        }
        router.staff(.get, Routes.Console.faq, .roles(MailboxService.office)) { request, context, identity in
            try await renderFAQ(identity, request, context)
        }
        router.staff(.post, Routes.Console.faq, .roles(MailboxService.office)) { request, context, identity in
            let form = try await FormBody.read(request, context: context)
            try CSRF.verify(form, request: request, context: context)
            let existing = Int64(form["id"])
            let input = MailboxService.FAQInput(
                question: form["question"], answer: form.raw("answer"), topic: form["topic"],
                sources: form["sources"].split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Int64($0) },
                published: form["published"] == "1")
            do {
                let e = try await service.saveFAQ(existing, input, identity: identity, address: context.remoteAddress)
                return try await renderFAQ(identity, request, context, message: "已保存“\(e.question)”" + (e.published ? "并公开。" : "（未公开）。"))
            } catch DomainError.invalid(let field, let message) {
                return try await renderFAQ(
                    identity, request, context, errors: [field: message], values: form.firstValues, status: .unprocessableContent)
            }
        }
    }

    func render(
        _ id: Int64, _ identity: StaffIdentity, _ request: Request, _ context: GongkaiRequestContext, message: String? = nil,
        errors: [String: String] = [:], values: [String: String] = [:], status: HTTPResponse.Status = .ok, revealed: Bool = false
    ) async throws -> Response {
        let m =
            revealed
            ? try await service.revealWriter(id, by: identity, address: context.remoteAddress)
            : try await service.message(id, for: identity)
        let stores = env.database.stores
        let page = MailboxConsolePage(
            message: m, today: env.today, identity: identity, departments: try await stores.agencies.departments(of: identity.agency.id),
            units: try await stores.agencies.all().filter { $0.parentID == identity.agency.id }, notice: message, errors: errors,
            values: values, revealed: revealed)
        return try await pages.respond(m.subject, area: .console, request: request, context: context, status: status) { page.content($0) }
    }

    func renderFAQ(
        _ identity: StaffIdentity, _ request: Request, _ context: GongkaiRequestContext, message: String? = nil,
        errors: [String: String] = [:],
        values: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = FAQConsolePage(
            entries: try await env.database.stores.mailbox.faqs(agencyID: identity.agency.id, publishedOnly: false),
            groups: try await service.repeatedQuestions(agencyID: identity.agency.id), message: message, errors: errors, values: values)
        return try await pages.respond("常见问题解答库", area: .console, request: request, context: context, status: status) { page.content($0) }
    }
}
