import Domain
import Hummingbird
import Plot
import Services

/// Renders a page inside the layout and turns it into a response, setting the anonymous CSRF
/// cookie when the page's forms need one.
struct PageRenderer: Sendable {
    let env: WebEnvironment

    /// The frame for a page. `anonymousForm` asks for a CSRF token for a visitor who is not signed
    /// in (the login form); other public pages carry no token and set no cookie, so they stay
    /// cacheable. `agency`, when the handler has already read it, saves a query.
    func chrome(
        _ title: String, area: SiteArea, request: Request, context: GongkaiRequestContext, anonymousForm: Bool = false,
        agency known: Agency? = nil, trail extra: [Crumb] = [], metadata: [(name: String, content: String)] = []
    ) async throws -> (PageChrome, setCSRFCookie: Bool) {
        let csrf = context.identity != nil || anonymousForm ? CSRF.token(for: request, context: context) : (token: "", setCookie: false)
        let agency: Agency? =
            if let identity = context.identity { identity.agency } else if let known { known } else {
                try await env.portal(request).agency
            }
        let template = context.endpointPath
        let trail = area == .portal ? PortalMap.trail(template: template, extra: extra) : nil
        let chrome = PageChrome(
            title: title, area: area, elderly: context.elderlyMode, textOnly: context.textOnly, identity: context.identity,
            csrf: csrf.token,
            returnPath: Routes.safeReturnPath(request.uri.description), agency: agency,
            host: PortalSite.host(of: request, trustProxy: env.settings.trustProxy), trail: trail, metadata: metadata)
        return (chrome, csrf.setCookie)
    }

    func respond(
        _ title: String, area: SiteArea, request: Request, context: GongkaiRequestContext, status: HTTPResponse.Status = .ok,
        anonymousForm: Bool = false, agency: Agency? = nil, trail: [Crumb] = [], metadata: [(name: String, content: String)] = [],
        content: (PageChrome) -> Node<HTML.BodyContext>
    ) async throws -> Response {
        let (chrome, setCookie) = try await chrome(
            title, area: area, request: request, context: context, anonymousForm: anonymousForm, agency: agency, trail: trail,
            metadata: metadata)
        var response = Self.html(Layout.render(chrome, content(chrome)), status: status)
        if setCookie { response.setCookie(CSRF.cookie(chrome.csrf, secure: context.isSecure)) }
        if area == .console || context.identity != nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
