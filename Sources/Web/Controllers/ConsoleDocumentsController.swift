import Domain
import Foundation
import Hummingbird
import Services
import Storage

/// The console's pages for drafting, reviewing, publishing and withdrawing documents. They
/// drive the same `CatalogService` as the JSON API.
struct ConsoleDocumentsController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer
    /// The catalog service with the signed-in person's agency settings.
    func catalog(_ identity: StaffIdentity) async throws -> CatalogService {
        try await CatalogService.load(env.services, agencyID: identity.agency.id)
    }
    static let workers: Set<Role> = [.drafter, .reviewer, .officeAdmin, .leader, .publisher]

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, Routes.Console.documents, .roles(Self.workers), use: list)
        router.staff(.get, Routes.Console.newDocument, .roles([.drafter, .officeAdmin]), use: newForm)
        router.staff(.post, Routes.Console.newDocument, .roles([.drafter, .officeAdmin]), use: create)
        router.staff(.get, Routes.Console.document, .roles(Self.workers), use: show)
        router.staff(.get, Routes.Console.documentEdit, .roles([.drafter, .officeAdmin]), use: edit)
        router.staff(.post, Routes.Console.documentEdit, .roles([.drafter, .officeAdmin]), use: update)
        router.staff(.post, Routes.Console.documentRevise, .roles([.drafter, .officeAdmin]), use: revise)
        router.staff(.post, Routes.Console.documentSubmit, .roles([.drafter, .officeAdmin])) { request, context, identity in
            try await self.act(request, context, identity) { _ in .submit }
        }
        router.staff(.post, Routes.Console.documentReview, .roles([.reviewer, .officeAdmin, .leader])) { request, context, identity in
            try await self.act(request, context, identity) { form throws(DomainError) in
                switch form["decision"] {
                case "approve": return .approve(comment: form["comment"], confidentialityCleared: form["confidentialityCleared"] == "1")
                case "reject": return .reject(comment: form["comment"])
                default: throw .invalid("decision", "请选择审核通过或退回")
                }
            }
        }
        router.staff(.post, Routes.Console.documentPublish, .roles([.publisher])) { request, context, identity in
            try await self.act(request, context, identity) { _ in .publish }
        }
        router.staff(.post, Routes.Console.documentWithdraw, .roles([.publisher, .officeAdmin])) { request, context, identity in
            try await self.act(request, context, identity) { form in .withdraw(reason: form["reason"]) }
        }
        router.staff(.post, Routes.Console.documentFinding, .roles([.reviewer, .officeAdmin, .leader]), use: resolve)
        router.staff(.get, Routes.Console.timeliness, .roles([.officeAdmin, .leader]), use: oversight)
    }

    @Sendable func list(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let awaiting = try await ReviewQueue.items(for: identity, env: env.services)
        let recent = try await env.database.stores.catalog.list(
            agencyID: identity.agency.id, statuses: Set(DocumentStatus.allCases), limit: 50, offset: 0)
        let page = DocumentListPage(awaiting: awaiting, recent: recent, canDraft: identity.holds(anyOf: [.drafter, .officeAdmin]))
        return try await pages.respond("主动公开文件", area: .console, request: request, context: context) { page.content($0) }
    }

    @Sendable func newForm(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let catalog = try await self.catalog(identity)
        var form = DocumentForm(
            values: .init(writtenOn: env.today.description), categories: catalog.categories, specialColumns: catalog.settings.columns)
        // 谁起草谁解读: "起草配套解读" on a policy opens the form ready for its interpretation.
        if let target = request.uri.queryParameters["interprets"].flatMap({ Int64(String($0)) }),
            let policy = try? await catalog.document(target, for: identity)
        {
            form.values.kind = DocumentKind.interpretation.rawValue
            form.values.category = "interpretation"
            form.values.interprets = String(policy.id)
            form.values.interpretationForm = InterpretationForm.text.rawValue
            form.values.title = "《\(policy.title)》政策解读"
            form.notice = "将作为《\(policy.title)》的配套解读起草，两者同步审签、同步发布。"
        }
        return try await pages.respond("起草文件", area: .console, request: request, context: context) { form.content($0) }
    }

    @Sendable func create(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let catalog = try await self.catalog(identity)
        return try await save(
            request, context, identity, form: DocumentForm(categories: catalog.categories, specialColumns: catalog.settings.columns)
        ) { content in
            try await catalog.create(content, by: identity, from: context.remoteAddress)
        }
    }

    /// The form for a draft, a returned document or a revision.
    func editForm(_ d: CatalogDocument, categories: [CatalogCategory], specialColumns: [SpecialColumn]) -> DocumentForm {
        DocumentForm(
            action: Routes.Console.documentEdit.path(d.id),
            heading: d.revisionOf == nil ? "修改文件" : "修改修订稿（第 \(d.revision) 版）", values: DocumentForm.values(d),
            categories: categories, specialColumns: specialColumns)
    }

    @Sendable func edit(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let catalog = try await self.catalog(identity)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该文件") }
        let form = editForm(
            try await catalog.document(id, for: identity), categories: catalog.categories, specialColumns: catalog.settings.columns)
        return try await pages.respond(form.heading, area: .console, request: request, context: context) { form.content($0) }
    }

    @Sendable func update(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let catalog = try await self.catalog(identity)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该文件") }
        let form = editForm(
            try await catalog.document(id, for: identity), categories: catalog.categories, specialColumns: catalog.settings.columns)
        return try await save(request, context, identity, form: form) { content in
            try await catalog.edit(id, with: content, by: identity, from: context.remoteAddress)
        }
    }

    /// Reads the drafting form and saves it, or shows it again with the problem marked.
    func save(
        _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity, form blank: DocumentForm,
        _ write: (CatalogDocument) async throws -> CatalogDocument
    ) async throws -> Response {
        let catalog = try await self.catalog(identity)
        let body = try await FormBody.read(request, context: context)
        try CSRF.verify(body, request: request, context: context)
        let values = DocumentForm.values(body)
        do {
            let input = try DocumentForm.input(values)
            let saved = try await write(try input.document(category: try catalog.category(values.category)))
            return .redirect(to: Routes.Console.document.path(saved.id), type: .normal)
        } catch let error as DomainError {
            var page = blank
            page.values = values
            page.errors = [error.field ?? "form": error.message]
            let status = ErrorMiddleware.map(error, limit: context.maxUploadSize).status
            return try await pages.respond(page.heading, area: .console, request: request, context: context, status: status) {
                page.content($0)
            }
        }
    }

    @Sendable func revise(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let catalog = try await self.catalog(identity)
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该文件") }
        do {
            let revision = try await catalog.revise(id, by: identity, from: context.remoteAddress)
            return .redirect(to: Routes.Console.documentEdit.path(revision.id), type: .normal)
        } catch let error as DomainError {
            return try await render(id, identity: identity, request: request, context: context, failure: error)
        }
    }

    func render(
        _ id: Int64, identity: StaffIdentity, request: Request, context: GongkaiRequestContext, message: String? = nil,
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let catalog = try await self.catalog(identity)
        let d = try await catalog.document(id, for: identity)
        let stores = env.database.stores
        let findings = try await stores.catalog.findings(documentID: id)
        let versions = try await stores.catalog.versions(documentID: id)
        let page = DocumentReviewPage(
            document: d, levels: catalog.levels(for: d, findings: findings),
            steps: try await stores.catalog.steps(documentID: id), findings: findings, identity: identity, message: message, error: error,
            comparison: try await catalog.comparison(d, versions: versions, from: nil, to: nil, for: identity), versions: versions,
            openRevision: d.revisionOf == nil ? try await stores.catalog.openRevision(of: id) : nil,
            attachments: try await stores.attachments.list(documentID: id))
        return try await pages.respond(d.title, area: .console, request: request, context: context, status: status) { page.content($0) }
    }

    /// The document page again with a refused action's message, at the status the error maps to.
    func render(
        _ id: Int64, identity: StaffIdentity, request: Request, context: GongkaiRequestContext, failure error: DomainError
    ) async throws -> Response {
        try await render(
            id, identity: identity, request: request, context: context, error: error.message,
            status: ErrorMiddleware.map(error, limit: context.maxUploadSize).status)
    }

    @Sendable func show(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该文件") }
        return try await render(id, identity: identity, request: request, context: context)
    }

    func act(
        _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity,
        _ step: (FormBody) throws(DomainError) -> CatalogService.Step
    ) async throws -> Response {
        let catalog = try await self.catalog(identity)
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该文件") }
        do {
            let d = try await catalog.apply(try step(form), to: id, by: identity, from: context.remoteAddress)
            return try await render(
                id, identity: identity, request: request, context: context, message: "已完成。文件当前状态：\(d.workflow.status.label)")
        } catch let blocked as ScreeningBlocked {
            return try await render(
                id, identity: identity, request: request, context: context,
                error: "发布前审查发现 \(blocked.findings.count) 处需处理的内容，请逐项处理后再发布。", status: .unprocessableContent)
        } catch let error as DomainError {
            return try await render(id, identity: identity, request: request, context: context, failure: error)
        }
    }

    @Sendable func oversight(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let catalog = try await self.catalog(identity)
        let stores = env.database.stores
        let docs = try await stores.catalog.list(
            agencyID: identity.agency.id, statuses: Set(DocumentStatus.allCases), limit: 100_000, offset: 0)
        let calendar = env.calendar.current
        let today = env.today
        let categories = catalog.categories
        let entries = docs.compactMap { d in
            Timeliness.entry(for: d, category: categories.first { $0.code == d.categoryCode }, calendar: calendar, today: today).map {
                (entry: $0, document: d)
            }
        }
        let page = OversightPage(
            year: today.year, entries: entries, departments: try await stores.agencies.departments(of: identity.agency.id),
            coverage: InterpretationCoverage.compute(year: today.year, documents: docs, calendar: calendar, today: today),
            titles: Dictionary(docs.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a }))
        return try await pages.respond("公开时效", area: .console, request: request, context: context) { page.content($0) }
    }

    @Sendable func resolve(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let catalog = try await self.catalog(identity)
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        guard let id = context.parameters.get("id", as: Int64.self), let finding = context.parameters.get("finding", as: Int64.self) else {
            throw DomainError.notFound("审查结果")
        }
        do {
            guard let resolution = StoredFinding.Resolution(rawValue: form["resolution"]) else {
                throw DomainError.invalid("resolution", "请选择删除或保留")
            }
            try await catalog.resolve(
                findingID: finding, of: id, as: resolution, reason: form["reason"], by: identity, from: context.remoteAddress)
            return try await render(id, identity: identity, request: request, context: context, message: "已处理审查发现。")
        } catch let error as DomainError {
            return try await render(
                id, identity: identity, request: request, context: context, error: error.message, status: .unprocessableContent)
        }
    }
}
