import Domain
public import Foundation

/// The readable text of an attachment, for pre-publication screening. PDF and images carry
/// their text as drawn glyphs or pixels, which we cannot read reliably: for them the answer is
/// nil and a person must check the file.
public enum TextExtractor {
    public static func text(_ data: Data, kind: FileKind) throws(FileError) -> String? {
        switch kind {
        case .pdf, .jpeg, .png: return nil
        case .txt: return try TextDecoding.decode(data)
        case .html: return RichText.plain(try DocumentImporter.markup(fromHTML: TextDecoding.decode(data)))
        case .docx: return RichText.plain(try DocumentImporter.markup(fromDOCX: data))
        case .xlsx: return try xlsx(data)
        case .ofd: return try ofd(data)
        }
    }

    /// Every shared and inline string of a workbook, one per line.
    static func xlsx(_ data: Data) throws(FileError) -> String {
        let zip = try ZipPackage(data)
        var lines: [String] = []
        let sheets = zip.entryNames.filter { $0 == "xl/sharedStrings.xml" || ($0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml")) }
        for name in sheets.sorted() {
            guard let xml = try zip.text(name) else { continue }
            var inText = false
            var inValue = false
            var current = ""
            for event in XMLScanner.events(xml) {
                switch event {
                case .start(let n, _, let selfClosing) where !selfClosing:
                    if n == "t" { inText = true }
                    if n == "v" { inValue = true }
                case .end(let n):
                    if n == "t" { inText = false }
                    if n == "v" { inValue = false }
                    if n == "si" || n == "c" || n == "is" {
                        if !current.isEmpty { lines.append(current) }
                        current = ""
                    }
                case .text(let t):
                    // Numbers in cells matter too: an ID or a phone number is often typed as one.
                    if inText || (inValue && name.hasPrefix("xl/worksheets/")) { current += t }
                default: break
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The text of every page of an OFD document.
    static func ofd(_ data: Data) throws(FileError) -> String {
        let zip = try ZipPackage(data)
        var lines: [String] = []
        for name in zip.entryNames.sorted() where name.hasSuffix("Content.xml") {
            guard let xml = try zip.text(name) else { continue }
            var inText = false
            var line = ""
            for event in XMLScanner.events(xml) {
                switch event {
                case .start(let n, _, _) where n.hasSuffix(":TextCode") || n == "textcode": inText = true
                case .end(let n) where n.hasSuffix(":TextCode") || n == "textcode": inText = false
                case .end(let n) where n.hasSuffix(":TextObject") || n == "textobject":
                    if !line.isEmpty { lines.append(line) }
                    line = ""
                case .text(let t) where inText: line += t
                default: break
                }
            }
            if !line.isEmpty { lines.append(line) }
        }
        return lines.joined(separator: "\n")
    }
}
