public import Domain

/// Who is signed in: the account, its agency and the session or token it came with.
public struct StaffIdentity: Sendable {
    public var user: StaffUser
    public var agency: Agency
    public var session: StaffSession

    public init(user: StaffUser, agency: Agency, session: StaffSession) {
        self.user = user
        self.agency = agency
        self.session = session
    }

    /// Whether the person holds at least one of `roles`.
    public func holds(anyOf roles: Set<Role>) -> Bool { !user.roles.isDisjoint(with: roles) }
}
