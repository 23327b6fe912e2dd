/// Check-digit rules used to tell real personal numbers from look-alikes.
public enum CheckDigits {
    /// A mainland mobile number: 11 digits, starting 13 to 19.
    public static func isMobile(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 11 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && text.hasPrefix("1")
            && "3456789".contains(text.dropFirst().first!)
    }

    /// 公民身份号码 (GB 11643-1999): 17 digits, then a check character from the weighted sum
    /// mod 11; also requires a real birth date in positions 7-14.
    public static func isResidentID(_ text: some StringProtocol) -> Bool {
        let chars = Array(text.utf8)
        guard chars.count == 18 else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for i in 0..<17 {
            guard chars[i] >= 48, chars[i] <= 57 else { return false }
            sum += Int(chars[i] - 48) * weights[i]
        }
        let expected = Array("10X98765432".utf8)[sum % 11]
        let last = chars[17] == UInt8(ascii: "x") ? UInt8(ascii: "X") : chars[17]
        guard last == expected else { return false }
        let digits = chars.map { Int($0) - 48 }
        let year = digits[6...9].reduce(0) { $0 * 10 + $1 }
        let month = digits[10] * 10 + digits[11]
        let day = digits[12] * 10 + digits[13]
        return CivilDate(year: year, month: month, day: day) != nil && (1900...2100).contains(year)
    }

    /// The Luhn (mod 10) check used by bank card numbers.
    public static func passesLuhn(_ digits: some StringProtocol) -> Bool {
        var sum = 0
        var double = false
        var count = 0
        for c in digits.utf8.reversed() {
            guard c >= 48, c <= 57 else { return false }
            var d = Int(c - 48)
            if double {
                d *= 2
                if d > 9 { d -= 9 }
            }
            sum += d
            double.toggle()
            count += 1
        }
        return count > 0 && sum % 10 == 0
    }
}
