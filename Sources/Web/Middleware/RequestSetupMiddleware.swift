import Foundation
import HTTPTypes
import Hummingbird
import Services

/// First in the chain: applies the body limit, reads the client address and display
/// preference, and adds the security headers every response carries.
struct RequestSetupMiddleware: RouterMiddleware {
    typealias Context = GongkaiRequestContext
    let settings: WebSettings

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.maxUploadSize = settings.bodyLimit
        context.checksResponses = settings.checkResponses
        context.elderlyMode = request.cookies[DisplayMode.cookieName]?.value == DisplayMode.elderly.rawValue
        context.textOnly = request.cookies[DisplayMode.textCookieName]?.value == "1"
        context.isSecure = Self.isSecure(request, settings)
        if settings.trustProxy, let forwarded = request.headers[.init("X-Forwarded-For")!],
            let client = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !client.isEmpty
        {
            context.remoteAddress = client
        }
        var response = try await next(request, context)
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        if context.isSecure, let hsts = Self.hsts(settings) { response.headers[Self.hstsField] = hsts }
        if response.headers[.init("Content-Security-Policy")!] == nil {
            // The 党政机关网站开办单位标识 is served by the CONAC itself (see `SiteRegistration`).
            response.headers[.init("Content-Security-Policy")!] =
                "default-src 'self'; img-src 'self' data: https://dcs.conac.cn; form-action 'self'; frame-ancestors 'none'"
        }
        return response
    }

    /// Whether the visitor reached us over HTTPS (directly or through the proxy in front).
    static func isSecure(_ request: Request, _ settings: WebSettings) -> Bool {
        settings.alwaysSecureCookies || request.head.scheme == "https" || request.headers[.init("X-Forwarded-Proto")!] == "https"
    }

    static let hstsField = HTTPField.Name("Strict-Transport-Security")!

    /// The HSTS value, or nil when switched off. Sent only over HTTPS (browsers ignore it on
    /// plain HTTP anyway); no includeSubDomains, since an agency cannot vouch for every host
    /// under its domain.
    static func hsts(_ settings: WebSettings) -> String? { settings.hstsSeconds > 0 ? "max-age=\(settings.hstsSeconds)" : nil }
}

/// Refuses a body larger than the limit from its declared length, before anything reads it.
/// (A body without a length is cut off at the limit while it is read.)
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = GongkaiRequestContext
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIFailure(.contentTooLarge, code: "body_too_large", message: "请求内容超过 \(limit / 1024 / 1024) MB 上限")
        }
        // No text anyone types holds a NUL, and PostgreSQL refuses one in any text value: an
        // address with `%00` is refused here, bodies where they are read (`FormBody`, `decodeJSON`).
        if request.uri.description.range(of: "%00") != nil { throw APIFailure.nulCharacter }
        return try await next(request, context)
    }
}

extension APIFailure {
    static let nulCharacter = APIFailure(.badRequest, code: "nul_character", message: "请求中含有空字符（NUL），无法处理")

    /// Whether JSON text holds the escape for NUL (`\u0000`, not an escaped backslash before `u0000`).
    static func hasNulEscape(_ bytes: Data) -> Bool {
        let zeros = "0000".utf8
        var i = bytes.startIndex
        while let u = bytes[i...].firstIndex(of: UInt8(ascii: "u")) {
            i = u + 1
            guard u + 4 < bytes.endIndex, bytes[(u + 1)...(u + 4)].elementsEqual(zeros) else { continue }
            // `\u0000` is an escape when an odd number of backslashes stands before the `u`.
            let backslashes = bytes[..<u].reversed().prefix { $0 == UInt8(ascii: "\\") }.count
            if backslashes % 2 == 1 { return true }
        }
        return false
    }
}

/// Refuses state-changing browser requests sent from another site (a second line of defence
/// behind the CSRF token; the API uses bearer tokens, never cookies, so it is exempt).
struct OriginCheckMiddleware: RouterMiddleware {
    typealias Context = GongkaiRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let safe: Set<HTTPRequest.Method> = [.get, .head, .options]
        if !safe.contains(request.method), !request.uri.path.hasPrefix("/api/") {
            if request.headers[.init("Sec-Fetch-Site")!] == "cross-site" { throw APIFailure.crossSite }
            if let origin = request.headers[.origin], origin != "null", let host = request.head.authority {
                let originHost = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init)
                if originHost != host { throw APIFailure.crossSite }
            }
        }
        return try await next(request, context)
    }
}

/// Reads the console session cookie (HTML routes) or the bearer token (`/api/`) and puts the
/// signed-in person on the context. It never refuses a request: routes decide what they need.
struct SessionAuthMiddleware: RouterMiddleware {
    typealias Context = GongkaiRequestContext
    static let cookieName = "gk_session"
    let accounts: AccountService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if request.uri.path.hasPrefix("/api/") {
            if let bearer = request.headers.bearer {
                context.identity = try await accounts.identity(forToken: bearer.token, kind: .api)
            }
        } else if let cookie = request.cookies[Self.cookieName]?.value {
            context.identity = try await accounts.identity(forToken: cookie, kind: .console)
        }
        if context.identity != nil { context.recordOwners = accounts.database.stores.agencies }
        return try await next(request, context)
    }
}
