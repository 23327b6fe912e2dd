import Foundation

/// Pre-publication screening (发布前保密审查与个人信息检查). `scan` finds:
/// - 18-digit resident ID numbers with a valid GB 11643 check digit and birth date;
/// - mainland mobile numbers;
/// - bank card numbers that pass the Luhn check;
/// - e-mail addresses outside government domains;
/// - home addresses after words such as 住址 or 家住;
/// - classification markings (绝密, 机密, 秘密 used as a marking; 内部资料, 内部使用, 注意保存);
/// - the agency's own wrong or sensitive words.
///
/// Numbers count only when they stand alone (not part of a longer run of letters and digits,
/// such as a 统一社会信用代码 or an 索引号), which keeps false positives down.
public struct ContentScreener: Sendable {
    public var sensitiveWords: [SensitiveWord]
    /// E-mail domains that are never personal (the agency's own, `gov.cn`).
    public var institutionalEmailDomains: [String]

    public init(sensitiveWords: [SensitiveWord] = [], institutionalEmailDomains: [String] = ["gov.cn"]) {
        self.sensitiveWords = sensitiveWords
        self.institutionalEmailDomains = institutionalEmailDomains
    }

    static let markings = ["内部资料", "内部使用", "注意保存"]
    static let levels = ["绝密", "机密", "秘密"]
    static let addressCues = ["家庭住址", "家庭地址", "现住址", "住址", "家住", "现住", "户籍地", "居住地", "住所地"]
    static let addressMarkers: Set<Character> = ["省", "市", "区", "县", "镇", "乡", "村", "路", "街", "巷", "号", "室", "栋", "幢", "楼", "弄", "组"]

    /// Every finding in `text`, in order of position.
    public func scan(_ text: String) -> [ScreeningFinding] {
        let chars = Array(text)
        var findings = numbers(in: chars) + emails(in: chars) + addresses(in: chars) + classifications(in: chars) + words(in: chars)
        findings.sort { ($0.offset, $0.kind.rawValue) < ($1.offset, $1.kind.rawValue) }
        return findings
    }

    /// A public copy with every finding's span replaced: personal data by its masked form,
    /// sensitive words by their suggested replacement (or masked), markings removed.
    public static func redact(_ text: String, _ findings: [ScreeningFinding]) -> String {
        var chars = Array(text)
        // Replace from the end so that earlier offsets stay valid; skip overlaps.
        var end = Int.max
        for f in findings.sorted(by: { $0.offset > $1.offset }) where f.offset + f.length <= end && f.offset + f.length <= chars.count {
            let replacement: String =
                switch f.kind {
                case .sensitiveWord: f.suggestion ?? String(repeating: "＊", count: f.length)
                case .classification: ""
                case .address: String(repeating: "＊", count: f.length)
                default: f.masked
                }
            chars.replaceSubrange(f.offset..<(f.offset + f.length), with: Array(replacement))
            end = f.offset
        }
        return String(chars)
    }

    // MARK: - Numbers

    private static func isAlnum(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    private func numbers(in chars: [Character]) -> [ScreeningFinding] {
        var out: [ScreeningFinding] = []
        var i = 0
        while i < chars.count {
            guard Self.isDigit(chars[i]), i == 0 || !Self.isAlnum(chars[i - 1]) else {
                i += 1
                continue
            }
            // A run of digit groups; groups of 3 or more may be joined by one space or hyphen
            // (138-1234-5678, 6222 0212 3456 7890). Dates such as 2023-12-01 stay apart.
            var j = i
            var digits = ""
            var groupStart = i
            while j < chars.count {
                if Self.isDigit(chars[j]) {
                    digits.append(chars[j])
                    j += 1
                } else if chars[j] == "X" || chars[j] == "x", digits.count == 17 {
                    digits.append("X")
                    j += 1
                    break
                } else if chars[j] == " " || chars[j] == "-", j - groupStart >= 3, j + 3 < chars.count,
                    chars[(j + 1)...(j + 3)].allSatisfy(Self.isDigit)
                {
                    j += 1
                    groupStart = j
                } else {
                    break
                }
            }
            defer { i = max(j, i + 1) }
            if j < chars.count, Self.isAlnum(chars[j]) { continue }
            let kind: ScreeningFinding.Kind?
            if digits.count == 18, CheckDigits.isResidentID(digits) {
                kind = .idNumber
            } else if CheckDigits.isMobile(digits) {
                kind = .mobile
            } else if (16...19).contains(digits.count), !digits.contains("X"), !Self.looksLikeResidentID(digits),
                CheckDigits.passesLuhn(digits)
            {
                kind = .bankCard
            } else {
                kind = nil
            }
            if let kind {
                out.append(finding(kind, chars, i, j - i, masked: Self.mask(digits, kind: kind)))
            }
        }
        return out
    }

    /// An 18-digit number with a birth date where an ID number has one: a mistyped ID number,
    /// which is not flagged (its check digit fails) and is not a bank card either.
    static func looksLikeResidentID(_ digits: String) -> Bool {
        guard digits.count == 18 else { return false }
        let d = Array(digits.utf8).map { Int($0) - 48 }
        let year = d[6...9].reduce(0) { $0 * 10 + $1 }
        return (1900...2100).contains(year) && CivilDate(year: year, month: d[10] * 10 + d[11], day: d[12] * 10 + d[13]) != nil
    }

    static func mask(_ digits: String, kind: ScreeningFinding.Kind) -> String {
        let d = Array(digits)
        switch kind {
        case .idNumber: return String(d.prefix(6)) + String(repeating: "*", count: 8) + String(d.suffix(4))
        case .mobile: return String(d.prefix(3)) + "****" + String(d.suffix(4))
        default: return String(d.prefix(4)) + String(repeating: "*", count: max(0, d.count - 8)) + String(d.suffix(4))
        }
    }

    // MARK: - E-mail

    private func emails(in chars: [Character]) -> [ScreeningFinding] {
        var out: [ScreeningFinding] = []
        func local(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || "._%+-".contains(c)) }
        func domain(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || ".-".contains(c)) }
        for (at, c) in chars.enumerated() where c == "@" {
            var s = at
            while s > 0, local(chars[s - 1]) { s -= 1 }
            var e = at + 1
            while e < chars.count, domain(chars[e]) { e += 1 }
            while e > at + 1, chars[e - 1] == "." { e -= 1 }
            guard s < at, e > at + 1 else { continue }
            let host = String(chars[(at + 1)..<e]).lowercased()
            guard host.contains("."), !host.hasPrefix("."), host.split(separator: ".").last.map({ $0.count >= 2 }) == true else { continue }
            if institutionalEmailDomains.contains(where: { host == $0 || host.hasSuffix("." + $0) }) { continue }
            let user = String(chars[s..<at])
            out.append(finding(.email, chars, s, e - s, masked: String(user.prefix(1)) + "***@" + host))
        }
        return out
    }

    // MARK: - Addresses

    private func addresses(in chars: [Character]) -> [ScreeningFinding] {
        var out: [ScreeningFinding] = []
        let text = String(chars)
        var covered = 0
        for cue in Self.addressCues {
            var searchStart = text.startIndex
            while let r = text.range(of: cue, range: searchStart..<text.endIndex) {
                searchStart = r.upperBound
                var s = text.distance(from: text.startIndex, to: r.upperBound)
                while s < chars.count, chars[s] == "：" || chars[s] == ":" || chars[s] == " " || chars[s] == "为" || chars[s] == "在" {
                    s += 1
                }
                var e = s
                while e < chars.count, e - s < 40, !"，。；;,\n、）)".contains(chars[e]) { e += 1 }
                let span = chars[s..<e]
                let markers = span.filter { Self.addressMarkers.contains($0) }.count
                guard e - s >= 4, markers >= 2, s >= covered else { continue }
                out.append(finding(.address, chars, s, e - s, masked: String(span.prefix(3)) + "＊＊＊"))
                covered = e
            }
        }
        return out
    }

    // MARK: - Classification markings

    private func classifications(in chars: [Character]) -> [ScreeningFinding] {
        var out: [ScreeningFinding] = []
        let text = String(chars)
        for marking in Self.markings {
            for offset in occurrences(of: marking, in: text) {
                out.append(finding(.classification, chars, offset, marking.count, masked: marking))
            }
        }
        // 绝密/机密/秘密 are markings when followed by ★, written after 密级, or standing alone at
        // the start of a line; in prose (国家秘密, 商业秘密) they are not.
        for level in Self.levels {
            for offset in occurrences(of: level, in: text) {
                let after = offset + 2 < chars.count ? chars[offset + 2] : "\n"
                let lineStart = offset == 0 || chars[offset - 1] == "\n"
                let before = String(chars[max(0, offset - 4)..<offset])
                let isMarking =
                    "★☆*".contains(after) || before.contains("密级") || (lineStart && (after == "\n" || after == " " || after == "　"))
                if isMarking { out.append(finding(.classification, chars, offset, 2, masked: level)) }
            }
        }
        return out
    }

    // MARK: - Word list

    private func words(in chars: [Character]) -> [ScreeningFinding] {
        let text = String(chars)
        return sensitiveWords.filter { !$0.word.isEmpty }.flatMap { entry in
            occurrences(of: entry.word, in: text).map {
                finding(.sensitiveWord, chars, $0, entry.word.count, masked: entry.word, suggestion: entry.replacement)
            }
        }
    }

    // MARK: - Helpers

    private func occurrences(of needle: String, in text: String) -> [Int] {
        var result: [Int] = []
        var start = text.startIndex
        while let r = text.range(of: needle, range: start..<text.endIndex) {
            result.append(text.distance(from: text.startIndex, to: r.lowerBound))
            start = r.upperBound
        }
        return result
    }

    private func finding(
        _ kind: ScreeningFinding.Kind, _ chars: [Character], _ offset: Int, _ length: Int, masked: String,
        suggestion: String? = nil
    ) -> ScreeningFinding {
        let before = String(chars[max(0, offset - 10)..<offset])
        let after = String(chars[(offset + length)..<min(chars.count, offset + length + 10)])
        return ScreeningFinding(
            kind: kind, match: String(chars[offset..<(offset + length)]), offset: offset, length: length,
            masked: masked, context: before + masked + after, suggestion: suggestion)
    }
}
