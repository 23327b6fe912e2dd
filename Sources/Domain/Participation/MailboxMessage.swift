import Foundation

/// A letter to the leader's mailbox (领导信箱) or a question (咨询), from receipt to a rated reply.
public struct MailboxMessage: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case leader
        case inquiry

        public var label: String {
            switch self {
            case .leader: "领导信箱"
            case .inquiry: "咨询"
            }
        }
    }

    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        /// Waiting for the office to hand it to a unit.
        case received
        /// With a unit (交办), or back with it for rework.
        case assigned
        /// The unit has answered; the office checks the reply before it goes out.
        case answered
        /// Replied to the writer.
        case closed

        public var label: String {
            switch self {
            case .received: "已受理"
            case .assigned: "办理中"
            case .answered: "答复待审核"
            case .closed: "已答复"
            }
        }
    }

    /// Satisfaction as the writer rates the reply.
    public enum Rating: String, CaseIterable, Hashable, Sendable, Codable {
        case satisfied
        case fairly
        case unsatisfied

        public var label: String {
            switch self {
            case .satisfied: "满意"
            case .fairly: "基本满意"
            case .unsatisfied: "不满意"
            }
        }
    }

    /// One step of the handling, kept in order: 交办, 转办, 退回, 督办, 答复.
    public struct Step: Hashable, Sendable, Codable {
        public var action: String
        public var detail: String
        public var by: String
        public var on: CivilDate

        public init(action: String, detail: String, by: String, on: CivilDate) {
            self.action = action
            self.detail = detail
            self.by = by
            self.on = on
        }
    }

    public var id: Int64
    public var agencyID: Int64
    public var trackingCode: String
    public var kind: Kind
    public var subject: String
    public var body: String
    public var name: String
    public var phone: String
    public var email: String
    /// The writer allows the question and reply to be published (personal data masked).
    public var mayPublish: Bool
    public var status: Status
    public var receivedOn: CivilDate
    /// Receipt + the reply period in working days; a transfer keeps it.
    public var dueOn: CivilDate
    public var departmentID: Int64?
    public var unitName: String
    public var reply: String
    public var repliedOn: CivilDate?
    public var repliedBy: String
    public var steps: [Step]
    public var rating: Rating?
    public var ratingComment: String
    /// Shown on the portal (closed, allowed by the writer, and not withheld by the office).
    public var published: Bool
    public var createdAtMillis: Int64

    public init(
        id: Int64 = 0, agencyID: Int64, trackingCode: String, kind: Kind, subject: String, body: String, name: String, phone: String,
        email: String, mayPublish: Bool, status: Status = .received, receivedOn: CivilDate, dueOn: CivilDate, departmentID: Int64? = nil,
        unitName: String = "", reply: String = "", repliedOn: CivilDate? = nil, repliedBy: String = "", steps: [Step] = [],
        rating: Rating? = nil, ratingComment: String = "", published: Bool = false, createdAtMillis: Int64 = 0
    ) {
        self.id = id
        self.agencyID = agencyID
        self.trackingCode = trackingCode
        self.kind = kind
        self.subject = subject
        self.body = body
        self.name = name
        self.phone = phone
        self.email = email
        self.mayPublish = mayPublish
        self.status = status
        self.receivedOn = receivedOn
        self.dueOn = dueOn
        self.departmentID = departmentID
        self.unitName = unitName
        self.reply = reply
        self.repliedOn = repliedOn
        self.repliedBy = repliedBy
        self.steps = steps
        self.rating = rating
        self.ratingComment = ratingComment
        self.published = published
        self.createdAtMillis = createdAtMillis
    }

    public func isOverdue(today: CivilDate) -> Bool { status != .closed && today > dueOn }

    /// Whether the reply went out within the period.
    public var answeredInTime: Bool? { repliedOn.map { $0 <= dueOn } }

    /// Hands the message to a unit (交办), or to another one (转办); the receipt and due dates stay.
    public mutating func assign(departmentID: Int64?, unitName: String, note: String, by: String, on: CivilDate) throws(DomainError) {
        guard status == .received || status == .assigned else { throw .conflict("该信件\(status.label)，不能再交办") }
        let transfer = self.departmentID != nil || !self.unitName.isEmpty
        self.departmentID = departmentID
        self.unitName = unitName
        status = .assigned
        steps.append(Step(action: transfer ? "转办" : "交办", detail: unitName + (note.isEmpty ? "" : "：\(note)"), by: by, on: on))
    }

    /// The unit's reply, waiting for the office.
    public mutating func answer(_ text: String, by: String, on: CivilDate) throws(DomainError) {
        guard status == .assigned else { throw .conflict("该信件\(status.label)，不能答复") }
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw .invalid("reply", "请填写答复内容") }
        guard t.count <= 10_000 else { throw .invalid("reply", "答复至多 10000 字") }
        reply = t
        repliedBy = by
        status = .answered
        steps.append(Step(action: "拟复", detail: "", by: by, on: on))
    }

    /// The office sends the reply out, or back to the unit with what to change.
    public mutating func review(approve: Bool, comment: String, by: String, on: CivilDate) throws(DomainError) {
        guard status == .answered else { throw .conflict("该信件\(status.label)，没有待审核的答复") }
        if approve {
            status = .closed
            repliedOn = on
            published = mayPublish
            steps.append(Step(action: "答复", detail: comment, by: by, on: on))
        } else {
            let why = comment.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !why.isEmpty else { throw .invalid("comment", "退回须说明修改意见") }
            status = .assigned
            steps.append(Step(action: "退回", detail: why, by: by, on: on))
        }
    }

    public mutating func rate(_ r: Rating, comment: String, on: CivilDate) throws(DomainError) {
        guard status == .closed else { throw .conflict("答复后才能评价") }
        guard rating == nil else { throw .conflict("已评价") }
        rating = r
        ratingComment = String(comment.trimmingCharacters(in: .whitespacesAndNewlines).prefix(500))
        steps.append(Step(action: "评价", detail: r.label, by: "来信人", on: on))
    }
}

/// An entry of the FAQ (常见问题解答库), often drawn from repeated questions.
public struct FAQEntry: Hashable, Sendable, Codable {
    public var id: Int64
    public var agencyID: Int64
    public var question: String
    public var answer: String
    public var topic: String
    /// The mailbox messages it answers.
    public var sources: [Int64]
    public var published: Bool
    public var updatedAtMillis: Int64

    public init(
        id: Int64 = 0, agencyID: Int64, question: String, answer: String, topic: String = "", sources: [Int64] = [],
        published: Bool = false,
        updatedAtMillis: Int64 = 0
    ) {
        self.id = id
        self.agencyID = agencyID
        self.question = question
        self.answer = answer
        self.topic = topic
        self.sources = sources
        self.published = published
        self.updatedAtMillis = updatedAtMillis
    }

    /// Entries containing every part of the query, ranked as the catalog search ranks
    /// documents (question as title): the same segmentation, complete recall.
    public static func search(_ entries: [FAQEntry], query: String) -> [FAQEntry] {
        let parts = ChineseSegmenter.query(query)
        guard !parts.isEmpty else { return entries }
        let matching = entries.filter { e in
            parts.allSatisfy { SearchRanking.occurrences(of: $0, in: e.question) + SearchRanking.occurrences(of: $0, in: e.answer) > 0 }
        }
        let byID = Dictionary(uniqueKeysWithValues: matching.map { ($0.id, $0) })
        let ranked = SearchRanking.rank(
            parts, matching.map { SearchRanking.Candidate(id: $0.id, title: $0.question, body: $0.answer, publishedOn: "") })
        return ranked.compactMap { byID[$0.id] }
    }
}
