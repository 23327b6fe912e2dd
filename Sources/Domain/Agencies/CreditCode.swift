/// 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from a 31-letter
/// alphabet, the last a check character over the first 17.
public enum CreditCode {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The check character for a 17-character body, or nil if the body uses a letter outside the alphabet.
    public static func checkCharacter(for body: String) -> Character? {
        let chars = Array(body)
        guard chars.count == 17 else { return nil }
        var sum = 0
        for (i, c) in chars.enumerated() {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            sum += v * weights[i]
        }
        let check = (31 - sum % 31) % 31
        return alphabet[check]
    }

    public static func isValid(_ code: String) -> Bool {
        let chars = Array(code)
        guard chars.count == 18, let check = checkCharacter(for: String(chars[0..<17])) else { return false }
        return chars[17] == check
    }

    public static func validate(_ code: String) throws(DomainError) {
        if !isValid(code) {
            throw .invalid("creditCode", "统一社会信用代码应为 18 位且校验位正确（不含 I、O、Z、S、V）")
        }
    }
}
