/// A staff role, held per agency (角色).
///
/// `system-admin` and `auditor` are 三员分立 roles: they combine with no other role, and a system
/// administrator manages accounts and settings but never drafts, reviews or publishes content.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case systemAdmin = "system-admin"
    case officeAdmin = "office-admin"
    case drafter
    case reviewer
    case leader
    case publisher
    case requestHandler = "request-handler"
    case auditor

    /// The name shown in the console.
    public var label: String {
        switch self {
        case .systemAdmin: "系统管理员"
        case .officeAdmin: "政务公开办公室"
        case .drafter: "起草人"
        case .reviewer: "审核人"
        case .leader: "签发领导"
        case .publisher: "发布人"
        case .requestHandler: "依申请公开承办人"
        case .auditor: "安全审计员"
        }
    }

    /// Roles that must be held alone (三员分立).
    public var isExclusive: Bool { self == .systemAdmin || self == .auditor }

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Parses a role name, with a message listing the valid ones.
    public static func parse(_ text: String) throws(DomainError) -> Role {
        guard let role = Role(rawValue: text) else {
            throw .invalid("role", "未知角色“\(text)”，可选：" + allCases.map(\.rawValue).joined(separator: "、"))
        }
        return role
    }

    /// Checks a set of roles for one person.
    public static func validate(_ roles: Set<Role>) throws(DomainError) {
        if roles.isEmpty { throw .invalid("role", "至少需要一个角色") }
        if let exclusive = roles.first(where: \.isExclusive), roles.count > 1 {
            throw .invalid("role", "“\(exclusive.label)”不能与其他角色兼任（三员分立）")
        }
    }
}
