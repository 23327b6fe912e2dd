/// One entry of a site's main navigation: what it says and where it leads (a path on the site
/// or an outside address such as the province's 政务服务网).
public struct SiteLink: Hashable, Sendable, Codable {
    public var label: String
    public var href: String

    public init(label: String, href: String) {
        self.label = label
        self.href = href
    }

    /// The most entries a header holds before it wraps onto a third line on a phone.
    public static let maxEntries = 8

    /// The navigation as the settings form writes it: one entry a line, `名称 | 地址`. Blank
    /// lines are skipped; errors name the field `navigation` and the line.
    public static func parse(_ text: String) throws(DomainError) -> [SiteLink] {
        var links: [SiteLink] = []
        for (n, raw) in text.split(whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw .invalid("navigation", "第 \(n + 1) 行应为「名称 | 地址」，如「政务公开 | /open」")
            }
            links.append(SiteLink(label: parts[0], href: parts[1]))
        }
        return try checked(links)
    }

    /// Checks a navigation: at most `maxEntries`, labels of 1-10 characters, each address a path on
    /// this site (`/open`) or an http(s) address.
    public static func checked(_ links: [SiteLink]) throws(DomainError) -> [SiteLink] {
        if links.count > maxEntries { throw .invalid("navigation", "导航最多 \(maxEntries) 项") }
        return try links.map { link throws(DomainError) in
            let label = link.label.trimmingCharacters(in: .whitespaces)
            let href = link.href.trimmingCharacters(in: .whitespaces)
            guard (1...10).contains(label.count) else { throw .invalid("navigation", "导航名称为 1 到 10 个字：「\(label)」") }
            let local = href.hasPrefix("/") && !href.hasPrefix("//") && !href.hasPrefix("/\\")
            let remote = href.hasPrefix("https://") || href.hasPrefix("http://")
            guard local || remote, href.count <= 300, !href.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
                throw .invalid("navigation", "「\(label)」的地址应以 / 开头（本站页面）或为 http(s):// 网址")
            }
            return SiteLink(label: label, href: href)
        }
    }

    /// The navigation as the settings form shows it.
    public static func text(_ links: [SiteLink]) -> String {
        links.map { "\($0.label) | \($0.href)" }.joined(separator: "\n")
    }
}
