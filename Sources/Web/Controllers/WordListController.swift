import Domain
import Hummingbird
import Plot
import Services
import Storage

/// The disclosure office's list of wrong or sensitive words (错敏词库), used by screening.
struct WordListController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, Routes.Console.sensitiveWords, .roles([.officeAdmin]), use: page)
        router.staff(.post, Routes.Console.sensitiveWords, .roles([.officeAdmin]), use: change)
    }

    func render(
        _ identity: StaffIdentity, _ request: Request, _ context: GongkaiRequestContext, message: String? = nil,
        errors: [String: String] = [:], word: String = "", replacement: String = "", status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let words = try await AgencySettingsService(env: env.services).sensitiveWords(of: identity.agency.id)
        return try await pages.respond("错敏词库", area: .console, request: request, context: context, status: status) { chrome in
            .div(
                .h1(.text("错敏词库")),
                .p(.text("文件提交审核和发布时，正文中出现下列词语将被标出，须修改或由审核人说明理由后方可发布。")),
                Fragments.alert(message, kind: "ok"),
                .form(
                    .method(.post), .action(Routes.Console.sensitiveWords.path()),
                    .div(
                        Fragments.csrfField(chrome.csrf),
                        .input(.type(.hidden), .name("op"), .value("add")),
                        Fragments.textField("词语", name: "word", value: word, errors: errors),
                        Fragments.textField("建议改为", name: "replacement", value: replacement, errors: errors, required: false),
                        .button(.type(.submit), .text("添加"))
                    )
                ),
                words.isEmpty
                    ? .p(.class("empty"), .text("词库为空。"))
                    : .table(
                        .thead(.tr(.th(.text("词语")), .th(.text("建议改为")), .th(.text("操作")))),
                        .tbody(
                            .forEach(words) { w in
                                .tr(
                                    .td(.text(w.word)), .td(.text(w.replacement ?? "")),
                                    .td(
                                        .form(
                                            .method(.post), .action(Routes.Console.sensitiveWords.path()),
                                            .div(
                                                Fragments.csrfField(chrome.csrf), .input(.type(.hidden), .name("op"), .value("remove")),
                                                .input(.type(.hidden), .name("word"), .value(attr(w.word))),
                                                .button(.type(.submit), .class("secondary"), .text("删除“\(w.word)”"))
                                            )
                                        ))
                                )
                            })
                    )
            )
        }
    }

    @Sendable func page(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await render(identity, request, context)
    }

    @Sendable func change(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let word = form["word"]
        let replacement = form["replacement"]
        let service = AgencySettingsService(env: env.services)
        let adding = form["op"] == "add"
        do {
            if adding {
                try await service.addSensitiveWord(word, replacement: replacement, by: identity, address: context.remoteAddress)
            } else {
                try await service.removeSensitiveWord(word, by: identity, address: context.remoteAddress)
            }
            return try await render(identity, request, context, message: adding ? "已添加“\(word)”。" : "已删除“\(word)”。")
        } catch let error as DomainError {
            return try await render(
                identity, request, context, errors: [error.field ?? "word": error.message], word: word, replacement: replacement,
                status: .unprocessableContent)
        }
    }
}
