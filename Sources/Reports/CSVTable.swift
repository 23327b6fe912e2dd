/// A table written as CSV (RFC 4180) for Excel and WPS users: UTF-8 with a byte-order mark so
/// Chinese text opens correctly, CRLF line ends, and cells that a spreadsheet would run as a
/// formula (starting with = + - @ or a tab) prefixed with an apostrophe.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The file's bytes.
    public func bytes() -> [UInt8] {
        var text = ""
        for row in [header] + rows {
            text += row.map(Self.cell).joined(separator: ",") + "\r\n"
        }
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    static func cell(_ value: String) -> String {
        var v = value
        if let first = v.first, "=+-@\t\r".contains(first) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}
