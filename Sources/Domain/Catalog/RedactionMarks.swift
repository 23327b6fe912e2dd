/// The drafter's marks for 删减后公开: text between 【删减】 and 【/删减】 stays in the internal
/// original and is left out of the public copy, where a notice shows that something was cut.
/// One body carries both, so a reviewer sees exactly what the public will not.
public enum RedactionMarks {
    public static let open = "【删减】"
    public static let close = "【/删减】"
    /// What the public copy shows in place of a cut.
    public static let notice = "（此处依法删减）"

    /// The marked spans must pair up and must not nest.
    public static func validate(_ body: String) throws(DomainError) {
        var inside = false
        var rest = Substring(body)
        while true {
            let o = rest.firstRange(of: open)
            let c = rest.firstRange(of: close)
            guard o != nil || c != nil else { break }
            let opening = c == nil || (o != nil && o!.lowerBound < c!.lowerBound)
            if opening == inside { throw .invalid("body", "删减标记须成对使用且不能嵌套：【删减】不公开的内容【/删减】") }
            inside = opening
            rest = rest[(opening ? o! : c!).upperBound...]
        }
        if inside { throw .invalid("body", "删减标记须成对使用：缺少【/删减】") }
    }

    /// Whether the body marks anything.
    public static func hasMarks(_ body: String) -> Bool { body.contains(open) }

    /// The public copy: every marked span replaced by the notice.
    public static func apply(_ body: String) -> String {
        var out = ""
        var rest = Substring(body)
        while let o = rest.firstRange(of: open), let c = rest[o.upperBound...].firstRange(of: close) {
            out += rest[..<o.lowerBound]
            out += notice
            rest = rest[c.upperBound...]
        }
        out += rest
        return out
    }
}
