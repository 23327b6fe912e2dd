import Foundation
import Hummingbird
import Services

/// A file sent with a `multipart/form-data` form.
struct UploadedFile: Sendable {
    var fileName: String
    var data: Data
}

/// A form body as submitted by an HTML form: `application/x-www-form-urlencoded`, or
/// `multipart/form-data` when it carries files.
struct FormBody: Sendable {
    private var values: [String: [String]] = [:]
    /// Files by field name (the first file of each field).
    private(set) var files: [String: UploadedFile] = [:]

    init() {}

    /// Every field name the form sent (for forms with one field per row, e.g. `item-12`).
    var names: [String] { Array(values.keys) }

    init(encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[key, default: []].append(Self.lineFeeds(value))
        }
    }

    /// A textarea submits its line breaks as CRLF, and "\r\n" is a single `Character` in Swift,
    /// so line-based code (rich text, letters, ledgers) would see one line. Every field keeps LF.
    static func lineFeeds(_ text: String) -> String { text.replacingOccurrences(of: "\r\n", with: "\n") }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// Reads the body of a form post, within the body limit.
    static func read(_ request: Request, context: GongkaiRequestContext) async throws -> FormBody {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let contentType = request.headers[.contentType] ?? ""
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            return try multipart(buffer, contentType: contentType)
        }
        let encoded = String(decoding: buffer.readableBytesView, as: UTF8.self)
        if encoded.range(of: "%00") != nil || encoded.contains("\u{0}") { throw APIFailure.nulCharacter }
        return FormBody(encoded: encoded)
    }

    /// Parses a multipart body: text parts become fields, parts with a file name become files.
    static func multipart(_ buffer: ByteBuffer, contentType: String) throws -> FormBody {
        guard let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty else {
            throw HTTPError(.badRequest, message: "表单格式有误（缺少 boundary）")
        }
        var form = FormBody()
        guard buffer.readableBytes > 0 else { return form }
        let parts: [MultipartBody.Part]
        do {
            parts = try MultipartBody.parts(Array(buffer.readableBytesView), boundary: boundary)
        } catch {
            throw HTTPError(.badRequest, message: "表单格式有误")
        }
        for part in parts {
            let disposition = part.header("content-disposition") ?? ""
            guard let name = Self.parameter("name", in: disposition) else { continue }
            if let fileName = Self.parameter("filename", in: disposition) {
                if form.files[name] == nil, !fileName.isEmpty { form.files[name] = UploadedFile(fileName: fileName, data: Data(part.body)) }
            } else {
                if part.body.contains(0) { throw APIFailure.nulCharacter }
                form.values[name, default: []].append(Self.lineFeeds(String(decoding: part.body, as: UTF8.self)))
            }
        }
        return form
    }

    /// A `key=value` or `key="value"` parameter of a header value.
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// The first value of a field, trimmed; empty when absent.
    subscript(_ key: String) -> String { (values[key]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The raw first value (passwords are not trimmed).
    func raw(_ key: String) -> String { values[key]?.first ?? "" }

    /// Every value of a repeated field (checkboxes).
    func all(_ key: String) -> [String] { values[key] ?? [] }
    /// Every field's first value (for a form shown again as typed).
    var firstValues: [String: String] { values.compactMapValues(\.first) }
}
