import Domain

/// Who made a change, as the audit archive records it: a signed-in person or the command line.
public struct AuditActor: Sendable {
    public var agencyID: Int64?
    public var userID: Int64?
    public var name: String
    public var address: String

    public init(agencyID: Int64? = nil, userID: Int64? = nil, name: String, address: String) {
        self.agencyID = agencyID
        self.userID = userID
        self.name = name
        self.address = address
    }

    public init(_ identity: StaffIdentity, address: String) {
        self.init(agencyID: identity.agency.id, userID: identity.user.id, name: identity.user.username, address: address)
    }

    /// Changes made with the `gongkai` command on the server itself.
    public static let commandLine = AuditActor(agencyID: nil, userID: nil, name: "cli", address: "local")
}
