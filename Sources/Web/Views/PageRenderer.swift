import Domain
import Hummingbird
import Plot

/// Renders a page inside the layout and turns it into a response, setting the anonymous CSRF
/// cookie when the page's forms need one.
struct PageRenderer: Sendable {
    let env: WebEnvironment

    func chrome(_ title: String, area: SiteArea, request: Request, context: GongkaiRequestContext) async throws
        -> (PageChrome, setCSRFCookie: Bool)
    {
        let csrf = CSRF.token(for: request, context: context)
        let agency: Agency? = if let identity = context.identity { identity.agency } else { try await env.database.stores.agencies.root() }
        let chrome = PageChrome(
            title: title, area: area, elderly: context.elderlyMode, identity: context.identity, csrf: csrf.token,
            returnPath: SiteRoute.safeReturnPath(request.uri.description), agency: agency)
        return (chrome, csrf.setCookie)
    }

    func respond(
        _ title: String, area: SiteArea, request: Request, context: GongkaiRequestContext, status: HTTPResponse.Status = .ok,
        content: (PageChrome) -> Node<HTML.BodyContext>
    ) async throws -> Response {
        let (chrome, setCookie) = try await chrome(title, area: area, request: request, context: context)
        var response = Self.html(Layout.render(chrome, content(chrome)), status: status)
        if setCookie { response.setCookie(CSRF.cookie(chrome.csrf, secure: context.isSecure)) }
        if area == .console || context.identity != nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
