import Foundation

/// Writes the first drafts of sections 一, 五 and 六 from the year's figures, so that the office
/// edits a text whose numbers are right rather than typing them. Year-on-year comparisons
/// appear when last year's figures are on the installation (kept or imported).
public struct AnnualNarrative: Sendable {
    public var agencyName: String
    public var year: Int
    public var figures: AnnualFigures
    public var catalog: CatalogYearFigures
    /// Last year's figures and catalog counts, when known.
    public var previous: AnnualFigures?
    public var previousCatalog: CatalogYearFigures?
    /// Last year's section 五, whose problems this year's draft follows up.
    public var previousProblems: String?
    /// Requests answered after their due date this year.
    public var lateReplies: Int
    /// 信息处理费 collected this year, in yuan.
    public var feesCollectedYuan: Int
    /// The year's work plan and how far it got, with the public page's address.
    public var ledger: (title: String, total: Int, closed: Int, link: String)?
    /// NPC suggestions and CPPCC proposals handled in the year.
    public var proposals: [Proposal.Kind: (assigned: Int, replied: Int, inTime: Int)] = [:]

    public init(
        agencyName: String, year: Int, figures: AnnualFigures, catalog: CatalogYearFigures, previous: AnnualFigures? = nil,
        previousCatalog: CatalogYearFigures? = nil, previousProblems: String? = nil, lateReplies: Int = 0, feesCollectedYuan: Int = 0,
        ledger: (title: String, total: Int, closed: Int, link: String)? = nil
    ) {
        self.agencyName = agencyName
        self.year = year
        self.figures = figures
        self.catalog = catalog
        self.previous = previous
        self.previousCatalog = previousCatalog
        self.previousProblems = previousProblems
        self.lateReplies = lateReplies
        self.feesCollectedYuan = feesCollectedYuan
        self.ledger = ledger
    }

    /// "，较上年增加 3 件（增长 25.0%）" and the like; empty when last year is unknown.
    static func change(_ now: Int, _ before: Int?, unit: String) -> String {
        guard let before else { return "" }
        if now == before { return "，与上年持平" }
        let word = now > before ? "增加" : "减少"
        let diff = abs(now - before)
        guard before > 0 else { return "，较上年\(word) \(diff) \(unit)" }
        let pct = Double(diff) / Double(before) * 100
        return "，较上年\(word) \(diff) \(unit)（\(now > before ? "增长" : "下降") \(String(format: "%.1f", pct))%）"
    }

    func requests(_ row: RequestReportRow, in f: AnnualFigures? = nil) -> Int {
        (f ?? figures).requests[row.rawValue]?[AnnualFigures.totalColumn] ?? 0
    }

    public var overview: String {
        let t = AnnualFigures.totalColumn
        let interpretations = catalog.interpretations.values.reduce(0, +)
        let graphic = catalog.interpretations[.graphic] ?? 0
        let media = catalog.interpretations[.audioVideo] ?? 0
        let withheld = RequestReportRow.outcomeRows.filter { $0.rawValue.hasPrefix("withheld") }.reduce(0) { $0 + requests($1) }
        let previousReceived = previous.map { requests(.newThisYear, in: $0) }
        let appeals = figures.appeals
        let reconsideration = appeals[RequestAppeal.Kind.reconsideration.rawValue]?[t] ?? 0
        let litigation =
            (appeals[RequestAppeal.Kind.litigationDirect.rawValue]?[t] ?? 0)
            + (appeals[RequestAppeal.Kind.litigationAfterReconsideration.rawValue]?[t] ?? 0)
        var paragraphs: [String] = []
        paragraphs.append(
            "\(year)年，\(agencyName)认真贯彻落实《中华人民共和国政府信息公开条例》，按照本年度政务公开工作要点，扎实推进主动公开、依申请公开、政府信息管理、平台建设和监督保障各项工作。现将有关情况报告如下。")
        paragraphs.append(
            "（一）主动公开。全年通过政府信息公开目录主动公开政府信息 \(catalog.documentsPublished) 条"
                + Self.change(catalog.documentsPublished, previousCatalog?.documentsPublished, unit: "条")
                + "，其中政策文件 \(catalog.policiesPublished) 件、行政规范性文件 \(catalog.normativeIssued) 件；发布政策解读 \(interpretations) 篇，其中图解 \(graphic) 篇、音视频解读 \(media) 篇。"
                + "公开行政许可结果 \(catalog.licensingDecisions) 条、行政处罚结果 \(catalog.penaltyDecisions) 条。")
        paragraphs.append(
            "（二）依申请公开。全年新收政府信息公开申请 \(requests(.newThisYear)) 件"
                + Self.change(requests(.newThisYear), previousReceived, unit: "件")
                + "，上年结转 \(requests(.carriedIn)) 件；本年办结 \(requests(.total)) 件，其中予以公开 \(requests(.disclosed)) 件、部分公开 \(requests(.partiallyDisclosed)) 件、不予公开 \(withheld) 件；结转下年度继续办理 \(requests(.carriedOut)) 件。"
                + (lateReplies > 0 ? "有 \(lateReplies) 件申请超过法定期限答复。" : "所有申请均在法定期限内答复。"))
        paragraphs.append(
            "（三）政府信息管理。本年制发行政规范性文件 \(catalog.normativeIssued) 件，废止（失效）\(catalog.normativeRepealed) 件，截至年底现行有效 \(catalog.normativeInForce) 件；公开前均经保密审查和敏感信息检查。"
        )
        paragraphs.append("（四）政府信息公开平台建设。依托政府信息公开平台集中发布政府信息，提供全文检索、依申请公开在线办理和办理进度查询。")
        var oversight = "（五）监督保障。"
        if let ledger {
            oversight += "将\(ledger.title)细化为 \(ledger.total) 项任务逐项建立台账，已完成 \(ledger.closed) 项。"
        }
        oversight += "全年因政府信息公开工作被申请行政复议 \(reconsideration) 件、提起行政诉讼 \(litigation) 件。"
        paragraphs.append(oversight)
        return paragraphs.joined(separator: "\n\n")
    }

    public var problems: String {
        var paragraphs: [String] = []
        let earlier = (previousProblems ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if earlier.isEmpty {
            paragraphs.append("（一）上年度问题整改情况：（请填写）")
        } else {
            paragraphs.append("（一）上年度报告所列问题及改进情况：")
            let lines = earlier.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for (i, line) in lines.enumerated() { paragraphs.append("\(i + 1). \(line)\n改进情况：（请填写）") }
        }
        var found: [String] = []
        if lateReplies > 0 { found.append("依申请公开办理时效有待提高，本年有 \(lateReplies) 件申请超期答复。") }
        let policies = catalog.policiesPublished + catalog.normativeIssued
        let interpretations = catalog.interpretations.values.reduce(0, +)
        if policies > 0 && interpretations < policies { found.append("政策解读覆盖不足，本年发布政策文件 \(policies) 件、解读 \(interpretations) 篇。") }
        if let ledger, ledger.closed < ledger.total { found.append("工作要点任务尚有 \(ledger.total - ledger.closed) 项未完成。") }
        paragraphs.append("（二）本年度存在的主要问题：" + (found.isEmpty ? "（请填写）" : found.joined()))
        paragraphs.append("（三）改进措施：（请填写）")
        return paragraphs.joined(separator: "\n\n")
    }

    public var other: String {
        var paragraphs: [String] = []
        if feesCollectedYuan > 0 {
            paragraphs.append("依据《政府信息公开信息处理费管理办法》，本年度收取信息处理费 \(feesCollectedYuan) 元。")
        } else {
            paragraphs.append("依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。")
        }
        if let ledger {
            paragraphs.append(
                "\(ledger.title)落实情况：共 \(ledger.total) 项任务，已完成 \(ledger.closed) 项，推进中 \(ledger.total - ledger.closed) 项，逐项落实情况见 \(ledger.link)。"
            )
        }
        if !proposals.isEmpty {
            let s = proposals[.suggestion] ?? (0, 0, 0)
            let p = proposals[.proposal] ?? (0, 0, 0)
            let replied = s.replied + p.replied
            paragraphs.append(
                "本年度承办人大代表建议 \(s.assigned) 件、政协委员提案 \(p.assigned) 件，已答复 \(replied) 件，其中按期答复 \(s.inTime + p.inTime) 件；答复全文在“建议提案办理”栏目公开。")
        }
        let numbers = ["（一）", "（二）", "（三）", "（四）"]
        return paragraphs.enumerated().map { numbers[$0.offset] + $0.element }.joined(separator: "\n\n")
    }

    public var sections: [String: String] {
        [
            AnnualReport.Section.overview.rawValue: overview, AnnualReport.Section.problems.rawValue: problems,
            AnnualReport.Section.other.rawValue: other,
        ]
    }
}
