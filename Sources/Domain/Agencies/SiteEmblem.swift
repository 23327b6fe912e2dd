public import Foundation

/// The emblem or logo in an agency's masthead: a PNG or JPEG the system administrator uploads.
/// Pictures only (no SVG, which can carry script), small enough for every page to show.
public enum SiteEmblem {
    public static let maxBytes = 200 * 1024
    public static let maxSide = 2000

    public enum Kind: String, Sendable {
        case png
        case jpeg

        public var mimeType: String { self == .png ? "image/png" : "image/jpeg" }
        public var fileExtension: String { self == .png ? "png" : "jpg" }
    }

    /// The kind of a picture, from its first bytes; errors name the field `emblem`.
    public static func checked(_ data: Data) throws(DomainError) -> Kind {
        if data.isEmpty { throw .invalid("emblem", "请选择标识图片（PNG 或 JPEG）") }
        if data.count > maxBytes { throw .invalid("emblem", "标识图片不超过 \(maxBytes / 1024) KB") }
        let b = [UInt8](data.prefix(24))
        if b.count >= 24, b[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] {
            // IHDR: width and height, big-endian, at bytes 16-23.
            let width = b[16..<20].reduce(0) { $0 << 8 | Int($1) }
            let height = b[20..<24].reduce(0) { $0 << 8 | Int($1) }
            guard (1...maxSide).contains(width), (1...maxSide).contains(height) else {
                throw .invalid("emblem", "标识图片的宽和高须在 1 到 \(maxSide) 像素之间")
            }
            return .png
        }
        if b.count >= 3, b[0..<3] == [0xFF, 0xD8, 0xFF] { return .jpeg }
        throw .invalid("emblem", "标识图片须为 PNG 或 JPEG 格式")
    }

    /// `png:1a2b3c4d5e6f`: the kind and a digest of the bytes, so a new picture has a new address.
    public static func tag(_ kind: Kind, digest: String) -> String { kind.rawValue + ":" + String(digest.prefix(12)) }

    /// The kind and digest of a stored tag.
    public static func parse(_ tag: String) -> (kind: Kind, digest: String)? {
        let parts = tag.split(separator: ":")
        guard parts.count == 2, let kind = Kind(rawValue: String(parts[0])) else { return nil }
        return (kind, String(parts[1]))
    }
}
