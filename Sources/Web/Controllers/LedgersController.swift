import Domain
import Foundation
import Hummingbird
import Services
import Storage

/// Work plans and task ledgers over JSON and in the console, and each plan's public progress page.
struct LedgersController {
    let env: WebEnvironment
    let pages: PageRenderer

    var service: LedgerService { LedgerService(env: env.services) }
    static let office: Set<Role> = [.officeAdmin]

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.post, Routes.API.importLedger, .roles(Self.office), use: apiImport)
        router.staff(.get, Routes.API.ledgers, .anyStaff, use: apiList)
        router.staff(.get, Routes.API.ledger, .anyStaff, use: apiShow)
        router.staff(.post, Routes.API.ledgerRounds, .roles(Self.office), use: apiRound)
        router.staff(.post, Routes.API.ledgerUnits, .roles(Self.office), use: apiUnits)
        router.staff(.get, Routes.API.ledgerExport, .anyStaff, use: export)
        router.staff(.get, Routes.Console.ledgerExport, .anyStaff, use: export)
        router.staff(.post, Routes.API.ledgerDocument, .roles(Self.office), use: apiDocument)
        router.staff(.get, Routes.API.ledgerDeductions, .roles([.officeAdmin, .leader]), use: apiDeductions)
        router.staff(.post, Routes.API.ledgerCarryOver, .roles(Self.office), use: apiCarryOver)
        router.staff(.get, Routes.API.ledgerSummary, .roles([.officeAdmin, .leader]), use: apiSummary)
        router.staff(.post, Routes.API.ledgerTaskReports, .anyStaff, use: apiReport)
        router.staff(.post, Routes.API.ledgerTaskSupervise, .roles(Self.office), use: apiSupervise)
        router.staff(.put, Routes.API.ledgerTask, .roles(Self.office), use: apiEdit)
        router.staff(.post, Routes.API.ledgerReportReview, .roles(Self.office), use: apiReview)
        router.staff(.post, Routes.API.ledgerReportFiles, .anyStaff, use: apiAttach)
        router.staff(.get, Routes.Console.ledgerFile, .anyStaff, use: download)
        router.get(Routes.API.publicLedger, use: publicJSON)
        router.get(Routes.Portal.plans, use: publicIndex)
        router.get(Routes.Portal.plan, use: publicPage)
        router.staff(.get, Routes.Console.ledgers, .anyStaff, use: consoleList)
        router.staff(.post, Routes.Console.importLedger, .roles(Self.office), use: consoleImport)
        router.staff(.get, Routes.Console.ledger, .anyStaff, use: consoleShow)
        router.staff(.post, Routes.Console.ledgerRounds, .roles(Self.office)) { request, context, identity in
            try await self.act(request, context, identity) { id, form in
                let r = try await service.addRound(
                    id, title: form["title"], dueOn: form["dueOn"], identity: identity, address: context.remoteAddress)
                return "已设置报送轮次“\(r.title)”，截止 \(r.dueOn.chinese)。"
            }
        }
        router.staff(.post, Routes.Console.ledgerUnits, .roles(Self.office)) { request, context, identity in
            try await self.act(request, context, identity) { id, form in
                let choice = form["unit"]
                let n = try await service.resolveUnit(
                    id, name: form["name"], departmentID: choice.hasPrefix("d:") ? Int64(choice.dropFirst(2)) : nil,
                    agencyID: choice.hasPrefix("a:") ? Int64(choice.dropFirst(2)) : nil, identity: identity, address: context.remoteAddress)
                return "已对应“\(form["name"])”，涉及 \(n) 项任务。"
            }
        }
        router.staff(.post, Routes.Console.ledgerTaskReport, .anyStaff) { request, context, identity in
            try await self.act(request, context, identity) { _, form in
                let tid = context.parameters.get("tid", as: Int64.self) ?? 0
                let input = LedgerService.ReportInput(
                    roundId: Int64(form["roundId"]), text: form.raw("text"), percent: Int(form["percent"]), state: form["state"],
                    evidence: form.raw("evidence").split(whereSeparator: \.isNewline).map(String.init))
                let files = form.files["file"].map { [(data: $0.data, fileName: $0.fileName)] } ?? []
                _ = try await service.submit(taskID: tid, input, files: files, identity: identity, address: context.remoteAddress)
                return "进展已报送，等待政务公开办公室审核。"
            }
        }
        router.staff(.post, Routes.Console.ledgerReportReview, .roles(Self.office)) { request, context, identity in
            try await self.act(request, context, identity) { _, form in
                let rid = context.parameters.get("rid", as: Int64.self) ?? 0
                let r = try await service.review(
                    reportID: rid, decision: form["decision"], comment: form.raw("comment"), identity: identity,
                    address: context.remoteAddress)
                return r.review == .accepted ? "已通过\(r.unitName)的报送。" : "已退回\(r.unitName)的报送。"
            }
        }
        router.staff(.post, Routes.Console.ledgerTaskSupervise, .roles(Self.office)) { request, context, identity in
            try await self.act(request, context, identity) { _, form in
                let tid = context.parameters.get("tid", as: Int64.self) ?? 0
                _ = try await service.supervise(taskID: tid, text: form.raw("text"), identity: identity, address: context.remoteAddress)
                return "已发出督办。"
            }
        }
    }

    func id(_ context: GongkaiRequestContext, _ name: String = "id") throws -> Int64 {
        guard let id = context.parameters.get(name, as: Int64.self) else { throw DomainError.notFound("该工作台账") }
        return id
    }

    // MARK: JSON

    struct TaskDTO: Encodable, Sendable {
        var id: Int64
        var parentId: Int64?
        var number: String
        var title: String
        var content: String
        var indicator: String
        var leader: String
        var responsible: [String]
        var units: [TaskUnit]
        var deadline: String?
        var deadlineText: String
        var status: LedgerTask.Status
        var progress: Int
        var overdue: Bool
        var carriedFrom: Int64?

        init(_ t: LedgerTask, today: CivilDate) {
            id = t.id
            parentId = t.parentID
            number = t.number
            title = t.title
            content = t.content
            indicator = t.indicator
            leader = t.leader
            responsible = t.units.map(\.name)
            units = t.units
            deadline = t.deadline.apiValue
            deadlineText = t.deadlineText
            status = t.status
            progress = t.progress
            overdue = t.isOverdue(today: today)
            carriedFrom = t.carriedFrom
        }
    }

    struct SectionDTO: Encodable, Sendable {
        var number: String
        var title: String
        var tasks: [TaskDTO]
    }

    /// Top-level tasks in their order, grouped by section, each followed by its sub-tasks.
    static func grouped<T>(_ tasks: [LedgerTask], _ item: (LedgerTask) -> T) -> [(number: String, title: String, items: [T])] {
        var out: [(number: String, title: String, items: [T])] = []
        for t in tasks where t.parentID == nil {
            if out.last?.number != t.sectionNumber || out.last?.title != t.sectionTitle {
                out.append((t.sectionNumber, t.sectionTitle, []))
            }
            out[out.count - 1].items.append(item(t))
            for sub in tasks where sub.parentID == t.id { out[out.count - 1].items.append(item(sub)) }
        }
        return out
    }

    static func sections(_ tasks: [LedgerTask], today: CivilDate) -> [SectionDTO] {
        grouped(tasks) { TaskDTO($0, today: today) }.map { SectionDTO(number: $0.number, title: $0.title, tasks: $0.items) }
    }

    struct ImportedDTO: ResponseEncodable {
        var id: Int64
        var year: Int
        var title: String
        var sections: [SectionDTO]
        var unmatchedUnits: [String]
    }

    /// The import reads the file as the raw body.
    @Sendable func apiImport(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> EditedResponse<
        ImportedDTO
    > {
        let yearText = request.uri.queryParameters["year"].map(String.init) ?? ""
        guard let year = Int(yearText) else { throw DomainError.invalid("year", "请在地址中给出 year（四位年份）") }
        let buffer = try await request.body.collect(upTo: env.settings.bodyLimit)
        let data = Data(buffer: buffer)
        guard !data.isEmpty else { throw DomainError.invalid("file", "请求体为空：请上传工作要点或台账文件") }
        let type = request.headers[.contentType] ?? ""
        let fileName = type.contains("wordprocessingml") ? "ledger.docx" : "ledger.txt"
        let imported = try await service.importPlan(
            data, fileName: fileName, year: year, title: request.uri.queryParameters["title"].map(String.init), identity: identity,
            address: context.remoteAddress)
        return EditedResponse(
            status: .created,
            response: ImportedDTO(
                id: imported.plan.id, year: year, title: imported.plan.title, sections: Self.sections(imported.tasks, today: env.today),
                unmatchedUnits: imported.unmatched))
    }

    struct PlanItem: Encodable, Sendable {
        var id: Int64
        var year: Int
        var title: String
    }

    struct Plans: ResponseEncodable {
        var items: [PlanItem]
    }

    @Sendable func apiList(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Plans {
        Plans(
            items: try await env.database.stores.ledgers.plans(agencyID: identity.agency.id).map {
                PlanItem(id: $0.id, year: $0.year, title: $0.title)
            })
    }

    struct RoundDTO: ResponseEncodable {
        var id: Int64
        var title: String
        var dueOn: CivilDate
    }

    struct ReportDTO: ResponseEncodable {
        var id: Int64
        var taskId: Int64
        var roundId: Int64
        var unit: String
        var text: String
        var percent: Int
        var state: ProgressReport.State
        var evidence: [String]
        var submittedBy: String
        var review: ProgressReport.Review
        var reviewComment: String

        init(_ r: ProgressReport) {
            id = r.id
            taskId = r.taskID
            roundId = r.roundID
            unit = r.unitName
            text = r.text
            percent = r.percent
            state = r.state
            evidence = r.evidence
            submittedBy = r.submittedBy
            review = r.review
            reviewComment = r.reviewComment
        }
    }

    struct PlanDTO: ResponseEncodable {
        var id: Int64
        var year: Int
        var title: String
        var sections: [SectionDTO]
        var rounds: [RoundDTO]
        var reports: [ReportDTO]
    }

    @Sendable func apiShow(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> PlanDTO {
        let plan = try await service.viewable(try id(context), by: identity)
        let stores = env.database.stores
        return PlanDTO(
            id: plan.id, year: plan.year, title: plan.title,
            sections: Self.sections(try await stores.ledgers.tasks(planID: plan.id), today: env.today),
            rounds: try await stores.ledgers.rounds(planID: plan.id).map { RoundDTO(id: $0.id, title: $0.title, dueOn: $0.dueOn) },
            reports: try await stores.ledgers.reports(planID: plan.id).map(ReportDTO.init))
    }

    /// The register to print: `?format=docx` or `?format=xlsx`.
    @Sendable func export(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let format = request.uri.queryParameters["format"].map(String.init) ?? "xlsx"
        let file = try await service.export(try id(context), format: format, identity: identity)
        return Response(
            status: .ok,
            headers: [
                .contentType: file.contentType, .contentDisposition: "attachment; filename=\"\(file.fileName)\"", .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }

    struct FileDTO: ResponseEncodable {
        var id: Int64
        var fileName: String
        var contentType: String
        var size: Int64
    }

    /// Evidence for a pending report: the file is the body, its name in `?name=`.
    @Sendable func apiAttach(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> EditedResponse<
        FileDTO
    > {
        let name = request.uri.queryParameters["name"].map(String.init) ?? ""
        guard !name.isEmpty else { throw DomainError.invalid("name", "请在地址中给出文件名 name") }
        let data = Data(buffer: try await request.body.collect(upTo: env.settings.bodyLimit))
        let f = try await service.attach(
            reportID: try id(context, "rid"), data: data, fileName: name, identity: identity, address: context.remoteAddress)
        return EditedResponse(status: .created, response: FileDTO(id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size))
    }

    @Sendable func download(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let plan = try await service.plan(try id(context), of: identity.agency.id)
        guard let (file, bytes) = try await env.database.stores.ledgers.file(id: try id(context, "fid")), file.planID == plan.id else {
            throw DomainError.notFound("该文件")
        }
        let encoded = file.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        return Response(
            status: .ok,
            headers: [
                .contentType: file.contentType,
                .contentDisposition: "attachment; filename=\"evidence-\(file.id)\"; filename*=UTF-8''\(encoded)",
                .cacheControl: "no-store", .init("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    struct UnitBody: Decodable {
        var name: String?
        var departmentId: Int64?
        var agencyId: Int64?
    }

    struct Changed: ResponseEncodable {
        var changed: Int
    }

    @Sendable func apiUnits(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Changed {
        let body = try await request.decodeJSON(UnitBody.self, context: context)
        return Changed(
            changed: try await service.resolveUnit(
                try id(context), name: body.name, departmentID: body.departmentId, agencyID: body.agencyId, identity: identity,
                address: context.remoteAddress))
    }

    struct DocumentBody: Decodable {
        var documentId: Int64?
    }

    struct Linked: ResponseEncodable {
        var id: Int64
        var documentId: Int64?
    }

    @Sendable func apiDocument(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Linked {
        let body = try await request.decodeJSON(DocumentBody.self, context: context)
        let plan = try await service.linkDocument(try id(context), documentID: body.documentId, identity: identity)
        return Linked(id: plan.id, documentId: plan.documentID)
    }

    struct RoundBody: Decodable {
        var title: String?
        var dueOn: String?
    }

    struct Created: ResponseEncodable {
        var id: Int64
    }

    @Sendable func apiRound(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws
        -> EditedResponse<RoundDTO>
    {
        let body = try await request.decodeJSON(RoundBody.self, context: context)
        let r = try await service.addRound(
            try id(context), title: body.title, dueOn: body.dueOn, identity: identity, address: context.remoteAddress)
        return EditedResponse(status: .created, response: RoundDTO(id: r.id, title: r.title, dueOn: r.dueOn))
    }

    @Sendable func apiReport(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws
        -> EditedResponse<ReportDTO>
    {
        let body = try await request.decodeJSON(LedgerService.ReportInput.self, context: context)
        let r = try await service.submit(taskID: try id(context, "tid"), body, identity: identity, address: context.remoteAddress)
        return EditedResponse(status: .created, response: ReportDTO(r))
    }

    struct ReviewBody: Decodable {
        var decision: String?
        var comment: String?
    }

    @Sendable func apiReview(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> ReportDTO {
        let body = try await request.decodeJSON(ReviewBody.self, context: context)
        return ReportDTO(
            try await service.review(
                reportID: try id(context, "rid"), decision: body.decision, comment: body.comment, identity: identity,
                address: context.remoteAddress))
    }

    @Sendable func apiEdit(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> TaskOut {
        let body = try await request.decodeJSON(LedgerService.TaskEdit.self, context: context)
        let t = try await service.edit(taskID: try id(context, "tid"), body, identity: identity, address: context.remoteAddress)
        return TaskOut(task: TaskDTO(t, today: env.today))
    }

    struct TaskOut: ResponseEncodable {
        var task: TaskDTO
    }

    struct TextBody: Decodable {
        var text: String?
    }

    @Sendable func apiSupervise(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws
        -> EditedResponse<Created>
    {
        let body = try await request.decodeJSON(TextBody.self, context: context)
        let n = try await service.supervise(
            taskID: try id(context, "tid"), text: body.text, identity: identity, address: context.remoteAddress)
        return EditedResponse(status: .created, response: Created(id: n.id))
    }

    struct DeductionDTO: Encodable, Sendable {
        var unit: String
        var points: Double
        var reasons: [String]
    }

    struct Deductions: ResponseEncodable {
        var items: [DeductionDTO]
    }

    @Sendable func apiDeductions(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Deductions {
        let plan = try await service.plan(try id(context), of: identity.agency.id)
        return Deductions(
            items: try await service.deductions(plan, scoring: env.rules.ledgerScoring).map {
                DeductionDTO(unit: $0.unit, points: $0.points, reasons: $0.reasons)
            })
    }

    struct CarriedDTO: ResponseEncodable {
        var planId: Int64
        var year: Int
        var carried: Int
    }

    @Sendable func apiCarryOver(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> CarriedDTO {
        let (next, n) = try await service.carryOver(try id(context), identity: identity, address: context.remoteAddress)
        return CarriedDTO(planId: next.id, year: next.year, carried: n)
    }

    struct Summary: ResponseEncodable {
        var text: String
    }

    @Sendable func apiSummary(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Summary {
        Summary(text: try await service.summary(try await service.plan(try id(context), of: identity.agency.id)))
    }

    // MARK: Public

    /// What the public may see: tasks, deadlines, status and accepted progress only.
    struct PublicTask: Encodable, Sendable {
        var number: String
        var title: String
        var units: [String]
        var deadline: String?
        var deadlineText: String
        var status: LedgerTask.Status
        var progress: Int
        var overdue: Bool
        var progressText: String?
        var isSubtask: Bool
    }

    struct PublicSection: Encodable, Sendable {
        var number: String
        var title: String
        var tasks: [PublicTask]
    }

    struct PublicPlan: ResponseEncodable {
        var title: String
        var year: Int
        /// The plan's own text in the catalog, when it has been published there.
        var documentId: Int64?
        var agency: String
        var sections: [PublicSection]
    }

    func publicPlan(_ id: Int64) async throws -> PublicPlan {
        let stores = env.database.stores
        guard let plan = try await stores.ledgers.plan(id: id), let agency = try await stores.agencies.find(id: plan.agencyID) else {
            throw DomainError.notFound("该工作台账")
        }
        let tasks = try await stores.ledgers.tasks(planID: plan.id)
        let accepted = try await stores.ledgers.reports(planID: plan.id).filter { $0.review == .accepted }
        let today = env.today
        let sections = Self.grouped(tasks) { t in
            PublicTask(
                number: t.number, title: t.title, units: t.units.filter { $0.role == .lead }.map(\.name), deadline: t.deadline.apiValue,
                deadlineText: t.deadlineText, status: t.status, progress: t.progress, overdue: t.isOverdue(today: today),
                progressText: accepted.last(where: { $0.taskID == t.id })?.text, isSubtask: t.parentID != nil)
        }.map { PublicSection(number: $0.number, title: $0.title, tasks: $0.items) }
        var published: Int64?
        if let d = plan.documentID, let doc = try await stores.catalog.find(id: d), doc.workflow.status == .published { published = d }
        return PublicPlan(title: plan.title, year: plan.year, documentId: published, agency: agency.name, sections: sections)
    }

    /// Every plan on the installation, newest year first, by agency.
    @Sendable func publicIndex(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let stores = env.database.stores
        var rows: [(WorkPlan, String)] = []
        let scope = try await env.portal(request).scope
        for agency in try await stores.agencies.all() where scope == nil || agency.id == scope {
            for plan in try await stores.ledgers.plans(agencyID: agency.id) { rows.append((plan, agency.name)) }
        }
        rows.sort { $0.0.year == $1.0.year ? $0.0.id > $1.0.id : $0.0.year > $1.0.year }
        let items = rows
        return try await pages.respond("工作要点落实情况", area: .portal, request: request, context: context) { _ in
            .div(
                .h1(.text("工作要点落实情况")),
                items.isEmpty
                    ? .p(.class("empty"), .text("暂无公开的工作台账。"))
                    : .ul(
                        .forEach(items) { row in
                            .li(.a(.href(Routes.Portal.plan.path(row.0.id)), .text("\(row.0.year)年 \(row.0.title)（\(row.1)）")))
                        })
            )
        }
    }

    @Sendable func publicJSON(_ request: Request, context: GongkaiRequestContext) async throws -> PublicPlan {
        try await publicPlan(try id(context))
    }

    @Sendable func publicPage(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let plan = try await publicPlan(try id(context))
        return try await pages.respond(plan.title, area: .portal, request: request, context: context) { _ in
            PublicPlanPage(plan: plan).content()
        }
    }

    // MARK: Console

    @Sendable func consoleList(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await list(request, context, identity)
    }

    func list(
        _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity, message: String? = nil,
        errors: [String: String] = [:],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var plans = try await env.database.stores.ledgers.plans(agencyID: identity.agency.id)
        // A subordinate unit also sees the ledgers of the commission above it, to report on its tasks.
        if let parent = identity.agency.parentID { plans += try await env.database.stores.ledgers.plans(agencyID: parent) }
        let page = LedgerListPage(
            plans: plans, canImport: identity.holds(anyOf: Self.office), year: env.today.year, message: message, errors: errors)
        return try await pages.respond("工作台账", area: .console, request: request, context: context, status: status) { page.content($0) }
    }

    @Sendable func consoleImport(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        do {
            guard let file = form.files["file"], !file.data.isEmpty else { throw DomainError.invalid("file", "请选择要导入的 .txt 或 .docx 文件") }
            guard let year = Int(form["year"]) else { throw DomainError.invalid("year", "请填写年度") }
            let imported = try await service.importPlan(
                file.data, fileName: file.fileName, year: year, title: form["title"], identity: identity, address: context.remoteAddress)
            let note = imported.unmatched.isEmpty ? "" : "以下责任单位未能对应到本机关的科室或委属单位，请核对：" + imported.unmatched.joined(separator: "、")
            return try await render(
                imported.plan.id, identity, request, context,
                message: "已导入 \(imported.tasks.filter { $0.parentID == nil }.count) 项任务。" + note)
        } catch DomainError.invalid(let field, let message) {
            return try await list(request, context, identity, message: message, errors: [field: message], status: .unprocessableContent)
        }
    }

    @Sendable func consoleShow(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await render(try id(context), identity, request, context)
    }

    func render(
        _ planID: Int64, _ identity: StaffIdentity, _ request: Request, _ context: GongkaiRequestContext, message: String? = nil,
        failed: Bool = false, values: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let plan = try await service.viewable(planID, by: identity)
        let stores = env.database.stores
        let page = LedgerPlanPage(
            departments: try await stores.agencies.departments(of: identity.agency.id),
            agencies: try await stores.agencies.all().filter { $0.parentID == identity.agency.id }, plan: plan,
            tasks: try await stores.ledgers.tasks(planID: plan.id), rounds: try await stores.ledgers.rounds(planID: plan.id),
            reports: try await stores.ledgers.reports(planID: plan.id), notices: try await stores.ledgers.notices(planID: plan.id),
            files: try await stores.ledgers.files(planID: plan.id),
            identity: identity, today: env.today, message: message, failed: failed, values: values)
        return try await pages.respond(plan.title, area: .console, request: request, context: context, status: status) { page.content($0) }
    }

    func act(
        _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity, _ run: (Int64, FormBody) async throws -> String
    ) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let planID = try id(context)
        do {
            let message = try await run(planID, form)
            return try await render(planID, identity, request, context, message: message)
        } catch DomainError.invalid(_, let message) {
            return try await render(
                planID, identity, request, context, message: message, failed: true, values: form.firstValues, status: .unprocessableContent)
        } catch DomainError.conflict(let message) {
            return try await render(planID, identity, request, context, message: message, failed: true, status: .conflict)
        } catch DomainError.forbidden(let message) {
            return try await render(planID, identity, request, context, message: message, failed: true, status: .forbidden)
        }
    }
}
