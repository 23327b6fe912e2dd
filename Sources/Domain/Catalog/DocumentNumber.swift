/// 文号: the issuing number of a document, such as 银卫发〔2023〕12号 or 国务院令第711号.
///
/// Drafters type the year brackets in many ways ([2023], (2023), （2023）, 【2023】, 〔2023〕); the
/// number is stored with the 六角括号 〔〕 that GB/T 9704 prescribes.
public enum DocumentNumber {
    /// The number in its standard form, or an error naming what is wrong. Empty input means
    /// "no 文号" and stays empty.
    public static func normalize(_ raw: String) throws(DomainError) -> String {
        var text = raw.filter { !$0.isWhitespace }
        if text.isEmpty { return "" }
        let opening: Set<Character> = ["[", "［", "(", "（", "【", "〔", "﹝"]
        let closing: Set<Character> = ["]", "］", ")", "）", "】", "〕", "﹞"]
        var chars = Array(text)
        // Replace a bracket pair only when it encloses a four-digit year.
        var i = 0
        while i + 5 < chars.count {
            if opening.contains(chars[i]), closing.contains(chars[i + 5]),
                chars[(i + 1)...(i + 4)].allSatisfy({ $0.isASCII && $0.isNumber })
            {
                chars[i] = "〔"
                chars[i + 5] = "〕"
                i += 6
            } else {
                i += 1
            }
        }
        text = String(chars)
        guard isWellFormed(text) else {
            throw .invalid("documentNumber", "文号格式应为“机关代字〔年份〕序号号”，如 银卫发〔2023〕12号，或“××令第××号”")
        }
        return text
    }

    /// 机关代字〔YYYY〕N号, or 机关代字第N号 (for 令 and 公告 numbering).
    static func isWellFormed(_ text: String) -> Bool {
        let chars = Array(text)
        guard chars.last == "号", chars.count >= 4 else { return false }
        func isPrefix(_ c: Character) -> Bool { c.isLetter || (c.isASCII && c.isNumber) || c == "·" || c == "—" }
        if let open = chars.firstIndex(of: "〔") {
            guard open >= 1, open + 5 < chars.count, chars[open + 5] == "〕" else { return false }
            let prefix = chars[..<open]
            let year = chars[(open + 1)...(open + 4)]
            let serial = chars[(open + 6)..<(chars.count - 1)]
            guard prefix.count <= 30, prefix.allSatisfy(isPrefix), prefix.contains(where: { !$0.isASCII }) else { return false }
            guard let y = Int(String(year)), (1949...2100).contains(y) else { return false }
            return (1...6).contains(serial.count) && serial.allSatisfy { $0.isASCII && $0.isNumber } && serial.first != "0"
        }
        guard let di = chars.lastIndex(of: "第"), di >= 1 else { return false }
        let prefix = chars[..<di]
        let serial = chars[(di + 1)..<(chars.count - 1)]
        return prefix.count <= 30 && prefix.allSatisfy(isPrefix) && (1...6).contains(serial.count)
            && serial.allSatisfy { $0.isASCII && $0.isNumber } && serial.first != "0"
    }
}
