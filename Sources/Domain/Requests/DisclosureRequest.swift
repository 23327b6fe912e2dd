/// Where a request stands.
public enum RequestStatus: String, CaseIterable, Hashable, Sendable, Codable {
    /// Received and being handled; the clock runs.
    case open
    /// A correction notice went out; the clock waits for the corrected application.
    case awaitingCorrection = "awaiting_correction"
    /// Answered with an outcome (which may be 不再处理).
    case replied

    public var label: String {
        switch self {
        case .open: "办理中"
        case .awaitingCorrection: "待补正"
        case .replied: "已答复"
        }
    }
}

/// A request for disclosure (依申请公开), from intake to reply.
public struct DisclosureRequest: Hashable, Sendable {
    public var id: Int64
    public var agencyID: Int64
    public var trackingCode: String
    public var channel: RequestChannel
    public var applicant: Applicant
    /// The information asked for (Art. 29 (二)).
    public var description: String
    public var purpose: String
    /// The form and way of delivery (Art. 29 (三)).
    public var delivery: DeliveryMethod
    public var status: RequestStatus
    public var clock: RequestClock
    /// The due date as last computed (kept for lists and overdue queries; recomputed whenever
    /// the clock or the calendar changes).
    public var dueOn: CivilDate?
    public var outcome: RequestOutcome?
    public var repliedOn: CivilDate?
    /// Assignment, transfers, internal consultations, the fee and deliveries.
    public var handling: RequestHandling
    public var createdAtMillis: Int64
    public var updatedAtMillis: Int64

    public init(
        id: Int64 = 0, agencyID: Int64, trackingCode: String, channel: RequestChannel, applicant: Applicant, description: String,
        purpose: String = "", delivery: DeliveryMethod, status: RequestStatus = .open, clock: RequestClock, dueOn: CivilDate? = nil,
        outcome: RequestOutcome? = nil, repliedOn: CivilDate? = nil, handling: RequestHandling = RequestHandling(),
        createdAtMillis: Int64 = 0, updatedAtMillis: Int64 = 0
    ) {
        self.id = id
        self.agencyID = agencyID
        self.trackingCode = trackingCode
        self.channel = channel
        self.applicant = applicant
        self.description = description
        self.purpose = purpose
        self.delivery = delivery
        self.status = status
        self.clock = clock
        self.dueOn = dueOn
        self.outcome = outcome
        self.repliedOn = repliedOn
        self.handling = handling
        self.createdAtMillis = createdAtMillis
        self.updatedAtMillis = updatedAtMillis
    }
}
