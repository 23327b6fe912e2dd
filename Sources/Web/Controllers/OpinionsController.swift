import Domain
import Foundation
import Hummingbird
import Plot
import Services
import Storage

/// The public-opinion register in the API and the console (staff only).
struct OpinionsController {
    let env: WebEnvironment
    let pages: PageRenderer

    var service: OpinionService { OpinionService(env: env.services) }

    func register(on router: Router<GongkaiRequestContext>) {
        let office = Access.roles(OpinionService.office)
        router.staff(.get, Routes.API.opinions, office) { _, _, identity in
            OpinionList(items: try await env.database.stores.opinions.list(agencyID: identity.agency.id).map(OpinionDTO.init))
        }
        router.staff(.post, Routes.API.opinions, office) { request, context, identity in
            let input = try await request.decodeJSON(OpinionService.Input.self, context: context)
            return EditedResponse(
                status: .created, response: OpinionDTO(try await service.log(input, identity: identity, address: context.remoteAddress)))
        }
        router.staff(.get, Routes.API.opinion, office) { _, context, identity in
            OpinionDTO(try await service.item(try id(context), for: identity))
        }
        router.staff(.post, Routes.API.opinionAssign, office) { request, context, identity in
            let body = try await request.decodeJSON(AssignBody.self, context: context)
            return OpinionDTO(
                try await service.assign(
                    try id(context), departmentID: body.departmentId, identity: identity, address: context.remoteAddress))
        }
        router.staff(.post, Routes.API.opinionResponses, office) { request, context, identity in
            let body = try await request.decodeJSON(OpinionService.ResponseInput.self, context: context)
            return OpinionDTO(try await service.respond(try id(context), body, identity: identity, address: context.remoteAddress))
        }
        router.staff(.post, Routes.API.opinionClose, office) { _, context, identity in
            OpinionDTO(try await service.close(try id(context), identity: identity, address: context.remoteAddress))
        }
        router.staff(.get, Routes.Console.opinions, office) { request, context, identity in try await render(identity, request, context) }
        router.staff(.post, Routes.Console.opinions, office) { request, context, identity in
            let form = try await FormBody.read(request, context: context)
            try CSRF.verify(form, request: request, context: context)
            do {
                _ = try await service.log(
                    .init(
                        source: form["source"], link: form["link"], foundAt: form["foundAt"], topic: form["topic"],
                        summary: form.raw("summary"),
                        risk: form["risk"]), identity: identity, address: context.remoteAddress)
                return try await render(identity, request, context, message: "已登记。")
            } catch DomainError.invalid(let field, let message) {
                return try await render(
                    identity, request, context, errors: [field: message], values: form.firstValues, status: .unprocessableContent)
            }
        }
        router.staff(.post, Routes.Console.opinionRespond, office) { request, context, identity in
            let form = try await FormBody.read(request, context: context)
            try CSRF.verify(form, request: request, context: context)
            do {
                let oid = try id(context)
                if form["departmentId"] != "" {
                    _ = try await service.assign(
                        oid, departmentID: Int64(form["departmentId"]), identity: identity, address: context.remoteAddress)
                }
                if !form["text"].isEmpty {
                    _ = try await service.respond(
                        oid,
                        .init(
                            text: form.raw("text"), channel: form["channel"], publishedAt: form["publishedAt"],
                            documentId: Int64(form["documentId"]),
                            mailboxId: nil), identity: identity, address: context.remoteAddress)
                }
                return try await render(identity, request, context, message: "已保存。")
            } catch let e as DomainError where e.code == "invalid" || e.code == "conflict" {
                return try await render(
                    identity, request, context, errors: [e.field ?? "_": e.message], values: form.firstValues,
                    status: e.code == "conflict" ? .conflict : .unprocessableContent)
            }
        }
    }

    func id(_ context: GongkaiRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该舆情") }
        return id
    }

    struct AssignBody: Decodable { var departmentId: Int64? }

    struct OpinionDTO: ResponseEncodable, Sendable {
        var id: Int64
        var source: String
        var link: String
        var foundAt: String
        var topic: String
        var summary: String
        var risk: OpinionItem.Risk
        var unit: String
        var status: OpinionItem.Status
        var hoursToFirstResponse: Double?
        var responses: [ResponseDTO]

        struct ResponseDTO: Encodable, Sendable {
            var text: String
            var channel: String
            var publishedAt: String
            var documentId: Int64?
            var mailboxId: Int64?
        }

        init(_ o: OpinionItem) {
            id = o.id
            source = o.source
            link = o.link
            foundAt = OpinionItem.format(o.foundAtMillis)
            topic = o.topic
            summary = o.summary
            risk = o.risk
            unit = o.unitName
            status = o.status
            hoursToFirstResponse = o.hoursToFirstResponse
            responses = o.responses.map {
                ResponseDTO(
                    text: $0.text, channel: $0.channel, publishedAt: OpinionItem.format($0.publishedAtMillis), documentId: $0.documentID,
                    mailboxId: $0.mailboxID)
            }
        }
    }

    struct OpinionList: ResponseEncodable, Sendable { var items: [OpinionDTO] }

    func render(
        _ identity: StaffIdentity, _ request: Request, _ context: GongkaiRequestContext, message: String? = nil,
        errors: [String: String] = [:],
        values: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = OpinionConsolePage(
            items: try await env.database.stores.opinions.list(agencyID: identity.agency.id),
            departments: try await env.database.stores.agencies.departments(of: identity.agency.id), now: OpinionItem.format(env.nowMillis),
            message: message, errors: errors, values: values)
        return try await pages.respond("舆情台账", area: .console, request: request, context: context, status: status) { page.content($0) }
    }
}

/// The register: each item with its time to first response, assignment and response forms.
struct OpinionConsolePage {
    var items: [OpinionItem]
    var departments: [Department]
    var now: String
    var message: String?
    var errors: [String: String]
    var values: [String: String]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let timed = items.compactMap(\.hoursToFirstResponse)
        return .div(
            .h1(.text("舆情台账")),
            Fragments.alert(message ?? errors.values.first, kind: errors.isEmpty ? "success" : "error"),
            .p(
                .text(
                    "共 \(items.count) 条，待回应 \(items.filter { $0.status == .open }.count) 条；平均首次回应用时 \(timed.isEmpty ? "—" : String(format: "%.1f", timed.reduce(0, +) / Double(timed.count))) 小时。"
                )),
            .ul(
                .class("opinions"),
                .forEach(items) { o in
                    .li(
                        .h2(.text("\(o.topic)（\(o.risk.label)）")),
                        .p(
                            .class("doc-meta"),
                            .text(
                                "\(o.source) · 发现于 \(OpinionItem.format(o.foundAtMillis)) · \(o.status.label)"
                                    + (o.unitName.isEmpty ? "" : " · \(o.unitName)")
                                    + (o.hoursToFirstResponse.map { " · 首次回应用时 \($0) 小时" } ?? ""))),
                        .p(.text(o.summary)),
                        .if(
                            !o.link.isEmpty,
                            .p(.a(.href(attr(o.link)), .attribute(named: "rel", value: "noopener noreferrer"), .text("原文链接")))),
                        .ol(
                            .forEach(o.responses) { r in
                                .li(
                                    .text("\(OpinionItem.format(r.publishedAtMillis)) \(r.channel)：\(r.text)"),
                                    .unwrap(r.documentID) { d in .a(.href(Routes.Portal.document.path(d)), .text("（文件 #\(d)）")) })
                            }),
                        .if(
                            o.status != .closed,
                            .form(
                                .method(.post), .action(Routes.Console.opinionRespond.path(o.id)),
                                .div(
                                    Fragments.csrfField(chrome.csrf),
                                    Fragments.select(
                                        "负责科室", name: "departmentId", id: "department-\(o.id)",
                                        options: [("", "（不变）")] + departments.map { (String($0.id), $0.name) }, selected: ""),
                                    Fragments.textArea("回应内容或要点", name: "text", id: "text-\(o.id)", value: "", rows: 2, required: false),
                                    Fragments.textField("发布渠道", name: "channel", id: "channel-\(o.id)", value: "", required: false),
                                    Fragments.textField("发布时间", name: "publishedAt", id: "published-\(o.id)", value: now, required: false),
                                    Fragments.textField(
                                        "回应文件编号（选填）", name: "documentId", id: "document-\(o.id)", value: "", required: false),
                                    .button(.type(.submit), .text("保存")))))
                    )
                }),
            .section(
                .h2(.text("登记舆情")),
                .form(
                    .method(.post), .action(Routes.Console.opinions.path()),
                    .div(
                        Fragments.csrfField(chrome.csrf),
                        Fragments.textField(
                            "来源", name: "source", value: values["source"] ?? "", errors: errors, hint: "如：微博、新闻网站、12345 热线"),
                        Fragments.textField("链接（选填）", name: "link", value: values["link"] ?? "", errors: errors, required: false),
                        Fragments.textField(
                            "发现时间", name: "foundAt", value: values["foundAt"] ?? now, errors: errors, hint: "YYYY-MM-DD HH:MM"),
                        Fragments.textField("主题", name: "topic", value: values["topic"] ?? "", errors: errors),
                        Fragments.textArea("摘要", name: "summary", value: values["summary"] ?? "", rows: 3, errors: errors),
                        Fragments.select(
                            "风险等级", name: "risk", options: OpinionItem.Risk.allCases.map { ($0.rawValue, $0.label) },
                            selected: values["risk"] ?? OpinionItem.Risk.low.rawValue, errors: errors),
                        .button(.type(.submit), .text("登记")))))
        )
    }
}
