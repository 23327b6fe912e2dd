public import Domain
import Storage

extension MailboxService {
    /// Shows a letter writer's phone and e-mail in full: to the disclosure office or the
    /// department the letter is assigned to, and archived each time. Staff pages show them
    /// masked otherwise (`Masked`).
    public func revealWriter(_ id: Int64, by identity: StaffIdentity, address: String) async throws -> MailboxMessage {
        let m = try await message(id, for: identity)
        let ownDepartment = m.departmentID != nil && m.departmentID == identity.user.departmentID
        guard identity.holds(anyOf: Self.office) || ownDepartment else {
            throw DomainError.forbidden("只有政务公开办公室和承办科室可以查看来信人的完整联系方式")
        }
        try await env.database.audit(
            .mailboxReveal, .mailbox, String(m.id), by: AuditActor(identity, address: address), atMillis: env.nowMillis,
            agencyID: identity.agency.id, detail: "查看来信人完整联系方式")
        return m
    }
}
