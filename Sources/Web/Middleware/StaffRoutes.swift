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
    /// that person. Every record the route's parameters name is checked against the person's
    /// agency first (`RecordScope`).
    @discardableResult
    func staff<each A: PathArgument, Output: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ route: Route<repeat each A>, _ access: Access,
        use handler: @escaping @Sendable (Request, Context, StaffIdentity) async throws -> Output
    ) -> Self {
        let owned = RecordScope.ownedParameters(route.template, owns: route.owns)
        return on(route.routerPath, method: method) { request, context -> Output in
            guard let identity = context.identity else { throw DomainError.unauthenticated("请先登录") }
            try access.check(identity)
            for (parameter, kind) in owned {
                try await RecordScope.check(parameter, kind, context: context, identity: identity)
            }
            return try await handler(request, context, identity)
        }
    }

    /// Registers a route open to anyone (the portal, the public API, sign-in).
    @discardableResult
    func on<each A: PathArgument, Output: ResponseGenerator>(
        _ route: Route<repeat each A>, method: HTTPRequest.Method,
        use handler: @escaping @Sendable (Request, Context) async throws -> Output
    ) -> Self {
        on(route.routerPath, method: method, use: handler)
    }

    @discardableResult
    func get<each A: PathArgument, Output: ResponseGenerator>(
        _ route: Route<repeat each A>, use handler: @escaping @Sendable (Request, Context) async throws -> Output
    ) -> Self {
        on(route.routerPath, method: .get, use: handler)
    }

    @discardableResult
    func post<each A: PathArgument, Output: ResponseGenerator>(
        _ route: Route<repeat each A>, use handler: @escaping @Sendable (Request, Context) async throws -> Output
    ) -> Self {
        on(route.routerPath, method: .post, use: handler)
    }
}

/// One agency's staff never reach another agency's records (集约化: many agencies share one
/// installation). Every ID in a staff route's path is looked up before the handler runs, and a
/// record of another agency is "not found", whatever the body says: the answer is the same as
/// for an ID that does not exist, so it tells nothing. Handlers keep their own checks; this is
/// the one rule that holds even where a handler forgets.
enum RecordScope {
    /// Parameters that are not record IDs, or that number a record's parts (checked by the
    /// handler against the record the route names).
    static let unscoped: Set<String> = ["year", "finding", "n", "cid", "file", "code", "category", "feed", "name", "unit"]

    /// The record IDs a staff route's parameters name, as the route states them. A parameter
    /// that is neither stated nor known not to be a record stops the program when the route is
    /// registered, so a new route cannot skip the check by accident.
    static func ownedParameters(_ template: String, owns: [String: OwnedRecord]) -> [(String, OwnedRecord)] {
        Routes.parameters(of: template).compactMap { name -> (String, OwnedRecord)? in
            if let kind = owns[name] { return (name, kind) }
            if unscoped.contains(name) { return nil }
            preconditionFailure("staff route \(template): no owner stated for parameter \(name)")
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
