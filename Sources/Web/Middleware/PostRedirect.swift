import Hummingbird

/// Post/Redirect/Get for the public forms: a form that was accepted answers `303 See Other` to its
/// receipt page, so a reload shows the receipt again instead of sending the form twice. What the
/// receipt shows travels in a short-lived cookie that only the receipt page receives, and only
/// what the sender already holds goes in it (a tracking code, a record the page shows to no one
/// else without its code).
enum PostRedirect {
    static let cookieName = "gk_receipt"
    /// Long enough to read the receipt and reload it; a stale one shows the lookup form.
    static let seconds = 1800

    static func receipt(to path: String, carrying value: String, secure: Bool) -> Response {
        var response = Response.redirect(to: path, type: .normal)
        response.headers[.cacheControl] = "no-store"
        let scope = String(path.prefix { $0 != "?" })
        response.setCookie(
            Cookie(name: cookieName, value: value, maxAge: seconds, path: scope, secure: secure, httpOnly: true, sameSite: .strict))
        return response
    }

    /// The value the form left for this page, if it is one the page can read.
    static func value(_ request: Request) -> String? {
        guard let v = request.cookies[cookieName]?.value, !v.isEmpty, v.count <= 80,
            v.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") })
        else { return nil }
        return v
    }
}
