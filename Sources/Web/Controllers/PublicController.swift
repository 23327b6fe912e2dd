import Domain
import Foundation
import Hummingbird

/// The public portal: home, documents, the stylesheet and the display-mode switch.
struct PublicController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer

    func register(on router: Router<GongkaiRequestContext>) {
        router.get("/", use: home)
        router.get("/documents/:id", use: document)
        router.get("/assets/site.css", use: stylesheet)
        router.post("/preferences/display", use: displayMode)
    }

    @Sendable func home(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let stores = env.database.stores
        let agency = try await stores.agencies.root()
        let documents = if let agency { try await stores.documents.recent(agencyID: agency.id, limit: 20) } else { [PublishedDocument]() }
        return try await pages.respond("首页", area: .portal, request: request, context: context, agency: agency) { chrome in
            HomePage(agency: agency, documents: documents).content(chrome)
        }
    }

    @Sendable func document(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self), let doc = try await env.database.stores.documents.find(id: id) else {
            throw DomainError.notFound("该文件")
        }
        let agency = try await env.database.stores.agencies.find(id: doc.agencyID)
        return try await pages.respond(doc.title, area: .portal, request: request, context: context) { chrome in
            DocumentPage(document: doc, agency: agency).content(chrome)
        }
    }

    @Sendable func stylesheet(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
    }

    /// Remembers the reader's choice for a year. It changes only how this browser shows pages,
    /// so it needs no CSRF token; cross-site posts are still refused by `OriginCheckMiddleware`.
    @Sendable func displayMode(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        guard let mode = DisplayMode(rawValue: form["mode"]) else { throw DomainError.invalid("mode", "未知的显示模式") }
        let next = form["next"].hasPrefix("/") && !form["next"].hasPrefix("//") ? form["next"] : SiteRoute.home.path
        var response = Response.redirect(to: next, type: .normal)
        response.setCookie(
            Cookie(
                name: DisplayMode.cookieName, value: mode.rawValue, maxAge: 365 * 86400, path: "/", secure: context.isSecure,
                httpOnly: true, sameSite: .lax))
        return response
    }
}
