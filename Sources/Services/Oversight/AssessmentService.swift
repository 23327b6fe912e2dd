public import Domain
import Storage

/// Assessments (考核) of the units directly below an agency: the office drafts the scheme and
/// opens it; each unit's office self-assesses the manual indicators with evidence; the assessing
/// office reviews in up to two rounds and records deductions and single-veto findings; computed
/// indicators come from the compliance dashboard and the 标准目录 check over the period. At
/// closing the results are kept as they stood, and the 通报 is drafted into the catalog for the
/// usual review and publication.
public struct AssessmentService: Sendable {
    public init(env: ServiceEnvironment) {
        self.env = env
    }

    let env: ServiceEnvironment

    public static let assessors: Set<Role> = [.officeAdmin]
    public static let readers: Set<Role> = [.officeAdmin, .leader]

    /// What the scheme form and the API send.
    public struct Draft: Sendable {
        public init(
            title: String, from: String, to: String, scheme: String, minimumVolume: Int, excellent: Double, good: Double, pass: Double
        ) {
            self.title = title
            self.from = from
            self.to = to
            self.scheme = scheme
            self.minimumVolume = minimumVolume
            self.excellent = excellent
            self.good = good
            self.pass = pass
        }

        var title: String
        var from: String
        var to: String
        var scheme: String
        var minimumVolume: Int
        var excellent: Double
        var good: Double
        var pass: Double
    }

    func parse(_ d: Draft) throws(DomainError) -> (title: String, from: YearMonth, to: YearMonth, scheme: AssessmentScheme) {
        let title = d.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, title.count <= 100 else { throw .invalid("title", "请填写考核名称（不超过 100 字）") }
        guard let from = YearMonth(iso: d.from) else { throw .invalid("from", "起始月份格式应为 YYYY-MM") }
        guard let to = YearMonth(iso: d.to) else { throw .invalid("to", "结束月份格式应为 YYYY-MM") }
        guard from <= to, YearMonth.range(from, to).count <= 24 else { throw .invalid("to", "考核期间须在起始月份之后，且不超过 24 个月") }
        let scheme = try AssessmentScheme.parse(
            d.scheme, minimumVolume: d.minimumVolume, excellent: d.excellent, good: d.good, pass: d.pass)
        return (title, from, to, scheme)
    }

    public func create(_ d: Draft, identity: StaffIdentity, address: String) async throws -> Assessment {
        let (title, from, to, scheme) = try parse(d)
        let a = Assessment(agencyID: identity.agency.id, title: title, from: from, to: to, scheme: scheme, createdAtMillis: env.nowMillis)
        return try await env.audited(identity, address: address, .assessmentCreate, .assessment, detail: title) {
            stores in
            let saved = try await stores.assessments.create(a)
            return (saved, id: saved.id)
        }
    }

    public func update(_ id: Int64, _ d: Draft, identity: StaffIdentity, address: String) async throws -> Assessment {
        var a = try await own(id, identity)
        guard a.status == .draft else { throw DomainError.conflict("考核已开始，指标不能再修改") }
        (a.title, a.from, a.to, a.scheme) = try parse(d)
        return try await save(a, action: .assessmentUpdate, detail: a.title, identity, address)
    }

    func save(_ a: Assessment, action: AuditAction, detail: String, _ identity: StaffIdentity, _ address: String) async throws -> Assessment
    {
        try await env.audited(identity, address: address, action, .assessment, detail: detail) { stores in
            try await stores.assessments.update(a)
            return (a, id: a.id)
        }
    }

    /// The caller's own agency's assessment (the assessing side).
    public func own(_ id: Int64, _ identity: StaffIdentity) async throws -> Assessment {
        guard let a = try await env.database.stores.assessments.find(id: id), a.agencyID == identity.agency.id else {
            throw DomainError.notFound("该考核")
        }
        return a
    }

    /// An assessment the caller may see: its agency's own, or one of the agency directly above
    /// in which the caller's agency is assessed (and which has been opened).
    public func viewable(_ id: Int64, _ identity: StaffIdentity) async throws -> Assessment {
        guard let a = try await env.database.stores.assessments.find(id: id) else { throw DomainError.notFound("该考核") }
        if a.agencyID == identity.agency.id { return a }
        guard a.agencyID == identity.agency.parentID, a.status != .draft else { throw DomainError.notFound("该考核") }
        return a
    }

    /// The units an agency assesses: those directly below it.
    public func units(of agencyID: Int64) async throws -> [Agency] {
        try await env.database.stores.agencies.all().filter { $0.parentID == agencyID }
    }

    /// Assessments the caller's agency runs, and those it is assessed in.
    public func list(_ identity: StaffIdentity) async throws -> (own: [Assessment], assessedIn: [Assessment]) {
        let stores = env.database.stores
        let own = try await stores.assessments.list(agencyID: identity.agency.id)
        let above = if let parent = identity.agency.parentID { try await stores.assessments.list(agencyID: parent) } else { [Assessment]() }
        return (own, above.filter { $0.status != .draft })
    }

    public func open(_ id: Int64, identity: StaffIdentity, address: String) async throws -> Assessment {
        var a = try await own(id, identity)
        guard a.status == .draft else { throw DomainError.conflict("考核已开始") }
        guard !(try await units(of: a.agencyID)).isEmpty else { throw DomainError.conflict("本机关没有下级单位可考核") }
        a.status = .open
        return try await save(a, action: .assessmentOpen, detail: a.title, identity, address)
    }

    /// Changes one unit's marks with `change`, under the version read, with its audit entry.
    func mark(
        _ a: Assessment, unitID: Int64, identity: StaffIdentity, address: String, action: AuditAction, detail: String,
        _ change: (inout AssessmentMarks) throws -> Void
    ) async throws -> AssessmentMarks {
        guard a.status == .open else { throw DomainError.conflict(a.status == .draft ? "考核尚未开始" : "考核已结束") }
        guard try await units(of: a.agencyID).contains(where: { $0.id == unitID }) else { throw DomainError.notFound("该单位") }
        let current = try await env.database.stores.assessments.marks(assessmentID: a.id)[unitID]
        var marks = current?.marks ?? AssessmentMarks()
        try change(&marks)
        let saved = marks
        let version = current?.version ?? 0
        return try await env.audited(
            identity, address: address, action, .assessment, detail: "单位 #\(unitID)：\(detail)"
        ) { stores in
            try await stores.assessments.saveMarks(saved, assessmentID: a.id, unitID: unitID, version: version)
            return (saved, id: a.id)
        }
    }

    /// The unit's own office fills in (and optionally submits) its self-assessment.
    public func selfAssess(
        _ id: Int64, scores: [String: (score: Double, evidence: String)], submit: Bool, identity: StaffIdentity, address: String
    ) async throws -> AssessmentMarks {
        let a = try await viewable(id, identity)
        guard a.agencyID == identity.agency.parentID else { throw DomainError.forbidden("只有被考核单位填写自评") }
        return try await mark(
            a, unitID: identity.agency.id, identity: identity, address: address, action: submit ? .assessmentSubmit : .assessmentSelf,
            detail: submit ? "提交自评" : "保存自评"
        ) { marks throws(DomainError) in try marks.selfAssess(scores, scheme: a.scheme, submit: submit) }
    }

    public func review(
        _ id: Int64, unitID: Int64, scores: [String: (score: Double, comment: String)], returnForEvidence: Bool, identity: StaffIdentity,
        address: String
    ) async throws -> AssessmentMarks {
        let a = try await own(id, identity)
        let by = identity.user.displayName
        let today = env.today
        return try await mark(
            a, unitID: unitID, identity: identity, address: address, action: .assessmentReview,
            detail: returnForEvidence ? "初审退回" : "审核确定"
        ) { marks throws(DomainError) in
            try marks.review(scores, returnForEvidence: returnForEvidence, scheme: a.scheme, by: by, on: today)
        }
    }

    public func deduct(_ id: Int64, unitID: Int64, points: Double, reason: String, identity: StaffIdentity, address: String) async throws
        -> AssessmentMarks
    {
        let a = try await own(id, identity)
        let (by, today) = (identity.user.displayName, env.today)
        return try await mark(
            a, unitID: unitID, identity: identity, address: address, action: .assessmentDeduct,
            detail: "扣 \(AssessmentScheme.number(points)) 分：\(reason)"
        ) { marks throws(DomainError) in try marks.deduct(points, reason: reason, by: by, on: today) }
    }

    public func veto(_ id: Int64, unitID: Int64, item: String, reason: String, identity: StaffIdentity, address: String) async throws
        -> AssessmentMarks
    {
        let a = try await own(id, identity)
        let (by, today) = (identity.user.displayName, env.today)
        return try await mark(a, unitID: unitID, identity: identity, address: address, action: .assessmentVeto, detail: "一票否决：\(item)") {
            marks throws(DomainError) in try marks.veto(item, reason: reason, scheme: a.scheme, by: by, on: today)
        }
    }

    /// Every unit's result over the period, ranked: the kept results once closed, else live.
    public func results(_ a: Assessment) async throws -> [AssessmentResult] {
        if let kept = a.results { return kept }
        let marks = try await env.database.stores.assessments.marks(assessmentID: a.id)
        let compliance = ComplianceService(env: env)
        let standard = StandardCatalogService(env: env)
        let usesStandard = a.scheme.leaves.contains { $0.rule == .standardCatalog }
        let today = env.today
        var out: [AssessmentResult] = []
        for unit in try await units(of: a.agencyID) {
            let series = ComplianceSeries(months: a.months, cases: try await compliance.cases(of: unit, today: today).cases)
            var tallies: [ComplianceIndicator: ComplianceTally] = [:]
            for i in ComplianceIndicator.allCases { tallies[i] = series.total(i) }
            var catalogTally: ComplianceTally?
            if usesStandard {
                let c = try await standard.coverage(of: unit)
                if c.inForce != nil {
                    let checked = c.count(.covered) + c.count(.gap) + c.count(.overdue) + c.count(.unmapped)
                    catalogTally = ComplianceTally(met: c.count(.covered), total: checked)
                }
            }
            out.append(
                AssessmentScoring.score(
                    unitID: unit.id, unitName: unit.name, scheme: a.scheme, tallies: tallies, standard: catalogTally,
                    marks: marks[unit.id]?.marks ?? AssessmentMarks()))
        }
        return AssessmentScoring.rank(out, minimumVolume: a.scheme.minimumVolume)
    }

    /// Closes the assessment once every unit's manual indicators are reviewed, keeping the
    /// results as they stand.
    public func close(_ id: Int64, identity: StaffIdentity, address: String) async throws -> Assessment {
        var a = try await own(id, identity)
        guard a.status == .open else { throw DomainError.conflict(a.status == .draft ? "考核尚未开始" : "考核已结束") }
        let results = try await results(a)
        let waiting = results.filter { $0.pending > 0 }.map(\.unitName)
        guard waiting.isEmpty else { throw DomainError.conflict("以下单位的自评尚未审核完成：" + waiting.joined(separator: "、")) }
        a.results = results
        a.status = .closed
        return try await save(a, action: .assessmentClose, detail: "\(results.count) 个单位", identity, address)
    }

    /// Drafts the 通报 of a closed assessment as a catalog document for review and publication.
    public func draftNotice(_ id: Int64, identity: StaffIdentity, address: String) async throws -> CatalogDocument {
        var a = try await own(id, identity)
        guard a.status == .closed, let results = a.results else { throw DomainError.conflict("考核结束后才能形成通报") }
        guard a.noticeDocumentID == nil else { throw DomainError.conflict("已形成通报（文件 #\(a.noticeDocumentID!)）") }
        let marks = try await env.database.stores.assessments.marks(assessmentID: a.id)
        let catalog = try await CatalogService.load(env, agencyID: identity.agency.id)
        let category = try catalog.category("other")
        var document = CatalogDocument(
            id: 0, agencyID: identity.agency.id, title: "关于\(a.title)结果的通报",
            body: AssessmentNotice.text(a, results: results, marks: marks.mapValues(\.marks), agency: identity.agency),
            categoryCode: category.code)
        document.writtenOn = env.today
        document.formedOn = env.today
        let created = try await catalog.create(document, by: identity, from: address)
        a.noticeDocumentID = created.id
        _ = try await save(a, action: .assessmentNotice, detail: "通报：文件 #\(created.id)", identity, address)
        return created
    }
}

/// The text of a 通报 (in the catalog's rich-text markup): the results table, praise for the
/// units graded 优秀, criticism for those graded 不合格 or vetoed, with the deductions, and the
/// rectification asked of them (核查—反馈—整改—再核查).
public enum AssessmentNotice: Sendable {
    static func text(_ a: Assessment, results: [AssessmentResult], marks: [Int64: AssessmentMarks], agency: Agency) -> String {
        let period = a.from == a.to ? "\(a.from.year)年\(a.from.month)月" : "\(a.from.year)年\(a.from.month)月至\(a.to.year)年\(a.to.month)月"
        var lines = [
            "各有关单位：",
            "根据\(a.title)方案，\(agency.name)对 \(results.count) 个单位\(period)的政务公开工作进行了考核，满分 \(AssessmentScheme.number(a.scheme.fullMarks)) 分。现将考核结果通报如下。",
            "# 一、考核结果",
            "| 名次 | 单位 | 得分 | 等次 | 说明 |",
            "|---|---|---|---|---|",
        ]
        for r in results {
            let note = r.unranked ?? (r.deducted > 0 ? "扣 \(AssessmentScheme.number(r.deducted)) 分" : "")
            lines.append(
                "| \(r.rank.map(String.init) ?? "—") | \(r.unitName) | \(AssessmentScheme.number(r.total)) | \(r.grade.label) | \(note) |")
        }
        let praised = results.filter { $0.grade == .excellent }
        let criticised = results.filter { $0.grade == .fail }
        lines.append("# 二、通报表扬")
        lines.append(
            praised.isEmpty
                ? "本次考核没有等次为优秀的单位。"
                : "对考核等次为优秀的" + praised.map(\.unitName).joined(separator: "、") + "予以通报表扬，请继续保持。")
        lines.append("# 三、通报批评")
        if criticised.isEmpty {
            lines.append("本次考核没有等次为不合格的单位。")
        } else {
            lines.append("对考核等次为不合格的以下单位予以通报批评：")
            for r in criticised {
                let m = marks[r.unitID] ?? AssessmentMarks()
                let reasons =
                    m.vetoes.map { "一票否决：\($0.item)（\($0.reason)）" }
                    + m.deductions.map { "\($0.reason)，扣 \(AssessmentScheme.number($0.points)) 分" }
                lines.append(
                    "- \(r.unitName)，得分 \(AssessmentScheme.number(r.total))" + (reasons.isEmpty ? "" : "：" + reasons.joined(separator: "；"))
                )
            }
        }
        lines.append("# 四、有关要求")
        lines.append(
            "被通报批评的单位要对照问题逐项整改，于通报印发之日起 30 日内将整改情况书面报送\(agency.name)政务公开办公室；办公室将对整改情况进行复核。其他单位要对照考核指标查漏补缺，持续提升政务公开工作水平。")
        return lines.joined(separator: "\n")
    }
}
