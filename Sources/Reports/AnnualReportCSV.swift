public import Domain
import Foundation

/// An annual report's figures as one CSV row per cell, and back. The same layout serves as the
/// template for importing earlier years: the office copies each number from the old report
/// into the 数值 column. Import matches a row by its cell key when the 单元格 column is kept,
/// otherwise by the printed labels of table, row and column, in either format's wording.
public enum AnnualReportCSV {
    public static let header = ["单元格", "表", "行", "列", "数值", "来源"]

    public static func table(_ figures: AnnualFigures) -> CSVTable {
        var t = CSVTable(header: header)
        let entered = Set(figures.entered)
        for key in figures.cellKeys {
            guard let (table, row, column) = labels(key, format: figures.format), let value = figures.value(key) else { continue }
            t.append([key, table, row, column, number(value), entered.contains(key) ? "手工填报" : "系统生成"])
        }
        return t
    }

    /// "12" for whole numbers, otherwise up to four decimals without trailing zeros.
    public static func number(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
        var s = String(format: "%.4f", v)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// Table, row and column as printed, for a cell key.
    public static func labels(_ key: String, format: AnnualReportFormat) -> (String, String, String)? {
        let p = key.split(separator: ".").map(String.init)
        guard p.count == 3 else { return nil }
        switch p[0] {
        case "t2":
            for b in format.activeDisclosure {
                if let r = b.rows.first(where: { $0.key == p[1] }), let c = b.columns.first(where: { $0.key == p[2] }) {
                    return ("二", r.label, c.label)
                }
            }
            return nil
        case "t3":
            guard let row = RequestReportRow(rawValue: p[1]) else { return nil }
            var label = row.label
            if format == .trial2019 && row == .otherOther { label = "（六）其他处理" }
            return ("三", (row.groupHeading.map { $0 + " " } ?? "") + label, AnnualFigures.columnLabel(p[2]))
        case "t4":
            guard let kind = RequestAppeal.Kind(rawValue: p[1]) else { return nil }
            return ("四", kind.label, RequestAppeal.Result(rawValue: p[2])?.label ?? "总计")
        default: return nil
        }
    }

    // MARK: Import

    /// Reads figures from CSV text. Unknown rows, bad numbers and a file with no figures are
    /// refused, naming the line. The format is the 2019 trial one when the file uses its wording.
    public static func parse(_ text: String, year: Int) throws(DomainError) -> AnnualFigures {
        let rows = parseRows(text)
        guard let head = rows.first else { throw .invalid("file", "文件为空") }
        let names = head.map { normalise($0) }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let valueAt = column("数值") else { throw .invalid("file", "第 1 行须为表头，含“数值”列（可先下载本平台导出的 CSV 作为模板）") }
        let keyAt = column("单元格")
        let tableAt = column("表")
        let rowAt = column("行")
        let colAt = column("列")
        let trialWords = ["本年新制作数量", "其他对外管理服务事项", "政府集中采购", "上一年项目数量", "（六）其他处理"]
        let usesTrial =
            rows.dropFirst().contains { r in r.contains { cell in trialWords.contains { normalise(cell).hasSuffix(normalise($0)) } } }
            || rows.dropFirst().contains { r in rowAt.map { $0 < r.count && normalise(r[$0]) == "规范性文件" } ?? false }
        let format: AnnualReportFormat = usesTrial ? .trial2019 : (year <= 2020 ? .trial2019 : .standard2021)
        var figures = AnnualFigures(format: format)
        figures.fillZeros()
        let index = labelIndex(format)
        var seen = 0
        for (n, r) in rows.enumerated().dropFirst() {
            let line = n + 1
            func cell(_ i: Int?) -> String { i.map { $0 < r.count ? r[$0] : "" } ?? "" }
            if r.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var key = cell(keyAt).trimmingCharacters(in: .whitespaces)
            if key.isEmpty {
                let t = normalise(cell(tableAt)).replacingOccurrences(of: "表", with: "")
                guard let k = index[t + "|" + normalise(cell(rowAt)) + "|" + normalise(cell(colAt))] else {
                    throw .invalid("file", "第 \(line) 行：找不到表\(t)「\(cell(rowAt))」行「\(cell(colAt))」列，请使用报告格式中的原文")
                }
                key = k
            }
            var raw = cell(valueAt).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
            if raw.hasPrefix("'") { raw.removeFirst() }
            if raw.isEmpty { continue }
            guard let value = Double(raw) else { throw .invalid("file", "第 \(line) 行：“\(raw)”不是数字") }
            do {
                try figures.enter(key, value)
            } catch {
                throw .invalid("file", "第 \(line) 行：\(error.message)")
            }
            seen += 1
        }
        guard seen > 0 else { throw .invalid("file", "文件中没有任何数值") }
        // Imported figures are what the old report printed: every cell as given, totals included.
        figures.entered = []
        return figures
    }

    static func labelIndex(_ format: AnnualReportFormat) -> [String: String] {
        var out: [String: String] = [:]
        let probe = AnnualFigures(format: format)
        for key in probe.cellKeys {
            guard let (t, r, c) = labels(key, format: format) else { continue }
            out[normalise(t) + "|" + normalise(r) + "|" + normalise(c)] = key
            // Rows may be given without their group heading, and (六)'s rows with either comma.
            if key.hasPrefix("t3."), let row = RequestReportRow(rawValue: String(key.split(separator: ".")[1])) {
                let plain = format == .trial2019 && row == .otherOther ? "（六）其他处理" : row.label
                out[normalise(t) + "|" + normalise(plain) + "|" + normalise(c)] = key
            }
            if key.hasPrefix("t4.") {
                let short = r.replacingOccurrences(of: "行政诉讼（", with: "").replacingOccurrences(of: "）", with: "")
                out[normalise(t) + "|" + normalise(short) + "|" + normalise(c)] = key
            }
        }
        return out
    }

    /// Drops spaces and the punctuation that copies of the format disagree on.
    static func normalise(_ s: String) -> String {
        String(s.unicodeScalars.filter { !" \t\u{3000}，、,“”\"".unicodeScalars.contains($0) }.map(Character.init))
    }

    /// RFC 4180 rows; a byte-order mark and CR LF line ends are accepted.
    static func parseRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(c)
            }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}

/// Reads CSV text (RFC 4180; a byte-order mark and CR LF accepted) into rows of cells.
public enum CSVReader {
    public static func rows(_ text: String) -> [[String]] { AnnualReportCSV.parseRows(text) }
}
