import Foundation

/// When a ledger task is due: a day, a month (its last day), "长期坚持" (ongoing), or not stated.
public enum TaskDeadline: Hashable, Sendable, Codable {
    case date(CivilDate)
    case ongoing
    case none

    /// Reads what a plan writes in its 完成时限 column: "11月" (the month's end in the plan's
    /// year), "2023年11月30日", "11月30日", "2023-11-30", "年底前" / "年内" (31 December),
    /// "上半年" (30 June), "第三季度" (the quarter's end), "长期坚持" / "持续推进" / "长期" (ongoing).
    public static func parse(_ raw: String, year: Int) -> TaskDeadline {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: " ", with: "")
        if text.isEmpty { return .none }
        if ["长期", "持续", "常态", "经常性"].contains(where: { text.contains($0) }) { return .ongoing }
        if let d = CivilDate(iso: text) { return .date(d) }
        func monthEnd(_ y: Int, _ m: Int) -> CivilDate? {
            guard (1...12).contains(m), let first = CivilDate(year: m == 12 ? y + 1 : y, month: m == 12 ? 1 : m + 1, day: 1) else {
                return nil
            }
            return first.adding(days: -1)
        }
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let hasYear = text.contains("年") && numbers.first.map { $0 >= 2000 } == true
        let y = hasYear ? numbers[0] : year
        let rest = hasYear ? Array(numbers.dropFirst()) : numbers
        if text.contains("月") {
            if rest.count >= 2, text.contains("日") || text.contains("号"), let d = CivilDate(year: y, month: rest[0], day: rest[1]) {
                return .date(d)
            }
            if let m = rest.first, let d = monthEnd(y, m) { return .date(d) }
        }
        if text.contains("上半年") { return CivilDate(year: y, month: 6, day: 30).map(TaskDeadline.date) ?? .none }
        if text.contains("下半年") || text.contains("年底") || text.contains("年内") || text.contains("年末") || text == "全年" {
            return CivilDate(year: y, month: 12, day: 31).map(TaskDeadline.date) ?? .none
        }
        let quarters = ["一季度": 3, "二季度": 6, "三季度": 9, "四季度": 12]
        for (q, m) in quarters where text.contains(q) { return monthEnd(y, m).map(TaskDeadline.date) ?? .none }
        return .none
    }

    /// The API's form: "2023-11-30", "ongoing", or nil.
    public var apiValue: String? {
        switch self {
        case .date(let d): d.description
        case .ongoing: "ongoing"
        case .none: nil
        }
    }
}

/// A unit a task names: a department of the agency, a subordinate agency, or a name not yet matched.
public struct TaskUnit: Hashable, Sendable, Codable {
    public enum Role: String, Hashable, Sendable, Codable {
        /// 牵头: leads and reports.
        case lead
        /// 配合 / 负责落实: takes part.
        case cooperating
    }

    /// The name as the plan wrote it.
    public var name: String
    public var role: Role
    public var departmentID: Int64?
    public var agencyID: Int64?

    public init(name: String, role: Role = .lead, departmentID: Int64? = nil, agencyID: Int64? = nil) {
        self.name = name
        self.role = role
        self.departmentID = departmentID
        self.agencyID = agencyID
    }

    public var isMatched: Bool { departmentID != nil || agencyID != nil }
}

/// A task as read from a plan or ledger, before it is stored.
public struct ImportedTask: Hashable, Sendable {
    public var number: String
    public var title: String
    public var content: String
    public var indicator: String
    public var leader: String
    /// The responsible units as written, split (牵头 first).
    public var units: [TaskUnit]
    public var deadlineText: String
    public var subtasks: [ImportedTask]

    public init(
        number: String, title: String, content: String = "", indicator: String = "", leader: String = "", units: [TaskUnit] = [],
        deadlineText: String = "", subtasks: [ImportedTask] = []
    ) {
        self.number = number
        self.title = title
        self.content = content
        self.indicator = indicator
        self.leader = leader
        self.units = units
        self.deadlineText = deadlineText
        self.subtasks = subtasks
    }
}

public struct ImportedSection: Hashable, Sendable {
    public var number: String
    public var title: String
    public var tasks: [ImportedTask]

    public init(number: String, title: String, tasks: [ImportedTask] = []) {
        self.number = number
        self.title = title
        self.tasks = tasks
    }
}

/// Matches the unit names a plan writes to the agency's departments and subordinate agencies:
/// exactly, then by the collective names plans use (委机关各科室 = every department, 委属各单位 =
/// every subordinate agency). What cannot be matched is kept by name and reported.
public struct UnitMatcher: Sendable {
    public var departments: [(id: Int64, name: String)]
    public var agencies: [(id: Int64, name: String)]

    public init(departments: [(id: Int64, name: String)], agencies: [(id: Int64, name: String)]) {
        self.departments = departments
        self.agencies = agencies
    }

    static let allDepartments = [
        "委机关各科室", "机关各科室", "委机关各处室", "机关各处室", "各科室", "各处室", "委机关各部门", "委机关各相关科室", "各相关科室",
    ]
    static let allAgencies = [
        "委属各单位", "委直属各单位", "各直属单位", "委属单位", "直属各单位", "各委属单位", "市属各医疗卫生单位", "委属各医疗卫生单位",
        "各医疗卫生单位", "区属卫生计生单位",
    ]

    /// The units one name stands for; empty when it matches nothing.
    public func match(_ unit: TaskUnit) -> [TaskUnit] {
        let name = unit.name
        if Self.allDepartments.contains(name) {
            return departments.map { TaskUnit(name: $0.name, role: unit.role, departmentID: $0.id) }
        }
        if Self.allAgencies.contains(name) { return agencies.map { TaskUnit(name: $0.name, role: unit.role, agencyID: $0.id) } }
        if let d = departments.first(where: { $0.name == name }) { return [TaskUnit(name: d.name, role: unit.role, departmentID: d.id)] }
        if let a = agencies.first(where: { $0.name == name }) { return [TaskUnit(name: a.name, role: unit.role, agencyID: a.id)] }
        // "市卫生监督所" for "示范市卫生监督所": a unique agency whose name ends with it.
        let endings = agencies.filter { $0.name.hasSuffix(name) && name.count >= 4 }
        if endings.count == 1 { return [TaskUnit(name: endings[0].name, role: unit.role, agencyID: endings[0].id)] }
        return []
    }
}

/// Splits a 责任单位 text into units: "法制科牵头，市卫生监督所负责落实" → 法制科 (lead),
/// 市卫生监督所 (cooperating); "财务审计科、法规与综合监督科、办公室" → three leads. A name without
/// its own 牵头 / 负责落实 takes the role written after it ("A、B负责落实": both cooperate).
public func splitUnits(_ text: String) -> [TaskUnit] {
    var pieces: [(name: String, role: TaskUnit.Role?)] = []
    var current = ""
    func flush() {
        var c = current.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "（单位）", with: "")
        current = ""
        var role: TaskUnit.Role?
        for prefix in ["牵头：", "牵头:"] where c.hasPrefix(prefix) {
            c = String(c.dropFirst(prefix.count))
            role = .lead
        }
        for prefix in ["配合：", "配合:"] where c.hasPrefix(prefix) {
            c = String(c.dropFirst(prefix.count))
            role = .cooperating
        }
        for suffix in ["负责落实", "具体落实", "配合", "协助", "参与"] where c.hasSuffix(suffix) {
            c = String(c.dropLast(suffix.count))
            role = .cooperating
        }
        if c.hasSuffix("牵头") {
            c = String(c.dropLast(2))
            role = .lead
        }
        c = c.trimmingCharacters(in: .whitespaces)
        if !c.isEmpty { pieces.append((c, role)) }
    }
    for ch in text {
        if "、，,；;/及".contains(ch) { flush() } else { current.append(ch) }
    }
    flush()
    var units: [TaskUnit] = []
    for (i, p) in pieces.enumerated() where !units.contains(where: { $0.name == p.name }) {
        let role = p.role ?? pieces[(i + 1)...].first(where: { $0.role != nil })?.role ?? .lead
        units.append(TaskUnit(name: p.name, role: role))
    }
    return units
}
