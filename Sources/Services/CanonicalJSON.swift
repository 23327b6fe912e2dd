import Foundation

/// Sorted-key JSON of a record, the text whose digest the audit archive keeps for "before" and "after".
public enum CanonicalJSON: Sendable {
    public static func text<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
