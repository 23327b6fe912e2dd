public import Foundation

/// Strips file metadata (文件属性: author, last editor, company, dates, software, comments,
/// camera and location data) from an attachment before the public gets it. The original stays
/// in the internal archive.
public enum MetadataScrubber {
    /// The public copy and what was taken out of it, for the archive and the console.
    public struct Result: Sendable, Equatable {
        public var data: Data
        public var removed: [String]
    }

    public static func scrub(_ data: Data, kind: FileKind) throws(FileError) -> Result {
        do {
            switch kind {
            case .pdf: return pdf(data)
            case .docx, .xlsx: return try officeOpenXML(data)
            case .ofd: return try ofd(data)
            case .jpeg: return try jpeg(data)
            case .png: return try png(data)
            case .txt, .html: return Result(data: data, removed: [])
            }
        } catch let e as FileError {
            throw e
        } catch {
            throw FileError("文件无法处理")
        }
    }

    // MARK: - Office Open XML

    static let emptyCore = Data(
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></cp:coreProperties>
        """.utf8)

    static let emptyApp = Data(
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"></Properties>
        """.utf8)

    static func officeOpenXML(_ data: Data) throws -> Result {
        let zip = try ZipPackage(data)
        var changes: [String: Data?] = [:]
        var removed: [String] = []
        if let core = try zip.text("docProps/core.xml") {
            let fields = presentFields(
                core,
                [
                    ("dc:creator", "作者"), ("cp:lastModifiedBy", "最后修改者"), ("dcterms:created", "创建时间"),
                    ("dcterms:modified", "修改时间"), ("dc:title", "标题属性"), ("dc:subject", "主题属性"), ("cp:keywords", "关键词属性"),
                    ("dc:description", "备注"), ("cp:lastPrinted", "打印时间"), ("cp:revision", "修订号"),
                ])
            removed += fields
            changes["docProps/core.xml"] = emptyCore
        }
        if let app = try zip.text("docProps/app.xml") {
            removed += presentFields(app, [("Company", "单位"), ("Manager", "经理"), ("Template", "模板"), ("TotalTime", "编辑时长")])
            changes["docProps/app.xml"] = emptyApp
        }
        if try zip.data("docProps/custom.xml") != nil {
            removed.append("自定义属性")
            changes["docProps/custom.xml"] = .some(nil)
        }
        // Comments and the people who wrote them.
        for name in zip.entryNames where name.hasPrefix("word/comments") || name == "word/people.xml" || name.hasPrefix("xl/comments") {
            if !removed.contains("批注") { removed.append("批注") }
            changes[name] = .some(nil)
        }
        guard !changes.isEmpty else { return Result(data: data, removed: []) }
        // A removed part must also leave the content types and relationships, or Office reports
        // the file as damaged; a stripped core/app part is kept, empty.
        let dropped = Set(changes.filter { $0.value == nil }.map(\.key))
        if !dropped.isEmpty {
            for name in zip.entryNames where name == "[Content_Types].xml" || name.hasSuffix(".rels") {
                guard let xml = try zip.text(name) else { continue }
                let cleaned = removingReferences(to: dropped, in: xml)
                if cleaned != xml { changes[name] = Data(cleaned.utf8) }
            }
        }
        return Result(data: try zip.rewritten(changes), removed: removed)
    }

    /// The labels of the elements that are present with content.
    static func presentFields(_ xml: String, _ fields: [(String, String)]) -> [String] {
        fields.compactMap { name, label in
            // <x/> is empty; <x ...>value</x> has content.
            guard let open = xml.range(of: "<\(name)"), let close = xml[open.upperBound...].firstIndex(of: ">") else { return nil }
            if xml[open.upperBound..<close].hasSuffix("/") { return nil }
            let contentStart = xml.index(after: close)
            guard let end = xml.range(of: "</\(name)>", range: contentStart..<xml.endIndex) else { return nil }
            return xml[contentStart..<end.lowerBound].contains(where: { !$0.isWhitespace }) ? label : nil
        }
    }

    /// `xml` without the `<Override>` and `<Relationship>` elements that point at dropped parts.
    static func removingReferences(to dropped: Set<String>, in xml: String) -> String {
        var out = xml
        for element in ["Override", "Relationship"] {
            var searchFrom = out.startIndex
            while let open = out.range(of: "<\(element) ", range: searchFrom..<out.endIndex),
                let close = out.range(of: "/>", range: open.upperBound..<out.endIndex)
            {
                let tag = out[open.lowerBound..<close.upperBound]
                let targets = ["PartName=\"", "Target=\""].compactMap { attribute -> String? in
                    guard let r = tag.range(of: attribute), let end = tag[r.upperBound...].firstIndex(of: "\"") else { return nil }
                    return String(tag[r.upperBound..<end]).trimmingPrefix("/").description
                }
                if targets.contains(where: { t in dropped.contains { $0 == t || $0.hasSuffix("/" + t) } }) {
                    out.removeSubrange(open.lowerBound..<close.upperBound)
                    searchFrom = open.lowerBound
                } else {
                    searchFrom = close.upperBound
                }
            }
        }
        return out
    }

    // MARK: - OFD

    static func ofd(_ data: Data) throws -> Result {
        let zip = try ZipPackage(data)
        guard var xml = try zip.text("OFD.xml") else { throw FileError("OFD 文件缺少 OFD.xml") }
        var removed: [String] = []
        let fields = [
            ("Author", "作者"), ("Creator", "创建软件"), ("CreatorVersion", "软件版本"), ("CreationDate", "创建时间"), ("ModDate", "修改时间"),
            ("Title", "标题属性"), ("Subject", "主题属性"), ("Abstract", "摘要"), ("Keywords", "关键词属性"), ("CustomDatas", "自定义属性"),
        ]
        for (name, label) in fields {
            let pattern = "<ofd:\(name)"
            while let open = xml.range(of: pattern) {
                let closeTag = "</ofd:\(name)>"
                let end: String.Index
                if let selfClose = xml.range(of: "/>", range: open.upperBound..<xml.endIndex),
                    xml[open.upperBound..<selfClose.lowerBound].firstIndex(of: ">") == nil
                {
                    end = selfClose.upperBound
                } else if let close = xml.range(of: closeTag, range: open.upperBound..<xml.endIndex) {
                    end = close.upperBound
                } else {
                    break
                }
                xml.removeSubrange(open.lowerBound..<end)
                if !removed.contains(label) { removed.append(label) }
            }
        }
        guard !removed.isEmpty else { return Result(data: data, removed: []) }
        return Result(data: try zip.rewritten(["OFD.xml": Data(xml.utf8)]), removed: removed)
    }

    // MARK: - Images

    /// JPEG without APP1 (EXIF: camera, time, GPS position; XMP), APP13 (IPTC) and comment
    /// segments. Segments are walked by their lengths up to the start of the image data.
    static func jpeg(_ data: Data) throws -> Result {
        let b = [UInt8](data)
        var out: [UInt8] = [0xFF, 0xD8]
        var removed: [String] = []
        var i = 2
        while i + 4 <= b.count {
            guard b[i] == 0xFF else { throw FileError("JPEG 图片结构有误") }
            let marker = b[i + 1]
            if marker == 0xDA {
                out += b[i...]
                return Result(data: Data(out), removed: removed)
            }
            if marker == 0xFF {
                i += 1
                continue
            }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2, i + 2 + length <= b.count else { throw FileError("JPEG 图片结构有误") }
            let segment = b[i..<(i + 2 + length)]
            switch marker {
            case 0xE1: if !removed.contains("EXIF/XMP 信息（拍摄设备、时间、位置）") { removed.append("EXIF/XMP 信息（拍摄设备、时间、位置）") }
            case 0xED: if !removed.contains("IPTC 信息") { removed.append("IPTC 信息") }
            case 0xFE: if !removed.contains("图片注释") { removed.append("图片注释") }
            default: out += segment
            }
            i += 2 + length
        }
        throw FileError("JPEG 图片不完整")
    }

    /// PNG without text chunks (tEXt, zTXt, iTXt), EXIF (eXIf) and the modification time (tIME).
    static func png(_ data: Data) throws -> Result {
        let b = [UInt8](data)
        var out = Array(b.prefix(8))
        var removed: [String] = []
        var i = 8
        while i + 12 <= b.count {
            let length = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 0, i + 12 + length <= b.count else { throw FileError("PNG 图片结构有误") }
            let type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
            let chunk = b[i..<(i + 12 + length)]
            switch type {
            case "tEXt", "zTXt", "iTXt": if !removed.contains("文字信息") { removed.append("文字信息") }
            case "eXIf": removed.append("EXIF 信息")
            case "tIME": removed.append("修改时间")
            default: out += chunk
            }
            i += 12 + length
            if type == "IEND" { return Result(data: Data(out), removed: removed) }
        }
        throw FileError("PNG 图片不完整")
    }

    // MARK: - PDF

    /// PDF with the values of its document information dictionary (作者, 创建软件, dates, ...)
    /// and its XMP metadata streams overwritten by spaces of the same length, so every byte
    /// offset in the cross-reference table stays valid and no rewrite of the file is needed.
    static func pdf(_ data: Data) -> Result {
        var b = [UInt8](data)
        var removed: [String] = []
        let keys: [(String, String)] = [
            ("Author", "作者"), ("Creator", "创建软件"), ("Producer", "生成软件"), ("CreationDate", "创建时间"), ("ModDate", "修改时间"),
            ("Title", "标题属性"), ("Subject", "主题属性"), ("Keywords", "关键词属性"), ("Company", "单位"), ("SourceModified", "源文件修改时间"),
        ]
        // Every information dictionary the trailers point at (incremental updates add more).
        var infoObjects = Set<Int>()
        var from = 0
        while let r = find(Array("/Info".utf8), in: b, from: from) {
            var k = r + 5
            while k < b.count, b[k] == 0x20 || b[k] == 0x0A || b[k] == 0x0D { k += 1 }
            var n = 0
            var digits = 0
            while k < b.count, (0x30...0x39).contains(b[k]) {
                n = n * 10 + Int(b[k] - 0x30)
                digits += 1
                k += 1
            }
            if digits > 0 { infoObjects.insert(n) }
            from = r + 5
        }
        for object in infoObjects {
            var search = 0
            while let start = find(Array("\(object) 0 obj".utf8), in: b, from: search) {
                search = start + 1
                // Must be the start of a token, not the tail of "12 0 obj" for object 2.
                if start > 0, (0x30...0x39).contains(b[start - 1]) { continue }
                guard let dictEnd = find(Array("endobj".utf8), in: b, from: start) else { break }
                for (key, label) in keys {
                    if blankValue(of: "/\(key)", in: &b, from: start, to: dictEnd), !removed.contains(label) { removed.append(label) }
                }
            }
        }
        // XMP packets: blank their content between the packet markers.
        from = 0
        while let start = find(Array("<?xpacket begin".utf8), in: b, from: from),
            let end = find(Array("<?xpacket end".utf8), in: b, from: start)
        {
            for k in start..<end where b[k] != 0x0A && b[k] != 0x0D { b[k] = 0x20 }
            if !removed.contains("XMP 元数据") { removed.append("XMP 元数据") }
            from = end + 1
        }
        return Result(data: Data(b), removed: removed)
    }

    /// Overwrites the string value after `key` (literal `(...)` or hex `<...>`) with spaces.
    static func blankValue(of key: String, in b: inout [UInt8], from: Int, to end: Int) -> Bool {
        guard let at = find(Array(key.utf8), in: b, from: from), at < end else { return false }
        var k = at + key.utf8.count
        // The key must end here (/Author, not /AuthorX).
        guard k < b.count, !((0x41...0x5A).contains(b[k]) || (0x61...0x7A).contains(b[k])) else { return false }
        while k < end, b[k] == 0x20 || b[k] == 0x0A || b[k] == 0x0D { k += 1 }
        guard k < end else { return false }
        if b[k] == 0x28 {  // (
            var depth = 0
            var j = k
            var any = false
            while j < end {
                if b[j] == 0x5C {  // backslash escapes the next byte
                    b[j] = 0x20
                    if j + 1 < end { b[j + 1] = 0x20 }
                    j += 2
                    any = true
                    continue
                }
                if b[j] == 0x28 { depth += 1 } else if b[j] == 0x29 { depth -= 1 }
                if depth == 0 { break }
                if j > k, b[j] != 0x28 {
                    any = any || b[j] != 0x20
                    b[j] = 0x20
                } else if j > k {
                    b[j] = 0x20
                }
                j += 1
            }
            return any
        }
        if b[k] == 0x3C, k + 1 < end, b[k + 1] != 0x3C {  // <hex>
            var j = k + 1
            var any = false
            while j < end, b[j] != 0x3E {
                any = any || b[j] != 0x20
                b[j] = 0x20
                j += 1
            }
            return any
        }
        return false
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
