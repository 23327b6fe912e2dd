/// Every error the domain reports. The web layer maps each case to one HTTP status in one place.
///
/// Messages are in Simplified Chinese because they are shown to users as they are.
public enum DomainError: Error, Equatable, Sendable {
    /// Input that breaks a rule; `field` names the form field or JSON key.
    case invalid(_ field: String, _ message: String)
    /// The record does not exist, or the caller may not know that it exists.
    case notFound(_ what: String)
    /// The caller is signed in but the action needs a role they do not hold.
    case forbidden(_ message: String)
    /// Credentials were wrong or missing.
    case unauthenticated(_ message: String)
    /// The account is locked until the given instant (seconds since 1970).
    case locked(until: Double)
    /// The record changed state underneath the caller, or a unique value is taken.
    case conflict(_ message: String)

    public var code: String {
        switch self {
        case .invalid: "invalid"
        case .notFound: "not_found"
        case .forbidden: "forbidden"
        case .unauthenticated: "unauthenticated"
        case .locked: "account_locked"
        case .conflict: "conflict"
        }
    }

    public var message: String {
        switch self {
        case .invalid(_, let m), .forbidden(let m), .unauthenticated(let m), .conflict(let m): m
        case .notFound(let what): "未找到\(what)"
        case .locked: "登录失败次数过多，账号已锁定 15 分钟，请稍后再试或联系系统管理员解锁"
        }
    }

    public var field: String? {
        if case .invalid(let f, _) = self { return f }
        return nil
    }
}

extension DomainError: CustomStringConvertible {
    public var description: String { message }
}
