public import Domain

/// The catalog settings as the text fields of the console form, and back. Every line format is
/// `a | b | c`, so an office can keep its configuration in a document and paste it in.
public struct CatalogSettingsText: Sendable {
    public var chain: String
    /// Blocks of `[category-code]` followed by level lines.
    public var categoryChains: String
    /// `code | 名称 | 公开时限（工作日）` per line.
    public var extraCategories: String
    /// `code | 工作日` per line.
    public var deadlines: String
    public var indexRule: String
    public var reviewDueWorkdays: String
    /// `code | 名称 | 说明` per line.
    public var columns: String = ""
    /// `code | dynamic|notice|regular` per line.
    public var columnKinds: String = ""

    public init(_ s: CatalogSettings) {
        columnKinds = s.columnKinds.sorted { $0.key < $1.key }.map { "\($0.key) | \($0.value.rawValue)" }.joined(separator: "\n")
        columns = s.columns.map { "\($0.code) | \($0.name) | \($0.summary)" }.joined(separator: "\n")
        chain = ReviewLevel.formatLines(s.chain)
        categoryChains = s.categoryChains.sorted { $0.key < $1.key }.map { "[\($0.key)]\n" + ReviewLevel.formatLines($0.value) }
            .joined(separator: "\n")
        extraCategories = s.extraCategories.map { "\($0.code) | \($0.name) | \($0.publishWithinWorkdays)" }.joined(separator: "\n")
        deadlines = s.deadlineOverrides.sorted { $0.key < $1.key }.map { "\($0.key) | \($0.value)" }.joined(separator: "\n")
        indexRule = s.indexRule.template
        reviewDueWorkdays = String(s.reviewDueWorkdays)
    }

    public init(
        chain: String, categoryChains: String, extraCategories: String, deadlines: String, indexRule: String, reviewDueWorkdays: String,
        columns: String, columnKinds: String = "policy | notice"
    ) {
        self.columns = columns
        self.columnKinds = columnKinds
        self.chain = chain
        self.categoryChains = categoryChains
        self.extraCategories = extraCategories
        self.deadlines = deadlines
        self.indexRule = indexRule
        self.reviewDueWorkdays = reviewDueWorkdays
    }

    static func cells(_ line: Substring) -> [String] {
        line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    public func settings() throws(DomainError) -> CatalogSettings {
        var s = CatalogSettings()
        s.chain = try ReviewLevel.parseLines(chain)
        var current: String?
        var block = ""
        func close() throws(DomainError) {
            if let code = current { s.categoryChains[code] = try ReviewLevel.parseLines(block, field: "categoryChains") }
            block = ""
        }
        for line in categoryChains.split(whereSeparator: \.isNewline) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("["), t.hasSuffix("]") {
                try close()
                current = String(t.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
            } else if !t.isEmpty {
                guard current != nil else { throw .invalid("categoryChains", "分类审核链须以“[分类代码]”开头") }
                block += t + "\n"
            }
        }
        try close()
        for line in extraCategories.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let c = Self.cells(line)
            guard c.count == 2 || c.count == 3, c.count == 2 || Int(c[2]) != nil else {
                throw .invalid("categories", "自设分类每行须为“代码 | 名称 | 公开时限”：\(line)")
            }
            s.extraCategories.append(CatalogCategory(code: c[0], name: c[1], publishWithinWorkdays: c.count == 3 ? Int(c[2])! : 20))
        }
        for line in deadlines.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let c = Self.cells(line)
            guard c.count == 2, let days = Int(c[1]) else { throw .invalid("deadlines", "公开时限每行须为“分类代码 | 工作日数”：\(line)") }
            s.deadlineOverrides[c[0]] = days
        }
        for line in columns.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let c = Self.cells(line)
            guard c.count == 2 || c.count == 3 else { throw .invalid("columns", "专题专栏每行须为“代码 | 名称 | 说明”：\(line)") }
            s.columns.append(SpecialColumn(code: c[0], name: c[1], summary: c.count == 3 ? c[2] : ""))
        }
        s.columnKinds = [:]
        for line in columnKinds.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let c = Self.cells(line)
            guard c.count == 2, let kind = ColumnKind(rawValue: c[1]) else {
                throw .invalid("columnKinds", "栏目更新要求每行须为“代码 | dynamic、notice 或 regular”：\(line)")
            }
            s.columnKinds[c[0]] = kind
        }
        s.indexRule = IndexNumberRule(template: indexRule.trimmingCharacters(in: .whitespaces))
        guard let due = Int(reviewDueWorkdays.trimmingCharacters(in: .whitespaces)) else {
            throw .invalid("reviewDueWorkdays", "每级审核时限须为工作日数")
        }
        s.reviewDueWorkdays = due
        try s.validate()
        return s
    }
}
