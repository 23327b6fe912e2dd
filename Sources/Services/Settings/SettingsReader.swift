public import Domain

/// Reads settings from environment variables, each with a message naming the bad one. The web
/// layer's settings and the services' settings both read through it, so every variable is
/// checked and reported the same way.
public struct SettingsReader: Sendable {
    public let environment: [String: String]

    public init(_ environment: [String: String]) {
        self.environment = environment
    }

    /// A non-empty text value, or nil when unset or empty.
    public func text(_ name: String) -> String? {
        guard let text = environment[name], !text.isEmpty else { return nil }
        return text
    }

    /// `0` or `1`; nil when unset.
    public func flag(_ name: String) throws(DomainError) -> Bool? {
        guard let text = environment[name] else { return nil }
        guard text == "0" || text == "1" else { throw .invalid(name, "\(name) 须为 0 或 1") }
        return text == "1"
    }

    /// A whole number in `range`; nil when unset.
    public func number(_ name: String, _ range: ClosedRange<Int>) throws(DomainError) -> Int? {
        guard let text = environment[name] else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw .invalid(name, "\(name) 须为 \(range.lowerBound)-\(range.upperBound) 之间的整数")
        }
        return n
    }

    /// Seconds in 0-3600 (the cache lifetimes); nil when unset.
    public func cacheSeconds(_ name: String) throws(DomainError) -> Double? {
        guard let text = environment[name] else { return nil }
        guard let s = Double(text), (0...3600).contains(s) else { throw .invalid(name, "\(name) 须为 0-3600 之间的秒数") }
        return s
    }

    /// Points in 0-100 (the ledger scoring); nil when unset.
    public func points(_ name: String) throws(DomainError) -> Double? {
        guard let text = environment[name] else { return nil }
        guard let p = Double(text), (0...100).contains(p) else { throw .invalid(name, "\(name) 须为 0-100 之间的分数") }
        return p
    }
}
