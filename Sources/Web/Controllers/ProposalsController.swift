import Domain
import Foundation
import Hummingbird
import Plot
import Services
import Storage

/// NPC suggestions and CPPCC proposals in the API and the console.
struct ProposalsController {
    let env: WebEnvironment
    let pages: PageRenderer

    var service: ProposalService { ProposalService(env: env.services) }

    func register(on router: Router<GongkaiRequestContext>) {
        let office = Access.roles(ProposalService.office)
        router.staff(.get, Routes.API.proposals, office) { request, _, identity in
            let year = request.uri.queryParameters["year"].flatMap { Int(String($0)) }
            let items = try await env.database.stores.proposals.list(agencyID: identity.agency.id, year: year)
            return ProposalList(
                items: items.map { ProposalDTO($0, today: env.today) },
                counts: year.map { y in
                    Proposal.counts(items, year: y).map {
                        CountDTO(kind: $0.key, assigned: $0.value.assigned, replied: $0.value.replied, repliedInTime: $0.value.inTime)
                    }
                    .sorted { $0.kind.rawValue > $1.kind.rawValue }
                })
        }
        router.staff(.post, Routes.API.proposals, office) { request, context, identity in
            let input = try await request.decodeJSON(ProposalService.Input.self, context: context)
            return EditedResponse(
                status: .created,
                response: ProposalDTO(
                    try await service.register(input, identity: identity, address: context.remoteAddress), today: env.today))
        }
        router.staff(.get, Routes.API.proposal, office) { _, context, identity in
            ProposalDTO(try await service.item(try id(context), for: identity), today: env.today)
        }
        router.staff(.post, Routes.API.proposalContacts, office) { request, context, identity in
            let input = try await request.decodeJSON(ProposalService.ContactInput.self, context: context)
            return ProposalDTO(
                try await service.contact(try id(context), input, identity: identity, address: context.remoteAddress), today: env.today)
        }
        router.staff(.post, Routes.API.proposalReply, office) { request, context, identity in
            let input = try await request.decodeJSON(ProposalService.ReplyInput.self, context: context)
            return ProposalDTO(
                try await service.reply(try id(context), input, identity: identity, address: context.remoteAddress), today: env.today)
        }
        router.staff(.get, Routes.Console.proposals, office) { request, context, identity in
            try await renderList(identity, request, context)
        }
        router.staff(.post, Routes.Console.proposals, office) { request, context, identity in
            let form = try await FormBody.read(request, context: context)
            try CSRF.verify(form, request: request, context: context)
            let input = ProposalService.Input(
                kind: form["kind"], year: Int(form["year"]), number: form["number"], proposer: form["proposer"], title: form["title"],
                content: form.raw("content"), assignedOn: form["assignedOn"], leadUnit: form["leadUnit"],
                coUnits: form["coUnits"].split(whereSeparator: { "、，, ".contains($0) }).map(String.init), complex: form["complex"] == "1",
                publishReply: form["private"] != "1")
            do {
                let p = try await service.register(input, identity: identity, address: context.remoteAddress)
                return try await renderList(identity, request, context, message: "已登记\(p.kind.label)第\(p.number)号，答复期限 \(p.dueOn.chinese)。")
            } catch DomainError.invalid(let field, let message) {
                return try await renderList(
                    identity, request, context, errors: [field: message], values: form.firstValues, status: .unprocessableContent)
            } catch DomainError.conflict(let message) {
                return try await renderList(
                    identity, request, context, errors: ["number": message], values: form.firstValues, status: .conflict)
            }
        }
        router.staff(.get, Routes.Console.proposal, office) { request, context, identity in
            try await renderShow(try id(context), identity, request, context)
        }
        for (action, route) in [("contacts", Routes.Console.proposalContacts), ("reply", Routes.Console.proposalReply)] {
            router.staff(.post, route, office) { request, context, identity in
                let form = try await FormBody.read(request, context: context)
                try CSRF.verify(form, request: request, context: context)
                let pid = try id(context)
                do {
                    if action == "contacts" {
                        _ = try await service.contact(
                            pid, .init(on: form["on"], way: form["way"], note: form.raw("note")), identity: identity,
                            address: context.remoteAddress)
                        return try await renderShow(pid, identity, request, context, message: "已记录沟通情况。")
                    }
                    let p = try await service.reply(
                        pid, .init(reply: form.raw("reply"), outcome: form["outcome"]), identity: identity, address: context.remoteAddress)
                    return try await renderShow(
                        pid, identity, request, context,
                        message: p.replyDocumentID.map { "已答复；答复全文已形成待审核的公开文件 #\($0)。" } ?? "已答复（不公开）。")
                } catch DomainError.invalid(let field, let message) {
                    return try await renderShow(
                        pid, identity, request, context, errors: [field: message], values: form.firstValues, status: .unprocessableContent)
                } catch DomainError.conflict(let message) {
                    return try await renderShow(pid, identity, request, context, errors: ["_": message], status: .conflict)
                }
            }
        }
    }

    func id(_ context: GongkaiRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该建议提案") }
        return id
    }

    struct ProposalDTO: ResponseEncodable, Sendable {
        var id: Int64
        var kind: Proposal.Kind
        var year: Int
        var number: String
        var proposer: String
        var title: String
        var assignedOn: CivilDate
        var leadUnit: String
        var coUnits: [String]
        var complex: Bool
        var dueOn: CivilDate
        var overdue: Bool
        var contacts: [Proposal.Contact]
        var reply: String
        var outcome: Proposal.Outcome?
        var repliedOn: CivilDate?
        var publishReply: Bool
        var replyDocumentId: Int64?

        init(_ p: Proposal, today: CivilDate) {
            id = p.id
            kind = p.kind
            year = p.year
            number = p.number
            proposer = p.proposer
            title = p.title
            assignedOn = p.assignedOn
            leadUnit = p.leadUnit
            coUnits = p.coUnits
            complex = p.complex
            dueOn = p.dueOn
            overdue = p.isOverdue(today: today)
            contacts = p.contacts
            reply = p.reply
            outcome = p.outcome
            repliedOn = p.repliedOn
            publishReply = p.publishReply
            replyDocumentId = p.replyDocumentID
        }
    }

    struct CountDTO: Encodable, Sendable {
        var kind: Proposal.Kind
        var assigned: Int
        var replied: Int
        var repliedInTime: Int
    }

    struct ProposalList: ResponseEncodable, Sendable {
        var items: [ProposalDTO]
        var counts: [CountDTO]?
    }

    func renderList(
        _ identity: StaffIdentity, _ request: Request, _ context: GongkaiRequestContext, message: String? = nil,
        errors: [String: String] = [:],
        values: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = ProposalListPage(
            items: try await env.database.stores.proposals.list(agencyID: identity.agency.id, year: nil), today: env.today,
            message: message,
            errors: errors, values: values)
        return try await pages.respond("建议提案办理", area: .console, request: request, context: context, status: status) { page.content($0) }
    }

    func renderShow(
        _ id: Int64, _ identity: StaffIdentity, _ request: Request, _ context: GongkaiRequestContext, message: String? = nil,
        errors: [String: String] = [:], values: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let p = try await service.item(id, for: identity)
        let page = ProposalPage(item: p, today: env.today, message: message, errors: errors, values: values)
        return try await pages.respond(p.title, area: .console, request: request, context: context, status: status) { page.content($0) }
    }
}
