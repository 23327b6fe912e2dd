/// Personal identifiers as staff pages show them until someone with the need reveals them
/// (个人信息去标识化展示): enough to tell two people apart and to check against a letter, not
/// enough to use. `110105********002X`, `139****5678`, `z***@example.com`, `示范市人民路****`.
public enum Masked {
    /// A resident ID number (or any certificate number): the first 6 and last 4 kept.
    public static func idNumber(_ value: String) -> String {
        let c = Array(value)
        guard c.count > 10 else { return String(repeating: "*", count: c.count) }
        return String(c.prefix(6)) + String(repeating: "*", count: c.count - 10) + String(c.suffix(4))
    }

    /// A phone number: the first 3 and last 4 kept (a mobile's network and its last digits).
    public static func phone(_ value: String) -> String {
        let c = Array(value)
        guard c.count >= 8 else { return c.isEmpty ? "" : "****" }
        return String(c.prefix(3)) + "****" + String(c.suffix(4))
    }

    /// An e-mail address: the first letter of the mailbox and the domain kept.
    public static func email(_ value: String) -> String {
        guard let at = value.firstIndex(of: "@"), at > value.startIndex else { return value.isEmpty ? "" : "****" }
        return String(value[value.startIndex]) + "***" + value[at...]
    }

    /// A postal address: the first 6 characters (the city and district) kept.
    public static func address(_ value: String) -> String {
        value.count <= 6 ? (value.isEmpty ? "" : "****") : String(value.prefix(6)) + "****"
    }
}
