import Foundation

/// The structured body of a document (正文): paragraphs, headings, lists and tables, kept as
/// plain text with a small line-based markup so that screening, redaction, search and the
/// revision diff all work on the same characters the drafter typed:
///
///     # 一级标题            ## 二级标题            ### 三级标题
///     - 列表项              1. 编号列表项
///     | 表头 | 表头 |       |---|---|              | 单元格 | 单元格 |
///
/// Every other non-empty line is a paragraph; a leading backslash keeps a line that looks like
/// markup a paragraph (`\# 号楼`). There is deliberately no inline markup: the
/// asterisks of a redacted ID number (110105********002X) must stay text.
public enum RichText {
    public enum Block: Hashable, Sendable {
        case heading(level: Int, text: String)
        case paragraph(String)
        case list(ordered: Bool, items: [String])
        /// Rows of cells; `header` when the first row is a header row.
        case table(header: Bool, rows: [[String]])
    }

    /// The blocks of a body.
    public static func parse(_ body: String) -> [Block] {
        var blocks: [Block] = []
        var tableRows: [[String]] = []
        var tableHeader = false
        var listItems: [String] = []
        var listOrdered = false
        func flushTable() {
            if !tableRows.isEmpty { blocks.append(.table(header: tableHeader, rows: tableRows)) }
            tableRows = []
            tableHeader = false
        }
        func flushList() {
            if !listItems.isEmpty { blocks.append(.list(ordered: listOrdered, items: listItems)) }
            listItems = []
        }
        for raw in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = trimmed(raw)
            if line.hasPrefix("\\") {
                // An escaped line is a paragraph whatever it starts with ("\# 号楼").
                flushTable()
                flushList()
                blocks.append(.paragraph(String(line.dropFirst())))
                continue
            }
            if line.hasPrefix("|") {
                flushList()
                let cells = cells(of: line)
                if cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { "-: ".contains($0) } }) {
                    // The separator under a header row.
                    if tableRows.count == 1 { tableHeader = true }
                    continue
                }
                tableRows.append(cells)
                continue
            }
            flushTable()
            if let (ordered, item) = listItem(line) {
                if !listItems.isEmpty && ordered != listOrdered { flushList() }
                listOrdered = ordered
                listItems.append(item)
                continue
            }
            flushList()
            if line.isEmpty { continue }
            if let (level, text) = heading(line) {
                blocks.append(.heading(level: level, text: text))
            } else {
                blocks.append(.paragraph(line))
            }
        }
        flushTable()
        flushList()
        return blocks
    }

    /// The text without leading and trailing spaces and tabs (Unicode space separators), as
    /// `trimmingCharacters(in: .whitespaces)` gives but without bridging every line to NSString.
    static func trimmed(_ text: Substring) -> String {
        func space(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s.properties.generalCategory == .spaceSeparator }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !space($0) }), let last = scalars.lastIndex(where: { !space($0) }) else { return "" }
        return String(scalars[first...last])
    }

    static func trimmed(_ text: String) -> String { trimmed(Substring(text)) }

    static func cells(of line: String) -> [String] {
        var inner = Substring(line)
        if inner.hasPrefix("|") { inner = inner.dropFirst() }
        if inner.hasSuffix("|") { inner = inner.dropLast() }
        return inner.split(separator: "|", omittingEmptySubsequences: false).map(trimmed)
    }

    static func heading(_ line: String) -> (Int, String)? {
        for level in (1...3).reversed() {
            let marker = String(repeating: "#", count: level) + " "
            if line.hasPrefix(marker) { return (level, trimmed(line.dropFirst(marker.count))) }
        }
        return nil
    }

    static func listItem(_ line: String) -> (Bool, String)? {
        for marker in ["- ", "• "] where line.hasPrefix(marker) {
            return (false, String(line.dropFirst(marker.count)))
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") { return (true, String(rest.dropFirst(2))) }
        }
        return nil
    }

    /// The text without markup, one block per line: what search indexes and snippets show.
    /// Markup is line by line, so this reads each line's bytes once instead of building the
    /// blocks (a results page makes twenty of these); it gives what `plainByBlocks` gives.
    public static func plain(_ body: String) -> String {
        var out = ""
        out.reserveCapacity(body.utf8.count)
        var first = true
        for raw in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            guard let text = plainLine(trimmed(Substring(raw))) else { continue }
            if !first { out += "\n" }
            out += text
            first = false
        }
        return out
    }

    /// One line's text without its markup, or nil for a line that shows nothing.
    static func plainLine(_ line: String) -> String? {
        let bytes = line.utf8
        guard let lead = bytes.first else { return nil }
        func after(_ n: Int) -> String { String(Substring(line.utf8.dropFirst(n))) }
        if lead == UInt8(ascii: "\\") { return after(1) }
        if lead == UInt8(ascii: "|") {
            let cells = cells(of: line)
            if cells.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 == 0x2D || $0 == 0x3A || $0 == 0x20 } }) { return nil }
            return cells.joined(separator: " ")
        }
        if bytes.starts(with: [0x2D, 0x20]) { return after(2) }  // "- "
        if bytes.starts(with: [0xE2, 0x80, 0xA2, 0x20]) { return after(4) }  // "• "
        let digits = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        if digits > 0, digits <= 3, bytes.dropFirst(digits).starts(with: [0x2E, 0x20]) { return after(digits + 2) }
        for level in (1...3).reversed() where bytes.count > level && bytes.prefix(level).allSatisfy({ $0 == 0x23 }) {
            if bytes.dropFirst(level).first == 0x20 { return trimmed(after(level + 1)) }
        }
        return line
    }

    /// The same text from the blocks (what `plain` must agree with).
    static func plainByBlocks(_ body: String) -> String {
        parse(body).map { block -> String in
            switch block {
            case .heading(_, let text), .paragraph(let text): text
            case .list(_, let items): items.joined(separator: "\n")
            case .table(_, let rows): rows.map { $0.joined(separator: " ") }.joined(separator: "\n")
            }
        }.joined(separator: "\n")
    }
}
