/// Which edition of the State Council's annual-report format a report follows: the 2019 trial
/// format (国办公开办函〔2019〕60号, used for the 2019 and 2020 reports) or the 2021 format
/// (国办公开办函〔2021〕30号). They differ in table 二 and in row (六) of table 三.
public enum AnnualReportFormat: String, CaseIterable, Hashable, Sendable, Codable {
    case trial2019 = "2019"
    case standard2021 = "2021"

    public var label: String {
        switch self {
        case .trial2019: "2019年试行格式（国办公开办函〔2019〕60号）"
        case .standard2021: "2021年格式（国办公开办函〔2021〕30号）"
        }
    }

    /// The edition in force for a report year.
    public static func forYear(_ year: Int) -> AnnualReportFormat { year <= 2020 ? .trial2019 : .standard2021 }

    /// Table 二's blocks, rows and columns in this edition.
    public var activeDisclosure: [ActiveDisclosureBlock] {
        switch self {
        case .standard2021: ActiveDisclosureBlock.standard2021
        case .trial2019: ActiveDisclosureBlock.trial2019
        }
    }
}

/// One block of table 二 (主动公开政府信息情况): the Art. 20 item it reports, its columns and
/// rows. A cell is addressed as `row.column` (`normative.issued`).
public struct ActiveDisclosureBlock: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public var key: String
        public var label: String
    }

    /// 第二十条第（一）项 …
    public var header: String
    public var columns: [Line]
    public var rows: [Line]

    public var cellKeys: [String] { rows.flatMap { r in columns.map { "\(r.key).\($0.key)" } } }

    static func line(_ key: String, _ label: String) -> Line { Line(key: key, label: label) }

    /// The 2021 layout, as every 2021-format report prints it.
    static let standard2021: [ActiveDisclosureBlock] = [
        .init(
            header: "第二十条第（一）项",
            columns: [line("issued", "本年制发件数"), line("repealed", "本年废止件数"), line("inForce", "现行有效件数")],
            rows: [line("rules", "规章"), line("normative", "行政规范性文件")]),
        .init(header: "第二十条第（五）项", columns: [line("decisions", "本年处理决定数量")], rows: [line("licensing", "行政许可")]),
        .init(
            header: "第二十条第（六）项", columns: [line("decisions", "本年处理决定数量")],
            rows: [line("penalty", "行政处罚"), line("coercion", "行政强制")]),
        .init(header: "第二十条第（八）项", columns: [line("amount", "本年收费金额（单位：万元）")], rows: [line("fees", "行政事业性收费")]),
    ]

    /// The 2019 trial layout: other columns, 规范性文件 without 行政, an extra row for other
    /// external services and a block for centralised procurement.
    static let trial2019: [ActiveDisclosureBlock] = [
        .init(
            header: "第二十条第（一）项",
            columns: [line("made", "本年新制作数量"), line("published", "本年新公开数量"), line("total", "对外公开总数量")],
            rows: [line("rules", "规章"), line("normative", "规范性文件")]),
        .init(
            header: "第二十条第（五）项",
            columns: [line("previous", "上一年项目数量"), line("change", "本年增/减"), line("decisions", "处理决定数量")],
            rows: [line("licensing", "行政许可"), line("otherServices", "其他对外管理服务事项")]),
        .init(
            header: "第二十条第（六）项",
            columns: [line("previous", "上一年项目数量"), line("change", "本年增/减"), line("decisions", "处理决定数量")],
            rows: [line("penalty", "行政处罚"), line("coercion", "行政强制")]),
        .init(
            header: "第二十条第（八）项", columns: [line("previous", "上一年项目数量"), line("change", "本年增/减")],
            rows: [line("fees", "行政事业性收费")]),
        .init(
            header: "第二十条第（九）项", columns: [line("projects", "采购项目数量"), line("amount", "采购总金额")],
            rows: [line("procurement", "政府集中采购")]),
    ]
}

/// What the catalog and the request records give for table 二 of a 2021-format report; the
/// other cells are entered by the office.
public struct CatalogYearFigures: Hashable, Sendable, Codable {
    /// Normative documents published in the year (本年制发).
    public var normativeIssued: Int
    /// Normative documents that ceased to be in force in the year (失效 or 废止 dated in it).
    public var normativeRepealed: Int
    /// Normative documents in force on 31 December.
    public var normativeInForce: Int
    /// Results published in the year in categories answering Art. 20 (五) and (六).
    public var licensingDecisions: Int
    public var penaltyDecisions: Int
    /// For the narrative: everything published in the year, interpretations by form.
    public var documentsPublished: Int
    public var policiesPublished: Int
    public var interpretations: [InterpretationForm: Int]

    public init(
        normativeIssued: Int = 0, normativeRepealed: Int = 0, normativeInForce: Int = 0, licensingDecisions: Int = 0,
        penaltyDecisions: Int = 0, documentsPublished: Int = 0, policiesPublished: Int = 0, interpretations: [InterpretationForm: Int] = [:]
    ) {
        self.normativeIssued = normativeIssued
        self.normativeRepealed = normativeRepealed
        self.normativeInForce = normativeInForce
        self.licensingDecisions = licensingDecisions
        self.penaltyDecisions = penaltyDecisions
        self.documentsPublished = documentsPublished
        self.policiesPublished = policiesPublished
        self.interpretations = interpretations
    }

    /// Table 二's derived cells; 规章, 行政强制 and 行政事业性收费 are the office's to enter
    /// (a health commission below the provincial level makes no 规章, and enforcement and fee
    /// records live in other systems).
    public var derivedCells: [String: Double] {
        [
            "normative.issued": Double(normativeIssued), "normative.repealed": Double(normativeRepealed),
            "normative.inForce": Double(normativeInForce), "licensing.decisions": Double(licensingDecisions),
            "penalty.decisions": Double(penaltyDecisions),
        ]
    }

    public static let enteredCells2021 = ["rules.issued", "rules.repealed", "rules.inForce", "coercion.decisions", "fees.amount"]
}
