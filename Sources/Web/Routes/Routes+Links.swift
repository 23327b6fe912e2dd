import Domain
import Storage

/// Links that carry a query string or choose between routes, built on the routes themselves.
extension Routes.Portal {
    /// A search, with the page when past the first.
    static func search(query: String, page: Int) -> String {
        search.path() + "?q=" + Routes.encode(query) + (page > 1 ? "&page=\(page)" : "")
    }

    /// A catalog category, with the page when past the first.
    static func catalog(category: String, page: Int) -> String {
        catalog.path(category) + (page > 1 ? "?page=\(page)" : "")
    }

    /// The browsing page with its filter.
    static func browse(_ f: CatalogFilter, page: Int) -> String {
        browse.path(
            query: [
                ("category", f.categoryCode), ("year", f.year.map(String.init)), ("agency", f.agencyID.map(String.init)),
                ("subject", f.subject), ("column", f.column), ("page", page > 1 ? String(page) : nil),
            ])
    }

    /// The 政府信息公开指南 of an agency, or of the installation's main portal.
    /// The masthead emblem's address: its digest is in the name, so a new picture is a new file.
    static func emblemPath(_ agency: Agency) -> String? {
        guard let (kind, digest) = SiteEmblem.parse(agency.site.emblem) else { return nil }
        return Routes.Portal.emblem.path("\(agency.id)-\(digest).\(kind.fileExtension)")
    }

    static func guide(agencyID: Int64?) -> String {
        agencyID.map { agencyGuide.path($0) } ?? guide.path()
    }

    /// A published attachment, named by its file name.
    static func attachment(_ documentID: Int64, _ a: Attachment) -> String {
        documentAttachment.path(documentID, a.id, a.fileName)
    }

    /// The sign-in form, returning to `next` afterwards.
    static func login(next: String?) -> String {
        login.path(query: [("next", next)])
    }
}

extension Routes.Console {
    /// The audit archive with a filter.
    static func audit(_ q: AuditQuery) -> String { audit.path() + q.queryString }

    /// The audit archive's CSV copy with a filter.
    static func auditCSV(_ q: AuditQuery) -> String { auditCSV.path() + q.queryString }
}
