public import Domain
import Storage

extension RequestService {
    /// Shows an applicant's ID number and contact details in full: to the request's handler or
    /// the disclosure office only, and archived each time (who looked, when, from where). Staff
    /// pages show them masked otherwise (`Masked`).
    public func revealApplicant(_ id: Int64, by identity: StaffIdentity, address: String) async throws -> DisclosureRequest {
        guard let r = try await env.database.stores.requests.find(id: id), r.agencyID == identity.agency.id else {
            throw DomainError.notFound("该申请")
        }
        guard r.handling.handlerID == identity.user.id || identity.holds(anyOf: [.officeAdmin]) else {
            throw DomainError.forbidden("只有该申请的承办人和政务公开办公室可以查看申请人的完整证件号码和联系方式")
        }
        try await env.database.audit(
            .requestReveal, .request, String(r.id), by: AuditActor(identity, address: address), atMillis: env.nowMillis,
            detail: "查看申请人完整证件号码和联系方式")
        return r
    }
}
