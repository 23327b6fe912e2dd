import Foundation

/// An absolute http(s) address taken apart: what the link checker needs to fetch it and to
/// tell our own pages from other sites.
public struct WebAddress: Hashable, Sendable, CustomStringConvertible {
    public var tls: Bool
    public var host: String
    public var port: Int
    /// Path and query, percent-encoded as found; `/` at least.
    public var target: String

    public init(tls: Bool, host: String, port: Int, target: String) {
        self.tls = tls
        self.host = host
        self.port = port
        self.target = target
    }

    /// `http://host[:port]/path?query`; the fragment is dropped. Nil for anything else.
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let lower = t.lowercased()
        let tls: Bool
        if lower.hasPrefix("https://") { tls = true } else if lower.hasPrefix("http://") { tls = false } else { return nil }
        var rest = Substring(t.dropFirst(tls ? 8 : 7))
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let slash = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var authority = rest[..<slash]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = authority
        var port = tls ? 443 : 80
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            guard let p = Int(authority[authority.index(after: colon)...]), (1...65535).contains(p) else { return nil }
            port = p
            host = authority[..<colon]
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else { return nil }
        var target = String(rest[slash...])
        if target.isEmpty { target = "/" } else if target.hasPrefix("?") { target = "/" + target }
        self.init(tls: tls, host: host.lowercased(), port: port, target: target)
    }

    public var origin: String { (tls ? "https://" : "http://") + host + (port == (tls ? 443 : 80) ? "" : ":\(port)") }
    public var description: String { origin + target }
    public var path: String { String(target.prefix { $0 != "?" }) }

    /// Resolves a link found on this page: absolute, scheme-relative (`//host/x`), rooted (`/x`)
    /// or relative (`x`, `../x`). Nil for mail, telephone, script and data links.
    public func resolve(_ link: String) -> WebAddress? {
        let l = link.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = l.lowercased()
        if l.isEmpty || l.hasPrefix("#") { return nil }
        for scheme in ["mailto:", "tel:", "javascript:", "data:", "sms:", "ftp:"] where lower.hasPrefix(scheme) { return nil }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return WebAddress(l) }
        if l.hasPrefix("//") { return WebAddress((tls ? "https:" : "http:") + l) }
        var copy = self
        let noFragment = String(l.prefix { $0 != "#" })
        if noFragment.hasPrefix("/") {
            copy.target = noFragment
        } else {
            var base = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            base.removeLast()
            for part in noFragment.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
                if part == ".." { if base.count > 1 { base.removeLast() } } else if part != "." { base.append(part) }
            }
            copy.target = base.joined(separator: "/")
        }
        if copy.target.isEmpty { copy.target = "/" }
        return copy
    }

    /// Loopback, private (RFC 1918), link-local and unique-local addresses, and `localhost`:
    /// the intranet, which a link in a document must not make the server probe.
    public var isPrivate: Bool {
        if host == "localhost" || host.hasSuffix(".localhost") || host == "[::1]" { return true }
        if host.hasPrefix("[") { return host.hasPrefix("[fc") || host.hasPrefix("[fd") || host.hasPrefix("[fe80") }
        let parts = host.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4, host.allSatisfy({ $0.isNumber || $0 == "." }) else { return false }
        switch (parts[0], parts[1]) {
        case (127, _), (10, _), (0, _): return true
        case (172, 16...31), (192, 168), (169, 254), (100, 64...127): return true
        default: return false
        }
    }
}

/// Finds the links in a page: `href` and `src` attributes, and addresses written out in the
/// text (document bodies are plain text, so a URL in them is a link to the reader).
public enum LinkExtractor {
    public static func links(inHTML html: String) -> [String] {
        var out: [String] = []
        var seen: Set<String> = []
        func add(_ s: String) {
            let decoded = s.replacingOccurrences(of: "&amp;", with: "&")
            if seen.insert(decoded).inserted { out.append(decoded) }
        }
        let scalars = Array(html.unicodeScalars)
        var i = 0
        // Attribute values of href= and src=.
        while i < scalars.count {
            if scalars[i] == "=" && i >= 3 {
                let name = String(String.UnicodeScalarView(scalars[max(0, i - 4)..<i])).lowercased()
                if name.hasSuffix("href") || name.hasSuffix(" src"), i + 1 < scalars.count, scalars[i + 1] == "\"" || scalars[i + 1] == "'"
                {
                    let quote = scalars[i + 1]
                    var j = i + 2
                    while j < scalars.count && scalars[j] != quote { j += 1 }
                    add(String(String.UnicodeScalarView(scalars[(i + 2)..<min(j, scalars.count)])))
                    i = j
                    continue
                }
            }
            i += 1
        }
        // Addresses in the text, up to a space, a tag, a quote or Chinese punctuation.
        let stops: Set<Unicode.Scalar> = [" ", "\n", "\t", "<", ">", "\"", "'", "）", "(", ")", "（", "，", "。", "；", "、", "：", "“", "”"]
        var k = 0
        while k + 7 < scalars.count {
            if scalars[k] == "h", String(String.UnicodeScalarView(scalars[k..<min(k + 8, scalars.count)])).lowercased().hasPrefix("http"),
                k == 0 || (scalars[k - 1] != "\"" && scalars[k - 1] != "'")
            {
                let text = String(String.UnicodeScalarView(scalars[k..<min(k + 8, scalars.count)])).lowercased()
                if text.hasPrefix("http://") || text.hasPrefix("https://") {
                    var j = k
                    while j < scalars.count && !stops.contains(scalars[j]) { j += 1 }
                    var url = String(String.UnicodeScalarView(scalars[k..<j]))
                    while let last = url.last, ".,;:!?".contains(last) { url.removeLast() }
                    add(url)
                    k = j
                    continue
                }
            }
            k += 1
        }
        return out
    }
}
