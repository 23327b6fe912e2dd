import Crypto
import Foundation
import Hummingbird
import Services

/// CSRF protection for HTML forms. A signed-in form echoes its session's token; an anonymous
/// form (the login form) echoes the `gk_csrf` cookie it was served with (double submit).
enum CSRF {
    static let cookieName = "gk_csrf"
    static let fieldName = "_csrf"

    /// The token a form on this request should carry, and whether the anonymous cookie must be set.
    static func token(for request: Request, context: GongkaiRequestContext) -> (token: String, setCookie: Bool) {
        if let identity = context.identity { return (identity.session.csrfToken, false) }
        if let existing = request.cookies[cookieName]?.value, existing.count >= 32 { return (existing, false) }
        return (AccountService.newSecret(), true)
    }

    static func cookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// Throws `APIFailure.staleForm` unless the submitted token matches.
    static func verify(_ form: FormBody, request: Request, context: GongkaiRequestContext) throws {
        let submitted = form.raw(fieldName)
        let expected = context.identity?.session.csrfToken ?? request.cookies[cookieName]?.value ?? ""
        guard !expected.isEmpty, constantTimeEqual(submitted, expected) else { throw APIFailure.staleForm }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
