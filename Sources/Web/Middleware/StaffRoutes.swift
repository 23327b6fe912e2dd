import Domain
import Hummingbird

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
        on(path, method: method) { request, context -> Output in
            guard let identity = context.identity else { throw DomainError.unauthenticated("请先登录") }
            try access.check(identity)
            return try await handler(request, context, identity)
        }
    }
}
