import Domain
import Foundation
import Hummingbird
import Reports
import Services
import Storage

/// Machine-readable views of the public catalog: sitemap.xml and Atom feeds per category.
/// Both read the public catalog only, so a withdrawn document leaves them at once.
struct FeedsController: Sendable {
    let env: WebEnvironment

    func register(on router: Router<GongkaiRequestContext>) {
        router.get(Routes.Portal.sitemap, use: sitemap)
        router.get(Routes.Portal.feed, use: feed)
    }

    /// `https://host` of the request, as the public reaches us.
    static func origin(_ request: Request, _ context: GongkaiRequestContext) -> String {
        (context.isSecure ? "https://" : "http://") + (request.head.authority ?? "localhost")
    }

    /// The site's public address (`GONGKAI_PUBLIC_ORIGIN`), or else the request's: what a page
    /// cites as its own absolute address.
    static func publicOrigin(_ request: Request, _ context: GongkaiRequestContext, _ env: WebEnvironment) -> String {
        env.settings.publicOrigin ?? origin(request, context)
    }

    static let sitemapLimit = 50_000

    @Sendable func sitemap(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let xml = try await Self.sitemapXML(env, origin: Self.origin(request, context), site: try await env.portal(request))
        return Response(
            status: .ok, headers: [.contentType: "application/xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: xml)))
    }

    static func sitemapXML(_ env: WebEnvironment, origin: String, site: PortalSite) async throws -> String {
        let (_, docs) = try await env.database.stores.documents.list(site.scoped(.none), limit: Self.sitemapLimit, offset: 0)
        var xml =
            #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"# + "\n"
        xml += "<url><loc>\(attr(origin))/</loc></url>\n"
        for c in try await CatalogService.portal(env.services, site).categories {
            xml += "<url><loc>\(attr(origin + Routes.Portal.catalog(category: c.code, page: 1)))</loc></url>\n"
        }
        for d in docs {
            xml += "<url><loc>\(attr(origin + Routes.Portal.document.path(d.id)))</loc>"
            if let p = d.publishedOn { xml += "<lastmod>\(p.description)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "<url><loc>\(attr(origin))/reports/annual</loc></url>\n"
        for v in try await AnnualReportsController.publishedViews(env) {
            xml += "<url><loc>\(attr(origin))/agencies/\(v.agency.id)/reports/annual/\(v.report.year)</loc></url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    /// `/feeds/all.atom` or `/feeds/{category code}.atom`: the 50 newest documents.
    @Sendable func feed(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        guard let name = context.parameters.get("feed"), name.hasSuffix(".atom") else { throw DomainError.notFound("该订阅源") }
        let code = String(name.dropLast(5))
        let site = try await env.portal(request)
        let category: CatalogCategory? = code == "all" ? nil : try? await CatalogService.portal(env.services, site).category(code)
        if code != "all" && category == nil { throw DomainError.notFound("该订阅源") }
        let xml = try await Self.atomXML(env, category: category, origin: Self.origin(request, context), site: site)
        return Response(
            status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: xml)))
    }

    /// The feed of one category, or of everything when `category` is nil.
    static func atomXML(_ env: WebEnvironment, category: CatalogCategory?, origin: String, site: PortalSite) async throws -> String {
        let name = (category?.code ?? "all") + ".atom"
        let agency = site.agency
        let (_, docs) = try await env.database.stores.documents.list(
            site.scoped(CatalogFilter(categoryCode: category?.code)), limit: 50, offset: 0)
        let title = (agency?.siteTitle ?? "政府信息公开") + " · " + (category?.name ?? "最新公开")
        let updated = docs.first?.publishedOn?.description ?? env.today.description
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">"# + "\n"
        xml += "<title>\(attr(title))</title>\n<id>\(attr(origin))/feeds/\(attr(name))</id>\n"
        xml += "<link rel=\"self\" href=\"\(attr(origin))/feeds/\(attr(name))\"/>\n<updated>\(updated)T00:00:00+08:00</updated>\n"
        for d in docs {
            let url = origin + Routes.Portal.document.path(d.id)
            xml += "<entry><title>\(attr(d.title))</title><id>\(attr(url))</id><link href=\"\(attr(url))\"/>"
            xml += "<updated>\(d.publishedOn?.description ?? updated)T00:00:00+08:00</updated>"
            xml += "<author><name>\(attr(agency?.name ?? ""))</name></author>"
            xml += "<summary>\(attr(Snippet.make(RichText.plain(d.body), query: "", radius: 60)))</summary></entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }
}
