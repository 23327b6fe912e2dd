/// A `multipart/form-data` body (RFC 7578) split into its parts. The body is already in memory
import Services

/// (within the body limit), so this is a plain scan. It replaces MultipartKit 4.7, whose parser
/// indexed a 128-entry table with any byte of a part's header name and so stopped the whole
/// server on one request with a byte above 0x7F there (found by schemathesis, issue 9).
enum MultipartBody {
    struct Part {
        /// Header names in lower case, values trimmed and read as UTF-8 (browsers send file names
        /// in raw UTF-8).
        var headers: [(name: String, value: String)]
        var body: ArraySlice<UInt8>

        func header(_ name: String) -> String? { headers.last { $0.name == name }?.value }
    }

    struct Malformed: Error {}

    static let maxParts = 1000
    static let maxHeadersPerPart = 20

    static func parts(_ bytes: [UInt8], boundary: String) throws(Malformed) -> [Part] {
        guard !boundary.isEmpty, boundary.utf8.count <= 200 else { throw Malformed() }
        let crlf: [UInt8] = [13, 10]
        let delimiter = Array(("--" + boundary).utf8)
        let next = crlf + delimiter
        // The first delimiter opens the body or follows a preamble line.
        var pos: Int
        if bytes.starts(with: delimiter) {
            pos = delimiter.count
        } else if let i = find(next, in: bytes, from: 0) {
            pos = i + next.count
        } else {
            throw Malformed()
        }
        var parts: [Part] = []
        while true {
            if bytes[pos...].starts(with: [45, 45]) { return parts }  // the closing "--"
            while pos < bytes.count, bytes[pos] == 32 || bytes[pos] == 9 { pos += 1 }
            guard bytes[pos...].starts(with: crlf) else { throw Malformed() }
            pos += 2
            var headers: [(name: String, value: String)] = []
            while true {
                guard let eol = find(crlf, in: bytes, from: pos) else { throw Malformed() }
                if eol == pos {
                    pos += 2
                    break
                }
                guard let colon = bytes[pos..<eol].firstIndex(of: 58), colon > pos,
                    bytes[pos..<colon].allSatisfy(isTokenByte), headers.count < maxHeadersPerPart
                else { throw Malformed() }
                let value = String(decoding: bytes[(colon + 1)..<eol], as: UTF8.self)
                headers.append((String(decoding: bytes[pos..<colon], as: UTF8.self).lowercased(), trim(value)))
                pos = eol + 2
            }
            guard let end = find(next, in: bytes, from: pos), parts.count < maxParts else { throw Malformed() }
            parts.append(Part(headers: headers, body: bytes[pos..<end]))
            pos = end + next.count
        }
    }

    /// RFC 9110 token characters, the only ones a header name may hold.
    static func isTokenByte(_ b: UInt8) -> Bool {
        switch b {
        case 48...57, 65...90, 97...122: true
        case 33, 35, 36, 37, 38, 39, 42, 43, 45, 46, 94, 95, 96, 124, 126: true
        default: false
        }
    }

    static func trim(_ s: String) -> String {
        String(s.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// The first index at or after `from` where `needle` occurs.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var i = from
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first {
                var j = 1
                while j < needle.count && bytes[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
