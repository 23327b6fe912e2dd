import Domain
import Foundation
import Hummingbird
import Services
import Storage

/// Assessments (`/console/assessments`, `/api/v1/assessments`): the assessing office's scheme,
/// units' self-assessment, review, deductions, vetoes, ranking and the 通报.
struct AssessmentsController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer

    var service: AssessmentService { AssessmentService(env: env.services) }

    func register(on router: Router<GongkaiRequestContext>) {
        let readers = AssessmentService.readers
        let office = AssessmentService.assessors
        router.staff(.get, Routes.API.assessments, .roles(readers), use: apiList)
        router.staff(.post, Routes.API.assessments, .roles(office), use: apiCreate)
        router.staff(.get, Routes.API.assessment, .roles(readers), use: apiShow)
        router.staff(.put, Routes.API.assessment, .roles(office), use: apiUpdate)
        router.staff(.post, Routes.API.assessmentOpen, .roles(office), use: apiOpen)
        router.staff(.post, Routes.API.assessmentClose, .roles(office), use: apiClose)
        router.staff(.post, Routes.API.assessmentNotice, .roles(office), use: apiNotice)
        router.staff(.post, Routes.API.assessmentSelf, .roles(office), use: apiSelf)
        router.staff(.post, Routes.API.assessmentUnitReview, .roles(office), use: apiReview)
        router.staff(.post, Routes.API.assessmentUnitDeductions, .roles(office), use: apiDeduct)
        router.staff(.post, Routes.API.assessmentUnitVetoes, .roles(office), use: apiVeto)

        router.staff(.get, Routes.Console.assessments, .roles(readers), use: listPage)
        router.staff(.post, Routes.Console.assessments, .roles(office), use: createForm)
        router.staff(.get, Routes.Console.assessment, .roles(readers), use: detailPage)
        router.staff(.post, Routes.Console.assessment, .roles(office), use: updateForm)
        router.staff(.post, Routes.Console.assessmentOpen, .roles(office), use: openStep)
        router.staff(.post, Routes.Console.assessmentClose, .roles(office), use: closeStep)
        router.staff(.post, Routes.Console.assessmentNotice, .roles(office), use: noticeStep)
        router.staff(.post, Routes.Console.assessmentSelf, .roles(office), use: selfForm)
        router.staff(.get, Routes.Console.assessmentUnit, .roles(readers), use: unitPage)
        router.staff(.post, Routes.Console.assessmentUnitReview, .roles(office), use: reviewForm)
        router.staff(.post, Routes.Console.assessmentUnitDeductions, .roles(office), use: deductForm)
        router.staff(.post, Routes.Console.assessmentUnitVetoes, .roles(office), use: vetoForm)
    }

    func id(_ context: GongkaiRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该考核") }
        return id
    }

    func unitID(_ context: GongkaiRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("unit", as: Int64.self) else { throw DomainError.notFound("该单位") }
        return id
    }

    // MARK: JSON

    struct DraftInput: Decodable {
        var title: String
        var from: String
        var to: String
        var scheme: String
        var minimumVolume: Int?
        var excellent: Double?
        var good: Double?
        var pass: Double?

        var draft: AssessmentService.Draft {
            .init(
                title: title, from: from, to: to, scheme: scheme, minimumVolume: minimumVolume ?? 10, excellent: excellent ?? 90,
                good: good ?? 80, pass: pass ?? 60)
        }
    }

    struct IndicatorDTO: Encodable, Sendable {
        var code: String
        var name: String
        var points: Double
        var rule: String?
        var guidance: String
        var children: [IndicatorDTO]

        init(_ i: AssessmentIndicator) {
            code = i.code
            name = i.name
            points = i.points
            rule = i.rule.map { r in
                switch r {
                case .computed(let c): c.rawValue
                case .standardCatalog: "standard"
                case .manual: "manual"
                }
            }
            guidance = i.guidance
            children = i.children.map(IndicatorDTO.init)
        }
    }

    struct ResultDTO: Encodable, Sendable {
        struct Leaf: Encodable, Sendable {
            var code: String
            var score: Double?
            var basis: String
        }
        var unitId: Int64
        var unitName: String
        var state: String
        var leaves: [Leaf]
        var subtotal: Double
        var deducted: Double
        var total: Double
        var percent: Double
        var grade: String
        var vetoed: Bool
        var volume: Int
        var pending: Int
        var rank: Int?
        var unranked: String?
    }

    struct AssessmentDTO: ResponseEncodable {
        var id: Int64
        var agencyId: Int64
        var title: String
        var from: String
        var to: String
        var status: String
        var fullMarks: Double
        var scheme: String
        var indicators: [IndicatorDTO]
        var vetoes: [String]
        var minimumVolume: Int
        var grades: [String: Double]
        var noticeDocumentId: Int64?
        var results: [ResultDTO]
    }

    struct ListDTO: ResponseEncodable {
        struct Item: Encodable, Sendable {
            var id: Int64
            var agencyId: Int64
            var title: String
            var status: String
            var from: String
            var to: String
        }
        var own: [Item]
        var assessedIn: [Item]
    }

    /// The assessment as the caller may see it: the assessing office sees every unit; a unit
    /// sees only its own result.
    func dto(_ a: Assessment, _ identity: StaffIdentity) async throws -> AssessmentDTO {
        var results = a.status == .draft ? [] : try await service.results(a)
        let marks = try await env.database.stores.assessments.marks(assessmentID: a.id)
        if a.agencyID != identity.agency.id { results = results.filter { $0.unitID == identity.agency.id } }
        return AssessmentDTO(
            id: a.id, agencyId: a.agencyID, title: a.title, from: a.from.description, to: a.to.description, status: a.status.rawValue,
            fullMarks: a.scheme.fullMarks, scheme: a.scheme.text, indicators: a.scheme.indicators.map(IndicatorDTO.init),
            vetoes: a.scheme.vetoes, minimumVolume: a.scheme.minimumVolume,
            grades: ["excellent": a.scheme.excellent, "good": a.scheme.good, "pass": a.scheme.pass], noticeDocumentId: a.noticeDocumentID,
            results: results.map { r in
                ResultDTO(
                    unitId: r.unitID, unitName: r.unitName, state: (marks[r.unitID]?.marks.state ?? .pending).rawValue,
                    leaves: r.leaves.map { .init(code: $0.code, score: $0.score, basis: $0.basis) }, subtotal: r.subtotal,
                    deducted: r.deducted, total: r.total, percent: r.percent, grade: r.grade.rawValue, vetoed: r.vetoed, volume: r.volume,
                    pending: r.pending, rank: r.rank, unranked: r.unranked)
            })
    }

    @Sendable func apiList(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> ListDTO {
        let (own, assessed) = try await service.list(identity)
        func item(_ a: Assessment) -> ListDTO.Item {
            .init(id: a.id, agencyId: a.agencyID, title: a.title, status: a.status.rawValue, from: a.from.description, to: a.to.description)
        }
        return ListDTO(own: own.map(item), assessedIn: assessed.map(item))
    }

    @Sendable func apiCreate(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> EditedResponse<
        AssessmentDTO
    > {
        let input = try await request.decodeJSON(DraftInput.self, context: context)
        let a = try await service.create(input.draft, identity: identity, address: context.remoteAddress)
        return EditedResponse(status: .created, response: try await dto(a, identity))
    }

    @Sendable func apiShow(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> AssessmentDTO {
        try await dto(try await service.viewable(try id(context), identity), identity)
    }

    @Sendable func apiUpdate(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> AssessmentDTO {
        let input = try await request.decodeJSON(DraftInput.self, context: context)
        return try await dto(
            try await service.update(try id(context), input.draft, identity: identity, address: context.remoteAddress), identity)
    }

    @Sendable func apiOpen(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> AssessmentDTO {
        try await dto(try await service.open(try id(context), identity: identity, address: context.remoteAddress), identity)
    }

    @Sendable func apiClose(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> AssessmentDTO {
        try await dto(try await service.close(try id(context), identity: identity, address: context.remoteAddress), identity)
    }

    struct NoticeDTO: ResponseEncodable {
        var documentId: Int64
        var title: String
        var status: String
    }

    @Sendable func apiNotice(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> EditedResponse<
        NoticeDTO
    > {
        let d = try await service.draftNotice(try id(context), identity: identity, address: context.remoteAddress)
        return EditedResponse(status: .created, response: NoticeDTO(documentId: d.id, title: d.title, status: d.workflow.status.rawValue))
    }

    struct MarksDTO: ResponseEncodable {
        struct Entry: Encodable, Sendable {
            var code: String
            var selfScore: Double?
            var evidence: String
            var reviews: [AssessmentMarks.Review]
        }
        var unitId: Int64
        var state: String
        var entries: [Entry]
        var deductions: [AssessmentMarks.Deduction]
        var vetoes: [AssessmentMarks.Veto]
    }

    func marksDTO(_ m: AssessmentMarks, unitID: Int64) -> MarksDTO {
        MarksDTO(
            unitId: unitID, state: m.state.rawValue,
            entries: m.entries.sorted { $0.key < $1.key }.map {
                .init(code: $0.key, selfScore: $0.value.selfScore, evidence: $0.value.evidence, reviews: $0.value.reviews)
            }, deductions: m.deductions, vetoes: m.vetoes)
    }

    struct SelfInput: Decodable {
        struct Score: Decodable {
            var code: String
            var score: Double
            var evidence: String?
        }
        var scores: [Score]
        var submit: Bool?
    }

    @Sendable func apiSelf(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> MarksDTO {
        let input = try await request.decodeJSON(SelfInput.self, context: context)
        var scores: [String: (score: Double, evidence: String)] = [:]
        for s in input.scores { scores[s.code] = (s.score, s.evidence ?? "") }
        let m = try await service.selfAssess(
            try id(context), scores: scores, submit: input.submit ?? false, identity: identity, address: context.remoteAddress)
        return marksDTO(m, unitID: identity.agency.id)
    }

    struct ReviewInput: Decodable {
        struct Score: Decodable {
            var code: String
            var score: Double
            var comment: String?
        }
        var scores: [Score]
        var returnForEvidence: Bool?
    }

    @Sendable func apiReview(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> MarksDTO {
        let input = try await request.decodeJSON(ReviewInput.self, context: context)
        var scores: [String: (score: Double, comment: String)] = [:]
        for s in input.scores { scores[s.code] = (s.score, s.comment ?? "") }
        let unit = try unitID(context)
        let m = try await service.review(
            try id(context), unitID: unit, scores: scores, returnForEvidence: input.returnForEvidence ?? false, identity: identity,
            address: context.remoteAddress)
        return marksDTO(m, unitID: unit)
    }

    struct DeductionInput: Decodable {
        var points: Double
        var reason: String
    }

    @Sendable func apiDeduct(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> EditedResponse<
        MarksDTO
    > {
        let input = try await request.decodeJSON(DeductionInput.self, context: context)
        let unit = try unitID(context)
        let m = try await service.deduct(
            try id(context), unitID: unit, points: input.points, reason: input.reason, identity: identity, address: context.remoteAddress)
        return EditedResponse(status: .created, response: marksDTO(m, unitID: unit))
    }

    struct VetoInput: Decodable {
        var item: String
        var reason: String
    }

    @Sendable func apiVeto(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> EditedResponse<
        MarksDTO
    > {
        let input = try await request.decodeJSON(VetoInput.self, context: context)
        let unit = try unitID(context)
        let m = try await service.veto(
            try id(context), unitID: unit, item: input.item, reason: input.reason, identity: identity, address: context.remoteAddress)
        return EditedResponse(status: .created, response: marksDTO(m, unitID: unit))
    }

    // MARK: Console

    static func draft(_ form: FormBody) -> (AssessmentService.Draft, [String: String]) {
        var values: [String: String] = [:]
        for f in ["title", "from", "to", "scheme", "minimumVolume", "excellent", "good", "pass"] { values[f] = form[f] }
        let d = AssessmentService.Draft(
            title: form["title"], from: form["from"], to: form["to"], scheme: form["scheme"],
            minimumVolume: Int(form["minimumVolume"].trimmingCharacters(in: .whitespaces)) ?? -1,
            excellent: Double(form["excellent"]) ?? 90, good: Double(form["good"]) ?? 80, pass: Double(form["pass"]) ?? 60)
        return (d, values)
    }

    func renderList(
        _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity, values: [String: String] = [:],
        errors: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (own, assessed) = try await service.list(identity)
        let view = AssessmentListPage(
            own: own, assessedIn: assessed, mayCreate: identity.holds(anyOf: AssessmentService.assessors), year: env.today.year,
            values: values, errors: errors)
        return try await pages.respond("政务公开考核", area: .console, request: request, context: context, status: status) { view.content($0) }
    }

    @Sendable func listPage(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await renderList(request, context, identity)
    }

    @Sendable func createForm(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let (draft, values) = Self.draft(form)
        do {
            let a = try await service.create(draft, identity: identity, address: context.remoteAddress)
            return .redirect(to: Routes.Console.assessment.path(a.id), type: .normal)
        } catch let error as DomainError where error.field != nil {
            return try await renderList(
                request, context, identity, values: values, errors: [error.field!: error.message], status: .unprocessableContent)
        }
    }

    func renderDetail(
        _ a: Assessment, _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity, message: String? = nil,
        error: String? = nil, values: [String: String] = [:], errors: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let own = a.agencyID == identity.agency.id
        var results = a.status == .draft ? [] : try await service.results(a)
        if !own { results = results.filter { $0.unitID == identity.agency.id } }
        let marks = try await env.database.stores.assessments.marks(assessmentID: a.id).mapValues(\.marks)
        let view = AssessmentDetailPage(
            assessment: a, own: own, mayAct: identity.holds(anyOf: AssessmentService.assessors), results: results, marks: marks,
            unitID: identity.agency.id, message: message, error: error, values: values, errors: errors)
        return try await pages.respond(a.title, area: .console, request: request, context: context, status: status) { view.content($0) }
    }

    @Sendable func detailPage(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await renderDetail(try await service.viewable(try id(context), identity), request, context, identity)
    }

    /// Runs a console step on an assessment and shows it again, with the outcome or the problem.
    func step(
        _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity, done: String,
        _ body: @Sendable (FormBody) async throws -> String?
    ) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let id = try id(context)
        do {
            let message = try await body(form) ?? done
            return try await renderDetail(try await service.viewable(id, identity), request, context, identity, message: message)
        } catch let error as DomainError where error.field != nil || error.code == "conflict" {
            var values: [String: String] = [:]
            for key in form.names { values[key] = form[key] }
            return try await renderDetail(
                try await service.viewable(id, identity), request, context, identity, error: error.message, values: values,
                errors: error.field.map { [$0: error.message] } ?? [:], status: error.code == "conflict" ? .conflict : .unprocessableContent
            )
        }
    }

    @Sendable func updateForm(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await step(request, context, identity, done: "已保存考核方案。") { form in
            _ = try await service.update(try id(context), Self.draft(form).0, identity: identity, address: context.remoteAddress)
            return nil
        }
    }

    @Sendable func openStep(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await step(request, context, identity, done: "考核已开始，各单位可以填写自评。") { _ in
            _ = try await service.open(try id(context), identity: identity, address: context.remoteAddress)
            return nil
        }
    }

    @Sendable func closeStep(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await step(request, context, identity, done: "考核已结束，结果已固定。") { _ in
            _ = try await service.close(try id(context), identity: identity, address: context.remoteAddress)
            return nil
        }
    }

    @Sendable func noticeStep(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await step(request, context, identity, done: "") { _ in
            let d = try await service.draftNotice(try id(context), identity: identity, address: context.remoteAddress)
            return "已形成通报草稿（文件 #\(d.id)），请在“主动公开”中送审发布。"
        }
    }

    /// Scores named `score-<code>` with `evidence-<code>` (self) or `comment-<code>` (review).
    static func scores(_ form: FormBody, _ scheme: AssessmentScheme, note: String) throws(DomainError) -> [String: (Double, String)] {
        var out: [String: (Double, String)] = [:]
        for leaf in scheme.leaves where leaf.rule == .manual {
            let text = form["score-\(leaf.code)"].trimmingCharacters(in: .whitespaces)
            if text.isEmpty && form["\(note)-\(leaf.code)"].isEmpty { continue }
            guard let score = Double(text) else { throw .invalid("score-\(leaf.code)", "请填写“\(leaf.name)”的分数（数字）") }
            out[leaf.code] = (score, form["\(note)-\(leaf.code)"])
        }
        return out
    }

    @Sendable func selfForm(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await step(request, context, identity, done: "") { form in
            let a = try await service.viewable(try id(context), identity)
            let submit = form["action"] == "submit"
            let scores = try Self.scores(form, a.scheme, note: "evidence").mapValues { (score: $0.0, evidence: $0.1) }
            _ = try await service.selfAssess(a.id, scores: scores, submit: submit, identity: identity, address: context.remoteAddress)
            return submit ? "已提交自评，等待审核。" : "已保存自评（尚未提交）。"
        }
    }

    func renderUnit(
        _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity, message: String? = nil, error: String? = nil,
        values: [String: String] = [:], errors: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let a = try await service.own(try id(context), identity)
        let unitID = try unitID(context)
        guard let unit = try await service.units(of: a.agencyID).first(where: { $0.id == unitID }) else {
            throw DomainError.notFound("该单位")
        }
        let marks = try await env.database.stores.assessments.marks(assessmentID: a.id)[unitID]?.marks ?? AssessmentMarks()
        let result = a.status == .draft ? nil : try await service.results(a).first { $0.unitID == unitID }
        let view = AssessmentUnitPage(
            assessment: a, unit: unit, marks: marks, result: result, mayAct: identity.holds(anyOf: AssessmentService.assessors),
            message: message, error: error, values: values, errors: errors)
        return try await pages.respond("\(unit.name)：\(a.title)", area: .console, request: request, context: context, status: status) {
            view.content($0)
        }
    }

    @Sendable func unitPage(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await renderUnit(request, context, identity)
    }

    /// Runs a step on one unit's marks and shows the unit again.
    func unitStep(
        _ request: Request, _ context: GongkaiRequestContext, _ identity: StaffIdentity, done: String,
        _ body: @Sendable (FormBody, Assessment, Int64) async throws -> Void
    ) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let a = try await service.own(try id(context), identity)
        do {
            try await body(form, a, try unitID(context))
            return try await renderUnit(request, context, identity, message: done)
        } catch let error as DomainError where error.field != nil || error.code == "conflict" {
            var values: [String: String] = [:]
            for key in form.names { values[key] = form[key] }
            return try await renderUnit(
                request, context, identity, error: error.message, values: values, errors: error.field.map { [$0: error.message] } ?? [:],
                status: error.code == "conflict" ? .conflict : .unprocessableContent)
        }
    }

    @Sendable func reviewForm(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await unitStep(request, context, identity, done: "已保存审核结果。") { form, a, unit in
            let scores = try Self.scores(form, a.scheme, note: "comment").mapValues { (score: $0.0, comment: $0.1) }
            _ = try await service.review(
                a.id, unitID: unit, scores: scores, returnForEvidence: form["action"] == "return", identity: identity,
                address: context.remoteAddress)
        }
    }

    @Sendable func deductForm(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await unitStep(request, context, identity, done: "已记录扣分。") { form, a, unit in
            guard let points = Double(form["points"].trimmingCharacters(in: .whitespaces)) else {
                throw DomainError.invalid("points", "请填写扣分分值（数字）")
            }
            _ = try await service.deduct(
                a.id, unitID: unit, points: points, reason: form["reason"], identity: identity, address: context.remoteAddress)
        }
    }

    @Sendable func vetoForm(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await unitStep(request, context, identity, done: "已记录一票否决。") { form, a, unit in
            do {
                _ = try await service.veto(
                    a.id, unitID: unit, item: form["item"], reason: form["vetoReason"], identity: identity, address: context.remoteAddress)
            } catch let error as DomainError where error.field == "reason" {
                // The deduction form on the same page has its own reason field.
                throw DomainError.invalid("vetoReason", error.message)
            }
        }
    }
}
