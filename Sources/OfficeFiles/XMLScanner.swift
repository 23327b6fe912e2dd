/// A small, forgiving scanner over XML and HTML: start tags with attributes, end tags and text,
/// with entities decoded. Enough to read Office Open XML, OFD and everyday HTML without a
/// system XML library; it never builds a tree and never fetches anything (no DTDs, no
/// external entities).
struct XMLScanner {
    enum Event: Equatable {
        /// A start tag; `selfClosing` for `<br/>`-style tags. Names keep their prefix (`w:p`).
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    /// The events of a document, in order.
    static func events(_ source: String) -> [Event] {
        var out: [Event] = []
        let s = Array(source.unicodeScalars)
        var i = 0
        var text = String.UnicodeScalarView()
        func flush() {
            if !text.isEmpty { out.append(.text(decodeEntities(String(text)))) }
            text = String.UnicodeScalarView()
        }
        func starts(_ prefix: String, at k: Int) -> Bool {
            var k = k
            for p in prefix.unicodeScalars {
                guard k < s.count, s[k] == p else { return false }
                k += 1
            }
            return true
        }
        func skip(past terminator: String, from k: Int) -> Int {
            var k = k
            while k < s.count, !starts(terminator, at: k) { k += 1 }
            return min(s.count, k + terminator.unicodeScalars.count)
        }
        while i < s.count {
            guard s[i] == "<" else {
                text.append(s[i])
                i += 1
                continue
            }
            if starts("<!--", at: i) {
                flush()
                i = skip(past: "-->", from: i + 4)
            } else if starts("<![CDATA[", at: i) {
                flush()
                let start = i + 9
                let end = skip(past: "]]>", from: start)
                out.append(.text(String(String.UnicodeScalarView(s[start..<max(start, end - 3)]))))
                i = end
            } else if starts("<?", at: i) || starts("<!", at: i) {
                flush()
                i = skip(past: ">", from: i + 2)
            } else {
                // A tag: read to the closing '>' outside quotes.
                var k = i + 1
                var quote: Unicode.Scalar?
                while k < s.count {
                    if let q = quote {
                        if s[k] == q { quote = nil }
                    } else if s[k] == "\"" || s[k] == "'" {
                        quote = s[k]
                    } else if s[k] == ">" {
                        break
                    }
                    k += 1
                }
                let inner = String(String.UnicodeScalarView(s[(i + 1)..<min(k, s.count)]))
                i = k + 1
                guard let first = inner.unicodeScalars.first, first == "/" || first.properties.isAlphabetic else {
                    text.append(contentsOf: "<".unicodeScalars)
                    text.append(contentsOf: inner.unicodeScalars)
                    if k < s.count { text.append(">") }
                    continue
                }
                flush()
                if first == "/" {
                    out.append(.end(name: String(inner.dropFirst()).trimmingSpaces.lowercasedIfHTML))
                } else {
                    out.append(tag(inner))
                }
            }
        }
        flush()
        return out
    }

    private static func tag(_ inner: String) -> Event {
        var body = Substring(inner)
        let selfClosing = body.hasSuffix("/")
        if selfClosing { body = body.dropLast() }
        let name = body.prefix { !$0.isWhitespace }
        var attributes: [String: String] = [:]
        var rest = body.dropFirst(name.count)
        while true {
            rest = rest.drop { $0.isWhitespace }
            let key = rest.prefix { !$0.isWhitespace && $0 != "=" }
            if key.isEmpty { break }
            rest = rest.dropFirst(key.count).drop { $0.isWhitespace }
            var value = ""
            if rest.first == "=" {
                rest = rest.dropFirst().drop { $0.isWhitespace }
                if let q = rest.first, q == "\"" || q == "'" {
                    let v = rest.dropFirst().prefix { $0 != q }
                    value = String(v)
                    rest = rest.dropFirst(v.count + 2)
                } else {
                    let v = rest.prefix { !$0.isWhitespace }
                    value = String(v)
                    rest = rest.dropFirst(v.count)
                }
            }
            attributes[String(key).lowercasedIfHTML] = decodeEntities(value)
        }
        return .start(name: String(name).lowercasedIfHTML, attributes: attributes, selfClosing: selfClosing)
    }

    static let named: [String: String] = [
        "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "nbsp": " ", "ldquo": "“", "rdquo": "”", "lsquo": "‘",
        "rsquo": "’", "mdash": "—", "hellip": "…", "middot": "·", "times": "×", "copy": "©",
    ]

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = after[..<semi]
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    replacement = named[String(name)]
                }
                if let r = replacement {
                    out += r
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    /// HTML names are case-insensitive; namespaced XML names (with a colon) are kept as written.
    var lowercasedIfHTML: String { contains(":") ? self : lowercased() }
}
