/// How alike two descriptions of requested information are, for Art. 44 (several applicants
/// asking for the same information). Chinese has no word boundaries, so the measure is the Dice
/// coefficient of character bigrams, after dropping the words every request uses.
public enum RequestSimilarity {
    /// Phrases nearly every request contains; they say nothing about which information is asked.
    static let boilerplate = ["申请公开", "政府信息", "请求公开", "申请获取", "相关信息", "有关信息", "关于", "请提供", "提供", "公开"]

    static func bigrams(_ text: String) -> Set<String> {
        var t = text
        for b in boilerplate { t = t.replacingOccurrences(of: b, with: " ") }
        let chars = t.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        var grams = Set<String>()
        var previous: Character = " "
        for c in chars {
            if previous != " " && c != " " { grams.insert(String([previous, c])) }
            previous = c
        }
        return grams
    }

    /// 0 (nothing shared) to 1 (the same bigrams).
    public static func score(_ a: String, _ b: String) -> Double {
        let x = bigrams(a)
        let y = bigrams(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        return 2 * Double(x.intersection(y).count) / Double(x.count + y.count)
    }
}
