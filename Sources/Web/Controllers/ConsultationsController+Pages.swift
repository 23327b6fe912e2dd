import Domain
import Foundation
import Hummingbird
import Services
import Storage

extension ConsultationsController {
    // MARK: Portal

    @Sendable func publicIndex(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let list = try await publicList(request, context: context)
        return try await pages.respond("意见征集", area: .portal, request: request, context: context) {
            ConsultationIndexPage(items: list.items).content($0)
        }
    }

    @Sendable func publicPage(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let consultation = try await service.visible(try id(context))
        let dto = try await publicDTO(consultation)
        var page = ConsultationPage(consultation: dto)
        // Back from a comment (Post/Redirect/Get): its receipt, and the code box while it waits for one.
        let comment = try await PostRedirect.value(request).flatMap { Int64($0) }.asyncMap {
            try await env.database.stores.consultations.comment(id: $0)
        }
        if let comment = comment ?? nil, comment.consultationID == consultation.id {
            page.message = Self.receiptMessage(comment, channel: consultation.identity.channel)
            if comment.status == .unconfirmed { page.pendingConfirmation = comment }
        }
        let shown = page
        var response = try await pages.respond(
            dto.title, area: .portal, request: request, context: context, anonymousForm: dto.status == .open
        ) {
            shown.content($0)
        }
        if page.message != nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    @Sendable func commentForm(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let cid = try id(context)
        let paragraph = Int(form["paragraph"])
        var values: [String: String] = [:]
        for f in ["text", "name", "email", "phone"] { values[f] = f == "text" ? form.raw(f) : form[f] }
        func again(_ errors: [String: String], _ message: String?, status: HTTPResponse.Status, pending: PublicComment? = nil) async throws
            -> Response
        {
            let dto = try await publicDTO(try await service.visible(cid))
            let page = ConsultationPage(
                consultation: dto, failedParagraph: errors.isEmpty ? nil : .some(paragraph), values: values, errors: errors,
                message: message,
                pendingConfirmation: pending)
            return try await pages.respond(
                dto.title, area: .portal, request: request, context: context, status: status, anonymousForm: true
            ) {
                page.content($0)
            }
        }
        guard form["website"].isEmpty else { return try await again(["text": "提交未被受理"], "提交未被受理，请刷新页面后重试", status: .unprocessableContent) }
        guard commentLimiter.allow(context.remoteAddress, now: env.clock()) else {
            return try await again(["text": "提交过于频繁"], "提交过于频繁，请一小时后再试", status: .init(code: 429, reasonPhrase: "Too Many Requests"))
        }
        do {
            let r = try await service.comment(
                cid,
                .init(paragraph: paragraph, text: values["text"], name: values["name"], email: values["email"], phone: values["phone"]),
                address: context.remoteAddress)
            return PostRedirect.receipt(
                to: Routes.Portal.consultation.path(cid), carrying: String(r.comment.id), secure: context.isSecure)
        } catch DomainError.invalid(let field, let message) {
            return try await again([field: message], "有 1 处需要修改，已在下方标出。", status: .unprocessableContent)
        } catch DomainError.conflict(let message) {
            return try await again(["text": message], message, status: .conflict)
        }
    }

    @Sendable func confirmForm(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let cid = try id(context)
        let dto = try await publicDTO(try await service.visible(cid))
        var page = ConsultationPage(consultation: dto)
        var status = HTTPResponse.Status.ok
        do {
            guard commentLimiter.allow("confirm:" + context.remoteAddress, now: env.clock()) else {
                throw APIFailure.tooMany("尝试次数过多，请稍后再试")
            }
            let comment = try await service.confirm(cid, commentID: try id(context, "cid"), code: form["code"])
            page.message = Self.receiptMessage(comment)
        } catch DomainError.invalid(let field, let message) {
            page.errors = [field: message]
            page.message = message
            page.pendingConfirmation = try await env.database.stores.consultations.comment(id: try id(context, "cid"))
            status = .unprocessableContent
        }
        let shown = page
        return try await pages.respond(dto.title, area: .portal, request: request, context: context, status: status, anonymousForm: true) {
            shown.content($0)
        }
    }

    // MARK: Console

    func registerConsole(on router: Router<GongkaiRequestContext>) {
        let editors = Access.roles(ConsultationService.editors)
        let moderators = Access.roles(ConsultationService.moderators)
        router.staff(.get, Routes.Console.consultations, editors) { request, context, identity in
            try await renderList(identity, request, context)
        }
        router.staff(.post, Routes.Console.consultations, editors) { request, context, identity in
            let form = try await FormBody.read(request, context: context)
            try CSRF.verify(form, request: request, context: context)
            let input = ConsultationService.Input(
                title: form["title"], kind: form["kind"], summary: form.raw("summary"), body: form.raw("body"), opensOn: form["opensOn"],
                closesOn: form["closesOn"], identity: form["identity"])
            do {
                let c = try await service.create(input, identity: identity, address: context.remoteAddress)
                return try await renderShow(c.id, identity, request, context, message: "已保存征求意见稿，发布后公众可见。")
            } catch DomainError.invalid(let field, let message) {
                return try await renderList(
                    identity, request, context, errors: [field: message], values: form.firstValues, status: .unprocessableContent)
            }
        }
        router.staff(.get, Routes.Console.consultation, editors) { request, context, identity in
            try await renderShow(try id(context), identity, request, context)
        }
        router.staff(.post, Routes.Console.consultationPublish, moderators) { request, context, identity in
            try await act(request, context, identity) { id, _ in
                let c = try await service.publish(id, identity: identity, address: context.remoteAddress)
                return "已发布，\(c.opensOn.chinese)起接受意见。"
            }
        }
        router.staff(.post, Routes.Console.consultationRevise, editors) { request, context, identity in
            try await act(request, context, identity) { id, form in
                let c = try await service.revise(
                    id, .init(body: form.raw("body"), note: form.raw("note"), closesOn: form["closesOn"]), identity: identity,
                    address: context.remoteAddress)
                return "已更新（第 \(c.version) 稿，截止 \(c.closesOn.chinese)）。"
            }
        }
        router.staff(.post, Routes.Console.consultationComments, editors) { request, context, identity in
            try await act(request, context, identity) { id, form in
                let ids = form.all("ids").compactMap { Int64($0) }
                switch form["op"] {
                case "publish", "reject":
                    guard identity.holds(anyOf: ConsultationService.moderators) else { throw DomainError.forbidden("审核意见仅限政务公开办公室") }
                    let n = try await service.moderate(
                        id, .init(ids: ids, action: form["op"]), identity: identity, address: context.remoteAddress)
                    return form["op"] == "publish" ? "已公开 \(n) 条意见。" : "\(n) 条意见不予公开。"
                default:
                    let n = try await service.dispose(
                        id, .init(ids: ids, disposition: form["disposition"], reason: form.raw("reason"), theme: form["theme"]),
                        identity: identity,
                        address: context.remoteAddress)
                    return "已处理 \(n) 条意见。"
                }
            }
        }
        router.staff(.post, Routes.Console.consultationReport, editors) { request, context, identity in
            try await act(request, context, identity) { id, _ in
                let d = try await service.draftReport(id, identity: identity, address: context.remoteAddress)
                return "已形成“\(d.title)”（文件 #\(d.id)），请送审后发布。"
            }
        }
    }

    func renderList(
        _ identity: StaffIdentity, _ request: Request, _ context: GongkaiRequestContext, errors: [String: String] = [:],
        values: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = ConsultationListPage(
            items: try await env.database.stores.consultations.list(agencyID: identity.agency.id), today: env.today,
            rules: env.rules.consultationRules, errors: errors, values: values)
        return try await pages.respond("意见征集", area: .console, request: request, context: context, status: status) { page.content($0) }
    }

    func renderShow(
        _ id: Int64, _ identity: StaffIdentity, _ request: Request, _ context: GongkaiRequestContext, message: String? = nil,
        errors: [String: String] = [:], values: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let c = try await service.consultation(id, of: identity.agency.id)
        let comments = try await env.database.stores.consultations.comments(consultationID: c.id)
        let page = ConsultationConsolePage(
            consultation: c, comments: comments, today: env.today, canModerate: identity.holds(anyOf: ConsultationService.moderators),
            message: message, errors: errors, values: values)
        return try await pages.respond(c.title, area: .console, request: request, context: context, status: status) { page.content($0) }
    }

    func act(
        _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity, _ run: (Int64, FormBody) async throws -> String
    ) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let cid = try id(context)
        do {
            return try await renderShow(cid, identity, request, context, message: try await run(cid, form))
        } catch DomainError.invalid(let field, let message) {
            return try await renderShow(
                cid, identity, request, context, message: message, errors: [field: message], values: form.firstValues,
                status: .unprocessableContent)
        } catch DomainError.conflict(let message) {
            return try await renderShow(cid, identity, request, context, message: message, errors: ["_": message], status: .conflict)
        }
    }
}
