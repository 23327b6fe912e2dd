import Domain
import Foundation
import Hummingbird
import Storage

/// Which agency's portal a public request is for. An agency with its own host name
/// (`AgencySite.host`) has a portal of its own on the shared installation: its header, colour,
/// catalog, forms and reports. Any other host gets the installation's main portal, the root
/// agency's, which lists every agency's records.
struct PortalSite: Sendable {

    var agency: Agency?
    /// True when the host named an agency other than the root.
    var isOwnSite: Bool

    /// The agency whose records public lists show: nil (every agency) on the main portal.
    var scope: Int64? { isOwnSite ? agency?.id : nil }

    /// `filter` limited to this portal's agency on an agency's own site.
    func scoped(_ filter: CatalogFilter) -> CatalogFilter {
        var f = filter
        if let scope { f.agencyID = scope }
        return f
    }

    /// The request's host name: lower-case, without port. Behind a trusted proxy that passes the
    /// visitor's host in `X-Forwarded-Host`, that one.
    static func host(of request: Request, trustProxy: Bool) -> String {
        let forwarded =
            trustProxy ? request.headers[.init("X-Forwarded-Host")!].flatMap { $0.split(separator: ",").first.map(String.init) } : nil
        let authority = (forwarded ?? request.head.authority ?? "").trimmingCharacters(in: .whitespaces)
        var host = Substring(authority)
        if host.hasPrefix("[") {
            host = host.prefix { $0 != "]" } + "]"
        } else if let colon = host.lastIndex(of: ":") {
            host = host[..<colon]
        }
        return host.lowercased()
    }
}

extension WebEnvironment {
    /// The portal `request` is for (see `PortalSite`).
    func portal(_ request: Request) async throws -> PortalSite {
        let stores = database.stores
        let host = PortalSite.host(of: request, trustProxy: settings.trustProxy)
        if !host.isEmpty, let agency = try await stores.agencies.find(host: host) {
            return PortalSite(agency: agency, isOwnSite: agency.parentID != nil)
        }
        return PortalSite(agency: try await stores.agencies.root(), isOwnSite: false)
    }
}
