/// A member of staff with a console account (工作人员账号), belonging to one agency.
public struct StaffUser: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var agencyID: Int64
    public var departmentID: Int64?
    public var username: String
    public var displayName: String
    public var roles: Set<Role>
    public var passwordHash: String
    public var failedLogins: Int
    /// Seconds since 1970 until which sign-in is refused; nil when not locked.
    public var lockedUntil: Double?
    public var disabled: Bool

    public init(
        id: Int64, agencyID: Int64, departmentID: Int64?, username: String, displayName: String,
        roles: Set<Role>, passwordHash: String, failedLogins: Int = 0, lockedUntil: Double? = nil,
        disabled: Bool = false
    ) {
        self.id = id
        self.agencyID = agencyID
        self.departmentID = departmentID
        self.username = username
        self.displayName = displayName
        self.roles = roles
        self.passwordHash = passwordHash
        self.failedLogins = failedLogins
        self.lockedUntil = lockedUntil
        self.disabled = disabled
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }

    public func isLocked(at now: Double) -> Bool { (lockedUntil ?? 0) > now }

    /// Usernames: 3-32 characters of letters, digits, dot, dash and underscore.
    public static func validate(username: String) throws(DomainError) {
        let ok =
            (3...32).contains(username.count)
            && username.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        if !ok { throw .invalid("username", "用户名须为 3-32 位字母、数字、点、下划线或连字符") }
    }
}
