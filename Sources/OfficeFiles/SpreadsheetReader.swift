public import Foundation

/// The cells of a workbook's first sheet as rows of text, for importing a register kept in
/// Excel or WPS (a 标准目录, a task list). Merged cells are filled with their top-left value,
/// the way a reader of the printed sheet sees them; formulas give their cached value.
public enum SpreadsheetReader {
    public static let maxRows = 20_000
    public static let maxColumns = 200

    public static func rows(_ data: Data) throws(FileError) -> [[String]] {
        let zip = try ZipPackage(data)
        let sheet = try firstSheetPath(zip)
        guard let xml = try zip.text(sheet) else { throw FileError("表格中没有工作表") }
        let shared = try sharedStrings(zip)
        var grid: [Int: [Int: String]] = [:]
        var merges: [(r0: Int, c0: Int, r1: Int, c1: Int)] = []
        var cellRef = ""
        var cellType = ""
        var value = ""
        var inValue = false
        var inInline = false
        var inPhonetic = false
        var row = 0
        var nextColumn = 0
        for event in XMLScanner.events(xml) {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                switch local(name) {
                case "row":
                    row = Int(attributes["r"] ?? "") ?? row + 1
                    nextColumn = 0
                    if row > maxRows { throw FileError("表格超过 \(maxRows) 行") }
                case "c":
                    cellRef = attributes["r"] ?? ""
                    cellType = attributes["t"] ?? ""
                    value = ""
                    if selfClosing { nextColumn = (reference(cellRef)?.column ?? nextColumn) + 1 }
                case "v" where !selfClosing: inValue = true
                case "is": inInline = true
                case "rph": inPhonetic = true
                case "t" where inInline && !inPhonetic && !selfClosing: inValue = true
                case "mergecell":
                    let parts = (attributes["ref"] ?? "").split(separator: ":")
                    if parts.count == 2, let a = reference(String(parts[0])), let b = reference(String(parts[1])) {
                        merges.append((a.row, a.column, b.row, b.column))
                    }
                default: break
                }
            case .end(let name):
                switch local(name) {
                case "v", "t": inValue = false
                case "is": inInline = false
                case "rph": inPhonetic = false
                case "c":
                    let column = reference(cellRef)?.column ?? nextColumn
                    nextColumn = column + 1
                    guard column < maxColumns else { throw FileError("表格超过 \(maxColumns) 列") }
                    let text: String
                    switch cellType {
                    case "s": text = Int(value.trimmingSpaces).flatMap { $0 < shared.count ? shared[$0] : nil } ?? ""
                    case "b": text = value == "1" ? "TRUE" : "FALSE"
                    default: text = value
                    }
                    if !text.isEmpty { grid[row, default: [:]][column] = text }
                default: break
                }
            case .text(let t):
                if inValue { value += t }
            }
        }
        for m in merges {
            guard let top = grid[m.r0]?[m.c0], m.r1 - m.r0 < maxRows, m.c1 < maxColumns else { continue }
            for r in m.r0...max(m.r0, m.r1) {
                for c in m.c0...max(m.c0, m.c1) where (r, c) != (m.r0, m.c0) { grid[r, default: [:]][c] = top }
            }
        }
        guard let lastRow = grid.keys.max() else { return [] }
        let width = (grid.values.compactMap { $0.keys.max() }.max() ?? 0) + 1
        return (1...lastRow).map { r in (0..<width).map { grid[r]?[$0] ?? "" } }
    }

    /// `w:t` → `t`: SpreadsheetML may be written with a prefix.
    static func local(_ name: String) -> String {
        (name.split(separator: ":").last.map(String.init) ?? name).lowercased()
    }

    /// `B12` → row 12, column 1.
    static func reference(_ ref: String) -> (row: Int, column: Int)? {
        let letters = ref.prefix { $0.isASCII && $0.isLetter }.uppercased()
        guard !letters.isEmpty, letters.count <= 3, let row = Int(ref.dropFirst(letters.count)), row > 0 else { return nil }
        var column = 0
        for ch in letters.unicodeScalars { column = column * 26 + Int(ch.value) - 64 }
        return (row, column - 1)
    }

    /// The first sheet in the workbook's order, through its relationship.
    static func firstSheetPath(_ zip: ZipPackage) throws(FileError) -> String {
        guard let workbook = try zip.text("xl/workbook.xml") else { throw FileError("不是 Excel 工作簿（缺少 xl/workbook.xml）") }
        var relID: String?
        for case .start(let name, let attributes, _) in XMLScanner.events(workbook) where local(name) == "sheet" {
            relID = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value
            break
        }
        if let relID, let rels = try zip.text("xl/_rels/workbook.xml.rels") {
            for case .start(let name, let attributes, _) in XMLScanner.events(rels)
            where local(name) == "relationship" && (attributes["Id"] ?? attributes["id"]) == relID {
                let target = attributes["Target"] ?? attributes["target"] ?? ""
                let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                if zip.entryNames.contains(path) { return path }
            }
        }
        guard let any = zip.entryNames.filter({ $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") }).sorted().first else {
            throw FileError("表格中没有工作表")
        }
        return any
    }

    /// The shared strings, rich-text runs joined and phonetic guides left out.
    static func sharedStrings(_ zip: ZipPackage) throws(FileError) -> [String] {
        guard let xml = try zip.text("xl/sharedStrings.xml") else { return [] }
        var out: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        for event in XMLScanner.events(xml) {
            switch event {
            case .start(let name, _, let selfClosing):
                switch local(name) {
                case "si": current = ""
                case "rph": inPhonetic = true
                case "t" where !selfClosing && !inPhonetic: inText = true
                default: break
                }
            case .end(let name):
                switch local(name) {
                case "t": inText = false
                case "rph": inPhonetic = false
                case "si": out.append(current)
                default: break
                }
            case .text(let t):
                if inText { current += t }
            }
        }
        return out
    }
}
