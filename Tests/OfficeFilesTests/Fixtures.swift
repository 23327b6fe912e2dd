import Foundation
import ZIPFoundation

/// Small files built in code, so the tests show exactly what they feed in.
enum Fixtures {
    static func zip(_ entries: [(String, String)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in entries {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { (position: Int64, size: Int) in data.subdata(in: Int(position)..<(Int(position) + size)) })
        }
        return archive.data!
    }

    static func entries(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive {
            var d = Data()
            _ = try archive.extract(entry) { d.append($0) }
            out[entry.path] = String(decoding: d, as: UTF8.self)
        }
        return out
    }

    static let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

    static func paragraph(_ text: String, style: String? = nil, num: String? = nil) -> String {
        let props =
            (style.map { #"<w:pStyle w:val="\#($0)"/>"# } ?? "")
            + (num.map { #"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="\#($0)"/></w:numPr>"# } ?? "")
        return #"<w:p><w:pPr>\#(props)</w:pPr><w:r><w:t xml:space="preserve">\#(text)</w:t></w:r></w:p>"#
    }

    static func cell(_ text: String) -> String { "<w:tc><w:tcPr/>" + paragraph(text) + "</w:tc>" }

    static func docx(core: String = defaultCore) throws -> Data {
        let body =
            paragraph("关于做好冬季传染病防控工作的通知", style: "Title") + paragraph("各县（区）卫生健康委：")
            + paragraph("一、总体要求", style: "1") + paragraph("加强监测预警。") + paragraph("落实首诊负责制", num: "1")
            + paragraph("规范转诊", num: "1") + paragraph("第一步", num: "2") + paragraph("第二步", num: "2")
            + "<w:tbl>" + "<w:tr>" + cell("病种") + cell("责任科室") + "</w:tr>" + "<w:tr>" + cell("流感") + cell("疾控科") + "</w:tr>"
            + "</w:tbl>" + paragraph("# 不是标题") + paragraph("联系电话：13812345678")
        return try zip([
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rels),
            ("word/document.xml", #"<?xml version="1.0"?><w:document \#(w)><w:body>\#(body)</w:body></w:document>"#),
            (
                "word/styles.xml",
                #"<w:styles \#(w)><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style></w:styles>"#
            ),
            (
                "word/numbering.xml",
                #"<w:numbering \#(w)><w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="11"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num></w:numbering>"#
            ),
            ("docProps/core.xml", core),
            (
                "docProps/app.xml",
                #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>示范市卫生健康委员会</Company><TotalTime>42</TotalTime></Properties>"#
            ),
            ("docProps/custom.xml", "<Properties><property name=\"审核人\"><vt:lpwstr>李四</vt:lpwstr></property></Properties>"),
        ])
    }

    static let defaultCore =
        #"<cp:coreProperties xmlns:cp="cp" xmlns:dc="dc" xmlns:dcterms="dcterms"><dc:creator>张三</dc:creator><cp:lastModifiedBy>李四</cp:lastModifiedBy><dcterms:created>2026-01-01T00:00:00Z</dcterms:created></cp:coreProperties>"#

    static let contentTypes =
        #"<Types xmlns="ct"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="doc"/><Override PartName="/docProps/core.xml" ContentType="core"/><Override PartName="/docProps/custom.xml" ContentType="custom"/></Types>"#

    static let rels =
        #"<Relationships xmlns="r"><Relationship Id="rId1" Type="doc" Target="word/document.xml"/><Relationship Id="rId3" Type="custom" Target="docProps/custom.xml"/></Relationships>"#

    /// A JPEG with an EXIF segment and a comment: SOI, APP0, APP1, COM, DQT, SOS, data, EOI.
    static var jpeg: Data {
        var b: [UInt8] = [0xFF, 0xD8]
        b += [0xFF, 0xE0, 0x00, 0x07] + Array("JFIF\0".utf8)
        let exif = Array("Exif\0\0GPS 36.06N 120.38E Camera X".utf8)
        b += [0xFF, 0xE1, 0x00, UInt8(exif.count + 2)] + exif
        let comment = Array("拍摄：王五".utf8)
        b += [0xFF, 0xFE, 0x00, UInt8(comment.count + 2)] + comment
        b += [0xFF, 0xDB, 0x00, 0x04, 0x00, 0x01]
        b += [0xFF, 0xDA, 0x00, 0x02, 0x11, 0x22, 0x33, 0xFF, 0xD9]
        return Data(b)
    }

    static func pngChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let n = UInt32(data.count)
        return [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + Array(type.utf8) + data + [0, 0, 0, 0]
    }

    static var png: Data {
        var b: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        b += pngChunk("IHDR", Array(repeating: 1, count: 13))
        b += pngChunk("tEXt", Array("Author\0张三".utf8))
        b += pngChunk("tIME", [7, 234, 1, 1, 0, 0, 0])
        b += pngChunk("IDAT", [1, 2, 3])
        b += pngChunk("IEND", [])
        return Data(b)
    }

    static let pdf = """
        %PDF-1.4
        1 0 obj
        << /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >>
        endobj
        2 0 obj
        << /Type /Pages /Kids [] /Count 0 >>
        endobj
        12 0 obj
        << /Author (Zhang San \\(office\\)) /Creator <FEFF5F204E09> /Producer (WPS) /CreationDate (D:20260101) /Custom (keep) >>
        endobj
        4 0 obj
        << /Type /Metadata /Subtype /XML /Length 60 >>
        stream
        <?xpacket begin="" id="x"?><dc:creator>Zhang</dc:creator><?xpacket end="w"?>
        endstream
        endobj
        trailer
        << /Root 1 0 R /Info 12 0 R >>
        %%EOF
        """
}
