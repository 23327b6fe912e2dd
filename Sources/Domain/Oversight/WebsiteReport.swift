/// The draft of the 政府网站工作年度报表 (国办函〔2018〕12号: published on the site's home page
/// by January 31 for the year before), kept month by month: the year's figures so far, read
/// from the live records, and the rows only the office can fill in marked as such. The row
/// list follows the published reports' usual layout; the official form itself is not in our
/// facts (UNCONFIRMED), so the rows are data here, easy to change.
public struct WebsiteReport: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var label: String
        /// Nil when the office fills it in.
        public var value: String?
        public var note: String

        public init(_ label: String, _ value: String?, note: String = "") {
            self.label = label
            self.value = value
            self.note = note
        }
    }

    public struct Section: Hashable, Sendable {
        public var title: String
        public var rows: [Row]
    }

    /// A count kept per month, for the month-by-month table.
    public struct Series: Hashable, Sendable {
        public var label: String
        public var counts: [Int]
        public var total: Int { counts.reduce(0, +) }
    }

    public var year: Int
    /// The last day counted (the end of the chosen month, or today within it).
    public var through: CivilDate
    public var months: [YearMonth]
    public var sections: [Section]
    public var monthly: [Series]

    /// What the report is read from: the unit's records (outlines are enough) and a few
    /// figures kept elsewhere.
    public struct Input: Sendable {
        public var documents: [CatalogDocument]
        public var dynamicColumns: Set<String>
        public var specialColumns: Int
        public var letters: [MailboxMessage]
        public var consultations: [Consultation]
        /// Comments received, by consultation ID.
        public var comments: [Int64: [PublicComment]]
        public var surveys: [Survey]
        /// Responses per survey ID.
        public var responses: [Int64: Int]
        public var siteErrors: [SiteErrorReport]
        public var opinions: [OpinionItem]
        public var media: [MediaAccount]
        /// The latest link check: pages read, broken links, when.
        public var linkCheck: (pages: Int, broken: Int, on: String)?
        /// The 栏目不更新 findings, empty when the site passes.
        public var freshnessFailures: [String]

        public init(
            documents: [CatalogDocument], dynamicColumns: Set<String>, specialColumns: Int, letters: [MailboxMessage],
            consultations: [Consultation], comments: [Int64: [PublicComment]], surveys: [Survey], responses: [Int64: Int],
            siteErrors: [SiteErrorReport], opinions: [OpinionItem], media: [MediaAccount],
            linkCheck: (pages: Int, broken: Int, on: String)?,
            freshnessFailures: [String]
        ) {
            self.documents = documents
            self.dynamicColumns = dynamicColumns
            self.specialColumns = specialColumns
            self.letters = letters
            self.consultations = consultations
            self.comments = comments
            self.surveys = surveys
            self.responses = responses
            self.siteErrors = siteErrors
            self.opinions = opinions
            self.media = media
            self.linkCheck = linkCheck
            self.freshnessFailures = freshnessFailures
        }
    }

    /// The report for `year` through `through` (which must fall in that year).
    public static func make(year: Int, through: CivilDate, _ input: Input) -> WebsiteReport {
        let months = YearMonth.range(YearMonth(year: year, month: 1), YearMonth(through))
        func inPeriod(_ d: CivilDate?) -> Bool { d.map { $0.year == year && $0 <= through } ?? false }
        func monthly(_ label: String, _ dates: [CivilDate]) -> Series {
            var counts = Array(repeating: 0, count: months.count)
            for d in dates where inPeriod(d) { counts[d.month - 1] += 1 }
            return Series(label: label, counts: counts)
        }
        func n(_ i: Int) -> String { "\(i)" }

        let online = input.documents.filter { [.published, .withdrawn, .expired].contains($0.workflow.status) && inPeriod($0.publishedOn) }
        let dynamic = online.filter { input.dynamicColumns.contains($0.categoryCode) || !input.dynamicColumns.isDisjoint(with: $0.columns) }
        let interpretations = online.filter { $0.kind == .interpretation }
        let products = interpretations.filter { [.graphic, .audioVideo].contains($0.interpretationForm) }
        let received = input.letters.filter { inPeriod($0.receivedOn) }
        let replied = input.letters.filter { inPeriod($0.repliedOn) }
        let days = replied.compactMap { l in l.repliedOn.map { $0.daysSinceEpoch - l.receivedOn.daysSinceEpoch } }
        let averageDays = days.isEmpty ? "—" : String(format1(Double(days.reduce(0, +)) / Double(days.count)))
        let consultations = input.consultations.filter { $0.published && inPeriod($0.opensOn) }
        let surveys = input.surveys.filter { $0.published && inPeriod($0.opensOn) }
        let comments = input.comments.values.flatMap { $0 }.filter { inPeriod(CivilDate(millis: $0.createdAtMillis)) }.count
        let responses = surveys.reduce(0) { $0 + (input.responses[$1.id] ?? 0) }
        let resultsShown = consultations.filter { $0.reportDocumentID != nil }.count + surveys.filter(\.resultsPublic).count
        let errors = input.siteErrors.filter { inPeriod($0.receivedOn) }
        let errorsDone = input.siteErrors.filter { inPeriod($0.resolvedOn) }
        let opinions = input.opinions.filter { inPeriod(CivilDate(millis: $0.foundAtMillis)) }
        let answered = opinions.filter { !$0.responses.isEmpty }
        let active = input.media.filter { $0.status == .active }
        func posts(_ a: MediaAccount) -> Int {
            months.reduce(0) { $0 + (a.postsByMonth[$1.description] ?? 0) }
        }
        var mediaRows: [Row] = []
        for platform in MediaAccount.Platform.allCases {
            let accounts = active.filter { $0.details.platform == platform }
            guard !accounts.isEmpty else { continue }
            mediaRows.append(
                Row(
                    "\(platform.label)：\(accounts.map(\.details.name).joined(separator: "、"))", n(accounts.reduce(0) { $0 + posts($1) }),
                    note: "年内发布条数（按登记的逐月条数）"))
        }

        let sections = [
            Section(
                title: "基本信息",
                rows: [
                    Row("网站名称", nil), Row("首页网址", nil), Row("主办单位", nil), Row("网站类型", nil), Row("政府网站标识码", nil),
                    Row("ICP备案编号", nil), Row("公安机关备案号", nil), Row("独立用户访问总量（个）", nil, note: "取自网站统计"),
                    Row("网站总访问量（次）", nil, note: "取自网站统计"),
                ]),
            Section(
                title: "信息发布（条）",
                rows: [
                    Row("总数", n(online.count)),
                    Row("概况类信息更新量", n(online.filter { $0.categoryCode == "organization" }.count), note: "机构信息分类"),
                    Row("政务动态信息更新量", n(dynamic.count), note: "栏目类型为动态、要闻的分类和专栏"),
                    Row("信息公开目录信息更新量", n(online.count)),
                ]),
            Section(
                title: "专栏专题（个）",
                rows: [Row("维护数量", n(input.specialColumns)), Row("新开设数量", nil)]),
            Section(
                title: "政策解读（条）",
                rows: [
                    Row("总数", n(interpretations.count)), Row("解读材料数量", n(interpretations.count - products.count)),
                    Row("解读产品数量", n(products.count), note: "图解、音视频"), Row("媒体评论文章数量", nil),
                ]),
            Section(
                title: "回应关切",
                rows: [
                    Row("回应公众关注热点或重大舆情数量（次）", n(answered.count), note: "舆情台账中已回应的（年内登记 \(opinions.count) 条）")
                ]),
            Section(
                title: "互动交流",
                rows: [
                    Row("留言办理：收到留言数量（条）", n(received.count)), Row("留言办理：办结留言数量（条）", n(replied.count)),
                    Row("留言办理：平均办理时间（天）", averageDays), Row("留言办理：公开答复数量（条）", n(replied.filter(\.published).count)),
                    Row("征集调查：征集调查期数（期）", n(consultations.count + surveys.count)),
                    Row("征集调查：收到意见数量（条）", n(comments + responses), note: "征求意见的意见和问卷答卷"),
                    Row("征集调查：公布调查结果期数（期）", n(resultsShown)),
                ]),
            Section(
                title: "网站纠错（我为政府网站找错）",
                rows: [Row("收到网民纠错（条）", n(errors.count)), Row("办结（条）", n(errorsDone.count))]),
            Section(
                title: "安全与检查",
                rows: [
                    Row(
                        "链接检查：最近一次", input.linkCheck.map { "\($0.on)，检查 \($0.pages) 页，打不开的链接 \($0.broken) 个" } ?? "尚未检查"),
                    Row("栏目更新", input.freshnessFailures.isEmpty ? "未触及“栏目不更新”单项否决指标" : input.freshnessFailures.joined(separator: "；")),
                    Row("安全检测评估次数", nil), Row("发现问题数量", nil), Row("问题整改数量", nil),
                ]),
            Section(
                title: "政务新媒体",
                rows: mediaRows.isEmpty ? [Row("运营中的账号", "无")] : mediaRows),
        ]
        let series = [
            monthly("信息发布", online.compactMap(\.publishedOn)),
            monthly("政策解读", interpretations.compactMap(\.publishedOn)),
            monthly("收到留言", received.map(\.receivedOn)),
            monthly("办结留言", replied.compactMap(\.repliedOn)),
            monthly("收到纠错", errors.map(\.receivedOn)),
            Series(label: "新媒体发布", counts: months.map { m in active.reduce(0) { $0 + ($1.postsByMonth[m.description] ?? 0) } }),
        ]
        return WebsiteReport(year: year, through: through, months: months, sections: sections, monthly: series)
    }

    static func format1(_ d: Double) -> String {
        let tenths = Int((d * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Rows the office still has to fill in.
    public var blanks: Int { sections.reduce(0) { $0 + $1.rows.filter { $0.value == nil }.count } }
}
