/// What happens to a request inside the agency besides its clock: who handles it, where it was
/// transferred from, internal consultations, the fee, and how the reply reached the applicant.
/// Stored with the request; the audit archive keeps each step.
public struct RequestHandling: Hashable, Sendable, Codable {
    /// A transfer from another agency on the installation (the receipt date stays the original one).
    public struct Transfer: Hashable, Sendable, Codable {
        public var fromAgencyID: Int64
        public var fromAgency: String
        public var toAgency: String
        public var on: CivilDate
        public var reason: String

        public init(fromAgencyID: Int64, fromAgency: String, toAgency: String, on: CivilDate, reason: String) {
            self.fromAgencyID = fromAgencyID
            self.fromAgency = fromAgency
            self.toAgency = toAgency
            self.on = on
            self.reason = reason
        }
    }

    /// A question to a department of the agency (内部会商), and its answer when it comes.
    public struct InternalConsultation: Hashable, Sendable, Codable {
        public var department: String
        public var question: String
        public var askedOn: CivilDate
        public var answer: String?
        public var answeredOn: CivilDate?

        public init(department: String, question: String, askedOn: CivilDate) {
            self.department = department
            self.question = question
            self.askedOn = askedOn
        }
    }

    /// 信息处理费: the notice and, when it comes, the payment.
    public struct Fee: Hashable, Sendable, Codable {
        public var basis: FeeSchedule.Basis
        /// Per request: the applicant's n-th request of the month; per volume: the pages.
        public var ordinal: Int?
        public var pages: Int?
        public var amountYuan: Int
        public var noticeOn: CivilDate
        public var paidOn: CivilDate?
        public var paidYuan: Int?
        /// The receipt (票据) number of the payment.
        public var receiptNumber: String?

        public init(basis: FeeSchedule.Basis, ordinal: Int?, pages: Int?, amountYuan: Int, noticeOn: CivilDate) {
            self.basis = basis
            self.ordinal = ordinal
            self.pages = pages
            self.amountYuan = amountYuan
            self.noticeOn = noticeOn
        }
    }

    /// 送达: how the reply (or a notice) reached the applicant.
    public struct Delivery: Hashable, Sendable, Codable {
        public var method: DeliveryMethod
        public var on: CivilDate
        /// What was delivered (答复告知书, 补正通知书, 收费通知书...).
        public var item: String
        /// Post: the tracking number (邮件单号).
        public var trackingNumber: String?
        /// Pickup: who signed for it (签收人).
        public var signedBy: String?
        /// E-mail: the address it went to.
        public var address: String?

        public init(
            method: DeliveryMethod, on: CivilDate, item: String, trackingNumber: String? = nil, signedBy: String? = nil,
            address: String? = nil
        ) {
            self.method = method
            self.on = on
            self.item = item
            self.trackingNumber = trackingNumber
            self.signedBy = signedBy
            self.address = address
        }

        /// Each method's proof: a tracking number for post, a signature for pickup, an address for e-mail.
        public func validated() throws(DomainError) -> Delivery {
            var d = self
            func clean(_ s: String?) -> String? {
                let t = (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                return t.isEmpty ? nil : String(t.prefix(200))
            }
            d.item = clean(item) ?? "答复告知书"
            d.trackingNumber = clean(trackingNumber)
            d.signedBy = clean(signedBy)
            d.address = clean(address)
            switch method {
            case .post:
                guard d.trackingNumber != nil else { throw .invalid("trackingNumber", "邮寄送达须填写邮件单号") }
            case .pickup:
                guard d.signedBy != nil else { throw .invalid("signedBy", "当面领取须填写签收人") }
            case .email:
                guard let a = d.address, Applicant.isEmail(a) else { throw .invalid("address", "电子邮件送达须填写有效的收件地址") }
            }
            return d
        }
    }

    public var departmentID: Int64?
    public var handlerID: Int64?
    public var transfers: [Transfer] = []
    public var internalConsultations: [InternalConsultation] = []
    public var fee: Fee?
    public var deliveries: [Delivery] = []
    /// Art. 44: the document this request's information was published as.
    public var proactiveDocumentID: Int64?

    public init() {}
}
