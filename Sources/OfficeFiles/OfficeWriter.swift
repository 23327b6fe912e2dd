public import Foundation
import ZIPFoundation

/// Writes the plain Office files a register is printed from: a Word document of headed tables,
/// and a one-sheet workbook. Only what Word, WPS and Excel need, no templates.
public enum OfficeWriter {
    /// A block of the document: a heading line, a paragraph, or a table whose first row is its header.
    public enum Block: Sendable {
        case title(String)
        case paragraph(String)
        case heading(String)
        case table(header: [String], rows: [[String]])
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // XML 1.0 forbids most control characters.
                if let a = ch.asciiValue, a < 0x20, a != 0x09, a != 0x0A, a != 0x0D { continue }
                out.append(ch)
            }
        }
        return out
    }

    static func zip(_ entries: [(String, String)]) throws(FileError) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, text) in entries {
                let content = Data(text.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(content.count),
                    modificationDate: Date(timeIntervalSince1970: 315_532_800), compressionMethod: .deflate,
                    provider: { (position: Int64, size: Int) in content.subdata(in: Int(position)..<(Int(position) + size)) })
            }
            guard let data = archive.data else { throw FileError("文件打包失败") }
            return data
        } catch let e as FileError {
            throw e
        } catch {
            throw FileError("文件打包失败")
        }
    }

    static let xmlHeader = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#

    // MARK: Word

    public static func docx(_ blocks: [Block], landscape: Bool = true) throws(FileError) -> Data {
        let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#
        func run(_ text: String, bold: Bool = false, size: Int? = nil) -> String {
            let props = (bold ? "<w:b/>" : "") + (size.map { #"<w:sz w:val="\#($0)"/>"# } ?? "")
            // Line breaks inside a cell or paragraph become <w:br/>.
            let parts = text.components(separatedBy: "\n").map { #"<w:t xml:space="preserve">\#(escape($0))</w:t>"# }
            return "<w:r>" + (props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>") + parts.joined(separator: "<w:br/>") + "</w:r>"
        }
        func paragraph(_ text: String, bold: Bool = false, size: Int? = nil, center: Bool = false) -> String {
            "<w:p>" + (center ? #"<w:pPr><w:jc w:val="center"/></w:pPr>"# : "") + run(text, bold: bold, size: size) + "</w:p>"
        }
        var body = ""
        for block in blocks {
            switch block {
            case .title(let t): body += paragraph(t, bold: true, size: 36, center: true)
            case .paragraph(let t): body += paragraph(t)
            case .heading(let t): body += paragraph(t, bold: true, size: 28)
            case .table(let header, let rows):
                let border = ["top", "left", "bottom", "right", "insideH", "insideV"].map {
                    #"<w:\#($0) w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#
                }
                .joined()
                body += #"<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>\#(border)</w:tblBorders></w:tblPr>"#
                body += "<w:tr>" + header.map { "<w:tc>" + paragraph($0, bold: true, center: true) + "</w:tc>" }.joined() + "</w:tr>"
                for row in rows {
                    let cells = (0..<header.count).map { i in i < row.count ? row[i] : "" }
                    body += "<w:tr>" + cells.map { "<w:tc>" + paragraph($0) + "</w:tc>" }.joined() + "</w:tr>"
                }
                body += "</w:tbl>" + paragraph("")
            }
        }
        // A4, landscape for a seven-column register.
        let page =
            landscape
            ? #"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>"#
            : #"<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>"#
        let document = xmlHeader + #"<w:document \#(w)><w:body>\#(body)<w:sectPr>\#(page)</w:sectPr></w:body></w:document>"#
        return try zip([
            (
                "[Content_Types].xml",
                xmlHeader
                    + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#
            ),
            (
                "_rels/.rels",
                xmlHeader
                    + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#
            ),
            ("word/document.xml", document),
        ])
    }

    // MARK: Excel

    /// One sheet: rows of text cells; rows listed in `bold` (0-based) are set in bold.
    public static func xlsx(sheet: String, rows: [[String]], bold: Set<Int> = [], columnWidths: [Int] = []) throws(FileError) -> Data {
        func column(_ i: Int) -> String {
            var n = i + 1
            var s = ""
            while n > 0 {
                let r = (n - 1) % 26
                s = String(UnicodeScalar(UInt8(65 + r))) + s
                n = (n - 1) / 26
            }
            return s
        }
        var data = ""
        for (r, row) in rows.enumerated() {
            data += #"<row r="\#(r + 1)">"#
            for (c, value) in row.enumerated() where !value.isEmpty {
                let style = bold.contains(r) ? #" s="1""# : #" s="2""#
                data += #"<c r="\#(column(c))\#(r + 1)" t="inlineStr"\#(style)><is><t xml:space="preserve">\#(escape(value))</t></is></c>"#
            }
            data += "</row>"
        }
        let cols =
            columnWidths.isEmpty
            ? ""
            : "<cols>"
                + columnWidths.enumerated().map {
                    #"<col min="\#($0.offset + 1)" max="\#($0.offset + 1)" width="\#($0.element)" customWidth="1"/>"#
                }.joined() + "</cols>"
        let ns = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#
        let r = #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
        return try zip([
            (
                "[Content_Types].xml",
                xmlHeader
                    + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#
            ),
            (
                "_rels/.rels",
                xmlHeader
                    + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
            (
                "xl/workbook.xml",
                xmlHeader
                    + #"<workbook \#(ns) \#(r)><sheets><sheet name="\#(escape(String(sheet.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
            (
                "xl/_rels/workbook.xml.rels",
                xmlHeader
                    + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
            ),
            (
                "xl/styles.xml",
                xmlHeader
                    + #"<styleSheet \#(ns)><fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment wrapText="1" vertical="center"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
            ),
            ("xl/worksheets/sheet1.xml", xmlHeader + "<worksheet \(ns)>\(cols)<sheetData>\(data)</sheetData></worksheet>"),
        ])
    }
}
