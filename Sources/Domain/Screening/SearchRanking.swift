import Foundation

/// Relevance ranking of a window of candidate documents, computed from their text.
///
/// The full-text engines can tell which documents match and list them newest first at a cost
/// that stays flat as the catalog grows, but their relevance functions (FTS5's `bm25`,
/// PostgreSQL's `ts_rank`) first count every document in the catalog that holds each phrase, a
/// cost that grows with the catalog. The search store therefore takes the newest matches as a
/// window and ranks them here: BM25 over title and body (the title weighing ten times the body),
/// with each phrase's rarity estimated within the window. A document whose title holds every
/// part of the query comes before any that does not.
public enum SearchRanking {
    public struct Candidate: Sendable {
        public var id: Int64
        public var title: String
        /// The public text only: the redacted copy of a 删减后公开 document, never the original.
        public var body: String
        /// Sorts ties, newest first: `YYYY-MM-DD` or empty.
        public var publishedOn: String

        public init(id: Int64, title: String, body: String, publishedOn: String) {
            self.id = id
            self.title = title
            self.body = body
            self.publishedOn = publishedOn
        }
    }

    public struct Ranked: Hashable, Sendable {
        public var id: Int64
        public var titleMatched: Bool
        public var score: Double
    }

    static let k1 = 1.2
    static let b = 0.75
    static let titleWeight = 10.0

    /// How often a query part occurs in a text, with the index's own rules: a Han part is a run
    /// of consecutive characters; a Latin part is a whole word, compared lower-cased.
    public static func occurrences(of part: ChineseSegmenter.QueryPart, in text: String) -> Int {
        Needle(part).occurrences(in: text)
    }

    /// A query part prepared for searching many texts.
    struct Needle {
        let part: ChineseSegmenter.QueryPart
        let bytes: [UInt8]
        /// Boyer-Moore-Horspool shifts by the byte under the window's last position.
        let shift: [Int]

        init(_ part: ChineseSegmenter.QueryPart) {
            self.part = part
            bytes = Array(String(String.UnicodeScalarView(part.scalars)).utf8)
            var shift = [Int](repeating: bytes.count, count: 256)
            for k in 0..<max(0, bytes.count - 1) { shift[Int(bytes[k])] = bytes.count - 1 - k }
            self.shift = shift
        }

        func occurrences(in text: String) -> Int {
            guard part.isHan else { return wordOccurrences(of: part.scalars, in: Array(text.unicodeScalars)) }
            var text = text
            return text.withUTF8 { occurrences(in: $0) }
        }

        /// UTF-8 is self-synchronising, so a match of a character sequence's bytes is a match of
        /// the characters.
        func occurrences(in text: UnsafeBufferPointer<UInt8>) -> Int {
            let m = bytes.count
            guard m > 0, text.count >= m, let t = text.baseAddress else { return 0 }
            return bytes.withUnsafeBufferPointer { n in
                shift.withUnsafeBufferPointer { shift in
                    let lastByte = n[m - 1]
                    var found = 0
                    var i = 0
                    let last = text.count - m
                    while i <= last {
                        let tail = t[i + m - 1]
                        if tail == lastByte && memcmp(t + i, n.baseAddress!, m - 1) == 0 {
                            found += 1
                            i += m
                        } else {
                            i += shift[Int(tail)]
                        }
                    }
                    return found
                }
            }
        }
    }

    static func wordOccurrences(of needle: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Int {
        let m = needle.count
        guard m > 0, text.count >= m else { return 0 }
        func isWordChar(_ s: Unicode.Scalar) -> Bool { !ChineseSegmenter.isHan(s) && ChineseSegmenter.isWord(s) }
        var found = 0
        var i = 0
        while i < text.count {
            guard isWordChar(text[i]) else {
                i += 1
                continue
            }
            // The start of a word: compare it whole, then skip to its end.
            var end = i
            while end < text.count && isWordChar(text[end]) { end += 1 }
            if end - i == m {
                var j = 0
                while j < m && ChineseSegmenter.fold(text[i + j]) == needle[j] { j += 1 }
                if j == m { found += 1 }
            }
            i = end
        }
        return found
    }

    /// A candidate already counted: each query part's occurrences in its title and body, and
    /// their lengths in UTF-8 bytes. A database that can count substrings does this itself,
    /// so the texts need not travel to be ranked.
    public struct Counts: Sendable {
        public var id: Int64
        public var title: [Int]
        public var body: [Int]
        public var titleLength: Double
        public var bodyLength: Double
        public var publishedOn: String

        public init(id: Int64, title: [Int], body: [Int], titleLength: Double, bodyLength: Double, publishedOn: String) {
            self.id = id
            self.title = title
            self.body = body
            self.titleLength = titleLength
            self.bodyLength = bodyLength
            self.publishedOn = publishedOn
        }
    }

    /// The candidates in relevance order: title matches first, then by score, then newest.
    public static func rank(_ parts: [ChineseSegmenter.QueryPart], _ candidates: [Candidate]) -> [Ranked] {
        guard !parts.isEmpty, !candidates.isEmpty else {
            return candidates.map { Ranked(id: $0.id, titleMatched: false, score: 0) }
        }
        let needles = parts.map(Needle.init)
        return rank(
            parts,
            counted: candidates.map { c in
                // Lengths in UTF-8 bytes: BM25 needs only each length against the average.
                Counts(
                    id: c.id, title: needles.map { $0.occurrences(in: c.title) }, body: needles.map { $0.occurrences(in: c.body) },
                    titleLength: Double(c.title.utf8.count), bodyLength: Double(c.body.utf8.count), publishedOn: c.publishedOn)
            })
    }

    /// Ranks candidates counted elsewhere (see `Counts`), exactly as `rank(_:_:)` ranks texts.
    public static func rank(_ parts: [ChineseSegmenter.QueryPart], counted: [Counts]) -> [Ranked] {
        guard !parts.isEmpty, !counted.isEmpty else {
            return counted.map { Ranked(id: $0.id, titleMatched: false, score: 0) }
        }
        var containing = [Int](repeating: 0, count: parts.count)
        var titleTotal = 0.0
        var bodyTotal = 0.0
        for entry in counted {
            for p in parts.indices where entry.title[p] + entry.body[p] > 0 { containing[p] += 1 }
            titleTotal += entry.titleLength
            bodyTotal += entry.bodyLength
        }
        let n = Double(counted.count)
        let idf = containing.map { log(1 + (n - Double($0) + 0.5) / (Double($0) + 0.5)) }
        let averageTitle = max(titleTotal / n, 1)
        let averageBody = max(bodyTotal / n, 1)
        func saturate(_ tf: Int, _ length: Double, _ average: Double) -> Double {
            guard tf > 0 else { return 0 }
            let f = Double(tf)
            return f * (k1 + 1) / (f + k1 * (1 - b + b * length / average))
        }
        var ranked: [(Ranked, String)] = []
        ranked.reserveCapacity(counted.count)
        for e in counted {
            var score = 0.0
            for p in parts.indices {
                score +=
                    idf[p]
                    * (titleWeight * saturate(e.title[p], e.titleLength, averageTitle) + saturate(e.body[p], e.bodyLength, averageBody))
            }
            ranked.append((Ranked(id: e.id, titleMatched: e.title.allSatisfy { $0 > 0 }, score: score), e.publishedOn))
        }
        ranked.sort { l, r in
            if l.0.titleMatched != r.0.titleMatched { return l.0.titleMatched }
            if l.0.score != r.0.score { return l.0.score > r.0.score }
            if l.1 != r.1 { return l.1 > r.1 }
            return l.0.id > r.0.id
        }
        return ranked.map(\.0)
    }
}
