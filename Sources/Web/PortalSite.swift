import Domain
import Foundation
import Hummingbird
import Services
import Storage

extension PortalSite {
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
