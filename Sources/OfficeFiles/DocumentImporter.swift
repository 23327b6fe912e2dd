import Domain
public import Foundation

/// Turns a Word document, a web page or a text file into a document body in `RichText`
/// markup, keeping headings, lists and tables, so drafters need not retype what the office
/// already wrote.
public enum DocumentImporter {
    /// The body for an uploaded file, or an error naming what went wrong.
    public static func markup(from data: Data, fileName: String) throws(FileError) -> String {
        guard let kind = FileKind.detect(data, fileName: fileName), FileKind.importable.contains(kind) else {
            throw FileError("只能导入 .docx、.txt 或 .html 文件（旧版 .doc 请先在 Word 中另存为 .docx）")
        }
        let body: String
        switch kind {
        case .docx: body = try markup(fromDOCX: data)
        case .html: body = markup(fromHTML: try TextDecoding.decode(data))
        default: body = try TextDecoding.decode(data).replacingOccurrences(of: "\r\n", with: "\n")
        }
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw FileError("文件中没有可导入的文字") }
        return trimmed
    }

    // MARK: - Word

    static func markup(fromDOCX data: Data) throws(FileError) -> String {
        let zip = try ZipPackage(data)
        guard let document = try zip.text("word/document.xml") else { throw FileError("不是有效的 Word 文档") }
        let headingStyles = try headingLevels(zip.text("word/styles.xml") ?? "")
        let ordered = try orderedLists(zip.text("word/numbering.xml") ?? "")
        var lines: [String] = []
        var tableDepth = 0
        var row: [String] = []
        var rowsInTable = 0
        var cell = ""
        var paragraph = ""
        var style: String?
        var outline: Int?
        var numID: String?
        var inText = false
        for event in XMLScanner.events(document) {
            switch event {
            case .start(let name, let a, let selfClosing):
                switch name {
                case "w:tbl":
                    tableDepth += 1
                    if tableDepth == 1 { rowsInTable = 0 }
                case "w:tr": if tableDepth == 1 { row = [] }
                case "w:tc": if tableDepth == 1 { cell = "" }
                case "w:p":
                    paragraph = ""
                    style = nil
                    outline = nil
                    numID = nil
                case "w:pStyle": style = a["w:val"]
                case "w:outlineLvl": outline = a["w:val"].flatMap(Int.init)
                case "w:numId": numID = a["w:val"]
                case "w:t": inText = !selfClosing
                case "w:tab": paragraph += " "
                case "w:br", "w:cr": paragraph += tableDepth > 0 ? " " : "\n"
                default: break
                }
            case .end(let name):
                switch name {
                case "w:t": inText = false
                case "w:p":
                    let text = paragraph.trimmingCharacters(in: .whitespaces)
                    if tableDepth > 0 {
                        if !text.isEmpty { cell += (cell.isEmpty ? "" : " ") + text }
                        continue
                    }
                    if text.isEmpty { continue }
                    let level = outline.map { min($0 + 1, 3) } ?? style.flatMap { headingStyles[$0] }
                    for (n, part) in text.split(separator: "\n").enumerated() {
                        let line = part.trimmingCharacters(in: .whitespaces)
                        if let level, n == 0 {
                            lines.append(String(repeating: "#", count: level) + " " + line)
                        } else if let id = numID, id != "0", n == 0 {
                            lines.append((ordered.contains(id) ? "1. " : "- ") + line)
                        } else {
                            lines.append(escaped(line))
                        }
                    }
                case "w:tc": if tableDepth == 1 { row.append(cell.replacingOccurrences(of: "|", with: "｜")) }
                case "w:tr":
                    if tableDepth == 1 {
                        lines.append("| " + row.joined(separator: " | ") + " |")
                        rowsInTable += 1
                        if rowsInTable == 1 { lines.append("|" + Array(repeating: "---|", count: max(1, row.count)).joined()) }
                    }
                case "w:tbl":
                    tableDepth -= 1
                    if tableDepth == 0 { lines.append("") }
                default: break
                }
            case .text(let t): if inText { paragraph += t }
            }
        }
        return lines.joined(separator: "\n").replacingOccurrences(of: "\n\n\n", with: "\n\n")
    }

    /// Style ids that are headings, with their level (1-3): by outline level, or by name
    /// ("heading 1", "标题 1", "Title").
    static func headingLevels(_ styles: String) -> [String: Int] {
        var out: [String: Int] = [:]
        var current: String?
        for event in XMLScanner.events(styles) {
            switch event {
            case .start("w:style", let a, _): current = a["w:styleId"]
            case .start("w:name", let a, _):
                guard let id = current, let name = a["w:val"]?.lowercased() else { continue }
                if name == "title" { out[id] = 1 }
                for prefix in ["heading ", "标题 ", "标题"] where name.hasPrefix(prefix) {
                    if let n = Int(name.dropFirst(prefix.count)) { out[id] = min(max(n, 1), 3) }
                }
            case .start("w:outlineLvl", let a, _):
                if let id = current, let n = a["w:val"].flatMap(Int.init), n < 9 { out[id] = min(n + 1, 3) }
            case .end("w:style"): current = nil
            default: continue
            }
        }
        return out
    }

    /// The numbering ids whose first level counts (decimal, Chinese numerals, letters) rather
    /// than showing bullets.
    static func orderedLists(_ numbering: String) -> Set<String> {
        var abstractOrdered: [String: Bool] = [:]
        var abstract: String?
        var level: String?
        var numToAbstract: [String: String] = [:]
        var num: String?
        for event in XMLScanner.events(numbering) {
            switch event {
            case .start("w:abstractNum", let a, _): abstract = a["w:abstractNumId"]
            case .start("w:lvl", let a, _): level = a["w:ilvl"]
            case .start("w:numFmt", let a, _):
                if let id = abstract, level == "0", abstractOrdered[id] == nil { abstractOrdered[id] = a["w:val"] != "bullet" }
            case .end("w:abstractNum"): abstract = nil
            case .start("w:num", let a, _): num = a["w:numId"]
            case .start("w:abstractNumId", let a, _): if let n = num { numToAbstract[n] = a["w:val"] }
            case .end("w:num"): num = nil
            default: continue
            }
        }
        return Set(numToAbstract.filter { abstractOrdered[$0.value] == true }.keys)
    }

    /// A plain line that would read as markup ("# 号", "- 3 度", "1. ") is escaped with a
    /// leading backslash so it stays a paragraph.
    static func escaped(_ line: String) -> String {
        RichText.parse(line) == [.paragraph(line)] && !line.hasPrefix("\\") ? line : "\\" + line
    }

    // MARK: - HTML

    /// Headings, paragraphs, lists and tables of a web page; scripts, styles and navigation
    /// are dropped, every other tag is reduced to its text.
    static func markup(fromHTML html: String) -> String {
        var lines: [String] = []
        var buffer = ""
        var skipDepth = 0
        var heading: Int?
        var listStack: [Bool] = []
        var inItem = false
        var row: [String]?
        var rowIndex = 0
        var cell: String?
        func flush() {
            let text = buffer.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            buffer = ""
            guard !text.isEmpty else { return }
            if let c = cell {
                cell = c + (c.isEmpty ? "" : " ") + text
            } else if let h = heading {
                lines.append(String(repeating: "#", count: h) + " " + text)
            } else if inItem {
                lines.append((listStack.last == true ? "1. " : "- ") + text)
            } else {
                lines.append(escaped(text))
            }
        }
        for event in XMLScanner.events(html) {
            switch event {
            case .start(let name, _, let selfClosing):
                if ["script", "style", "nav", "head", "noscript", "template"].contains(name), !selfClosing {
                    skipDepth += 1
                    continue
                }
                guard skipDepth == 0 else { continue }
                switch name {
                case "h1", "h2":
                    flush()
                    heading = 1
                case "h3":
                    flush()
                    heading = 2
                case "h4", "h5", "h6":
                    flush()
                    heading = 3
                case "p", "div", "br", "section", "article", "blockquote", "pre": flush()
                case "ul", "ol":
                    flush()
                    listStack.append(name == "ol")
                case "li":
                    flush()
                    inItem = true
                case "table":
                    flush()
                    rowIndex = 0
                case "tr":
                    flush()
                    row = []
                case "td", "th":
                    flush()
                    cell = ""
                default: break
                }
            case .end(let name):
                if ["script", "style", "nav", "head", "noscript", "template"].contains(name) {
                    skipDepth = max(0, skipDepth - 1)
                    continue
                }
                guard skipDepth == 0 else { continue }
                switch name {
                case "h1", "h2", "h3", "h4", "h5", "h6":
                    flush()
                    heading = nil
                case "p", "div", "section", "article", "blockquote", "pre": flush()
                case "li":
                    flush()
                    inItem = false
                case "ul", "ol":
                    flush()
                    _ = listStack.popLast()
                case "td", "th":
                    flush()
                    row?.append((cell ?? "").replacingOccurrences(of: "|", with: "｜"))
                    cell = nil
                case "tr":
                    if let r = row, !r.isEmpty {
                        lines.append("| " + r.joined(separator: " | ") + " |")
                        rowIndex += 1
                        if rowIndex == 1 { lines.append("|" + Array(repeating: "---|", count: r.count).joined()) }
                    }
                    row = nil
                case "table": lines.append("")
                default: break
                }
            case .text(let t):
                if skipDepth == 0 { buffer += t }
            }
        }
        flush()
        return lines.joined(separator: "\n")
    }
}
