/// How often or how soon an item of a 政务公开标准目录 must be published, read from its
/// 公开时限 text ("自该信息形成或者变更之日起20个工作日内", "每季度", "每年3月31日前").
public enum DisclosurePeriod: Hashable, Sendable, Codable {
    /// Within so many working days of the information being formed or changed.
    case withinWorkdays(Int)
    /// Within so many calendar days.
    case withinDays(Int)
    /// At least once every so many months; with a due day in the year for yearly items
    /// ("每年3月31日前").
    case every(months: Int, dueMonth: Int?, dueDay: Int?)
    /// Kept up to date continuously (实时更新, 长期公开): at least one publication on record.
    case standing
    /// Text we cannot read as a rule; shown, not checked.
    case unknown

    /// The rule in words, for the coverage table.
    public var label: String {
        switch self {
        case .withinWorkdays(let n): "形成或变更后 \(n) 个工作日内"
        case .withinDays(let n): "形成或变更后 \(n) 日内"
        case .every(let m, let dm, let dd): Self.everyLabel(m) + (dm.map { "（\($0)月\(dd ?? 1)日前）" } ?? "")
        case .standing: "长期公开、及时更新"
        case .unknown: "无法识别"
        }
    }

    static func everyLabel(_ months: Int) -> String {
        switch months {
        case 1: "每月"
        case 3: "每季度"
        case 6: "每半年"
        case 12: "每年"
        default: "每 \(months) 个月"
        }
    }

    /// Reads a 公开时限. Working-day limits win over everything else in the text, then a
    /// recurring period, then calendar days, then "实时/长期/常态"; anything else is `unknown`.
    public static func parse(_ text: String) -> DisclosurePeriod {
        let t = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "　", with: "")
        if let n = number(before: "个工作日", in: t) ?? number(before: "工作日", in: t) { return .withinWorkdays(n) }
        let yearly = ["每年", "每一年", "按年", "年度", "一年一次", "每年度"]
        let months: [(String, Int)] = [
            ("每月", 1), ("按月", 1), ("月度", 1), ("每季", 3), ("按季", 3), ("季度", 3), ("每半年", 6), ("半年", 6),
        ]
        if let m = months.first(where: { t.contains($0.0) }) { return .every(months: m.1, dueMonth: nil, dueDay: nil) }
        if yearly.contains(where: t.contains) {
            // "每年3月31日前", "每年1月底前".
            if let monthEnd = t.range(of: "月") {
                let head = t[..<monthEnd.lowerBound]
                let digits = String(head.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
                if let month = Int(digits) ?? chineseNumber(String(head.reversed().prefix { chineseDigits[$0] != nil }.reversed())),
                    (1...12).contains(month)
                {
                    let tail = t[monthEnd.upperBound...]
                    let dayDigits = String(tail.prefix { $0.isASCII && $0.isNumber })
                    let day = Int(dayDigits) ?? (tail.hasPrefix("底") ? CivilDate.daysIn(month: month, year: 2001) : nil)
                    return .every(months: 12, dueMonth: month, dueDay: day.map { min(max($0, 1), 31) })
                }
            }
            return .every(months: 12, dueMonth: nil, dueDay: nil)
        }
        if let n = number(before: "日内", in: t) ?? number(before: "天内", in: t) { return .withinDays(n) }
        if ["实时", "长期", "常态", "动态更新", "及时更新", "随时"].contains(where: t.contains) { return .standing }
        return .unknown
    }

    static let chineseDigits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    ]

    /// 七 → 7, 十五 → 15, 二十 → 20, 三十 → 30.
    static func chineseNumber(_ s: String) -> Int? {
        guard !s.isEmpty, s.allSatisfy({ chineseDigits[$0] != nil }) else { return nil }
        let chars = Array(s)
        if let ten = chars.firstIndex(of: "十") {
            let tens = ten == 0 ? 1 : (chineseDigits[chars[ten - 1]] ?? 1)
            let ones = ten + 1 < chars.count ? (chineseDigits[chars[ten + 1]] ?? 0) : 0
            return tens * 10 + ones
        }
        return chars.count == 1 ? chineseDigits[chars[0]] : nil
    }

    /// The number written right before `marker` ("20个工作日", "二十个工作日").
    static func number(before marker: String, in t: String) -> Int? {
        guard let r = t.range(of: marker) else { return nil }
        let head = t[..<r.lowerBound]
        let digits = String(head.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
        if let n = Int(digits), n > 0, n <= 365 { return n }
        let chinese = String(head.reversed().prefix { chineseDigits[$0] != nil }.reversed())
        if let n = chineseNumber(chinese), n > 0 { return n }
        return nil
    }
}

/// One row of a 政务公开标准目录: a 二级事项 (often one row per 公开内容 element) with the
/// columns the national guideline's catalogs share, and the catalog categories (or special
/// columns) in which its documents are published here.
public struct StandardItem: Hashable, Sendable, Codable, Identifiable {
    /// Position in the catalog, from 1; what the mapping form and the API refer to.
    public var id: Int
    /// The sheet's own 序号, as written.
    public var number: String
    /// 一级事项.
    public var group: String
    /// 二级事项.
    public var name: String
    public var content: String
    public var basis: String
    public var timeLimit: String
    /// The rule read from `timeLimit`; read again whenever it is asked for, so that a stored
    /// catalog follows improvements to the reading.
    public var period: DisclosurePeriod { DisclosurePeriod.parse(timeLimit) }
    public var subject: String
    public var channels: String
    public var audience: String
    /// 公开方式: 主动, 依申请, or both.
    public var mode: String
    public var level: String
    /// Category or special-column codes whose documents count for this item.
    public var categories: [String]

    public init(
        id: Int, number: String = "", group: String = "", name: String, content: String = "", basis: String = "", timeLimit: String,
        subject: String = "", channels: String = "", audience: String = "", mode: String = "主动", level: String = "",
        categories: [String] = []
    ) {
        self.id = id
        self.number = number
        self.group = group
        self.name = name
        self.content = content
        self.basis = basis
        self.timeLimit = timeLimit
        self.subject = subject
        self.channels = channels
        self.audience = audience
        self.mode = mode
        self.level = level
        self.categories = categories
    }

    /// Only actively disclosed items (主动公开) are checked against the catalog; an item that is
    /// disclosed on request only is shown but not checked. A blank 公开方式 counts as active.
    public var isActive: Bool { mode.isEmpty || mode.contains("主动") }

    /// What identifies the same item in a later version of the catalog, so that a reload keeps
    /// the mapping.
    var identity: String { [group, name, content].joined(separator: "\u{1F}") }
}

/// A loaded 标准目录: its title, where it came from and its items.
public struct StandardCatalog: Hashable, Sendable, Codable {
    public var agencyID: Int64
    public var title: String
    public var sourceName: String
    public var loadedAt: Int64
    public var loadedBy: String
    public var items: [StandardItem]

    public init(agencyID: Int64, title: String, sourceName: String, loadedAt: Int64, loadedBy: String, items: [StandardItem]) {
        self.agencyID = agencyID
        self.title = title
        self.sourceName = sourceName
        self.loadedAt = loadedAt
        self.loadedBy = loadedBy
        self.items = items
    }

    public static let maxItems = 2_000

    /// Takes over the category mapping of `previous` for items that are still there (same
    /// 一级事项, 二级事项 and 公开内容) and were not mapped in the new sheet.
    public mutating func keepMapping(from previous: StandardCatalog?) {
        guard let previous else { return }
        var old: [String: [String]] = [:]
        for i in previous.items where !i.categories.isEmpty { old[i.identity] = i.categories }
        for k in items.indices where items[k].categories.isEmpty {
            items[k].categories = old[items[k].identity] ?? []
        }
    }
}

/// Reads a 标准目录 from the cells of a spreadsheet (rows of text, merged cells already filled
/// with their top-left value): finds the header row by its 公开内容 and 公开时限 columns and an
/// optional second header row (一级事项/二级事项, 全社会/特定群体, 主动/依申请), then one item per
/// data row.
public enum StandardCatalogReader {
    enum Field: Hashable { case number, group, name, content, basis, timeLimit, subject, channels, audience, mode, level, categories }

    static let subLabels = ["一级事项", "二级事项", "全社会", "特定群体", "主动", "依申请", "县级", "乡级", "市级", "省级"]

    public static func items(rows raw: [[String]], categories: [CatalogCategory], columns: [SpecialColumn]) throws(DomainError)
        -> [StandardItem]
    {
        let rows = raw.map { $0.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } }
        guard
            let headerIndex = rows.prefix(15).firstIndex(where: { r in
                r.contains { $0.contains("公开内容") } && r.contains { $0.contains("时限") }
            })
        else { throw .invalid("file", "没有找到表头：表格前 15 行中须有“公开内容”和“公开时限”两列") }
        let header = rows[headerIndex]
        var dataStart = headerIndex + 1
        var sub: [String] = Array(repeating: "", count: header.count)
        // A second header row names sub-columns; in it the 公开时限 cell is blank or (merged) repeats
        // the header, where a data row would have a time limit.
        let limitColumn = header.firstIndex { $0.contains("时限") } ?? 0
        if dataStart < rows.count, limitColumn < rows[dataStart].count,
            rows[dataStart][limitColumn].isEmpty || rows[dataStart][limitColumn] == header[limitColumn],
            rows[dataStart].contains(where: { cell in subLabels.contains { cell.contains($0) } && cell.count <= 6 })
        {
            sub = rows[dataStart]
            dataStart += 1
        }
        // Which field each column holds; check-mark columns (全社会/特定群体 under 公开对象) keep their label.
        var fields: [Int: Field] = [:]
        var marks: [Int: (Field, String)] = [:]
        for (i, h) in header.enumerated() {
            let s = i < sub.count ? sub[i] : ""
            func set(_ f: Field) { if !fields.values.contains(f) { fields[i] = f } }
            if s.contains("一级事项") || (s.isEmpty && h.contains("一级事项")) {
                set(.group)
            } else if s.contains("二级事项") || (s.isEmpty && h.contains("二级事项")) {
                set(.name)
            } else if h.contains("序号") || h.contains("编号") {
                set(.number)
            } else if h.contains("公开内容") {
                set(.content)
            } else if h.contains("依据") {
                set(.basis)
            } else if h.contains("时限") {
                set(.timeLimit)
            } else if h.contains("主体") {
                set(.subject)
            } else if h.contains("渠道") || h.contains("载体") {
                set(.channels)
            } else if h.contains("栏目") || h.contains("对应分类") {
                set(.categories)
            } else if h.contains("对象") || h.contains("方式") || h.contains("层级") {
                let f: Field = h.contains("对象") ? .audience : h.contains("方式") ? .mode : .level
                if !s.isEmpty && s != h { marks[i] = (f, s) } else { set(f) }
            } else if h.contains("事项") {
                set(.name)
            }
        }
        guard fields.values.contains(.name) || fields.values.contains(.content) else {
            throw .invalid("file", "没有找到“公开事项”或“二级事项”列")
        }
        let byName = Dictionary(categories.map { ($0.name, $0.code) } + columns.map { ($0.name, $0.code) }, uniquingKeysWith: { a, _ in a })
        let codes = Set(categories.map(\.code) + columns.map(\.code))
        var items: [StandardItem] = []
        var group = ""
        for (offset, row) in rows[dataStart...].enumerated() {
            func value(_ f: Field) -> String {
                guard let i = fields.first(where: { $0.value == f })?.key, i < row.count else { return "" }
                return row[i]
            }
            func marked(_ f: Field) -> String {
                let direct = value(f)
                let labels = marks.filter { $0.value.0 == f }.sorted { $0.key < $1.key }.compactMap { i, m -> String? in
                    guard i < row.count else { return nil }
                    let cell = row[i]
                    return ["√", "✓", "✔", "■", "☑", "是", "●", "v", "V"].contains(where: { cell.contains($0) }) ? m.1 : nil
                }
                return ([direct].filter { !$0.isEmpty } + labels).joined(separator: "、")
            }
            let nonEmpty = Set(row.filter { !$0.isEmpty })
            if nonEmpty.isEmpty { continue }
            // A section heading across the whole row ("一、行政许可类"): one distinct value, no content.
            if nonEmpty.count == 1, value(.content).isEmpty || value(.content) == nonEmpty.first, row.count > 2 {
                group = nonEmpty.first ?? group
                continue
            }
            if !value(.group).isEmpty { group = value(.group) }
            let name = value(.name).isEmpty ? value(.content) : value(.name)
            let limit = value(.timeLimit)
            guard !name.isEmpty else { continue }
            guard !limit.isEmpty else {
                throw .invalid("file", "第 \(dataStart + offset + 1) 行“\(name)”没有填写公开时限")
            }
            var mapped: [String] = []
            for token in value(.categories).split(whereSeparator: { "、,，;；/ \n".contains($0) }).map(String.init) where !token.isEmpty {
                if let code = byName[token] ?? (codes.contains(token) ? token : nil) {
                    if !mapped.contains(code) { mapped.append(code) }
                } else {
                    throw .invalid("file", "第 \(dataStart + offset + 1) 行的栏目“\(token)”不是本机关的分类或专栏")
                }
            }
            items.append(
                StandardItem(
                    id: items.count + 1, number: value(.number), group: group, name: name, content: value(.content), basis: value(.basis),
                    timeLimit: limit, subject: value(.subject), channels: value(.channels), audience: marked(.audience),
                    mode: marked(.mode), level: marked(.level), categories: mapped))
            if items.count > StandardCatalog.maxItems { throw .invalid("file", "事项超过 \(StandardCatalog.maxItems) 项，请分表导入") }
        }
        guard !items.isEmpty else { throw .invalid("file", "表头以下没有事项") }
        return items
    }

    /// Parses a mapping written by hand: category or special-column names or codes, separated by
    /// 、 or commas.
    public static func mapping(_ text: String, categories: [CatalogCategory], columns: [SpecialColumn]) throws(DomainError) -> [String] {
        var out: [String] = []
        for token in text.split(whereSeparator: { "、,，;； \n".contains($0) }).map(String.init) {
            guard
                let code = categories.first(where: { $0.name == token || $0.code == token })?.code
                    ?? columns.first(where: { $0.name == token || $0.code == token })?.code
            else {
                throw .invalid(
                    "categories", "“\(token)”不是本机关的分类或专栏，可选：" + (categories.map(\.name) + columns.map(\.name)).joined(separator: "、"))
            }
            if !out.contains(code) { out.append(code) }
        }
        return out
    }
}

/// A document as the coverage check sees it: where it appears and when it was formed and
/// published.
public struct PublicationFact: Hashable, Sendable {
    public var category: String
    public var columns: [String]
    public var formedOn: CivilDate?
    public var publishedOn: CivilDate?
    /// Published, or once published and since withdrawn or expired.
    public var wentOnline: Bool
    /// Meant for the portal (公开属性 主动公开).
    public var reachesPortal: Bool

    public init(category: String, columns: [String], formedOn: CivilDate?, publishedOn: CivilDate?, wentOnline: Bool, reachesPortal: Bool) {
        self.category = category
        self.columns = columns
        self.formedOn = formedOn
        self.publishedOn = publishedOn
        self.wentOnline = wentOnline
        self.reachesPortal = reachesPortal
    }

    public init(_ d: CatalogDocument) {
        self.init(
            category: d.categoryCode, columns: d.columns, formedOn: d.formedOn, publishedOn: d.publishedOn,
            wentOnline: [.published, .withdrawn, .expired].contains(d.workflow.status), reachesPortal: d.disclosure.attribute.reachesPortal)
    }
}

/// One item's state in one unit.
public struct ItemCoverage: Hashable, Sendable {
    public enum State: String, Hashable, Sendable, Codable, CaseIterable {
        /// Published within its period (or no deadline missed).
        case covered
        /// Nothing published within its recurring period (or ever, for a standing item).
        case gap
        /// Documents published after the item's 公开时限, or still unpublished past it; or a
        /// yearly item past its due day with nothing this year.
        case overdue
        /// A deadline-from-formation item with nothing on record: perhaps nothing happened.
        case noRecord = "no_record"
        /// No catalog category is mapped to the item.
        case unmapped
        /// Disclosed on request only, or a 公开时限 we cannot read.
        case unchecked

        public var label: String {
            switch self {
            case .covered: "已按时公开"
            case .gap: "周期内未公开"
            case .overdue: "逾期"
            case .noRecord: "暂无公开记录"
            case .unmapped: "未对应栏目"
            case .unchecked: "不检查"
            }
        }

        /// Whether the state needs someone to act.
        public var isProblem: Bool { self == .gap || self == .overdue || self == .unmapped }
    }

    public var itemID: Int
    public var state: State
    public var lastPublished: CivilDate?
    /// Publications on record for the item.
    public var published: Int
    /// Documents past the item's limit (late or still unpublished) among those formed in the window.
    public var overdue: Int
    /// Why, in a sentence.
    public var note: String
}

/// The 标准目录 check: for each item, from the unit's documents in the item's categories.
public enum StandardCoverage {
    /// - Parameters:
    ///   - windowMonths: how far back deadline-from-formation items are checked (default 12).
    public static func evaluate(
        _ items: [StandardItem], facts: [PublicationFact], calendar: WorkingDayCalendar, today: CivilDate, windowMonths: Int = 12
    ) -> [ItemCoverage] {
        var byCode: [String: [Int]] = [:]
        for (i, f) in facts.enumerated() where f.reachesPortal {
            byCode[f.category, default: []].append(i)
            for c in f.columns where c != f.category { byCode[c, default: []].append(i) }
        }
        let windowStart = today.adding(months: -windowMonths)
        return items.map { item in
            // A document in two of the item's categories (its own and a special column) counts once.
            let docs = Set(item.categories.flatMap { byCode[$0] ?? [] }).sorted().map { facts[$0] }
            let online = docs.filter(\.wentOnline)
            let last = online.compactMap(\.publishedOn).max()
            func result(_ state: ItemCoverage.State, overdue: Int = 0, _ note: String) -> ItemCoverage {
                ItemCoverage(itemID: item.id, state: state, lastPublished: last, published: online.count, overdue: overdue, note: note)
            }
            guard item.isActive else { return result(.unchecked, "依申请公开事项，不检查主动公开") }
            guard !item.categories.isEmpty else { return result(.unmapped, "尚未对应目录分类或专栏") }
            switch item.period {
            case .unknown:
                return result(.unchecked, "公开时限“\(item.timeLimit)”无法识别，请人工核查")
            case .standing:
                return last == nil ? result(.gap, "尚无公开记录") : result(.covered, "")
            case .every(let months, let dueMonth, let dueDay):
                if let dueMonth,
                    let due = CivilDate(
                        year: today.year, month: dueMonth, day: min(dueDay ?? 1, CivilDate.daysIn(month: dueMonth, year: today.year)))
                {
                    let thisYear = online.contains { $0.publishedOn?.year == today.year }
                    if today > due && !thisYear { return result(.overdue, "已过今年 \(due.month)月\(due.day)日的公开期限，今年尚未公开") }
                }
                let since = today.adding(months: -months)
                if let last, last > since { return result(.covered, "") }
                return result(.gap, last == nil ? "尚无公开记录" : "最近一次公开已超过\(DisclosurePeriod.everyLabel(months))的周期")
            case .withinWorkdays, .withinDays:
                var late = 0
                for d in docs {
                    guard let formed = d.formedOn, formed >= windowStart else { continue }
                    let due: CivilDate =
                        switch item.period {
                        case .withinWorkdays(let n): calendar.adding(n, workdaysTo: formed).date
                        case .withinDays(let n): formed.adding(days: n)
                        default: formed
                        }
                    if d.wentOnline, let on = d.publishedOn {
                        if on > due { late += 1 }
                    } else if today > due {
                        late += 1
                    }
                }
                if late > 0 { return result(.overdue, overdue: late, "近 \(windowMonths) 个月有 \(late) 件超过公开时限") }
                return last == nil ? result(.noRecord, "尚无公开记录，请核实期间是否产生该类信息") : result(.covered, "")
            }
        }
    }
}
