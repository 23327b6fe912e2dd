/// One indicator of an assessment (考核指标): a branch that groups others, or a leaf with its
/// points and how they are scored.
public struct AssessmentIndicator: Hashable, Sendable, Codable {
    public enum Rule: Hashable, Sendable, Codable {
        /// Points × the share of cases that met a dashboard indicator in the period.
        case computed(ComplianceIndicator)
        /// Points × the share of checked 标准目录 items published as required.
        case standardCatalog
        /// Self-scored by the unit with evidence, then reviewed by the assessing office.
        case manual

        public var label: String {
            switch self {
            case .computed(let i): "按数据计算：" + i.label
            case .standardCatalog: "按数据计算：标准目录落实率"
            case .manual: "自评并提供佐证，经审核确定"
            }
        }

        /// The `=code` of the text form.
        var token: String {
            switch self {
            case .computed(let i): i.rawValue
            case .standardCatalog: "standard"
            case .manual: "manual"
            }
        }

        init?(token: String) {
            switch token {
            case "standard": self = .standardCatalog
            case "manual": self = .manual
            default:
                guard let i = ComplianceIndicator(rawValue: token) else { return nil }
                self = .computed(i)
            }
        }
    }

    /// `1`, `1.2`: the position in the tree, assigned when read.
    public var code: String
    public var name: String
    /// A leaf's own points; a branch's are the sum of its children's.
    public var points: Double
    /// Nil for a branch.
    public var rule: Rule?
    /// What a manual indicator asks for (评分标准、佐证材料).
    public var guidance: String
    public var children: [AssessmentIndicator]

    public init(code: String, name: String, points: Double, rule: Rule?, guidance: String = "", children: [AssessmentIndicator] = []) {
        self.code = code
        self.name = name
        self.points = points
        self.rule = rule
        self.guidance = guidance
        self.children = children
    }

    /// The leaves under this indicator (itself, when a leaf), in order.
    public var leaves: [AssessmentIndicator] { children.isEmpty ? [self] : children.flatMap(\.leaves) }
}

/// How an assessment scores: the indicator tree, the single-veto items (一票否决), the
/// minimum volume of cases for a unit to be ranked and the grade lines (percent of full marks).
public struct AssessmentScheme: Hashable, Sendable, Codable {
    public var indicators: [AssessmentIndicator]
    public var vetoes: [String]
    /// Units with fewer cases than this across the computed indicators are scored but not
    /// ranked: a rate over three cases says little.
    public var minimumVolume: Int
    public var excellent: Double
    public var good: Double
    public var pass: Double

    public init(
        indicators: [AssessmentIndicator], vetoes: [String] = [], minimumVolume: Int = 10, excellent: Double = 90, good: Double = 80,
        pass: Double = 60
    ) {
        self.indicators = indicators
        self.vetoes = vetoes
        self.minimumVolume = minimumVolume
        self.excellent = excellent
        self.good = good
        self.pass = pass
    }

    public var leaves: [AssessmentIndicator] { indicators.flatMap(\.leaves) }
    public var fullMarks: Double { indicators.reduce(0) { $0 + $1.points } }
    public func leaf(_ code: String) -> AssessmentIndicator? { leaves.first { $0.code == code } }

    /// Reads the text form, one indicator per line, children indented under their branch:
    ///
    ///     主动公开 40
    ///       主动公开及时率 20 =publication
    ///       标准目录落实 10 =standard
    ///       专栏建设 10：专栏设置合理、内容及时更新，提供栏目截图
    ///     否决：发生失泄密事件
    ///
    /// A leaf ends with its points and, optionally, `=rule` (a dashboard indicator code,
    /// `standard` or `manual`; manual when absent); text after `：` is its guidance. A branch's
    /// points, if written, must equal its children's sum. Errors name the line.
    public static func parse(
        _ text: String, minimumVolume: Int = 10, excellent: Double = 90, good: Double = 80, pass: Double = 60
    ) throws(DomainError) -> AssessmentScheme {
        struct Line {
            var number: Int
            var depth: Int
            var name: String
            var points: Double?
            var rule: AssessmentIndicator.Rule?
            var guidance: String
        }
        var lines: [Line] = []
        var vetoes: [String] = []
        var indents: [Int] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let expanded = raw.replacingOccurrences(of: "\t", with: "  ").replacingOccurrences(of: "　", with: "  ")
            let indent = expanded.prefix { $0 == " " }.count
            var body = expanded.trimmingCharacters(in: .whitespaces)
            if body.isEmpty { continue }
            if body.hasPrefix("否决：") || body.hasPrefix("否决:") || body.hasPrefix("一票否决：") {
                let colon = body.firstIndex { $0 == "：" || $0 == ":" }!
                let item = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                guard !item.isEmpty, item.count <= 100 else { throw .invalid("scheme", "第 \(number) 行：否决事项须为 1-100 字") }
                vetoes.append(item)
                continue
            }
            // Depth by distinct indentation widths seen so far.
            var dedented = false
            while let last = indents.last, last > indent {
                indents.removeLast()
                dedented = true
            }
            if indents.last != indent {
                // Back out to a width no line above used.
                guard !dedented else { throw .invalid("scheme", "第 \(number) 行：缩进与上文不一致") }
                indents.append(indent)
            }
            let depth = indents.count - 1
            guard depth <= 2 else { throw .invalid("scheme", "第 \(number) 行：指标最多三级") }
            var guidance = ""
            if let colon = body.firstIndex(where: { $0 == "：" || $0 == ":" }) {
                guidance = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                body = body[..<colon].trimmingCharacters(in: .whitespaces)
            }
            var words = body.split(separator: " ").map(String.init)
            var rule: AssessmentIndicator.Rule?
            if let last = words.last, last.hasPrefix("=") {
                guard let r = AssessmentIndicator.Rule(token: String(last.dropFirst())) else {
                    throw .invalid(
                        "scheme",
                        "第 \(number) 行：未知的计分方式“\(last)”，可用："
                            + (ComplianceIndicator.allCases.map(\.rawValue) + ["standard", "manual"]).joined(separator: "、"))
                }
                rule = r
                words.removeLast()
            }
            var points: Double?
            if let last = words.last {
                let digits = last.hasSuffix("分") ? String(last.dropLast()) : last
                if let p = Double(digits) {
                    guard p > 0, p <= 1000 else { throw .invalid("scheme", "第 \(number) 行：分值须大于 0 且不超过 1000") }
                    points = p
                    words.removeLast()
                }
            }
            let name = words.joined(separator: " ")
            guard !name.isEmpty, name.count <= 60 else { throw .invalid("scheme", "第 \(number) 行：指标名称须为 1-60 字") }
            if let previous = lines.last, depth > previous.depth + 1 {
                throw .invalid("scheme", "第 \(number) 行：缩进过深（上一行是第 \(previous.depth + 1) 级）")
            }
            lines.append(Line(number: number, depth: depth, name: name, points: points, rule: rule, guidance: guidance))
        }
        guard !lines.isEmpty else { throw .invalid("scheme", "请填写考核指标") }

        func build(_ start: Int, depth: Int, prefix: String) throws(DomainError) -> ([AssessmentIndicator], Int) {
            var out: [AssessmentIndicator] = []
            var i = start
            while i < lines.count, lines[i].depth == depth {
                let line = lines[i]
                let code = prefix.isEmpty ? "\(out.count + 1)" : "\(prefix).\(out.count + 1)"
                let (children, next) = try build(i + 1, depth: depth + 1, prefix: code)
                if children.isEmpty {
                    guard let points = line.points else { throw .invalid("scheme", "第 \(line.number) 行：末级指标须写分值") }
                    out.append(
                        AssessmentIndicator(
                            code: code, name: line.name, points: points, rule: line.rule ?? .manual, guidance: line.guidance))
                } else {
                    guard line.rule == nil else { throw .invalid("scheme", "第 \(line.number) 行：有下级指标的不能设计分方式") }
                    let sum = children.reduce(0) { $0 + $1.points }
                    if let p = line.points, abs(p - sum) > 0.001 {
                        throw .invalid("scheme", "第 \(line.number) 行：分值 \(Self.number(p)) 与下级指标合计 \(Self.number(sum)) 不符")
                    }
                    out.append(
                        AssessmentIndicator(
                            code: code, name: line.name, points: sum, rule: nil, guidance: line.guidance, children: children))
                }
                i = next
            }
            return (out, i)
        }
        let (tree, end) = try build(0, depth: 0, prefix: "")
        guard end == lines.count else { throw .invalid("scheme", "第 \(lines[end].number) 行：缩进与上文不一致") }
        let scheme = AssessmentScheme(
            indicators: tree, vetoes: vetoes, minimumVolume: minimumVolume, excellent: excellent, good: good, pass: pass)
        guard scheme.fullMarks <= 1000 else { throw .invalid("scheme", "总分不能超过 1000 分") }
        guard (0...100_000).contains(minimumVolume) else { throw .invalid("minimumVolume", "参与排名的最低件数须为 0-100000") }
        guard pass > 0, pass <= good, good <= excellent, excellent <= 100 else {
            throw .invalid("grades", "等次分数线须满足 0 < 合格 ≤ 良好 ≤ 优秀 ≤ 100（百分制）")
        }
        return scheme
    }

    /// The text form, which reads back to the same scheme.
    public var text: String {
        var out: [String] = []
        func write(_ i: AssessmentIndicator, depth: Int) {
            var line = String(repeating: "  ", count: depth) + i.name + " " + Self.number(i.points)
            if let r = i.rule { line += " =" + r.token }
            if !i.guidance.isEmpty { line += "：" + i.guidance }
            out.append(line)
            for c in i.children { write(c, depth: depth + 1) }
        }
        for i in indicators { write(i, depth: 0) }
        out += vetoes.map { "否决：" + $0 }
        return out.joined(separator: "\n")
    }

    /// `20`, `7.5`.
    public static func number(_ d: Double) -> String {
        let tenths = Int((d * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}

/// What a unit and the assessing office have entered for one unit: manual scores with their
/// evidence and reviews, deductions and single-veto findings.
public struct AssessmentMarks: Hashable, Sendable, Codable {
    public enum State: String, Hashable, Sendable, Codable, CaseIterable {
        /// The unit has not submitted its self-assessment.
        case pending
        case submitted
        /// Round 1 asked for more evidence (补充材料).
        case returned
        case resubmitted
        /// Every manual indicator has its final score.
        case reviewed

        public var label: String {
            switch self {
            case .pending: "待自评"
            case .submitted: "已提交自评，待初审"
            case .returned: "初审退回补充材料"
            case .resubmitted: "已补充，待复审"
            case .reviewed: "审核完成"
            }
        }
    }

    public struct Review: Hashable, Sendable, Codable {
        public var round: Int
        public var score: Double
        public var comment: String
        public var by: String
        public var on: CivilDate
    }

    public struct Entry: Hashable, Sendable, Codable {
        public var selfScore: Double?
        public var evidence: String
        public var reviews: [Review]

        public init(selfScore: Double? = nil, evidence: String = "", reviews: [Review] = []) {
            self.selfScore = selfScore
            self.evidence = evidence
            self.reviews = reviews
        }

        /// The score of the last review, once there is one.
        public var finalScore: Double? { reviews.last?.score }
    }

    public struct Deduction: Hashable, Sendable, Codable {
        public var reason: String
        public var points: Double
        public var by: String
        public var on: CivilDate
    }

    public struct Veto: Hashable, Sendable, Codable {
        public var item: String
        public var reason: String
        public var by: String
        public var on: CivilDate
    }

    public var state: State
    public var entries: [String: Entry]
    public var deductions: [Deduction]
    public var vetoes: [Veto]

    public init(state: State = .pending, entries: [String: Entry] = [:], deductions: [Deduction] = [], vetoes: [Veto] = []) {
        self.state = state
        self.entries = entries
        self.deductions = deductions
        self.vetoes = vetoes
    }

    /// The unit's self-assessment: a score within each manual indicator's points and evidence
    /// for each. Only before submission, or after round 1 sent it back.
    public mutating func selfAssess(
        _ scores: [String: (score: Double, evidence: String)], scheme: AssessmentScheme, submit: Bool
    ) throws(DomainError) {
        guard state == .pending || state == .returned else { throw .conflict("自评已提交（\(state.label)），不能修改") }
        for (code, input) in scores {
            guard let leaf = scheme.leaf(code), leaf.rule == .manual else { throw .invalid("score-\(code)", "没有编号为 \(code) 的自评指标") }
            guard input.score >= 0, input.score <= leaf.points else {
                throw .invalid("score-\(code)", "“\(leaf.name)”的自评分须在 0-\(AssessmentScheme.number(leaf.points)) 分之间")
            }
            guard input.evidence.count <= 2000 else { throw .invalid("evidence-\(code)", "佐证说明不超过 2000 字") }
            var e = entries[code] ?? Entry()
            e.selfScore = input.score
            e.evidence = input.evidence.trimmingCharacters(in: .whitespacesAndNewlines)
            entries[code] = e
        }
        guard submit else { return }
        for leaf in scheme.leaves where leaf.rule == .manual {
            guard entries[leaf.code]?.selfScore != nil else { throw .invalid("score-\(leaf.code)", "请填写“\(leaf.name)”的自评分") }
            guard !(entries[leaf.code]?.evidence.isEmpty ?? true) else {
                throw .invalid("evidence-\(leaf.code)", "请说明“\(leaf.name)”的佐证材料")
            }
        }
        state = state == .returned ? .resubmitted : .submitted
    }

    /// A review round by the assessing office: a score for every manual indicator. Round 1 may
    /// send the self-assessment back for more evidence; round 2 (after resubmission) is final.
    public mutating func review(
        _ scores: [String: (score: Double, comment: String)], returnForEvidence: Bool, scheme: AssessmentScheme, by: String, on: CivilDate
    ) throws(DomainError) {
        let round: Int
        switch state {
        case .submitted: round = 1
        case .resubmitted: round = 2
        default: throw .conflict("当前状态（\(state.label)）不能审核")
        }
        if returnForEvidence && round == 2 { throw .conflict("复审为最终审核，不能再退回") }
        for leaf in scheme.leaves where leaf.rule == .manual {
            guard let input = scores[leaf.code] else { throw .invalid("review-\(leaf.code)", "请给出“\(leaf.name)”的审核分") }
            guard input.score >= 0, input.score <= leaf.points else {
                throw .invalid("review-\(leaf.code)", "“\(leaf.name)”的审核分须在 0-\(AssessmentScheme.number(leaf.points)) 分之间")
            }
            let comment = input.comment.trimmingCharacters(in: .whitespacesAndNewlines)
            if returnForEvidence && comment.isEmpty && input.score < (entries[leaf.code]?.selfScore ?? 0) {
                throw .invalid("comment-\(leaf.code)", "退回时请说明“\(leaf.name)”需补充的材料")
            }
            entries[leaf.code, default: Entry()].reviews.append(Review(round: round, score: input.score, comment: comment, by: by, on: on))
        }
        state = returnForEvidence ? .returned : .reviewed
    }

    public mutating func deduct(_ points: Double, reason: String, by: String, on: CivilDate) throws(DomainError) {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard points > 0, points <= 100 else { throw .invalid("points", "扣分须大于 0 且不超过 100") }
        guard !reason.isEmpty, reason.count <= 200 else { throw .invalid("reason", "请写明扣分原因（不超过 200 字）") }
        deductions.append(Deduction(reason: reason, points: points, by: by, on: on))
    }

    public mutating func veto(_ item: String, reason: String, scheme: AssessmentScheme, by: String, on: CivilDate) throws(DomainError) {
        guard scheme.vetoes.contains(item) else {
            throw .invalid(
                "item", "“\(item)”不是本次考核的否决事项" + (scheme.vetoes.isEmpty ? "（未设否决事项）" : "，可选：" + scheme.vetoes.joined(separator: "、")))
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500 else { throw .invalid("reason", "请写明否决的事实和依据（不超过 500 字）") }
        guard !vetoes.contains(where: { $0.item == item }) else { throw .conflict("已对该单位认定“\(item)”") }
        vetoes.append(Veto(item: item, reason: reason, by: by, on: on))
    }
}

/// A unit's score and place.
public struct AssessmentResult: Hashable, Sendable, Codable {
    public struct Leaf: Hashable, Sendable, Codable {
        public var code: String
        /// Nil while a manual indicator awaits its review.
        public var score: Double?
        public var basis: String
    }

    public enum Grade: String, Hashable, Sendable, CaseIterable, Codable {
        case excellent, good, pass, fail

        public var label: String {
            switch self {
            case .excellent: "优秀"
            case .good: "良好"
            case .pass: "合格"
            case .fail: "不合格"
            }
        }
    }

    public var unitID: Int64
    public var unitName: String
    public var leaves: [Leaf]
    public var subtotal: Double
    public var deducted: Double
    public var total: Double
    public var percent: Double
    public var grade: Grade
    public var vetoed: Bool
    /// Cases across the computed indicators.
    public var volume: Int
    /// Manual indicators without a final score.
    public var pending: Int
    public var rank: Int?
    /// Why the unit is not ranked, if it is not.
    public var unranked: String?

    public func score(_ code: String) -> Double? { leaves.first { $0.code == code }?.score }
}

/// Scores units on a scheme and ranks them.
public enum AssessmentScoring {
    /// One unit: `tallies` are its dashboard figures over the period, `standard` its 标准目录
    /// items published as required out of those checked (nil when no catalog applies).
    public static func score(
        unitID: Int64, unitName: String, scheme: AssessmentScheme, tallies: [ComplianceIndicator: ComplianceTally],
        standard: ComplianceTally?, marks: AssessmentMarks
    ) -> AssessmentResult {
        var leaves: [AssessmentResult.Leaf] = []
        var volume = 0
        var pending = 0
        for leaf in scheme.leaves {
            switch leaf.rule ?? .manual {
            case .computed(let indicator):
                let t = tallies[indicator] ?? ComplianceTally()
                volume += t.total
                leaves.append(
                    .init(
                        code: leaf.code, score: t.rate.map { leaf.points * $0 } ?? leaf.points,
                        basis: t.total == 0 ? "无应计件数，得满分" : "\(indicator.label) \(t.percent)（\(t.met)/\(t.total)）"))
            case .standardCatalog:
                let t = standard ?? ComplianceTally()
                leaves.append(
                    .init(
                        code: leaf.code, score: t.rate.map { leaf.points * $0 } ?? leaf.points,
                        basis: t.total == 0 ? "无应检查事项，得满分" : "标准目录落实率 \(t.percent)（\(t.met)/\(t.total)）"))
            case .manual:
                let e = marks.entries[leaf.code]
                if let final = e?.finalScore {
                    leaves.append(
                        .init(code: leaf.code, score: final, basis: "自评 \(e?.selfScore.map(AssessmentScheme.number) ?? "—")，审核确定"))
                } else {
                    pending += 1
                    leaves.append(.init(code: leaf.code, score: nil, basis: "待审核"))
                }
            }
        }
        let subtotal = leaves.reduce(0) { $0 + ($1.score ?? 0) }
        let deducted = marks.deductions.reduce(0) { $0 + $1.points }
        let total = max(0, subtotal - deducted)
        let percent = scheme.fullMarks == 0 ? 0 : total / scheme.fullMarks * 100
        let vetoed = !marks.vetoes.isEmpty
        let grade: AssessmentResult.Grade =
            vetoed
            ? .fail : percent >= scheme.excellent ? .excellent : percent >= scheme.good ? .good : percent >= scheme.pass ? .pass : .fail
        return AssessmentResult(
            unitID: unitID, unitName: unitName, leaves: leaves, subtotal: subtotal, deducted: deducted, total: total, percent: percent,
            grade: grade, vetoed: vetoed, volume: volume, pending: pending)
    }

    /// Ranks the units with enough volume and no veto by total (ties share a place: 1, 1, 3);
    /// the rest follow, unranked, with the reason. Order: ranked by place, then the others by total.
    public static func rank(_ results: [AssessmentResult], minimumVolume: Int) -> [AssessmentResult] {
        var ranked = results.filter { !$0.vetoed && $0.volume >= minimumVolume }.sorted {
            ($0.total, $1.unitID) > ($1.total, $0.unitID)
        }
        for i in ranked.indices {
            ranked[i].rank = i > 0 && abs(ranked[i].total - ranked[i - 1].total) < 0.05 ? ranked[i - 1].rank : i + 1
        }
        var others = results.filter { $0.vetoed || $0.volume < minimumVolume }.sorted { ($0.total, $1.unitID) > ($1.total, $0.unitID) }
        for i in others.indices {
            others[i].unranked = others[i].vetoed ? "一票否决" : "业务量 \(others[i].volume) 件，不足 \(minimumVolume) 件，不参与排名"
        }
        return ranked + others
    }
}

/// An assessment round (年度考核) run by an agency over its units: drafted with its scheme,
/// opened for self-assessment and review, then closed with its results kept as they stood.
public struct Assessment: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case draft, open, closed

        public var label: String {
            switch self {
            case .draft: "草稿"
            case .open: "进行中"
            case .closed: "已结束"
            }
        }
    }

    public var id: Int64
    public var agencyID: Int64
    public var title: String
    public var from: YearMonth
    public var to: YearMonth
    public var scheme: AssessmentScheme
    public var status: Status
    /// The results as they stood at closing, ranked.
    public var results: [AssessmentResult]?
    /// The 通报 drafted into the catalog.
    public var noticeDocumentID: Int64?
    public var createdAtMillis: Int64

    public init(
        id: Int64 = 0, agencyID: Int64, title: String, from: YearMonth, to: YearMonth, scheme: AssessmentScheme, status: Status = .draft,
        results: [AssessmentResult]? = nil, noticeDocumentID: Int64? = nil, createdAtMillis: Int64
    ) {
        self.id = id
        self.agencyID = agencyID
        self.title = title
        self.from = from
        self.to = to
        self.scheme = scheme
        self.status = status
        self.results = results
        self.noticeDocumentID = noticeDocumentID
        self.createdAtMillis = createdAtMillis
    }

    /// The months assessed.
    public var months: [YearMonth] { YearMonth.range(from, to) }
}
