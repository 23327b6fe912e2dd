import Foundation

/// Reads the tasks out of a work plan (工作要点) or a task ledger (任务落实台账) in the shapes
/// agencies write them:
///
/// - a ledger: section headings 一、二、…, a header row (序号 / 重点工作 / 主要内容 / 量化指标 /
///   责任单位 / 完成时限 / 进展落实情况) repeated per section, then one row per task. As text, each
///   cell is a line of its own starting with a tab (what copying a Word table gives); from a .docx,
///   the table's cells;
/// - a plan: sections 一、…, items （一）…, sub-items 1. … or 一是…二是…, with the responsibility
///   in brackets: "（责任领导：…，责任单位：…牵头，…负责落实）".
public enum LedgerImporter {
    /// One line of the source: a table cell, or running text.
    public enum Token: Hashable, Sendable {
        case cell(String)
        case text(String)
    }

    /// Plain text: tab-led lines are cells (an empty one stays an empty cell), other non-empty lines are text.
    public static func tokens(fromText text: String) -> [Token] {
        var out: [Token] = []
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = clean(String(raw))
            if raw.hasPrefix("\t") {
                out.append(.cell(line))
            } else if !line.isEmpty {
                out.append(.text(line))
            }
        }
        return out
    }

    /// Word artefacts and spacing: "[bookmark: _GoBack]", full-width spaces, runs of spaces.
    static func clean(_ s: String) -> String {
        var t = s
        while let r = t.range(of: #"\[bookmark:[^\]]*\]"#, options: .regularExpression) { t.removeSubrange(r) }
        t = t.replacingOccurrences(of: "\u{3000}", with: " ").trimmingCharacters(in: .whitespaces)
        return t
    }

    static let chineseNumerals = "一二三四五六七八九十"

    /// "一、围绕重点领域…" → ("一", "围绕重点领域…").
    static func sectionHeading(_ s: String) -> (String, String)? {
        guard let i = s.firstIndex(of: "、"), i > s.startIndex else { return nil }
        let number = s[..<i]
        guard number.count <= 3, number.allSatisfy({ chineseNumerals.contains($0) }) else { return nil }
        let title = s[s.index(after: i)...].trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty, title.count <= 60 else { return nil }
        return (String(number), title)
    }

    /// "（一）…" or "(一)…" → ("一", "…").
    static func item(_ s: String) -> (String, String)? {
        guard let open = s.first, "（(".contains(open), let close = s.firstIndex(where: { "）)".contains($0) }) else { return nil }
        let number = s[s.index(after: s.startIndex)..<close]
        guard !number.isEmpty, number.count <= 3, number.allSatisfy({ chineseNumerals.contains($0) }) else { return nil }
        return (String(number), s[s.index(after: close)...].trimmingCharacters(in: .whitespaces))
    }

    /// "1. …", "1．…", "1、…" → ("1", "…").
    static func subItem(_ s: String) -> (String, String)? {
        let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 2 else { return nil }
        let rest = s.dropFirst(digits.count)
        guard let mark = rest.first, ".．、".contains(mark) else { return nil }
        let text = rest.dropFirst().trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        return (String(digits), text)
    }

    /// Reads sections and tasks; the shape is recognised from the header row.
    public static func parse(_ tokens: [Token]) -> [ImportedSection] {
        let isLedger = tokens.contains {
            if case .cell(let c) = $0 { return c == "序号" }
            if case .text(let t) = $0 { return t == "序号" }
            return false
        }
        let sections = isLedger ? parseLedger(tokens) : parsePlan(tokens)
        return sections.filter { !$0.tasks.isEmpty }
    }

    // MARK: Ledgers

    enum Column {
        case number, title, content, indicator, units, leader, deadline, other
    }

    static func column(_ header: String) -> Column? {
        let h = header.replacingOccurrences(of: " ", with: "")
        if h == "序号" { return .number }
        if h.contains("重点工作") || h.contains("工作任务") || h == "任务" || h.contains("工作事项") { return .title }
        if h.contains("主要内容") || h.contains("具体内容") || h.contains("工作内容") || h.contains("任务内容") { return .content }
        if h.contains("量化指标") || h.contains("指标") || h.contains("标准") { return .indicator }
        if h.contains("责任领导") || h.contains("分管领导") { return .leader }
        if h.contains("责任") || h.contains("牵头") || h.contains("单位") || h.contains("科室") { return .units }
        if h.contains("时限") || h.contains("时间") || h.contains("期限") { return .deadline }
        if h.contains("进展") || h.contains("落实情况") || h.contains("备注") { return .other }
        return nil
    }

    static func parseLedger(_ tokens: [Token]) -> [ImportedSection] {
        var sections: [ImportedSection] = []
        var columns: [Column] = []
        var i = 0
        func text(_ t: Token) -> String {
            switch t {
            case .cell(let c): c
            case .text(let s): s
            }
        }
        while i < tokens.count {
            let t = text(tokens[i])
            if let (number, title) = sectionHeading(t) {
                sections.append(ImportedSection(number: number, title: title))
                i += 1
                continue
            }
            if t == "序号" {
                columns = [.number]
                i += 1
                while i < tokens.count, let c = column(text(tokens[i])), c != .number {
                    columns.append(c)
                    i += 1
                }
                continue
            }
            if !columns.isEmpty, case .cell = tokens[i], !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }) {
                // A row: the number, then one cell per remaining column (text lines between cells are wrapped cell text).
                var cells: [String] = [t]
                var j = i + 1
                while j < tokens.count, cells.count < columns.count {
                    switch tokens[j] {
                    case .cell(let c): cells.append(c)
                    case .text(let s): cells[cells.count - 1] += s
                    }
                    j += 1
                }
                var task = ImportedTask(number: t, title: "")
                for (column, value) in zip(columns, cells) {
                    switch column {
                    case .title: task.title = trimmedSentence(value)
                    case .content: task.content = value
                    case .indicator: task.indicator = value
                    case .units: task.units = splitUnits(value)
                    case .leader: task.leader = value
                    case .deadline: task.deadlineText = value
                    case .number, .other: break
                    }
                }
                if task.title.isEmpty { task.title = String(task.content.prefix(30)) }
                if sections.isEmpty { sections.append(ImportedSection(number: "一", title: "重点任务")) }
                sections[sections.count - 1].tasks.append(task)
                i = j
                continue
            }
            i += 1
        }
        return sections
    }

    /// A title without its closing full stop.
    static func trimmedSentence(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        while let last = t.last, "。；;".contains(last) { t.removeLast() }
        return t
    }

    // MARK: Plans

    /// Sections that frame a plan rather than assign work (aims, principles, how the plan is to be
    /// carried out): their items are not tasks.
    static let framing = ["总体要求", "指导思想", "基本原则", "工作目标", "保障措施", "工作要求", "组织保障", "组织实施", "有关要求"]

    static func parsePlan(_ tokens: [Token]) -> [ImportedSection] {
        var sections: [ImportedSection] = []
        var loose: [String] = []  // paragraphs of a section with no numbered item so far
        func closeLoose() {
            guard !loose.isEmpty, let s = sections.last else { return }
            defer { loose = [] }
            guard s.tasks.isEmpty else { return }
            sections[sections.count - 1].tasks.append(task(number: "1", text: loose.joined()))
        }
        for token in tokens {
            let line: String
            switch token {
            case .cell(let c): line = c
            case .text(let t): line = t
            }
            guard !line.isEmpty else { continue }
            if let (number, title) = sectionHeading(line) {
                closeLoose()
                sections.append(ImportedSection(number: number, title: trimmedSentence(title)))
                continue
            }
            guard !sections.isEmpty else { continue }  // the preamble: title, 文号, addressees
            let s = sections.count - 1
            if let (number, text) = item(line) {
                loose = []
                sections[s].tasks.append(task(number: number, text: text))
                continue
            }
            if let (number, text) = subItem(line) {
                if sections[s].tasks.isEmpty {
                    loose = []
                    sections[s].tasks.append(task(number: number, text: text))
                } else {
                    let t = sections[s].tasks.count - 1
                    sections[s].tasks[t].subtasks.append(task(number: number, text: text))
                }
                continue
            }
            // Running text: the continuation of the last item (plans wrap lines mid-sentence).
            if sections[s].tasks.isEmpty {
                loose.append(line)
            } else {
                let t = sections[s].tasks.count - 1
                if let last = sections[s].tasks[t].subtasks.indices.last {
                    sections[s].tasks[t].subtasks[last] = extend(sections[s].tasks[t].subtasks[last], with: line)
                } else {
                    sections[s].tasks[t] = extend(sections[s].tasks[t], with: line)
                }
            }
        }
        closeLoose()
        sections.removeAll { s in framing.contains(where: { s.title.contains($0) }) }
        // "一是…二是…" inside an item's text become its sub-tasks.
        for s in sections.indices {
            for t in sections[s].tasks.indices where sections[s].tasks[t].subtasks.isEmpty {
                sections[s].tasks[t].subtasks = enumerated(sections[s].tasks[t].content)
            }
        }
        return sections
    }

    /// An item's task from its text: responsibility taken out, the first sentence as the title.
    static func task(number: String, text: String) -> ImportedTask {
        var body = text
        var leader = ""
        var units: [TaskUnit] = []
        if let r = body.range(of: #"[（(]\s*责任领导[:：][^）)]*[）)]"#, options: .regularExpression)
            ?? body.range(of: #"[（(]\s*责任单位[:：][^）)]*[）)]"#, options: .regularExpression)
        {
            let inner = String(body[r].dropFirst().dropLast())
            body.removeSubrange(r)
            (leader, units) = responsibility(inner)
        }
        body = body.trimmingCharacters(in: .whitespaces)
        let title: String
        let content: String
        if let stop = body.firstIndex(where: { "。；".contains($0) }), body.distance(from: body.startIndex, to: stop) <= 60 {
            title = String(body[..<stop])
            content = body[body.index(after: stop)...].trimmingCharacters(in: .whitespaces)
        } else if body.count <= 60 {
            title = trimmedSentence(body)
            content = ""
        } else {
            title = String(body.prefix(30)) + "…"
            content = body
        }
        return ImportedTask(number: number, title: title, content: content, leader: leader, units: units)
    }

    static func extend(_ task: ImportedTask, with line: String) -> ImportedTask {
        var t = task
        let more = ImportedLine(line)
        if let (leader, units) = more.responsibility {
            if t.leader.isEmpty { t.leader = leader }
            if t.units.isEmpty { t.units = units }
        }
        t.content += more.text
        return t
    }

    /// A continuation line with its responsibility bracket (if any) taken out.
    struct ImportedLine {
        var text: String
        var responsibility: (String, [TaskUnit])?

        init(_ line: String) {
            text = line
            if let r = line.range(of: #"[（(]\s*责任(领导|单位)[:：][^）)]*[）)]"#, options: .regularExpression) {
                responsibility = LedgerImporter.responsibility(String(line[r].dropFirst().dropLast()))
                text.removeSubrange(r)
            }
        }
    }

    /// "责任领导：王子湄，责任单位：法制科牵头，市卫生监督所负责落实" → (王子湄, units).
    static func responsibility(_ inner: String) -> (String, [TaskUnit]) {
        var leader = ""
        var unitsText = ""
        if let r = inner.range(of: #"责任领导[:：]\s*[^，,；;]*"#, options: .regularExpression) {
            leader = String(inner[r]).replacingOccurrences(of: #"责任领导[:：]\s*"#, with: "", options: .regularExpression)
        }
        if let r = inner.range(of: #"责任单位[:：].*$"#, options: .regularExpression) {
            unitsText = String(inner[r]).replacingOccurrences(of: #"责任单位[:：]\s*"#, with: "", options: .regularExpression)
        }
        return (leader.trimmingCharacters(in: .whitespaces), splitUnits(unitsText))
    }

    /// "一是…；二是…" → one sub-task per part (only when there are at least two).
    static func enumerated(_ text: String) -> [ImportedTask] {
        let marks = Array(chineseNumerals)
        var starts: [String.Index] = []
        var search = text.startIndex
        for m in marks {
            guard let r = text.range(of: "\(m)是", range: search..<text.endIndex) else { break }
            starts.append(r.lowerBound)
            search = r.upperBound
        }
        guard starts.count >= 2 else { return [] }
        var out: [ImportedTask] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : text.endIndex
            let part = text[text.index(start, offsetBy: 2)..<end].trimmingCharacters(in: .whitespaces)
            out.append(task(number: String(n + 1), text: part))
        }
        return out
    }
}
