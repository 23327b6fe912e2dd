import Domain
import Hummingbird
import Services
import Storage

/// Who may use a staff route. Every staff route must name one: there is no default, so a route
/// registered without thought is not reachable by accident (deny by default).
enum Access: Sendable {
    /// Any signed-in member of staff.
    case anyStaff
    /// Holders of at least one of these roles.
    case roles(Set<Role>)

    func check(_ identity: StaffIdentity) throws(DomainError) {
        if case .roles(let roles) = self, !identity.holds(anyOf: roles) {
            throw .forbidden("此功能仅限" + roles.sorted().map(\.label).joined(separator: "、") + "使用")
        }
    }
}

extension RouterMethods where Context == GongkaiRequestContext {
    /// Registers a route that needs a signed-in person allowed by `access`; the handler receives
    /// that person.
    @discardableResult
    func staff<Output: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ path: RouterPath, _ access: Access,
        use handler: @escaping @Sendable (Request, Context, StaffIdentity) async throws -> Output
    ) -> Self {
        let owned = RecordScope.ownedParameters(path.description)
        return on(path, method: method) { request, context -> Output in
            guard let identity = context.identity else { throw DomainError.unauthenticated("请先登录") }
            try access.check(identity)
            for (parameter, kind) in owned {
                try await RecordScope.check(parameter, kind, context: context, identity: identity)
            }
            return try await handler(request, context, identity)
        }
    }
}

/// One agency's staff never reach another agency's records (集约化: many agencies share one
/// installation). Every ID in a staff route's path is looked up before the handler runs, and a
/// record of another agency is "not found", whatever the body says: the answer is the same as
/// for an ID that does not exist, so it tells nothing. Handlers keep their own checks; this is
/// the one rule that holds even where a handler forgets.
enum RecordScope {
    /// The resource an `id` parameter names, by the path segment after `/api/v1/` or `/console/`.
    static let resources: [String: OwnedRecord] = [
        "documents": .document, "consultations": .consultation, "ledgers": .plan, "mailbox": .mailbox, "faq": .faq,
        "open-days": .openDay, "opinions": .opinion, "proposals": .proposal, "requests": .request, "site-errors": .siteError,
        "surveys": .survey, "users": .user, "media-accounts": .mediaAccount, "media": .mediaAccount,
        "assessments": .assessment,
    ]
    /// Parameters that name the same kind of record on every route.
    static let parameters: [String: OwnedRecord] = [
        "tid": .task, "rid": .progressReport, "fid": .evidenceFile, "lid": .letter, "aid": .appeal, "attachment": .attachment,
    ]
    /// Parameters that are not record IDs, or that number a record's parts (checked by the
    /// handler against the record the route names).
    static let unscoped: Set<String> = ["year", "finding", "n", "cid", "file", "code", "category", "feed", "name", "unit"]

    /// The record IDs in a route path (`/api/v1/requests/{id}/appeals/{aid}`). A route with a
    /// parameter this table does not know stops the program when it is registered, so a new
    /// route cannot skip the check by accident.
    static func ownedParameters(_ path: String) -> [(String, OwnedRecord)] {
        let segments = path.split(separator: "/").map(String.init)
        let start = segments.first == "api" ? 2 : 1
        let resource = segments.count > start ? segments[start] : ""
        return segments.compactMap { segment -> (String, OwnedRecord)? in
            guard segment.hasPrefix("{") || segment.hasPrefix(":") else { return nil }
            let name = String(segment.dropFirst().drop { $0 == "{" }.prefix { $0 != "}" })
            if unscoped.contains(name) { return nil }
            if let kind = name == "id" ? resources[resource] : parameters[name] { return (name, kind) }
            preconditionFailure("staff route \(path): no owner rule for parameter \(name)")
        }
    }

    static func check(_ parameter: String, _ kind: OwnedRecord, context: GongkaiRequestContext, identity: StaffIdentity) async throws {
        guard let id = context.parameters.get(parameter, as: Int64.self), let owners = context.recordOwners,
            let owner = try await owners.owner(of: kind, id: id)
        else { throw DomainError.notFound("该记录") }
        if owner == identity.agency.id { return }
        // A unit reports on the tasks its parent's work plan gives it and assesses itself in its
        // parent's assessments; those handlers decide which tasks, reports and marks it may touch.
        if kind.isSharedWithUnits && owner == identity.agency.parentID { return }
        throw DomainError.notFound("该记录")
    }
}
