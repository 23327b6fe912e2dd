import Foundation

/// A questionnaire (问卷调查) put to the public: choice, scale and free-text questions, some
/// required, some shown only after a given answer to an earlier question.
public struct Survey: Hashable, Sendable, Codable {
    public enum QuestionKind: String, CaseIterable, Hashable, Sendable, Codable {
        case single
        case multiple
        case scale
        case text

        public var label: String {
            switch self {
            case .single: "单选"
            case .multiple: "多选"
            case .scale: "量表"
            case .text: "填空"
            }
        }
    }

    /// Shown only when the answer to an earlier question is one of `values`: option numbers
    /// (1-based) for a choice question, points for a scale.
    public struct Condition: Hashable, Sendable, Codable {
        public var question: Int
        public var values: [Int]

        public init(question: Int, values: [Int]) {
            self.question = question
            self.values = values
        }
    }

    public struct Question: Hashable, Sendable, Codable {
        /// 1-based position, which is how answers and conditions name the question.
        public var number: Int
        public var kind: QuestionKind
        public var title: String
        public var options: [String]
        public var required: Bool
        /// The scale's points (a scale question only), e.g. 1...5.
        public var scaleMin: Int
        public var scaleMax: Int
        public var condition: Condition?

        public init(
            number: Int, kind: QuestionKind, title: String, options: [String] = [], required: Bool = false, scaleMin: Int = 1,
            scaleMax: Int = 5, condition: Condition? = nil
        ) {
            self.number = number
            self.kind = kind
            self.title = title
            self.options = options
            self.required = required
            self.scaleMin = scaleMin
            self.scaleMax = scaleMax
            self.condition = condition
        }

        /// The values an answer may take: option numbers or scale points.
        public var values: ClosedRange<Int>? {
            switch kind {
            case .single, .multiple: options.isEmpty ? nil : 1...options.count
            case .scale: scaleMin...scaleMax
            case .text: nil
            }
        }

        /// How a value reads: the option's text, or the point itself.
        public func describe(_ value: Int) -> String {
            switch kind {
            case .single, .multiple: (1...options.count).contains(value) ? options[value - 1] : String(value)
            default: String(value)
            }
        }
    }

    public enum Status: String, Hashable, Sendable, Codable {
        case draft
        case notYetOpen = "not_yet_open"
        case open
        case closed

        public var label: String {
            switch self {
            case .draft: "未发布"
            case .notYetOpen: "尚未开始"
            case .open: "进行中"
            case .closed: "已结束"
            }
        }
    }

    public var id: Int64
    public var agencyID: Int64
    public var title: String
    public var intro: String
    public var questions: [Question]
    public var opensOn: CivilDate
    public var closesOn: CivilDate
    /// Anonymous, or one response per confirmed e-mail address or mobile number.
    public var identity: CommentIdentity
    public var published: Bool
    /// Closed before its date by the office.
    public var ended: Bool
    /// Whether the public sees the charts of the results (free-text answers never).
    public var resultsPublic: Bool
    public var createdAtMillis: Int64

    public init(
        id: Int64 = 0, agencyID: Int64, title: String, intro: String = "", questions: [Question], opensOn: CivilDate,
        closesOn: CivilDate, identity: CommentIdentity = .anonymousAllowed, published: Bool = false, ended: Bool = false,
        resultsPublic: Bool = false, createdAtMillis: Int64 = 0
    ) {
        self.id = id
        self.agencyID = agencyID
        self.title = title
        self.intro = intro
        self.questions = questions
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.identity = identity
        self.published = published
        self.ended = ended
        self.resultsPublic = resultsPublic
        self.createdAtMillis = createdAtMillis
    }

    public func status(today: CivilDate) -> Status {
        if !published { return .draft }
        if today < opensOn { return .notYetOpen }
        return ended || today > closesOn ? .closed : .open
    }

    /// Checks the questions themselves: titles, options, scales, and conditions that point
    /// back to an earlier choice or scale question and name values it has.
    public static func check(_ questions: [Question]) throws(DomainError) {
        guard !questions.isEmpty else { throw .invalid("questions", "请至少设置一道题目") }
        guard questions.count <= 100 else { throw .invalid("questions", "题目不能超过 100 道") }
        for (i, q) in questions.enumerated() {
            let at = "第 \(i + 1) 题"
            guard q.number == i + 1 else { throw .invalid("questions", "\(at)的题号应为 \(i + 1)") }
            let title = q.title.trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty, title.count <= 300 else { throw .invalid("questions", "\(at)缺少题干（或超过 300 字）") }
            switch q.kind {
            case .single, .multiple:
                guard q.options.count >= 2, q.options.count <= 30 else {
                    throw .invalid("questions", "\(at)（\(q.kind.label)）须有 2 至 30 个选项")
                }
                guard q.options.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty && $0.count <= 200 }) else {
                    throw .invalid("questions", "\(at)有空白或过长的选项")
                }
                guard Set(q.options).count == q.options.count else { throw .invalid("questions", "\(at)有重复的选项") }
            case .scale:
                guard q.options.isEmpty, q.scaleMin >= 0, q.scaleMax <= 10, q.scaleMax - q.scaleMin >= 2 else {
                    throw .invalid("questions", "\(at)（量表）的分值须在 0 至 10 之间，且至少 3 级")
                }
            case .text:
                guard q.options.isEmpty else { throw .invalid("questions", "\(at)（填空）不设选项") }
            }
            if let c = q.condition {
                guard c.question >= 1, c.question < q.number else { throw .invalid("questions", "\(at)的显示条件只能引用前面的题目") }
                let source = questions[c.question - 1]
                guard let range = source.values, source.kind != .text else {
                    throw .invalid("questions", "\(at)的显示条件须引用单选、多选或量表题")
                }
                guard !c.values.isEmpty, c.values.allSatisfy(range.contains) else {
                    throw .invalid("questions", "\(at)的显示条件引用了第 \(c.question) 题没有的选项或分值")
                }
            }
        }
    }

    /// Checks a survey before it is saved: its text, its dates and its questions.
    public func check() throws(DomainError) {
        let t = title.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 200 else { throw .invalid("title", "请填写问卷标题（不超过 200 字）") }
        guard intro.count <= 5_000 else { throw .invalid("intro", "说明不能超过 5000 字") }
        guard opensOn <= closesOn else { throw .invalid("closesOn", "截止日期须不早于开始日期") }
        try Self.check(questions)
    }

    /// Whether a question is shown, given the answers so far (conditions look back only).
    public func isShown(_ q: Question, answers: [Int: SurveyAnswer]) -> Bool {
        guard let c = q.condition else { return true }
        guard c.question >= 1, c.question <= questions.count, isShown(questions[c.question - 1], answers: answers),
            let a = answers[c.question]
        else { return false }
        let given = questions[c.question - 1].kind == .scale ? a.value.map { [$0] } ?? [] : a.choices
        return given.contains(where: c.values.contains)
    }

    /// Checks a respondent's answers and returns them cleaned: answers to questions not shown
    /// are dropped, required questions that are shown must be answered. The error names the
    /// first question at fault (field `q{number}`).
    public func accept(_ given: [Int: SurveyAnswer]) throws(DomainError) -> [Int: SurveyAnswer] {
        for key in given.keys where !(1...questions.count).contains(key) {
            throw .invalid("questions", "问卷没有第 \(key) 题")
        }
        var kept: [Int: SurveyAnswer] = [:]
        for q in questions {
            let field = "q\(q.number)"
            guard isShown(q, answers: kept) else { continue }
            var a = given[q.number] ?? SurveyAnswer()
            switch q.kind {
            case .single:
                guard a.choices.count <= 1 else { throw .invalid(field, "第 \(q.number) 题只能选一项") }
                a.value = nil
                a.text = ""
            case .multiple:
                a.choices = Array(Set(a.choices)).sorted()
                a.value = nil
                a.text = ""
            case .scale:
                guard a.choices.isEmpty else { throw .invalid(field, "第 \(q.number) 题请选择分值") }
                a.text = ""
                if let v = a.value, !(q.scaleMin...q.scaleMax).contains(v) {
                    throw .invalid(field, "第 \(q.number) 题的分值应在 \(q.scaleMin) 至 \(q.scaleMax) 之间")
                }
            case .text:
                a.choices = []
                a.value = nil
                a.text = a.text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\r\n", with: "\n")
                guard a.text.count <= 2_000 else { throw .invalid(field, "第 \(q.number) 题不能超过 2000 字") }
            }
            if q.kind == .single || q.kind == .multiple, let bad = a.choices.first(where: { !(1...q.options.count).contains($0) }) {
                throw .invalid(field, "第 \(q.number) 题没有第 \(bad) 个选项")
            }
            if a.isEmpty {
                if q.required { throw .invalid(field, "第 \(q.number) 题为必答题") }
                continue
            }
            kept[q.number] = a
        }
        guard !kept.isEmpty else { throw .invalid("questions", "请至少回答一道题") }
        return kept
    }
}

/// One answer: chosen option numbers, a scale point, or text, as the question's kind needs.
public struct SurveyAnswer: Hashable, Sendable, Codable {
    public var choices: [Int]
    public var value: Int?
    public var text: String

    public init(choices: [Int] = [], value: Int? = nil, text: String = "") {
        self.choices = choices
        self.value = value
        self.text = text
    }

    public var isEmpty: Bool { choices.isEmpty && value == nil && text.isEmpty }
}

/// One person's filled-in questionnaire.
public struct SurveyResponse: Hashable, Sendable, Codable {
    public var id: Int64
    public var surveyID: Int64
    public var answers: [Int: SurveyAnswer]
    /// The confirmed e-mail address or mobile number where the survey requires one (one
    /// response each); empty for an anonymous response.
    public var respondent: String
    /// False until the code sent to the respondent is entered; only confirmed responses count.
    public var confirmed: Bool
    public var confirmationCode: String?
    public var createdAtMillis: Int64

    public init(
        id: Int64 = 0, surveyID: Int64, answers: [Int: SurveyAnswer], respondent: String = "", confirmed: Bool = true,
        confirmationCode: String? = nil, createdAtMillis: Int64 = 0
    ) {
        self.id = id
        self.surveyID = surveyID
        self.answers = answers
        self.respondent = respondent
        self.confirmed = confirmed
        self.confirmationCode = confirmationCode
        self.createdAtMillis = createdAtMillis
    }
}

/// The results of a survey, question by question, from its confirmed responses.
public struct SurveyResults: Hashable, Sendable, Codable {
    public struct Tally: Hashable, Sendable, Codable {
        public var number: Int
        public var title: String
        public var kind: Survey.QuestionKind
        /// Respondents who answered this question.
        public var answered: Int
        /// Per option (choice) or per point (scale), in order: its label and count.
        public var counts: [Count]
        /// The mean point of a scale question.
        public var mean: Double?
        /// The texts given (a free-text question; staff only).
        public var texts: [String]
    }

    public struct Count: Hashable, Sendable, Codable {
        public var label: String
        public var count: Int
    }

    public var responses: Int
    public var questions: [Tally]

    public init(survey: Survey, responses: [SurveyResponse]) {
        let counted = responses.filter(\.confirmed)
        self.responses = counted.count
        questions = survey.questions.map { q in
            let answers = counted.compactMap { $0.answers[q.number] }
            var counts: [Count] = []
            var mean: Double?
            switch q.kind {
            case .single, .multiple:
                counts = q.options.enumerated().map { i, o in Count(label: o, count: answers.filter { $0.choices.contains(i + 1) }.count) }
            case .scale:
                counts = (q.scaleMin...q.scaleMax).map { v in Count(label: "\(v) 分", count: answers.filter { $0.value == v }.count) }
                let values = answers.compactMap(\.value)
                mean = values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
            case .text:
                break
            }
            return Tally(
                number: q.number, title: q.title, kind: q.kind, answered: answers.count, counts: counts, mean: mean,
                texts: q.kind == .text ? answers.map(\.text) : [])
        }
    }

    /// The same results without the free-text answers, for the public.
    public var withoutTexts: SurveyResults {
        var r = self
        for i in r.questions.indices { r.questions[i].texts = [] }
        return r
    }
}
