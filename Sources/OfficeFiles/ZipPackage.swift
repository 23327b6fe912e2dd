import Foundation
import ZIPFoundation

/// Errors reading or writing an uploaded file, in words for the person who uploaded it.
public struct FileError: Error, Sendable, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }
}

/// A zip-based file (DOCX, XLSX, OFD) held in memory, read with limits so that a crafted
/// archive (a "zip bomb", thousands of entries) is refused instead of exhausting memory.
struct ZipPackage {
    static let maxEntries = 5_000
    static let maxEntrySize: Int64 = 64 * 1024 * 1024

    let archive: Archive

    init(_ data: Data) throws(FileError) {
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw FileError("文件已损坏或不是有效的压缩包格式")
        }
        var count = 0
        for _ in archive {
            count += 1
            if count > Self.maxEntries { throw FileError("文件包含的条目过多") }
        }
    }

    var entryNames: [String] { archive.map(\.path) }

    /// The bytes of an entry, or nil when there is none by that name.
    func data(_ path: String) throws(FileError) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= Self.maxEntrySize else { throw FileError("文件中的“\(path)”过大") }
        var out = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                out.append(chunk)
                if out.count > Self.maxEntrySize { throw FileError("文件中的“\(path)”过大") }
            }
        } catch let e as FileError {
            throw e
        } catch {
            throw FileError("文件中的“\(path)”无法读取")
        }
        return out
    }

    func text(_ path: String) throws(FileError) -> String? {
        try data(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A copy of the package with some entries replaced (`Data`) or left out (`nil`); every
    /// other entry is copied as it was. Entries are deflated.
    func rewritten(_ changes: [String: Data?]) throws(FileError) -> Data {
        do {
            let out = try Archive(data: Data(), accessMode: .create)
            for entry in archive {
                let path = entry.path
                let content: Data
                if let change = changes[path] {
                    guard let replacement = change else { continue }
                    content = replacement
                } else if entry.type == .directory {
                    try out.addEntry(with: path, type: .directory, uncompressedSize: Int64(0), provider: { (_: Int64, _: Int) in Data() })
                    continue
                } else {
                    guard let d = try data(path) else { continue }
                    content = d
                }
                try out.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(content.count),
                    modificationDate: Date(timeIntervalSince1970: 315_532_800), compressionMethod: .deflate,
                    provider: { (position: Int64, size: Int) in content.subdata(in: Int(position)..<(Int(position) + size)) })
            }
            guard let data = out.data else { throw FileError("文件重新打包失败") }
            return data
        } catch let e as FileError {
            throw e
        } catch {
            throw FileError("文件重新打包失败")
        }
    }
}
