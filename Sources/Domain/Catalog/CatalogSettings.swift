import Foundation

/// An agency's own catalog configuration: its extra columns and deadlines, its review chain
/// (with chains of their own for some categories), its 索引号 rule and how long each review
/// level may take. Agencies without settings use `standard`.
public struct CatalogSettings: Hashable, Sendable, Codable {
    /// Categories the agency adds to the defaults (e.g. a 专题 column of its own).
    public var extraCategories: [CatalogCategory]
    /// Art. 26 deadlines in working days that differ from the defaults, by category code.
    public var deadlineOverrides: [String: Int]
    public var chain: [ReviewLevel]
    /// Chains for particular categories, by code (e.g. 行政处罚 results need only the office).
    public var categoryChains: [String: [ReviewLevel]]
    public var indexRule: IndexNumberRule
    /// Working days a review level has before the document shows as overdue in the queue.
    /// An internal service standard, not a statutory deadline.
    public var reviewDueWorkdays: Int
    /// 专题专栏: themed columns (e.g. 疫情防控) that documents of any category can also appear in.
    public var columns: [SpecialColumn]
    /// How often each category or special column must be updated (栏目更新要求), by code;
    /// codes not named are `regular`.
    public var columnKinds: [String: ColumnKind]

    public init(
        extraCategories: [CatalogCategory] = [], deadlineOverrides: [String: Int] = [:], chain: [ReviewLevel] = ReviewLevel.standardChain,
        categoryChains: [String: [ReviewLevel]] = [:], indexRule: IndexNumberRule = .standard, reviewDueWorkdays: Int = 3,
        columns: [SpecialColumn] = [], columnKinds: [String: ColumnKind] = ["policy": .notice]
    ) {
        self.columns = columns
        self.columnKinds = columnKinds
        self.extraCategories = extraCategories
        self.deadlineOverrides = deadlineOverrides
        self.chain = chain
        self.categoryChains = categoryChains
        self.indexRule = indexRule
        self.reviewDueWorkdays = reviewDueWorkdays
    }

    public static let standard = CatalogSettings()

    enum CodingKeys: String, CodingKey {
        case extraCategories, deadlineOverrides, chain, categoryChains, indexRule, reviewDueWorkdays, columns, columnKinds
    }

    /// Settings saved by an older version lack newer keys; those take their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CatalogSettings.standard
        extraCategories = try c.decodeIfPresent([CatalogCategory].self, forKey: .extraCategories) ?? d.extraCategories
        deadlineOverrides = try c.decodeIfPresent([String: Int].self, forKey: .deadlineOverrides) ?? d.deadlineOverrides
        chain = try c.decodeIfPresent([ReviewLevel].self, forKey: .chain) ?? d.chain
        categoryChains = try c.decodeIfPresent([String: [ReviewLevel]].self, forKey: .categoryChains) ?? d.categoryChains
        indexRule = try c.decodeIfPresent(IndexNumberRule.self, forKey: .indexRule) ?? d.indexRule
        reviewDueWorkdays = try c.decodeIfPresent(Int.self, forKey: .reviewDueWorkdays) ?? d.reviewDueWorkdays
        columns = try c.decodeIfPresent([SpecialColumn].self, forKey: .columns) ?? d.columns
        columnKinds = try c.decodeIfPresent([String: ColumnKind].self, forKey: .columnKinds) ?? d.columnKinds
    }

    /// The special column with this code or name.
    public func column(_ key: String) throws(DomainError) -> SpecialColumn {
        guard let c = columns.first(where: { $0.code == key || $0.name == key }) else {
            throw .invalid(
                "columns", "未知的专题专栏“\(key)”" + (columns.isEmpty ? "（本机关尚未设置专栏）" : "，可选：" + columns.map(\.name).joined(separator: "、")))
        }
        return c
    }

    /// The categories the agency uses: the defaults with its deadlines, then its own.
    public var categories: [CatalogCategory] {
        (CatalogCategory.defaults + extraCategories).map { c in
            var c = c
            if let days = deadlineOverrides[c.code] { c.publishWithinWorkdays = days }
            return c
        }
    }

    /// The review chain for documents of a category.
    public func chain(for categoryCode: String) -> [ReviewLevel] { categoryChains[categoryCode] ?? chain }

    public func validate() throws(DomainError) {
        var codes = Set(CatalogCategory.defaults.map(\.code))
        for c in extraCategories {
            guard !c.code.isEmpty, c.code.count <= 40, c.code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
                c.code == c.code.lowercased()
            else { throw .invalid("categories", "分类代码“\(c.code)”只能由小写字母、数字和“-”组成") }
            guard !codes.contains(c.code) else { throw .invalid("categories", "分类代码“\(c.code)”重复") }
            let name = c.name.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.count <= 30 else { throw .invalid("categories", "分类“\(c.code)”的名称须为 1-30 个字") }
            guard !categories.contains(where: { $0.name == name && $0.code != c.code }) else {
                throw .invalid("categories", "分类名称“\(name)”重复")
            }
            codes.insert(c.code)
        }
        for (code, days) in deadlineOverrides {
            guard codes.contains(code) else { throw .invalid("deadlines", "没有代码为“\(code)”的分类") }
            guard (1...60).contains(days) else { throw .invalid("deadlines", "公开时限须为 1-60 个工作日") }
        }
        try Self.validate(chain, field: "chain")
        for (code, levels) in categoryChains {
            guard codes.contains(code) else { throw .invalid("categoryChains", "没有代码为“\(code)”的分类") }
            try Self.validate(levels, field: "categoryChains")
        }
        try indexRule.validate()
        var columnCodes = Set<String>()
        for c in columns {
            guard !c.code.isEmpty, c.code.count <= 40, c.code.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
            else {
                throw .invalid("columns", "专栏代码“\(c.code)”只能由小写字母、数字和“-”组成")
            }
            guard columnCodes.insert(c.code).inserted, !c.name.trimmingCharacters(in: .whitespaces).isEmpty, c.name.count <= 30 else {
                throw .invalid("columns", "专栏“\(c.code)”重复或名称不是 1-30 个字")
            }
        }
        for code in columnKinds.keys where !codes.contains(code) && !columnCodes.contains(code) {
            throw .invalid("columnKinds", "没有代码为“\(code)”的分类或专栏")
        }
        guard (1...30).contains(reviewDueWorkdays) else { throw .invalid("reviewDueWorkdays", "每级审核时限须为 1-30 个工作日") }
    }

    /// A chain needs at least one level, a 保密审查 level (Art. 17), and roles that review.
    static func validate(_ levels: [ReviewLevel], field: String) throws(DomainError) {
        guard !levels.isEmpty, levels.count <= 8 else { throw .invalid(field, "审核链须有 1-8 个层级") }
        guard levels.contains(where: { $0.confidentialityReview && $0.condition == .always }) else {
            throw .invalid(field, "审核链中须有一个每次都经过的保密审查层级（第十七条）")
        }
        for l in levels {
            guard [.reviewer, .officeAdmin, .leader].contains(l.role) else {
                throw .invalid(field, "层级“\(l.name)”的角色须为审核人、政务公开办公室或签发领导")
            }
            guard !l.name.trimmingCharacters(in: .whitespaces).isEmpty, l.name.count <= 40 else {
                throw .invalid(field, "层级名称须为 1-40 个字")
            }
        }
    }
}

/// A themed column (专题专栏) of the portal, e.g. 疫情防控 or 健康中国行动.
public struct SpecialColumn: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    /// A line or two shown at the top of the column's page.
    public var summary: String

    public init(code: String, name: String, summary: String = "") {
        self.code = code
        self.name = name
        self.summary = summary
    }
}

/// The line format staff edit chains in: `名称 | 角色 | 条件 | 保密审查`, one level per line, e.g.
/// `科室负责人审核 | reviewer | always | no`. Roles and conditions by code or by their Chinese name.
extension ReviewLevel {
    public static func parseLines(_ text: String, field: String = "chain") throws(DomainError) -> [ReviewLevel] {
        var out: [ReviewLevel] = []
        for (n, raw) in text.split(whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 2, parts.count <= 4 else { throw .invalid(field, "第 \(n + 1) 行须为“名称 | 角色 | 条件 | 保密审查”") }
            guard let role = Role.allCases.first(where: { $0.rawValue == parts[1] || $0.label == parts[1] }) else {
                throw .invalid(field, "第 \(n + 1) 行的角色“\(parts[1])”无效")
            }
            let conditionText = parts.count > 2 ? parts[2] : "always"
            guard
                let condition = Condition.allCases.first(where: {
                    $0.rawValue == conditionText || $0.label == conditionText || conditionText.isEmpty
                })
            else {
                throw .invalid(field, "第 \(n + 1) 行的条件“\(conditionText)”无效，可选：" + Condition.allCases.map(\.label).joined(separator: "、"))
            }
            let confidential = parts.count > 3 && ["yes", "是", "保密审查", "true"].contains(parts[3])
            out.append(ReviewLevel(name: parts[0], role: role, condition: condition, confidentialityReview: confidential))
        }
        return out
    }

    public static func formatLines(_ levels: [ReviewLevel]) -> String {
        levels.map { "\($0.name) | \($0.role.rawValue) | \($0.condition.rawValue) | \($0.confidentialityReview ? "是" : "否")" }
            .joined(separator: "\n")
    }
}

extension ReviewLevel.Condition: CaseIterable {
    public static let allCases: [ReviewLevel.Condition] = [.always, .important, .importantOrFlagged]

    public var label: String {
        switch self {
        case .always: "总是"
        case .important: "重要文件"
        case .importantOrFlagged: "重要文件或有保留的审查发现"
        }
    }
}
