import Foundation
import OfficeFiles
import Testing

/// Reading a sheet's cells the way a person reads the printed table.
@Suite struct SpreadsheetReaderTests {
    /// A workbook as WPS writes it: shared strings (one with rich-text runs and a phonetic
    /// guide), numbers, a formula with its cached value, merged cells, and the sheet to read
    /// stored as `sheet2.xml` while an empty `sheet1.xml` comes second in the workbook.
    static func workbook() throws -> Data {
        let ns =
            #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
        let strings = ["序号", "公开事项", "公开时限", "一级事项", "二级事项", "行政许可", "公共场所卫生许可", "20个工作日"]
        let sst =
            "<sst \(ns) count=\"9\" uniqueCount=\"9\">" + strings.map { "<si><t>\($0)</t></si>" }.joined()
            + "<si><r><t>医疗机构</t></r><r><rPr><b/></rPr><t>执业登记</t></r><rPh sb=\"0\" eb=\"1\"><t>いりょう</t></rPh></si></sst>"
        let sheet = """
            <worksheet \(ns)><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>
            <row r="2"><c r="B2" t="s"><v>3</v></c><c r="C2" t="s"><v>4</v></c></row>
            <row r="3"><c r="A3"><v>1</v></c><c r="B3" t="s"><v>5</v></c><c r="C3" t="s"><v>6</v></c><c r="D3" t="s"><v>7</v></c></row>
            <row r="4"><c r="A4"><f>A3+1</f><v>2</v></c><c r="C4" t="s"><v>8</v></c><c r="D4" t="inlineStr"><is><t>7个工作日</t></is></c><c r="F4" t="b"><v>1</v></c></row>
            </sheetData><mergeCells count="3"><mergeCell ref="B1:C1"/><mergeCell ref="A1:A2"/><mergeCell ref="B3:B4"/></mergeCells></worksheet>
            """
        return try Fixtures.zip([
            ("[Content_Types].xml", "<Types/>"),
            (
                "xl/workbook.xml",
                "<workbook \(ns)><sheets><sheet name=\"目录\" sheetId=\"2\" r:id=\"rId7\"/><sheet name=\"空\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>"#
            ),
            ("xl/sharedStrings.xml", sst),
            ("xl/worksheets/sheet1.xml", "<worksheet \(ns)><sheetData/></worksheet>"),
            ("xl/worksheets/sheet2.xml", sheet),
        ])
    }

    @Test func readsTheFirstSheetWithMergedCellsFilled() throws {
        let rows = try SpreadsheetReader.rows(try Self.workbook())
        #expect(
            rows == [
                ["序号", "公开事项", "公开事项", "公开时限", "", ""],
                ["序号", "一级事项", "二级事项", "", "", ""],
                ["1", "行政许可", "公共场所卫生许可", "20个工作日", "", ""],
                ["2", "行政许可", "医疗机构执业登记", "7个工作日", "", "TRUE"],
            ])
    }

    @Test func writerOutputReadsBack() throws {
        let data = try OfficeWriter.xlsx(sheet: "台账", rows: [["任务", "责任科室"], ["", "办公室"], ["公开<年报>&解读", "政策法规科"]])
        #expect(try SpreadsheetReader.rows(data) == [["任务", "责任科室"], ["", "办公室"], ["公开<年报>&解读", "政策法规科"]])
    }

    @Test func refusesWhatIsNotAWorkbook() throws {
        #expect(throws: FileError.self) { try SpreadsheetReader.rows(Data("序号,事项\n1,许可".utf8)) }
        let docx = try Fixtures.zip([("word/document.xml", "<w:document/>")])
        #expect(throws: FileError("不是 Excel 工作簿（缺少 xl/workbook.xml）")) { try SpreadsheetReader.rows(docx) }
        let wide = try Fixtures.zip([
            ("xl/workbook.xml", "<workbook/>"),
            (
                "xl/worksheets/sheet1.xml",
                #"<worksheet><sheetData><row r="1"><c r="ZZ1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#
            ),
        ])
        #expect(throws: FileError("表格超过 200 列")) { try SpreadsheetReader.rows(wide) }
    }
}
