import Foundation

/// How a request reached the agency, and which day counts as its receipt (Art. 31).
public enum RequestChannel: String, CaseIterable, Hashable, Sendable, Codable {
    case online
    case inPerson = "in_person"
    case letter
    case registeredPost = "registered_post"
    case fax
    case email

    public var label: String {
        switch self {
        case .online: "网上申请"
        case .inPerson: "当面提交"
        case .letter: "平常信函"
        case .registeredPost: "挂号信、快递等需签收的邮件"
        case .fax: "传真"
        case .email: "电子邮件"
        }
    }

    /// Which date the receipt date is (Art. 31), as staff are asked for it when registering.
    public var receiptRule: String {
        switch self {
        case .inPerson: "以提交之日为收到申请之日"
        case .registeredPost: "以本机关签收之日为收到申请之日"
        case .letter: "须于收到当日与申请人确认，以确认之日为收到申请之日"
        case .online, .fax, .email: "以双方确认之日为收到申请之日"
        }
    }
}

public enum DeliveryMethod: String, CaseIterable, Hashable, Sendable, Codable {
    case email
    case post
    case pickup

    public var label: String {
        switch self {
        case .email: "电子邮件"
        case .post: "邮寄"
        case .pickup: "当面领取"
        }
    }
}

/// The applicant (Art. 29 (一)): name or organisation, proof of identity, contact.
public struct Applicant: Hashable, Sendable, Codable {
    public var type: ApplicantType
    public var name: String
    /// A resident ID number for a person, a 统一社会信用代码 for an organisation.
    public var idNumber: String
    public var phone: String
    public var email: String
    public var address: String

    public init(type: ApplicantType, name: String, idNumber: String, phone: String = "", email: String = "", address: String = "") {
        self.type = type
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
        self.email = email
        self.address = address
    }

    /// Trims every field, upper-cases the identity number, and checks what Art. 29 asks for and
    /// what the delivery needs. The first problem is thrown, naming its field.
    public func validated(for delivery: DeliveryMethod) throws(DomainError) -> Applicant {
        func clean(_ s: String, _ limit: Int, _ field: String) throws(DomainError) -> String {
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            guard t.count <= limit else { throw .invalid(field, "\(field) 过长（至多 \(limit) 个字）") }
            return t
        }
        var a = self
        a.name = try clean(name, 100, "applicant.name")
        a.idNumber = try clean(idNumber, 30, "applicant.idNumber").uppercased()
        a.phone = try clean(phone, 30, "applicant.phone")
        a.email = try clean(email, 200, "applicant.email")
        a.address = try clean(address, 300, "applicant.address")
        guard !a.name.isEmpty else {
            throw .invalid("applicant.name", type.isOrganisation ? "请填写单位名称" : "请填写申请人姓名")
        }
        if type.isOrganisation {
            guard CreditCode.isValid(a.idNumber) else {
                throw .invalid("applicant.idNumber", "统一社会信用代码应为 18 位且校验位正确")
            }
        } else {
            guard CheckDigits.isResidentID(a.idNumber) else {
                throw .invalid("applicant.idNumber", "身份证号码应为 18 位，且校验位和出生日期正确")
            }
        }
        guard !a.phone.isEmpty || !a.email.isEmpty else { throw .invalid("applicant.phone", "请至少留下电话或电子邮箱") }
        if !a.phone.isEmpty {
            guard a.phone.allSatisfy({ $0.isASCII && ($0.isNumber || "-+ ()".contains($0)) }), a.phone.filter(\.isNumber).count >= 7 else {
                throw .invalid("applicant.phone", "电话号码格式不正确")
            }
        }
        if !a.email.isEmpty || delivery == .email {
            guard Self.isEmail(a.email) else {
                throw .invalid("applicant.email", delivery == .email ? "选择电子邮件送达时须填写有效的电子邮箱" : "电子邮箱格式不正确")
            }
        }
        if delivery == .post && a.address.isEmpty { throw .invalid("applicant.address", "选择邮寄送达时须填写通信地址") }
        return a
    }

    /// A plausible e-mail address: one @, a dotted domain, no spaces or line breaks.
    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasSuffix(".")
            && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
    }

    /// The name as shown where personal data must not appear: the family name and a mask.
    public var maskedName: String {
        guard let first = name.first else { return "" }
        return type.isOrganisation ? name : String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }
}

/// Tracking codes given to applicants at once: short, unambiguous when read aloud or typed on
/// a phone (no 0/O, 1/I/L), with a check letter so a mistyped code is told apart from an unknown one.
public enum TrackingCode {
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// `YYYY` + eight random characters + one check character, e.g. `2025-7KQ3M9XD-P`.
    public static func make(year: Int, using rng: inout some RandomNumberGenerator) -> String {
        let body = String((0..<8).map { _ in alphabet.randomElement(using: &rng)! })
        return "\(year)-\(body)-\(check(for: "\(year)" + body))"
    }

    static func check(for text: String) -> Character {
        var sum = 0
        for (i, c) in text.enumerated() {
            let v = alphabet.firstIndex(of: c) ?? Int(c.asciiValue ?? 0)
            sum += v * (i % 2 == 0 ? 3 : 7)
        }
        return alphabet[sum % alphabet.count]
    }

    /// The canonical form of what someone typed (case, spaces and dashes forgiven), or nil when
    /// it cannot be a code (wrong shape or check letter).
    public static func normalise(_ typed: String) -> String? {
        let raw = typed.uppercased().filter { $0.isLetter || $0.isNumber }
        guard raw.count == 13, let year = Int(raw.prefix(4)) else { return nil }
        let body = String(raw.dropFirst(4).prefix(8))
        guard body.allSatisfy(alphabet.contains), let last = raw.last, last == check(for: "\(year)" + body) else { return nil }
        return "\(year)-\(body)-\(last)"
    }
}
