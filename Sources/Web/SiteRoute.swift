import Domain
import Foundation
import Services
import Storage

/// Every page of the site, used to build links so that a renamed path changes in one place.
/// Routes are registered with the same paths in `Application+build.swift`.
enum SiteRoute {
    case home
    case document(Int64)
    case search(query: String, page: Int)
    case guide(Int64?)
    case catalog(category: String, page: Int)
    case browse(CatalogFilter, page: Int)
    case column(String)
    case subjects
    case printDocument(Int64)
    case stylesheet
    case displayMode
    case login(next: String?)
    case logout
    case console
    case audit(AuditQuery)
    case auditCSV(AuditQuery)
    case calendar
    case users
    case userUnlock(Int64)
    case userPassword(Int64)
    case consoleDocuments
    case timeliness
    case wordList
    case catalogSettings
    case newDocument
    case importDocument
    case publicAttachment(Int64, Attachment)
    case consoleAttachment(Int64, Int64)
    case consoleDocument(Int64)
    case documentAction(Int64, String)
    case documentFinding(Int64, Int64)

    var path: String {
        switch self {
        case .home: "/"
        case .document(let id): "/documents/\(id)"
        case .guide(let id): id.map { "/agencies/\($0)/guide" } ?? "/guide"
        case .search(let q, let page): "/search?q=" + Self.encode(q) + (page > 1 ? "&page=\(page)" : "")
        case .catalog(let code, let page): "/catalog/" + Self.encode(code) + (page > 1 ? "?page=\(page)" : "")
        case .browse(let f, let page):
            "/browse"
                + Self.query([
                    ("category", f.categoryCode), ("year", f.year.map(String.init)), ("agency", f.agencyID.map(String.init)),
                    ("subject", f.subject), ("column", f.column), ("page", page > 1 ? String(page) : nil),
                ])
        case .column(let code): "/columns/" + Self.encode(code)
        case .subjects: "/subjects"
        case .printDocument(let id): "/documents/\(id)/print"
        case .stylesheet: "/assets/site.css"
        case .displayMode: "/preferences/display"
        case .login(let next): "/login" + (next.map { "?next=" + Self.encode($0) } ?? "")
        case .logout: "/logout"
        case .console: "/console"
        case .audit(let q): "/console/audit" + q.queryString
        case .auditCSV(let q): "/console/audit.csv" + q.queryString
        case .calendar: "/console/calendar"
        case .users: "/console/users"
        case .userUnlock(let id): "/console/users/\(id)/unlock"
        case .userPassword(let id): "/console/users/\(id)/password"
        case .consoleDocuments: "/console/documents"
        case .timeliness: "/console/timeliness"
        case .wordList: "/console/sensitive-words"
        case .catalogSettings: "/console/catalog-settings"
        case .newDocument: "/console/documents/new"
        case .importDocument: "/console/documents/import"
        case .publicAttachment(let id, let a): "/documents/\(id)/attachments/\(a.id)/" + Self.encodePath(a.fileName)
        case .consoleAttachment(let id, let a): "/console/documents/\(id)/attachments/\(a)"
        case .consoleDocument(let id): "/console/documents/\(id)"
        case .documentAction(let id, let action): "/console/documents/\(id)/\(action)"
        case .documentFinding(let id, let finding): "/console/documents/\(id)/findings/\(finding)"
        }
    }

    static func query(_ pairs: [(String, String?)]) -> String {
        let set = pairs.compactMap { k, v in v.map { "\(k)=" + encode($0) } }
        return set.isEmpty ? "" : "?" + set.joined(separator: "&")
    }

    static func encodePath(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? "file"
    }

    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// A local path to return to after signing in; anything else (another host, a scheme,
    /// `//evil`) falls back to the console home.
    static func safeReturnPath(_ candidate: String?) -> String {
        guard let p = candidate, p.hasPrefix("/"), !p.hasPrefix("//"), !p.hasPrefix("/\\"), !p.contains("\r"), !p.contains("\n")
        else { return SiteRoute.console.path }
        return p
    }
}
