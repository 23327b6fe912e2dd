import Foundation

/// An NPC deputy's suggestion (人大代表建议) or a CPPCC member's proposal (政协委员提案)
/// assigned to the agency, from assignment to the published reply.
public struct Proposal: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case suggestion
        case proposal

        public var label: String {
            switch self {
            case .suggestion: "人大代表建议"
            case .proposal: "政协委员提案"
            }
        }
    }

    /// The answer's classification, as replies are customarily marked.
    public enum Outcome: String, CaseIterable, Hashable, Sendable, Codable {
        case solved = "a"
        case inProgress = "b"
        case explained = "c"

        public var label: String {
            switch self {
            case .solved: "A类（所提问题已经解决或采纳）"
            case .inProgress: "B类（正在解决或列入计划逐步解决）"
            case .explained: "C类（因条件限制等原因暂时难以解决，予以说明）"
            }
        }
    }

    /// A contact with the proposer before or after the reply (沟通).
    public struct Contact: Hashable, Sendable, Codable {
        public var on: CivilDate
        public var way: String
        public var note: String

        public init(on: CivilDate, way: String, note: String) {
            self.on = on
            self.way = way
            self.note = note
        }
    }

    public var id: Int64
    public var agencyID: Int64
    public var kind: Kind
    public var year: Int
    /// The number given by the congress or conference (e.g. 第 123 号).
    public var number: String
    public var proposer: String
    public var title: String
    public var content: String
    public var assignedOn: CivilDate
    public var leadUnit: String
    public var coUnits: [String]
    /// Complex items have the longer period.
    public var complex: Bool
    public var dueOn: CivilDate
    public var contacts: [Contact]
    public var reply: String
    public var outcome: Outcome?
    public var repliedOn: CivilDate?
    /// The reply is published in full in the catalog unless this is false (e.g. it involves secrets).
    public var publishReply: Bool
    public var replyDocumentID: Int64?
    public var createdAtMillis: Int64

    public init(
        id: Int64 = 0, agencyID: Int64, kind: Kind, year: Int, number: String, proposer: String, title: String, content: String = "",
        assignedOn: CivilDate, leadUnit: String, coUnits: [String] = [], complex: Bool = false, dueOn: CivilDate, contacts: [Contact] = [],
        reply: String = "", outcome: Outcome? = nil, repliedOn: CivilDate? = nil, publishReply: Bool = true, replyDocumentID: Int64? = nil,
        createdAtMillis: Int64 = 0
    ) {
        self.id = id
        self.agencyID = agencyID
        self.kind = kind
        self.year = year
        self.number = number
        self.proposer = proposer
        self.title = title
        self.content = content
        self.assignedOn = assignedOn
        self.leadUnit = leadUnit
        self.coUnits = coUnits
        self.complex = complex
        self.dueOn = dueOn
        self.contacts = contacts
        self.reply = reply
        self.outcome = outcome
        self.repliedOn = repliedOn
        self.publishReply = publishReply
        self.replyDocumentID = replyDocumentID
        self.createdAtMillis = createdAtMillis
    }

    public var isReplied: Bool { repliedOn != nil }
    public func isOverdue(today: CivilDate) -> Bool { !isReplied && today > dueOn }

    /// The date `months` calendar months after `date`, on the same day or the month's last day.
    public static func adding(months: Int, to date: CivilDate) -> CivilDate { date.adding(months: months) }

    /// The reply's title in the customary form.
    public var replyTitle: String {
        "关于\(year)年\(kind == .suggestion ? "人大代表建议" : "政协委员提案")第\(number)号（\(title)）的答复"
    }

    /// Yearly counts for the annual report: assigned, replied, replied in time.
    public static func counts(_ items: [Proposal], year: Int) -> [Kind: (assigned: Int, replied: Int, inTime: Int)] {
        var out: [Kind: (assigned: Int, replied: Int, inTime: Int)] = [:]
        for p in items where p.year == year {
            var c = out[p.kind] ?? (0, 0, 0)
            c.assigned += 1
            if let on = p.repliedOn {
                c.replied += 1
                if on <= p.dueOn { c.inTime += 1 }
            }
            out[p.kind] = c
        }
        return out
    }
}

/// The reply periods after assignment (settings; 3 months, 6 for complex items).
public struct ProposalRules: Hashable, Sendable, Codable {
    public var months = 3
    public var complexMonths = 6

    public init() {}

    public func due(assignedOn: CivilDate, complex: Bool) -> CivilDate {
        Proposal.adding(months: complex ? complexMonths : months, to: assignedOn)
    }
}
