import Foundation

/// A government open day (政府开放日): the plan, the announcement, registration up to the
/// capacity, the day's record, and the result report (制定方案、发布公告、组织实施、报送结果).
public struct OpenDay: Hashable, Sendable, Codable {
    public struct Registration: Hashable, Sendable, Codable {
        public var id: Int
        public var name: String
        public var phone: String
        public var people: Int
        public var atMillis: Int64

        public init(id: Int, name: String, phone: String, people: Int, atMillis: Int64) {
            self.id = id
            self.name = name
            self.phone = phone
            self.people = people
            self.atMillis = atMillis
        }
    }

    public var id: Int64
    public var agencyID: Int64
    public var title: String
    public var date: CivilDate
    public var place: String
    /// 方案: what visitors will see and do.
    public var plan: String
    public var capacity: Int
    public var registrationClosesOn: CivilDate
    /// Shown on the portal once announced.
    public var announced: Bool
    public var registrations: [Registration]
    /// The day's record (组织实施) and the result report drafted into the catalog.
    public var record: String
    public var resultDocumentID: Int64?
    public var createdAtMillis: Int64

    public init(
        id: Int64 = 0, agencyID: Int64, title: String, date: CivilDate, place: String, plan: String, capacity: Int,
        registrationClosesOn: CivilDate, announced: Bool = false, registrations: [Registration] = [], record: String = "",
        resultDocumentID: Int64? = nil, createdAtMillis: Int64 = 0
    ) {
        self.id = id
        self.agencyID = agencyID
        self.title = title
        self.date = date
        self.place = place
        self.plan = plan
        self.capacity = capacity
        self.registrationClosesOn = registrationClosesOn
        self.announced = announced
        self.registrations = registrations
        self.record = record
        self.resultDocumentID = resultDocumentID
        self.createdAtMillis = createdAtMillis
    }

    public var registered: Int { registrations.reduce(0) { $0 + $1.people } }
    public var placesLeft: Int { max(0, capacity - registered) }

    /// Adds a registration: open until the closing date, within the places left, once per phone.
    public mutating func register(name: String, phone: String, people: Int, today: CivilDate, atMillis: Int64) throws(DomainError)
        -> Registration
    {
        guard announced else { throw .notFound("该开放日活动") }
        guard today <= registrationClosesOn else { throw .conflict("报名已于\(registrationClosesOn.chinese)截止") }
        let n = name.trimmingCharacters(in: .whitespaces)
        guard !n.isEmpty, n.count <= 50 else { throw .invalid("name", "请填写姓名") }
        let p = phone.trimmingCharacters(in: .whitespaces)
        guard p.count >= 7, p.count <= 20, p.allSatisfy({ $0.isNumber || $0 == "-" }) else { throw .invalid("phone", "请填写联系电话（数字）") }
        guard (1...5).contains(people) else { throw .invalid("people", "每次报名 1 至 5 人") }
        guard !registrations.contains(where: { $0.phone == p }) else { throw .conflict("该电话号码已报名") }
        guard people <= placesLeft else { throw .conflict(placesLeft == 0 ? "名额已满" : "仅剩 \(placesLeft) 个名额") }
        let r = Registration(id: (registrations.map(\.id).max() ?? 0) + 1, name: n, phone: p, people: people, atMillis: atMillis)
        registrations.append(r)
        return r
    }
}
