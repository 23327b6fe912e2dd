/// The password rule (等保 2.0 level 3 habit): at least 8 characters from at least 3 of the 4
/// classes upper case, lower case, digits and symbols.
public enum PasswordPolicy {
    public static let minimumLength = 8

    public static func validate(_ password: String) throws(DomainError) {
        guard password.count >= minimumLength else {
            throw .invalid("password", "密码至少 \(minimumLength) 位")
        }
        guard password.count <= 128 else { throw .invalid("password", "密码不能超过 128 位") }
        var classes = 0
        if password.contains(where: { $0.isASCII && $0.isUppercase }) { classes += 1 }
        if password.contains(where: { $0.isASCII && $0.isLowercase }) { classes += 1 }
        if password.contains(where: { $0.isASCII && $0.isNumber }) { classes += 1 }
        if password.contains(where: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) { classes += 1 }
        guard classes >= 3 else {
            throw .invalid("password", "密码须包含大写字母、小写字母、数字、特殊字符中的至少三类")
        }
    }
}
