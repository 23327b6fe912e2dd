import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body as submitted by an HTML form.
struct FormBody: Sendable {
    private var values: [String: [String]] = [:]

    init(encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[key, default: []].append(value)
        }
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// Reads the body of a form post, within the body limit.
    static func read(_ request: Request, context: GongkaiRequestContext) async throws -> FormBody {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        return FormBody(encoded: String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    /// The first value of a field, trimmed; empty when absent.
    subscript(_ key: String) -> String { (values[key]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The raw first value (passwords are not trimmed).
    func raw(_ key: String) -> String { values[key]?.first ?? "" }

    /// Every value of a repeated field (checkboxes).
    func all(_ key: String) -> [String] { values[key] ?? [] }
}
