/// A line-by-line comparison of two texts (修订对照), with the changed characters marked inside
/// lines that were edited rather than replaced. Chinese has no spaces, so a word-level diff would
/// mark whole sentences; characters are the natural unit.
public enum TextDiff {
    /// One line of the comparison.
    public struct Line: Hashable, Sendable, Codable {
        public enum Kind: String, Hashable, Sendable, Codable {
            case same
            case added
            case removed
        }

        public var kind: Kind
        public var text: String
        /// The line in pieces, `changed` where it differs from its counterpart; a single
        /// unchanged piece for lines without one.
        public var segments: [Segment]

        public init(kind: Kind, text: String, segments: [Segment]? = nil) {
            self.kind = kind
            self.text = text
            self.segments = segments ?? [Segment(text: text, changed: kind != .same)]
        }
    }

    public struct Segment: Hashable, Sendable, Codable {
        public var text: String
        public var changed: Bool

        public init(text: String, changed: Bool) {
            self.text = text
            self.changed = changed
        }
    }

    /// Above this many cells the quadratic comparison gives way to "all removed, all added".
    static let cellBudget = 4_000_000

    /// The comparison of `old` with `new`, line by line.
    public static func lines(_ old: String, _ new: String) -> [Line] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [Line] = []
        var removed: [String] = []
        var added: [String] = []
        func flush() {
            // Pair the lines of a replaced block one to one so edits inside a line show.
            let paired = min(removed.count, added.count)
            for i in 0..<paired {
                let (r, s) = characters(removed[i], added[i])
                out.append(Line(kind: .removed, text: removed[i], segments: r))
                out.append(Line(kind: .added, text: added[i], segments: s))
            }
            out += removed.dropFirst(paired).map { Line(kind: .removed, text: $0) }
            out += added.dropFirst(paired).map { Line(kind: .added, text: $0) }
            removed = []
            added = []
        }
        for op in align(a, b) {
            switch op {
            case .same(let text):
                flush()
                out.append(Line(kind: .same, text: text))
            case .removed(let text): removed.append(text)
            case .added(let text): added.append(text)
            }
        }
        flush()
        return out
    }

    /// Whether the two texts differ at all, cheaply.
    public static func summary(_ lines: [Line]) -> (added: Int, removed: Int) {
        (lines.count { $0.kind == .added }, lines.count { $0.kind == .removed })
    }

    enum Op<T: Equatable>: Equatable {
        case same(T)
        case removed(T)
        case added(T)
    }

    /// A longest-common-subsequence alignment, after trimming the common ends.
    static func align<T: Equatable>(_ a: [T], _ b: [T]) -> [Op<T>] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)])
        let y = Array(b[prefix..<(b.count - suffix)])
        var middle: [Op<T>] = []
        if (x.count + 1) * (y.count + 1) > cellBudget {
            middle = x.map { .removed($0) } + y.map { .added($0) }
        } else {
            // lengths[i][j]: LCS length of x[i...] and y[j...], in one flat array.
            let width = y.count + 1
            var lengths = [Int32](repeating: 0, count: (x.count + 1) * width)
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                for j in stride(from: y.count - 1, through: 0, by: -1) {
                    lengths[i * width + j] =
                        x[i] == y[j] ? lengths[(i + 1) * width + j + 1] + 1 : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
                }
            }
            var i = 0
            var j = 0
            while i < x.count, j < y.count {
                if x[i] == y[j] {
                    middle.append(.same(x[i]))
                    i += 1
                    j += 1
                } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                    middle.append(.removed(x[i]))
                    i += 1
                } else {
                    middle.append(.added(y[j]))
                    j += 1
                }
            }
            middle += x[i...].map { .removed($0) } + y[j...].map { .added($0) }
        }
        return a[..<prefix].map { .same($0) } + middle + a[(a.count - suffix)...].map { .same($0) }
    }

    /// The two lines split into unchanged and changed runs of characters.
    static func characters(_ old: String, _ new: String) -> ([Segment], [Segment]) {
        var left: [Segment] = []
        var right: [Segment] = []
        func push(_ list: inout [Segment], _ c: Character, changed: Bool) {
            if let last = list.last, last.changed == changed {
                list[list.count - 1].text.append(c)
            } else {
                list.append(Segment(text: String(c), changed: changed))
            }
        }
        for op in align(Array(old), Array(new)) {
            switch op {
            case .same(let c):
                push(&left, c, changed: false)
                push(&right, c, changed: false)
            case .removed(let c): push(&left, c, changed: true)
            case .added(let c): push(&right, c, changed: true)
            }
        }
        return (left, right)
    }
}
