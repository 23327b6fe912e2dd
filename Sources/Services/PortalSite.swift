public import Domain
public import Storage

/// Which agency's portal a public request is for. An agency with its own host name
/// (`AgencySite.host`) has a portal of its own on the shared installation: its header, colour,
/// catalog, forms and reports. Any other host gets the installation's main portal, the root
/// agency's, which lists every agency's records.
public struct PortalSite: Sendable {

    public var agency: Agency?
    /// True when the host named an agency other than the root.
    public var isOwnSite: Bool

    public init(agency: Agency? = nil, isOwnSite: Bool) {
        self.agency = agency
        self.isOwnSite = isOwnSite
    }

    /// The agency whose records public lists show: nil (every agency) on the main portal.
    public var scope: Int64? { isOwnSite ? agency?.id : nil }

    /// `filter` limited to this portal's agency on an agency's own site.
    public func scoped(_ filter: CatalogFilter) -> CatalogFilter {
        var f = filter
        if let scope { f.agencyID = scope }
        return f
    }
}
