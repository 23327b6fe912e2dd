public import Foundation

/// Text files from Chinese offices come in UTF-8 (with or without a byte-order mark), UTF-16
/// from Notepad's "Unicode", or GB18030/GBK from older systems.
public enum TextDecoding {
    /// NSStringEncoding for GB18030 (kCFStringEncodingGB_18030_2000 | 0x8000_0000).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    public static func decode(_ data: Data) throws(FileError) -> String {
        let b = [UInt8](data.prefix(3))
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: data.dropFirst(3), as: UTF8.self) }
        if b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF]), let s = String(data: data, encoding: .utf16) { return s }
        if let s = String(data: data, encoding: .utf8) { return s }
        if let s = String(data: data, encoding: gb18030) { return s }
        throw FileError("无法识别文件的文字编码，请另存为 UTF-8 后再导入")
    }
}
