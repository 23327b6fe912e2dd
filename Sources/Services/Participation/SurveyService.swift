public import Domain
import Foundation
public import Reports
import Storage

/// Questionnaires (问卷调查): drafting (as structured questions or as a text outline),
/// publishing, responses from the public with one per confirmed person where required,
/// results and the CSV export.
public struct SurveyService: Sendable {
    public init(env: ServiceEnvironment) {
        self.env = env
    }

    let env: ServiceEnvironment

    public static let editors: Set<Role> = [.officeAdmin, .drafter]

    public struct QuestionInput: Decodable, Sendable {

        public init(
            kind: String? = nil, title: String? = nil, options: [String]? = nil, required: Bool? = nil, scaleMin: Int? = nil,
            scaleMax: Int? = nil, showIf: Survey.Condition? = nil
        ) {

            self.kind = kind

            self.title = title

            self.options = options

            self.required = required

            self.scaleMin = scaleMin

            self.scaleMax = scaleMax

            self.showIf = showIf

        }

        var kind: String?
        var title: String?
        var options: [String]?
        var required: Bool?
        var scaleMin: Int?
        var scaleMax: Int?
        var showIf: Survey.Condition?
    }

    public struct Input: Decodable, Sendable {

        public init(
            title: String? = nil, intro: String? = nil, opensOn: String? = nil, closesOn: String? = nil, identity: String? = nil,
            questions: [QuestionInput]? = nil, outline: String? = nil
        ) {

            self.title = title

            self.intro = intro

            self.opensOn = opensOn

            self.closesOn = closesOn

            self.identity = identity

            self.questions = questions

            self.outline = outline

        }

        var title: String?
        var intro: String?
        var opensOn: String?
        var closesOn: String?
        var identity: String?
        /// The questions, structured (JSON) ...
        var questions: [QuestionInput]?
        /// ... or written as a text outline (the console's editor).
        var outline: String?
    }

    public func survey(_ id: Int64, of agencyID: Int64) async throws -> Survey {
        guard let s = try await env.database.stores.surveys.find(id: id), s.agencyID == agencyID else {
            throw DomainError.notFound("该问卷")
        }
        return s
    }

    /// A survey the public may see: published (open, not yet open, or closed).
    public func visible(_ id: Int64) async throws -> Survey {
        guard let s = try await env.database.stores.surveys.find(id: id), s.published else { throw DomainError.notFound("该问卷") }
        return s
    }

    func parse(_ input: Input, into s: inout Survey) throws {
        s.title = try RequestSteps.trimmed(input.title, "title", "请填写问卷标题", limit: 200)
        s.intro = String((input.intro ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
        guard let opens = try CivilDate.parse(optional: input.opensOn ?? "", field: "opensOn") else {
            throw DomainError.invalid("opensOn", "请填写开始日期")
        }
        guard let closes = try CivilDate.parse(optional: input.closesOn ?? "", field: "closesOn") else {
            throw DomainError.invalid("closesOn", "请填写截止日期")
        }
        s.opensOn = opens
        s.closesOn = closes
        s.identity = try RequestService.parse(input.identity ?? CommentIdentity.anonymousAllowed.rawValue, "identity", CommentIdentity.self)
        if let outline = input.outline {
            s.questions = try SurveyOutline.parse(outline)
        } else if let given = input.questions {
            s.questions = try given.enumerated().map { i, q in
                Survey.Question(
                    number: i + 1, kind: try RequestService.parse(q.kind ?? "", "questions[\(i)].kind", Survey.QuestionKind.self),
                    title: (q.title ?? "").trimmingCharacters(in: .whitespaces),
                    options: (q.options ?? []).map { $0.trimmingCharacters(in: .whitespaces) }, required: q.required ?? false,
                    scaleMin: q.scaleMin ?? 1, scaleMax: q.scaleMax ?? 5, condition: q.showIf)
            }
        } else {
            throw DomainError.invalid("questions", "请设置题目")
        }
        try s.check()
    }

    public func create(_ input: Input, identity: StaffIdentity, address: String) async throws -> Survey {
        var s = Survey(agencyID: identity.agency.id, title: "", questions: [], opensOn: env.today, closesOn: env.today)
        try parse(input, into: &s)
        s.createdAtMillis = env.nowMillis
        return try await save(s, create: true, action: .surveyCreate, detail: s.title, identity, address)
    }

    /// Changes a survey that is not yet published: once the public can answer, the questions stay.
    public func update(_ id: Int64, _ input: Input, identity: StaffIdentity, address: String) async throws -> Survey {
        var s = try await survey(id, of: identity.agency.id)
        guard !s.published else { throw DomainError.conflict("问卷已发布，题目不能再修改") }
        try parse(input, into: &s)
        return try await save(s, action: .surveyUpdate, detail: s.title, identity, address)
    }

    public func publish(_ id: Int64, identity: StaffIdentity, address: String) async throws -> Survey {
        var s = try await survey(id, of: identity.agency.id)
        guard !s.published else { throw DomainError.conflict("问卷已发布") }
        guard s.closesOn >= env.today else { throw DomainError.invalid("closesOn", "截止日期已过，请先修改日期") }
        try s.check()
        s.published = true
        return try await save(s, action: .surveyPublish, detail: "\(s.opensOn) 至 \(s.closesOn)", identity, address)
    }

    /// Ends a survey before its closing date.
    public func close(_ id: Int64, identity: StaffIdentity, address: String) async throws -> Survey {
        var s = try await survey(id, of: identity.agency.id)
        guard s.status(today: env.today) == .open || s.status(today: env.today) == .notYetOpen else {
            throw DomainError.conflict("问卷不在进行中")
        }
        s.ended = true
        return try await save(s, action: .surveyClose, detail: "提前结束", identity, address)
    }

    /// Shows or hides the charts of the results on the portal.
    public func showResults(_ id: Int64, _ shown: Bool, identity: StaffIdentity, address: String) async throws -> Survey {
        var s = try await survey(id, of: identity.agency.id)
        guard s.published else { throw DomainError.conflict("问卷尚未发布") }
        s.resultsPublic = shown
        return try await save(s, action: .surveyResults, detail: shown ? "公开结果" : "不公开结果", identity, address)
    }

    func save(_ s: Survey, create: Bool = false, action: AuditAction, detail: String, _ identity: StaffIdentity, _ address: String)
        async throws
        -> Survey
    {
        try await env.audited(identity, address: address, action, .survey, detail: detail) { stores in
            var saved = s
            if create { saved = try await stores.surveys.create(s) } else { try await stores.surveys.update(s) }
            return (saved, saved.id)
        }
    }

    // MARK: Responses

    public struct AnswerInput: Decodable, Sendable {

        public init(question: Int, choices: [Int]? = nil, value: Int? = nil, text: String? = nil) {

            self.question = question

            self.choices = choices

            self.value = value

            self.text = text

        }

        public var question: Int
        public var choices: [Int]?
        public var value: Int?
        public var text: String?
    }

    public struct ResponseInput: Decodable, Sendable {

        public init(answers: [AnswerInput]? = nil, email: String? = nil, phone: String? = nil) {

            self.answers = answers

            self.email = email

            self.phone = phone

        }

        var answers: [AnswerInput]?
        var email: String?
        var phone: String?
    }

    public struct Received: Sendable {
        public var response: SurveyResponse
        public var needsConfirmation: Bool
        public var channel: String
    }

    /// Takes a response while the survey is open. Where identity is required, it counts only
    /// once the code sent to the respondent is entered, and each person answers once; sending
    /// the form again before confirming replaces the unconfirmed answers and sends a new code.
    public func respond(_ id: Int64, _ input: ResponseInput, address: String) async throws -> Received {
        let s = try await visible(id)
        switch s.status(today: env.today) {
        case .open: break
        case .notYetOpen: throw DomainError.conflict("问卷将于\(s.opensOn.chinese)开始")
        default: throw DomainError.conflict("问卷调查已结束")
        }
        var given: [Int: SurveyAnswer] = [:]
        for a in input.answers ?? [] {
            guard given[a.question] == nil else { throw DomainError.invalid("q\(a.question)", "第 \(a.question) 题重复作答") }
            given[a.question] = SurveyAnswer(choices: a.choices ?? [], value: a.value, text: a.text ?? "")
        }
        let answers = try s.accept(given)
        let contact = try ParticipantContact.required(s.identity, email: input.email ?? "", phone: input.phone ?? "")
        let code = contact.map { _ in ParticipantContact.code() }
        let now = env.nowMillis
        let stored = try await env.database.audited(
            by: AuditActor(agencyID: s.agencyID, userID: nil, name: "公众", address: address), atMillis: now
        ) { stores, trail in
            var response = SurveyResponse(
                surveyID: s.id, answers: answers, respondent: contact?.key ?? "", confirmed: contact == nil, confirmationCode: code,
                createdAtMillis: now)
            if let contact, let earlier = try await stores.surveys.response(surveyID: s.id, respondent: contact.key) {
                guard !earlier.confirmed else { throw DomainError.conflict("该\(s.identity.channel)已填写过本问卷，每人只能提交一次") }
                response.id = earlier.id
                try await stores.surveys.updateResponse(response)
            } else {
                response = try await stores.surveys.addResponse(response)
            }
            try await trail.log(.surveyRespond, .survey, s.id, detail: "答卷 #\(response.id)")
            if let contact, let code {
                _ = try await stores.outbox.enqueue(
                    contact.message(
                        agencyID: s.agencyID, subject: "问卷验证码：\(s.title)", code: code, purpose: "提交问卷《\(s.title)》", nowMillis: now))
            }
            return response
        }
        return Received(response: stored, needsConfirmation: contact != nil, channel: s.identity.channel)
    }

    public func confirm(_ id: Int64, responseID: Int64, code: String) async throws -> SurveyResponse {
        let s = try await visible(id)
        let stores = env.database.stores
        guard var r = try await stores.surveys.response(id: responseID), r.surveyID == s.id else { throw DomainError.notFound("该答卷") }
        guard !r.confirmed else { return r }
        guard s.status(today: env.today) == .open else { throw DomainError.conflict("问卷调查已结束") }
        guard let expected = r.confirmationCode, expected == code.trimmingCharacters(in: .whitespaces) else {
            throw DomainError.invalid("code", "验证码不正确")
        }
        r.confirmed = true
        r.confirmationCode = nil
        try await stores.surveys.updateResponse(r)
        return r
    }

    // MARK: Results

    public func results(_ s: Survey) async throws -> SurveyResults {
        SurveyResults(survey: s, responses: try await env.database.stores.surveys.responses(surveyID: s.id))
    }

    /// Every counted response as one row: one column per question (options joined with “；”).
    /// The answers as a table for the office to download; the download itself is archived.
    public func export(_ s: Survey, by identity: StaffIdentity, address: String) async throws -> CSVTable {
        let table = try await csv(s)
        try await env.database.audit(
            .surveyExport, .survey, String(s.id), by: AuditActor(identity, address: address), atMillis: env.nowMillis,
            detail: "\(table.rows.count) 份答卷")
        return table
    }

    public func csv(_ s: Survey) async throws -> CSVTable {
        var table = CSVTable(header: ["答卷编号", "提交时间"] + s.questions.map { "\($0.number). \($0.title)" })
        for r in try await env.database.stores.surveys.responses(surveyID: s.id) where r.confirmed {
            table.append(
                [String(r.id), OpinionItem.format(r.createdAtMillis)]
                    + s.questions.map { q in
                        guard let a = r.answers[q.number] else { return "" }
                        switch q.kind {
                        case .single, .multiple: return a.choices.map(q.describe).joined(separator: "；")
                        case .scale: return a.value.map(String.init) ?? ""
                        case .text: return a.text
                        }
                    })
        }
        return table
    }
}
