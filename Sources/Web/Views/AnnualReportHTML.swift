import Domain
import Reports
import Services

/// The annual report as HTML in the official layout: the six sections in order, tables 二 to
/// 四 with the format's merged headings, every data cell tied to its row and column headings
/// (`headers`) so that a screen reader reads "自然人，予以公开，3". Written as text because the
/// tables' spans are clearer that way; every value passes through `attr`.
enum AnnualReportHTML {
    struct Content: Sendable {
        var agencyName: String
        var year: Int
        var report: AnnualReport
        var figures: AnnualFigures
    }

    static func number(_ v: Double?) -> String { AnnualReportCSV.number(v ?? 0) }

    static func title(_ c: Content) -> String { "\(c.agencyName)\(c.year)年政府信息公开工作年度报告" }

    static func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            .map { "<p>" + attr($0).replacingOccurrences(of: "\n", with: "<br>") + "</p>" }.joined(separator: "\n")
    }

    /// The report's article: what the portal page, the print view and the PDF all show.
    static func article(_ c: Content) -> String {
        let r = c.report
        var out = "<article class=\"annual-report\">\n<h1>\(attr(title(c)))</h1>\n"
        out +=
            "<p class=\"report-intro\">本报告根据《中华人民共和国政府信息公开条例》第五十条和\(attr(r.format == .trial2019 ? "《中华人民共和国政府信息公开工作年度报告格式（试行）》" : "《中华人民共和国政府信息公开工作年度报告格式》"))编制，统计期限为\(c.year)年1月1日至12月31日。</p>\n"
        out += section(.overview, r)
        out += "<section><h2>二、主动公开政府信息情况</h2>\n" + activeTable(c.figures) + "</section>\n"
        out += "<section><h2>三、收到和处理政府信息公开申请情况</h2>\n" + requestTable(c.figures) + "</section>\n"
        out += "<section><h2>四、政府信息公开行政复议、行政诉讼情况</h2>\n" + appealTable(c.figures) + "</section>\n"
        out += section(.problems, r)
        out += section(.other, r)
        if !c.figures.entered.isEmpty {
            out += "<p class=\"hint\">标有“*”的数据由本机关根据其他业务系统的记录填报，其余数据由政务公开平台的目录、申请和复议诉讼记录生成。</p>\n"
        }
        if !r.corrections.isEmpty {
            out += "<section class=\"corrections\"><h2>更正说明</h2><ol>\n"
            for k in r.corrections {
                out +=
                    "<li>\(attr(k.on.chinese))，\(attr(AnnualFigures.describe(k.cell, format: r.format)))由 \(number(k.from)) 更正为 \(number(k.to))。原因：\(attr(k.reason))</li>\n"
            }
            out += "</ol></section>\n"
        }
        if let digest = r.digest {
            out += "<p class=\"report-digest\">数据锁定摘要（SHA-256）：<code>\(attr(digest))</code></p>\n"
        }
        return out + "</article>\n"
    }

    static func section(_ s: AnnualReport.Section, _ r: AnnualReport) -> String {
        "<section><h2>\(attr(s.heading))</h2>\n" + paragraphs(r.text(s)) + "\n</section>\n"
    }

    static func cell(_ f: AnnualFigures, _ key: String, headers: String) -> String {
        let mark = f.entered.contains(key) ? "<span class=\"entered\" title=\"手工填报\">*</span>" : ""
        return "<td headers=\"\(headers)\" data-cell=\"\(attr(key))\">\(number(f.value(key)))\(mark)</td>"
    }

    /// Table 二: each block under its Art. 20 item, value columns spread over three.
    static func activeTable(_ f: AnnualFigures) -> String {
        var out =
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"表格，可左右滚动\"><table class=\"report-table\" id=\"table-2\"><caption>主动公开政府信息情况</caption>\n"
        for (b, block) in f.format.activeDisclosure.enumerated() {
            let spans = spread(block.columns.count, over: 3)
            out +=
                "<tr><th colspan=\"4\" id=\"t2b\(b)\" scope=\"colgroup\">\(attr(block.header))</th></tr>\n<tr><th id=\"t2b\(b)h\" scope=\"col\">信息内容</th>"
            for (i, col) in block.columns.enumerated() {
                out += "<th id=\"t2b\(b)c\(i)\" scope=\"col\" colspan=\"\(spans[i])\">\(attr(col.label))</th>"
            }
            out += "</tr>\n"
            for (j, row) in block.rows.enumerated() {
                out += "<tr><th id=\"t2b\(b)r\(j)\" scope=\"row\">\(attr(row.label))</th>"
                for (i, col) in block.columns.enumerated() {
                    out += cell(f, "t2.\(row.key).\(col.key)", headers: "t2b\(b) t2b\(b)c\(i) t2b\(b)r\(j)")
                        .replacingOccurrences(of: "<td ", with: spans[i] > 1 ? "<td colspan=\"\(spans[i])\" " : "<td ")
                }
                out += "</tr>\n"
            }
        }
        return out + "</table></div>\n"
    }

    static func spread(_ n: Int, over width: Int) -> [Int] {
        guard n > 0 else { return [] }
        var spans = Array(repeating: width / n, count: n)
        spans[n - 1] += width - spans.reduce(0, +)
        return spans
    }

    /// Table 三's rows as the format prints them (the 2019 format has one (六) row).
    static func requestRows(_ format: AnnualReportFormat) -> [(row: RequestReportRow, label: String)] {
        RequestReportRow.allCases.compactMap { row in
            if format == .trial2019 {
                if row == .otherNoCorrection || row == .otherFeeUnpaid { return nil }
                if row == .otherOther { return (row, "（六）其他处理") }
            }
            return (row, row.label)
        }
    }

    /// Table 三 with the format's heading block: 申请人情况 over 自然人, 法人或其他组织 (five
    /// kinds) and 总计; 三、本年度办理结果 spanning its outcome rows, each group its sub-rows.
    static func requestTable(_ f: AnnualFigures) -> String {
        let rows = requestRows(f.format)
        let outcomeRows = rows.filter { RequestReportRow.outcomeRows.contains($0.row) || $0.row == .total }
        var out =
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"表格，可左右滚动\"><table class=\"report-table\" id=\"table-3\"><caption>收到和处理政府信息公开申请情况</caption>\n<thead>\n"
        out +=
            "<tr><td rowspan=\"3\" colspan=\"3\" class=\"corner\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><th colspan=\"7\" id=\"t3-applicant\" scope=\"colgroup\">申请人情况</th></tr>\n"
        out +=
            "<tr><th rowspan=\"2\" id=\"t3c-natural_person\" scope=\"col\">自然人</th><th colspan=\"5\" id=\"t3-org\" scope=\"colgroup\">法人或其他组织</th><th rowspan=\"2\" id=\"t3c-total\" scope=\"col\">总计</th></tr>\n<tr>"
        for t in ApplicantType.allCases where t.isOrganisation { out += "<th id=\"t3c-\(t.rawValue)\" scope=\"col\">\(attr(t.label))</th>" }
        out += "</tr>\n</thead>\n<tbody>\n"
        func data(_ row: RequestReportRow, _ rowHeaders: String) -> String {
            AnnualFigures.requestColumns.map { c in
                let colHeaders =
                    ApplicantType(rawValue: c)?.isOrganisation == true ? "t3-applicant t3-org t3c-\(c)" : "t3-applicant t3c-\(c)"
                return cell(f, "t3.\(row.rawValue).\(c)", headers: "\(rowHeaders) \(colHeaders)")
            }.joined()
        }
        var groupLeft = 0
        var currentGroup = ""
        for (index, item) in rows.enumerated() {
            let id = "t3r-\(item.row.rawValue)"
            out += "<tr>"
            if item.row == .newThisYear || item.row == .carriedIn || item.row == .carriedOut {
                out += "<th colspan=\"3\" id=\"\(id)\" scope=\"row\">\(attr(item.label))</th>" + data(item.row, id)
            } else {
                var headers = "t3-outcome"
                if outcomeRows.first?.row == item.row {
                    out += "<th rowspan=\"\(outcomeRows.count)\" id=\"t3-outcome\" scope=\"rowgroup\">三、本年度办理结果</th>"
                }
                if let heading = item.row.groupHeading {
                    // Sub-rows up to the next group heading, (七) or 四.
                    let rest = rows[(index + 1)...].prefix { $0.row.groupHeading == nil && $0.row != .total && $0.row != .carriedOut }
                    groupLeft = rest.count + 1
                    currentGroup = "t3g-\(item.row.rawValue)"
                    out += "<th rowspan=\"\(groupLeft)\" id=\"\(currentGroup)\" scope=\"rowgroup\">\(attr(heading))</th>"
                }
                if groupLeft > 0 {
                    headers += " \(currentGroup)"
                    out += "<th id=\"\(id)\" scope=\"row\">\(attr(item.label))</th>"
                    groupLeft -= 1
                } else {
                    out += "<th colspan=\"2\" id=\"\(id)\" scope=\"row\">\(attr(item.label))</th>"
                }
                out += data(item.row, "\(headers) \(id)")
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    /// Table 四: 行政复议 (five columns) and 行政诉讼 in two groups of five.
    static func appealTable(_ f: AnnualFigures) -> String {
        var out =
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"表格，可左右滚动\"><table class=\"report-table\" id=\"table-4\"><caption>政府信息公开行政复议、行政诉讼情况</caption>\n<thead>\n"
        out +=
            "<tr><th colspan=\"5\" id=\"t4-reconsideration\" scope=\"colgroup\">行政复议</th><th colspan=\"10\" id=\"t4-litigation\" scope=\"colgroup\">行政诉讼</th></tr>\n<tr>"
        let results = RequestAppeal.Result.allCases.map { ($0.rawValue, $0.label) } + [(AnnualFigures.totalColumn, "总计")]
        for (code, label) in results { out += "<th rowspan=\"2\" id=\"t4c-reconsideration-\(code)\" scope=\"col\">\(label)</th>" }
        out +=
            "<th colspan=\"5\" id=\"t4-litigation_direct\" scope=\"colgroup\">未经复议直接起诉</th><th colspan=\"5\" id=\"t4-litigation_after_reconsideration\" scope=\"colgroup\">复议后起诉</th></tr>\n<tr>"
        for kind in [RequestAppeal.Kind.litigationDirect, .litigationAfterReconsideration] {
            for (code, label) in results { out += "<th id=\"t4c-\(kind.rawValue)-\(code)\" scope=\"col\">\(label)</th>" }
        }
        out += "</tr>\n</thead>\n<tbody><tr>"
        for kind in RequestAppeal.Kind.allCases {
            let group = kind == .reconsideration ? "t4-reconsideration" : "t4-litigation t4-\(kind.rawValue)"
            for (code, _) in results { out += cell(f, "t4.\(kind.rawValue).\(code)", headers: "\(group) t4c-\(kind.rawValue)-\(code)") }
        }
        return out + "</tr></tbody></table></div>\n"
    }

    static let printStyle = """
        body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;margin:2rem auto;max-width:60rem;line-height:1.7;color:#000}
        h1{text-align:center;font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.5rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.85rem}
        th,td{border:1px solid #000;padding:.25rem .35rem;text-align:center;vertical-align:middle}
        th[scope=row]{text-align:left}caption{font-weight:bold;margin-bottom:.25rem}
        .corner{font-size:.75rem;text-align:left}.hint,.report-digest{font-size:.8rem;color:#333}
        @page{size:A4;margin:18mm 15mm}
        """

    /// A standalone document (download, print, PDF): the same article with its own style and
    /// nothing that changes from one request to the next, so a locked report prints the same bytes.
    static func document(_ c: Content) -> String {
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>\(attr(title(c)))</title><style>\(printStyle)</style></head><body>\n"
            + article(c) + "</body></html>\n"
    }
}
