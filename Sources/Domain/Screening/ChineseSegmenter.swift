/// Turns text into search terms for the database's own full-text engine, which cannot split
/// Chinese into words. Runs of Han characters become overlapping bigrams (for queries of two
/// or more characters, matched as a phrase) and unigrams (for one-character queries); runs of
/// Latin letters and digits become lower-cased words. Both the index and the query go through
/// here, so any query string that occurs in a text is found in it.
public enum ChineseSegmenter {
    /// Index terms of a text, as two space-separated streams.
    public struct Terms: Hashable, Sendable {
        /// Bigrams of Han runs, in text order, plus Latin words; adjacent bigrams of one run are
        /// adjacent here, so a phrase of bigrams is a substring match.
        public var bigrams: String
        /// Single Han characters, plus Latin words.
        public var unigrams: String
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }

    static func isWord(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s.properties.numericType != nil }

    /// A Latin letter lower-cased (the first scalar of its lower-case form); ASCII without a detour.
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value < 0x80 { return (0x41...0x5A).contains(s.value) ? Unicode.Scalar(s.value + 0x20)! : s }
        return s.properties.lowercaseMapping.unicodeScalars.first ?? s
    }

    /// Splits text into runs: Han runs and word runs; everything else separates them.
    static func runs(_ text: String) -> [(han: Bool, scalars: [Unicode.Scalar])] {
        var out: [(han: Bool, scalars: [Unicode.Scalar])] = []
        var current: [Unicode.Scalar] = []
        var currentHan = false
        for s in text.unicodeScalars {
            let han = isHan(s)
            if han || isWord(s) {
                if !current.isEmpty && han != currentHan {
                    out.append((currentHan, current))
                    current = []
                }
                currentHan = han
                current.append(han ? s : fold(s))
            } else if !current.isEmpty {
                out.append((currentHan, current))
                current = []
            }
        }
        if !current.isEmpty { out.append((currentHan, current)) }
        return out
    }

    public static func terms(_ text: String) -> Terms {
        var bigrams: [String] = []
        var unigrams: [String] = []
        for run in runs(text) {
            if run.han {
                for s in run.scalars { unigrams.append(String(s)) }
                if run.scalars.count == 1 {
                    bigrams.append(String(run.scalars[0]))
                } else {
                    for i in 0..<(run.scalars.count - 1) { bigrams.append(String(run.scalars[i]) + String(run.scalars[i + 1])) }
                }
            } else {
                let word = String(String.UnicodeScalarView(run.scalars))
                bigrams.append(word)
                unigrams.append(word)
            }
        }
        return Terms(bigrams: bigrams.joined(separator: " "), unigrams: unigrams.joined(separator: " "))
    }

    /// How to look a query up: a sequence of phrases that must all match. A Han run of one
    /// character is looked up among the unigrams; longer runs as a phrase of bigrams.
    public struct QueryPart: Hashable, Sendable {
        public var terms: [String]
        public var inUnigrams: Bool
        /// The characters looked for: a Han run as typed, or a Latin word lower-cased.
        public var scalars: [Unicode.Scalar]
        public var isHan: Bool
    }

    public static func query(_ text: String) -> [QueryPart] {
        runs(String(text.prefix(100))).map { run in
            if run.han {
                if run.scalars.count == 1 {
                    return QueryPart(terms: [String(run.scalars[0])], inUnigrams: true, scalars: run.scalars, isHan: true)
                }
                return QueryPart(
                    terms: (0..<(run.scalars.count - 1)).map { String(run.scalars[$0]) + String(run.scalars[$0 + 1]) }, inUnigrams: false,
                    scalars: run.scalars, isHan: true)
            }
            return QueryPart(terms: [String(String.UnicodeScalarView(run.scalars))], inUnigrams: false, scalars: run.scalars, isHan: false)
        }
    }
}
