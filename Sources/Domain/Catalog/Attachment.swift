/// A file attached to a document (附件): the original stays in the internal archive, the public
/// gets a copy with its file metadata stripped.
public struct Attachment: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var documentID: Int64
    public var fileName: String
    /// The detected kind (pdf, docx, xlsx, ofd, jpeg, png).
    public var kind: String
    public var contentType: String
    /// Size of the public copy in bytes.
    public var size: Int
    /// SHA-256 of the public copy, hex.
    public var sha256: String
    /// What the metadata stripping took out (作者, 修改时间, ...).
    public var removedMetadata: [String]
    /// The readable text, for screening; nil when it cannot be read (PDF, images).
    public var text: String?
    public var uploadedBy: String
    public var createdAtMillis: Int64

    public init(
        id: Int64 = 0, documentID: Int64, fileName: String, kind: String, contentType: String, size: Int, sha256: String,
        removedMetadata: [String], text: String?, uploadedBy: String, createdAtMillis: Int64
    ) {
        self.id = id
        self.documentID = documentID
        self.fileName = fileName
        self.kind = kind
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.removedMetadata = removedMetadata
        self.text = text
        self.uploadedBy = uploadedBy
        self.createdAtMillis = createdAtMillis
    }

    /// A file name safe to store and to offer for download: no directories, no control
    /// characters, at most 120 characters, never empty.
    public static func cleanFileName(_ name: String) -> String {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(base.filter { !$0.isNewline && !($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) && $0 != "\"" })
        let trimmed = cleaned.trimmingPrefix(while: { $0 == "." || $0 == " " })
        return trimmed.isEmpty ? "附件" : String(trimmed.suffix(120))
    }

    /// "1.2 MB", "35 KB".
    public var sizeLabel: String {
        if size >= 1_048_576 { return "\((Double(size) / 1_048_576 * 10).rounded() / 10) MB" }
        return "\(max(1, (size + 1023) / 1024)) KB"
    }
}
