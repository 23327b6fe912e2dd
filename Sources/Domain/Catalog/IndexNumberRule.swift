/// How an agency composes 索引号 (index numbers) for its catalog. No national format exists, so
/// the rule is a template; the default `{creditCode}/{year}-{serial:5}` gives
/// 11370812004339255B/2026-00012, the form most agencies use. Serials are unique per agency and year.
///
/// Placeholders: `{creditCode}` (18 characters), `{orgCode}` (the 9-character 组织机构代码 inside
/// the credit code, characters 9-17), `{year}`, `{serial:N}` (zero-padded to N digits, 1-9).
public struct IndexNumberRule: Sendable, Hashable, Codable {
    public var template: String

    public static let standard = IndexNumberRule(template: "{creditCode}/{year}-{serial:5}")

    public init(template: String) {
        self.template = template
    }

    /// Checks that the template is usable: it must contain `{serial:N}` once and `{year}` once,
    /// and nothing else in braces.
    public func validate() throws(DomainError) {
        var rest = Substring(template)
        var serials = 0
        var years = 0
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { throw .invalid("template", "索引号规则中的“{”没有配对的“}”") }
            let token = rest[rest.index(after: open)..<close]
            switch token {
            case "creditCode", "orgCode": break
            case "year": years += 1
            default:
                guard token.hasPrefix("serial:"), let width = Int(token.dropFirst(7)), (1...9).contains(width) else {
                    throw .invalid("template", "索引号规则中有未知占位符“{\(token)}”")
                }
                serials += 1
            }
            rest = rest[rest.index(after: close)...]
        }
        if serials != 1 || years != 1 { throw .invalid("template", "索引号规则须各含一个 {year} 和 {serial:N}") }
        if template.count > 80 { throw .invalid("template", "索引号规则过长") }
    }

    /// The index number for the `serial`-th document of `year` of the agency with `creditCode`.
    public func render(creditCode: String, year: Int, serial: Int) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let token = rest[rest.index(after: open)..<close]
            switch token {
            case "creditCode": out += creditCode
            case "orgCode": out += creditCode.count == 18 ? String(Array(creditCode)[8..<17]) : creditCode
            case "year": out += String(year)
            default:
                let width = Int(token.dropFirst(7)) ?? 5
                let digits = String(serial)
                out += String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
