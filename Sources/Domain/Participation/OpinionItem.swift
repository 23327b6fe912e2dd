import Foundation

/// An item of the public-opinion register (舆情台账): something said about the agency's work
/// that calls for a response, from discovery to the published answer.
public struct OpinionItem: Hashable, Sendable, Codable {
    public enum Risk: String, CaseIterable, Hashable, Sendable, Codable {
        case low
        case medium
        case high

        public var label: String {
            switch self {
            case .low: "一般"
            case .medium: "较大"
            case .high: "重大"
            }
        }
    }

    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        case open
        case responded
        case closed

        public var label: String {
            switch self {
            case .open: "待回应"
            case .responded: "已回应"
            case .closed: "已办结"
            }
        }
    }

    /// A response and where and when it went out; it may point at the document or mailbox
    /// reply that carried it.
    public struct Response: Hashable, Sendable, Codable {
        public var text: String
        public var channel: String
        public var publishedAtMillis: Int64
        public var documentID: Int64?
        public var mailboxID: Int64?
        public var by: String

        public init(text: String, channel: String, publishedAtMillis: Int64, documentID: Int64?, mailboxID: Int64?, by: String) {
            self.text = text
            self.channel = channel
            self.publishedAtMillis = publishedAtMillis
            self.documentID = documentID
            self.mailboxID = mailboxID
            self.by = by
        }
    }

    public var id: Int64
    public var agencyID: Int64
    public var source: String
    public var link: String
    public var foundAtMillis: Int64
    public var topic: String
    public var summary: String
    public var risk: Risk
    public var departmentID: Int64?
    public var unitName: String
    public var status: Status
    public var responses: [Response]
    public var createdAtMillis: Int64

    public init(
        id: Int64 = 0, agencyID: Int64, source: String, link: String, foundAtMillis: Int64, topic: String, summary: String, risk: Risk,
        departmentID: Int64? = nil, unitName: String = "", status: Status = .open, responses: [Response] = [], createdAtMillis: Int64 = 0
    ) {
        self.id = id
        self.agencyID = agencyID
        self.source = source
        self.link = link
        self.foundAtMillis = foundAtMillis
        self.topic = topic
        self.summary = summary
        self.risk = risk
        self.departmentID = departmentID
        self.unitName = unitName
        self.status = status
        self.responses = responses
        self.createdAtMillis = createdAtMillis
    }

    /// Hours from discovery to the first published response, to one decimal.
    public var hoursToFirstResponse: Double? {
        guard let first = responses.map(\.publishedAtMillis).min() else { return nil }
        return (Double(first - foundAtMillis) / 3_600_000 * 10).rounded() / 10
    }

    /// Parses `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM` as China time (UTC+8) into milliseconds.
    public static func parseTime(_ text: String, field: String) throws(DomainError) -> Int64 {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "T", with: " ")
        let parts = t.split(separator: " ")
        guard parts.count == 2, let date = CivilDate(iso: parts[0]) else { throw .invalid(field, "时间格式应为 YYYY-MM-DD HH:MM") }
        let hm = parts[1].split(separator: ":").compactMap { Int($0) }
        guard hm.count >= 2, (0..<24).contains(hm[0]), (0..<60).contains(hm[1]) else { throw .invalid(field, "时间格式应为 YYYY-MM-DD HH:MM") }
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hm[0] * 3600 + hm[1] * 60) - 8 * 3600
        return seconds * 1000
    }

    /// China time of an instant as `YYYY-MM-DD HH:MM`.
    public static func format(_ millis: Int64) -> String {
        let seconds = millis / 1000 + 8 * 3600
        let day = CivilDate(daysSinceEpoch: Int(seconds / 86_400))
        let rest = Int(seconds % 86_400)
        return String(format: "%@ %02d:%02d", day.description, rest / 3600, rest % 3600 / 60)
    }
}
