import Domain
import Foundation
import OfficeFiles
import Testing

@Suite struct ImportTests {
    @Test func wordKeepsHeadingsListsAndTables() throws {
        let body = try DocumentImporter.markup(from: try Fixtures.docx(), fileName: "通知.docx")
        #expect(
            body.components(separatedBy: "\n") == [
                "# 关于做好冬季传染病防控工作的通知", "各县（区）卫生健康委：", "# 一、总体要求", "加强监测预警。", "- 落实首诊负责制", "- 规范转诊", "1. 第一步",
                "1. 第二步", "| 病种 | 责任科室 |", "|---|---|", "| 流感 | 疾控科 |", "", "\\# 不是标题", "联系电话：13812345678",
            ])
        let blocks = RichText.parse(body)
        #expect(blocks.contains(.table(header: true, rows: [["病种", "责任科室"], ["流感", "疾控科"]])))
        #expect(blocks.contains(.list(ordered: true, items: ["第一步", "第二步"])))
        #expect(blocks.contains(.paragraph("# 不是标题")))
    }

    @Test func webPageLosesScriptsAndKeepsStructure() throws {
        let html = """
            <html><head><title>t</title><style>p{}</style></head><body><nav><a>首页</a></nav>
            <h1>关于开展&ldquo;健康家庭&rdquo;评选的通知</h1><p>各单位：<br>请按要求&amp;时报送。</p>
            <script>alert(1)</script><ol><li>自愿申报</li><li>逐级推荐</li></ol>
            <table><tr><th>阶段</th><th>时间</th></tr><tr><td>申报</td><td>10月</td></tr></table></body></html>
            """
        let body = try DocumentImporter.markup(from: Data(html.utf8), fileName: "page.html")
        #expect(
            body.components(separatedBy: "\n") == [
                "# 关于开展“健康家庭”评选的通知", "各单位：", "请按要求&时报送。", "1. 自愿申报", "1. 逐级推荐", "| 阶段 | 时间 |", "|---|---|",
                "| 申报 | 10月 |",
            ])
    }

    @Test func textInGB18030AndUTF8() throws {
        let gbk: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0x0A, 0xCD, 0xA8, 0xD6, 0xAA]  // 中文\n通知
        #expect(try DocumentImporter.markup(from: Data(gbk), fileName: "a.txt") == "中文\n通知")
        #expect(try DocumentImporter.markup(from: Data([0xEF, 0xBB, 0xBF] + Array("正文".utf8)), fileName: "a.txt") == "正文")
    }

    @Test func refusesWhatItCannotRead() {
        #expect(throws: FileError.self) { try DocumentImporter.markup(from: Data("%PDF-1.4".utf8), fileName: "a.pdf") }
        #expect(throws: FileError.self) { try DocumentImporter.markup(from: Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), fileName: "a.docx") }
        #expect(throws: FileError.self) { try DocumentImporter.markup(from: Data("   ".utf8), fileName: "a.txt") }
        #expect(FileKind.detect(Data([0, 1, 2]), fileName: "a.txt") == nil)
    }
}

@Suite struct ScrubTests {
    @Test func wordPropertiesCommentsAndCustomDataGo() throws {
        let original = try Fixtures.docx()
        let result = try MetadataScrubber.scrub(original, kind: .docx)
        #expect(result.removed.contains("作者") && result.removed.contains("最后修改者") && result.removed.contains("单位"))
        #expect(result.removed.contains("自定义属性"))
        let files = try Fixtures.entries(result.data)
        #expect(!(files["docProps/core.xml"] ?? "").contains("张三"))
        #expect(!(files["docProps/app.xml"] ?? "").contains("示范市"))
        #expect(files["docProps/custom.xml"] == nil)
        #expect(!(files["[Content_Types].xml"] ?? "").contains("custom.xml"))
        #expect(!(files["_rels/.rels"] ?? "").contains("custom.xml"))
        #expect((files["_rels/.rels"] ?? "").contains("word/document.xml"))
        // The content itself is untouched and still imports.
        #expect(
            try DocumentImporter.markup(from: result.data, fileName: "a.docx")
                == DocumentImporter.markup(from: original, fileName: "a.docx"))
        #expect(FileKind.detect(result.data, fileName: "a.docx") == .docx)
    }

    @Test func jpegLosesExifAndComments() throws {
        let result = try MetadataScrubber.scrub(Fixtures.jpeg, kind: .jpeg)
        let text = String(decoding: result.data, as: UTF8.self)
        #expect(!text.contains("GPS") && !text.contains("王五"))
        #expect(text.contains("JFIF"))
        #expect(result.data.suffix(2) == Data([0xFF, 0xD9]))
        #expect(result.removed.count == 2)
        #expect(throws: FileError.self) { try MetadataScrubber.scrub(Data([0xFF, 0xD8, 0x00, 0x00, 0x00]), kind: .jpeg) }
    }

    @Test func pngLosesTextAndTime() throws {
        let result = try MetadataScrubber.scrub(Fixtures.png, kind: .png)
        #expect(!String(decoding: result.data, as: UTF8.self).contains("张三"))
        #expect(result.data.count == Fixtures.png.count - (12 + Array("Author\0张三".utf8).count) - (12 + 7))
        #expect(result.removed == ["文字信息", "修改时间"])
    }

    @Test func pdfInformationIsBlankedInPlace() throws {
        let original = Data(Fixtures.pdf.utf8)
        let result = try MetadataScrubber.scrub(original, kind: .pdf)
        let text = String(decoding: result.data, as: UTF8.self)
        #expect(result.data.count == original.count)  // offsets in the xref table stay valid
        #expect(!text.contains("Zhang") && !text.contains("WPS") && !text.contains("FEFF5F20") && !text.contains("20260101"))
        #expect(text.contains("/Custom (keep)") && text.contains("/Author ("))
        #expect(Set(result.removed) == ["作者", "创建软件", "生成软件", "创建时间", "XMP 元数据"])
    }

    @Test func ofdDocInfoGoes() throws {
        let ofd = try Fixtures.zip([
            (
                "OFD.xml",
                #"<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID><ofd:Author>张三</ofd:Author><ofd:CreationDate>2026-01-01</ofd:CreationDate><ofd:Creator>Writer</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#
            ),
            (
                "Doc_0/Pages/Page_0/Content.xml",
                #"<ofd:Page xmlns:ofd="o"><ofd:Content><ofd:Layer><ofd:TextObject ID="1"><ofd:TextCode X="0" Y="0">身份证号11010519491231002X</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"#
            ),
        ])
        #expect(FileKind.detect(ofd, fileName: "a.ofd") == .ofd)
        let result = try MetadataScrubber.scrub(ofd, kind: .ofd)
        let xml = try Fixtures.entries(result.data)["OFD.xml"] ?? ""
        #expect(!xml.contains("张三") && !xml.contains("Writer") && xml.contains("<ofd:DocRoot>"))
        #expect(result.removed == ["作者", "创建软件", "创建时间"])
        #expect(try TextExtractor.text(ofd, kind: .ofd) == "身份证号11010519491231002X")
    }

    @Test func spreadsheetTextIncludesNumbers() throws {
        let xlsx = try Fixtures.zip([
            ("xl/workbook.xml", "<workbook/>"),
            ("xl/sharedStrings.xml", "<sst><si><t>姓名</t></si><si><t>张三</t></si></sst>"),
            (
                "xl/worksheets/sheet1.xml",
                #"<worksheet><sheetData><row><c r="A1" t="s"><v>0</v></c><c r="B1"><v>13812345678</v></c></row></sheetData></worksheet>"#
            ),
        ])
        #expect(FileKind.detect(xlsx, fileName: "a.xlsx") == .xlsx)
        let text = try #require(try TextExtractor.text(xlsx, kind: .xlsx))
        #expect(text.contains("张三") && text.contains("13812345678"))
        #expect(try TextExtractor.text(Data("%PDF".utf8), kind: .pdf) == nil)
    }
}
