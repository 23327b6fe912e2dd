import Domain
import Foundation
import Hummingbird
import Services

/// Signing in and out: the console's login form and the JSON API's tokens.
struct AuthController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer

    func register(on router: Router<GongkaiRequestContext>) {
        router.get(Routes.Portal.login, use: loginForm)
        router.post(Routes.Portal.login, use: login)
        router.staff(.post, Routes.Portal.logout, .anyStaff, use: logout)
        router.post(Routes.API.authLogin, use: apiLogin)
        router.staff(.post, Routes.API.authLogout, .anyStaff, use: apiLogout)
        router.staff(.get, Routes.API.me, .anyStaff) { _, _, identity in MeResponse(identity) }
    }

    @Sendable func loginForm(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let next = request.uri.queryParameters["next"].map(String.init) ?? ""
        if context.identity != nil { return .redirect(to: Routes.safeReturnPath(next), type: .normal) }
        return try await pages.respond("登录", area: .portal, request: request, context: context, anonymousForm: true) { chrome in
            LoginPage(
                next: next, policy: env.rules.loginPolicy,
                message: request.uri.queryParameters["ended"] == "1" ? "登录已失效（长时间未操作，或已在别处退出），请重新登录" : nil
            ).content(chrome)
        }
    }

    @Sendable func login(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        var page = LoginPage(username: form["username"], next: form["next"], policy: env.rules.loginPolicy)
        do {
            guard !page.username.isEmpty, !form.raw("password").isEmpty else { throw DomainError.unauthenticated("请输入用户名和密码") }
            let signIn = try await signIn(
                username: page.username, password: form.raw("password"), kind: .console, address: context.remoteAddress)
            var response = Response.redirect(to: Routes.safeReturnPath(page.next), type: .normal)
            response.setCookie(
                Cookie(
                    name: SessionAuthMiddleware.cookieName, value: signIn.token, path: "/", secure: context.isSecure,
                    httpOnly: true, sameSite: .lax))
            return response
        } catch let error as DomainError {
            page.message = error.message
            let status = ErrorMiddleware.map(error, limit: context.maxUploadSize).status
            return try await pages.respond("登录", area: .portal, request: request, context: context, status: status, anonymousForm: true) {
                chrome in
                page.content(chrome)
            }
        } catch let failure as APIFailure where failure.status.code == 429 {
            page.message = failure.message
            return try await pages.respond(
                "登录", area: .portal, request: request, context: context, status: failure.status, anonymousForm: true
            ) { chrome in
                page.content(chrome)
            }
        }
    }

    /// Signs in within the per-address limit on failures (`PublicLimits.loginFailures`): once an
    /// address has used it up, even a right password waits for the window to pass.
    func signIn(username: String, password: String, kind: StaffSession.Kind, address: String) async throws -> AccountService.SignIn {
        let limiter = env.limits.loginFailures
        let now = env.clock()
        guard !limiter.blocked(address, now: now) else { throw APIFailure.tooMany("登录失败次数过多，请十分钟后再试") }
        do {
            return try await env.accounts.signIn(username: username, password: password, kind: kind, remoteAddress: address)
        } catch let error as DomainError {
            if case .unauthenticated = error { _ = limiter.allow(address, now: now) }
            throw error
        }
    }

    @Sendable func logout(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        try await env.accounts.signOut(identity, remoteAddress: context.remoteAddress)
        var response = Response.redirect(to: Routes.Portal.home.path(), type: .normal)
        response.setCookie(
            Cookie(
                name: SessionAuthMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: context.isSecure,
                httpOnly: true, sameSite: .lax))
        return response
    }

    struct LoginRequest: Decodable {
        var username: String
        var password: String
    }

    struct TokenResponse: ResponseEncodable {
        var token: String
        var expiresAt: String
    }

    @Sendable func apiLogin(_ request: Request, context: GongkaiRequestContext) async throws -> TokenResponse {
        let body = try await request.decodeJSON(LoginRequest.self, context: context)
        let signIn = try await signIn(username: body.username, password: body.password, kind: .api, address: context.remoteAddress)
        let expires = Date(timeIntervalSince1970: signIn.identity.session.expiresAt)
        return TokenResponse(token: signIn.token, expiresAt: expires.formatted(.iso8601))
    }

    @Sendable func apiLogout(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        try await env.accounts.signOut(identity, remoteAddress: context.remoteAddress)
        return Response(status: .noContent)
    }

    struct MeResponse: ResponseEncodable {
        var id: Int64
        var username: String
        var displayName: String
        var agency: AgencySummary
        var roles: [String]

        struct AgencySummary: Codable {
            var id: Int64
            var name: String
            var creditCode: String
        }

        init(_ identity: StaffIdentity) {
            id = identity.user.id
            username = identity.user.username
            displayName = identity.user.displayName
            agency = AgencySummary(id: identity.agency.id, name: identity.agency.name, creditCode: identity.agency.creditCode)
            roles = identity.user.roles.sorted().map(\.rawValue)
        }
    }
}
