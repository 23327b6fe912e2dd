import Domain
import Foundation
import Hummingbird
import Services
import Storage

/// The audit browser's filters as they appear in the query string.
struct AuditQuery: Sendable, Equatable {
    var actor = ""
    var action = ""
    var recordType = ""
    var recordID = ""
    var from = ""
    var to = ""
    var page = 1

    static let pageSize = 50

    init() {}

    init(_ request: Request) {
        let q = request.uri.queryParameters
        func value(_ key: String) -> String { q[key[...]].map { String($0).trimmingCharacters(in: .whitespaces) } ?? "" }
        actor = value("actor")
        action = value("action")
        recordType = value("type")
        recordID = value("record")
        from = value("from")
        to = value("to")
        page = max(1, min(Int(value("page")) ?? 1, 100_000))
    }

    var queryString: String {
        let pairs = [
            ("actor", actor), ("action", action), ("type", recordType), ("record", recordID), ("from", from), ("to", to),
            ("page", page > 1 ? String(page) : ""),
        ]
        .filter { !$0.1.isEmpty }
        .map { "\($0.0)=\(Routes.encode($0.1))" }
        return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
    }

    /// The store filter, or a field error for a malformed date. Dates are days in China (UTC+8).
    func filter(agencyID: Int64?) throws(DomainError) -> AuditFilter {
        func millis(_ text: String, field: String, endOfDay: Bool) throws(DomainError) -> Int64? {
            guard let date = try CivilDate.parse(optional: text, field: field) else { return nil }
            let day = Int64(date.daysSinceEpoch + (endOfDay ? 1 : 0)) * 86_400_000 - 8 * 3_600_000
            return endOfDay ? day - 1 : day
        }
        return AuditFilter(
            agencyID: agencyID, actorName: actor.isEmpty ? nil : actor, action: action.isEmpty ? nil : action,
            recordType: recordType.isEmpty ? nil : recordType, recordID: recordID.isEmpty ? nil : recordID,
            fromMillis: try millis(from, field: "from", endOfDay: false), toMillis: try millis(to, field: "to", endOfDay: true))
    }
}
