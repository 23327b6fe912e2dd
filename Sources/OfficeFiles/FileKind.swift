public import Foundation

/// The kinds of file a document may carry as an attachment (附件) or be imported from,
/// recognised by their content, not just their name.
public enum FileKind: String, Hashable, Sendable, Codable, CaseIterable {
    case pdf
    case docx
    case xlsx
    /// 版式文档 (GB/T 33190), the Chinese fixed-layout format.
    case ofd
    case jpeg
    case png
    case txt
    case html

    public var label: String {
        switch self {
        case .pdf: "PDF"
        case .docx: "Word 文档"
        case .xlsx: "Excel 表格"
        case .ofd: "OFD 版式文档"
        case .jpeg: "JPEG 图片"
        case .png: "PNG 图片"
        case .txt: "文本文件"
        case .html: "网页文件"
        }
    }

    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .ofd: "application/ofd"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .txt: "text/plain; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        }
    }

    /// Kinds accepted as attachments of a published document.
    public static let attachable: [FileKind] = [.pdf, .docx, .xlsx, .ofd, .jpeg, .png]
    /// Kinds a body can be imported from.
    public static let importable: [FileKind] = [.docx, .txt, .html]

    /// The kind of `data` named `fileName`: the bytes decide, the extension only separates the
    /// zip-based formats and the text ones. Nil when it is none of the known kinds.
    public static func detect(_ data: Data, fileName: String) -> FileKind? {
        let ext = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
        let head = [UInt8](data.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            guard let names = try? ZipPackage(data).entryNames else { return nil }
            if names.contains("word/document.xml") { return .docx }
            if names.contains("xl/workbook.xml") { return .xlsx }
            if names.contains("OFD.xml") { return .ofd }
            return nil
        }
        // Text: no NUL bytes in the first kilobytes.
        if data.prefix(4096).contains(0) { return nil }
        switch ext {
        case "txt", "text": return .txt
        case "html", "htm": return .html
        default: return nil
        }
    }
}
