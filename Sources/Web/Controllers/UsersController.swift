import Domain
import Hummingbird
import Services
import Storage

/// Account administration for the system administrator (三员分立: accounts and settings only).
struct UsersController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, Routes.Console.users, .roles([.systemAdmin]), use: page)
        router.staff(.post, Routes.Console.users, .roles([.systemAdmin]), use: create)
        router.staff(.post, Routes.Console.userUnlock, .roles([.systemAdmin]), use: unlock)
        router.staff(.post, Routes.Console.userPassword, .roles([.systemAdmin]), use: resetPassword)
        router.staff(.get, Routes.API.users, .roles([.systemAdmin]), use: apiList)
        router.staff(.post, Routes.API.users, .roles([.systemAdmin]), use: apiCreate)
        router.staff(.post, Routes.API.userRoles, .roles([.systemAdmin]), use: apiSetRoles)
    }

    func render(
        _ page: UsersPage, identity: StaffIdentity, request: Request, context: GongkaiRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var page = page
        let stores = env.database.stores
        page.users = try await stores.users.list(agencyID: identity.agency.id)
        page.departments = try await stores.agencies.departments(of: identity.agency.id)
        page.now = env.clock()
        let shown = page
        return try await pages.respond("账号管理", area: .console, request: request, context: context, status: status) { chrome in
            shown.content(chrome)
        }
    }

    @Sendable func page(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await render(UsersPage(), identity: identity, request: request, context: context)
    }

    @Sendable func create(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        var page = UsersPage()
        page.form = .init(
            username: form["username"], displayName: form["displayName"], roles: Set(form.all("roles")),
            department: form["department"])
        do {
            let roles = Set(try form.all("roles").map { r throws(DomainError) in try Role.parse(r) })
            let department = form["department"].isEmpty ? nil : Int64(form["department"])
            let user = try await env.userAdministration.create(
                agencyID: identity.agency.id, departmentID: department, username: form["username"], displayName: form["displayName"],
                password: form.raw("password"), roles: roles, by: AuditActor(identity, address: context.remoteAddress))
            page = UsersPage()
            page.message = "已创建账号 \(user.username)。请通过线下渠道把初始密码交给本人。"
            return try await render(page, identity: identity, request: request, context: context)
        } catch let error as DomainError {
            page.errors[error.field ?? "username"] = error.message
            return try await render(page, identity: identity, request: request, context: context, status: .unprocessableContent)
        }
    }

    /// The account named in the path, which must belong to the administrator's agency.
    func target(_ context: GongkaiRequestContext, _ identity: StaffIdentity) async throws -> StaffUser {
        guard let id = context.parameters.get("id", as: Int64.self), let user = try await env.database.stores.users.find(id: id),
            user.agencyID == identity.agency.id
        else { throw DomainError.notFound("该账号") }
        return user
    }

    @Sendable func unlock(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let user = try await target(context, identity)
        _ = try await env.userAdministration.unlock(userID: user.id, by: AuditActor(identity, address: context.remoteAddress))
        var page = UsersPage()
        page.message = "已解锁账号 \(user.username)。"
        return try await render(page, identity: identity, request: request, context: context)
    }

    @Sendable func resetPassword(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let user = try await target(context, identity)
        var page = UsersPage()
        do {
            try await env.userAdministration.resetPassword(
                userID: user.id, newPassword: form.raw("password-\(user.id)"),
                by: AuditActor(identity, address: context.remoteAddress))
            page.message = "已重置 \(user.username) 的密码，并结束其所有登录会话。"
            return try await render(page, identity: identity, request: request, context: context)
        } catch let error as DomainError {
            page.errors["password-\(user.id)"] = error.message
            return try await render(page, identity: identity, request: request, context: context, status: .unprocessableContent)
        }
    }

    struct UserDTO: ResponseEncodable, Codable {
        var id: Int64
        var username: String
        var displayName: String
        var departmentID: Int64?
        var roles: [String]
        var locked: Bool

        init(_ u: StaffUser, now: Double) {
            (id, username, displayName, departmentID) = (u.id, u.username, u.displayName, u.departmentID)
            roles = u.roles.sorted().map(\.rawValue)
            locked = u.isLocked(at: now)
        }
    }

    struct UserList: ResponseEncodable {
        var users: [UserDTO]
    }

    @Sendable func apiList(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> UserList {
        let now = env.clock()
        return UserList(users: try await env.database.stores.users.list(agencyID: identity.agency.id).map { UserDTO($0, now: now) })
    }

    struct CreateUser: Decodable {
        var username: String
        var displayName: String
        var password: String
        var roles: [String]
        var departmentID: Int64?
    }

    @Sendable func apiCreate(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> EditedResponse<
        UserDTO
    > {
        let body = try await request.decodeJSON(CreateUser.self, context: context)
        let roles = Set(try body.roles.map { r throws(DomainError) in try Role.parse(r) })
        let user = try await env.userAdministration.create(
            agencyID: identity.agency.id, departmentID: body.departmentID, username: body.username, displayName: body.displayName,
            password: body.password, roles: roles, by: AuditActor(identity, address: context.remoteAddress))
        return EditedResponse(status: .created, response: UserDTO(user, now: env.clock()))
    }

    struct SetRoles: Decodable {
        var roles: [String]
    }

    /// Replaces an account's roles (a permission change, audited); its sessions end.
    @Sendable func apiSetRoles(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> UserDTO {
        let user = try await target(context, identity)
        let body = try await request.decodeJSON(SetRoles.self, context: context)
        let roles = Set(try body.roles.map { r throws(DomainError) in try Role.parse(r) })
        if user.id == identity.user.id && !roles.contains(.systemAdmin) {
            throw DomainError.conflict("不能撤销自己的系统管理员角色，请由另一名系统管理员操作")
        }
        let changed = try await env.userAdministration.setRoles(
            userID: user.id, roles: roles, by: AuditActor(identity, address: context.remoteAddress))
        return UserDTO(changed, now: env.clock())
    }
}
