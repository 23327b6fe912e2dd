public import Domain
import Foundation
import Storage

/// The steps of handling a request, shared by the JSON API and the console's forms. Each one
/// checks the request's state and the step's fields, changes the request, and returns the audit
/// detail; `RequestService.change` runs it in a transaction with its audit entry and notice.
public enum RequestSteps: Sendable {
    /// Every step's fields (a step reads the ones it needs).
    public struct Fields: Decodable, Sendable {
        public var noticeOn: String?
        public var receivedOn: String?
        public var workdays: Int?
        public var reason: String?
        public var approvedBy: String?
        public var approvedOn: String?
        public var party: String?
        public var agency: Bool?
        public var sentOn: String?
        public var repliedOn: String?
        public var outcome: String?
        public var deferredTo: String?
        public var department: String?
        public var question: String?
        public var askedOn: String?
        public var answer: String?
        public var answeredOn: String?
        public var basis: String?
        public var pages: Int?
        public var paidOn: String?
        public var paidYuan: Int?
        public var receiptNumber: String?
        public var method: String?
        public var on: String?
        public var item: String?
        public var trackingNumber: String?
        public var signedBy: String?
        public var address: String?
        public var publishedAt: String?
        public var responsibleAgency: String?
        public var note: String?
        public var body: String?
        public var title: String?

        public init() {}

    }

    public typealias Apply = @Sendable (inout DisclosureRequest, Fields, CivilDate, RequestClock.Context) throws -> String

    public static func trimmed(_ s: String?, _ field: String, _ message: String, limit: Int = 500) throws(DomainError) -> String {
        let t = (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw .invalid(field, message) }
        guard t.count <= limit else { throw .invalid(field, "\(field) 至多 \(limit) 字") }
        return t
    }

    public static let correction: Apply = { r, body, today, calendar in
        try RequestService.requireOpen(r)
        guard r.clock.correctionNoticeOn == nil else { throw DomainError.conflict("补正通知只能发出一次（一次性告知）") }
        let on = try RequestService.stepDate(body.noticeOn, "noticeOn", earliest: r.clock.receivedOn, today: today)
        r.clock.correctionNoticeOn = on
        r.status = .awaitingCorrection
        let result = r.clock.compute(calendar)
        return "发出补正通知（\(on)）" + (result.correctionNoticeLate ? "，已超过收到申请后 7 个工作日" : "")
    }

    public static let correctionReceived: Apply = { r, body, today, _ in
        guard r.status == .awaitingCorrection, let notice = r.clock.correctionNoticeOn else {
            throw DomainError.conflict("该申请没有待补正的通知")
        }
        let on = try RequestService.stepDate(body.receivedOn, "receivedOn", earliest: notice, today: today)
        r.clock.correctionReceivedOn = on
        r.status = .open
        return "收到补正后的申请（\(on)），答复期限重新计算"
    }

    public static let extend: Apply = { r, body, today, clocks in
        try RequestService.requireOpen(r)
        let e = RequestClock.Extension(
            workdays: body.workdays ?? 0, reason: (body.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            approvedBy: (body.approvedBy ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            approvedOn: try RequestService.stepDate(body.approvedOn, "approvedOn", earliest: r.clock.receivedOn, today: today))
        try r.clock.checkExtension(e, rules: clocks.rules)
        r.clock.extensions.append(e)
        return "延长 \(e.workdays) 个工作日，\(e.approvedBy)批准：\(e.reason)"
    }

    public static let consultation: Apply = { r, body, today, _ in
        try RequestService.requireOpen(r)
        let party = try trimmed(body.party, "party", "请写明征求意见的第三方或机关", limit: 200)
        let on = try RequestService.stepDate(body.sentOn, "sentOn", earliest: r.clock.receivedOn, today: today)
        r.clock.consultations.append(.init(party: party, agency: body.agency ?? false, sentOn: on))
        return "征求\(party)意见（\(on)）"
    }

    public static func closeConsultation(_ cid: Int) -> Apply {
        { r, body, today, _ in
            try RequestService.requireOpen(r)
            guard cid >= 1, cid <= r.clock.consultations.count else { throw DomainError.notFound("该征求意见") }
            guard r.clock.consultations[cid - 1].repliedOn == nil else { throw DomainError.conflict("该征求意见已经结束") }
            let on = try RequestService.stepDate(body.repliedOn, "repliedOn", earliest: r.clock.consultations[cid - 1].sentOn, today: today)
            r.clock.consultations[cid - 1].repliedOn = on
            return "\(r.clock.consultations[cid - 1].party)答复（\(on)）"
        }
    }

    /// Art. 35: a reasonable later reply date for a request beyond the office's capacity.
    public static let deferral: Apply = { r, body, today, calendar in
        try RequestService.requireOpen(r)
        let reason = try trimmed(body.reason, "reason", "请写明延迟答复的理由（第三十五条）")
        guard let date = try CivilDate.parse(optional: body.deferredTo ?? "", field: "deferredTo") else {
            throw DomainError.invalid("deferredTo", "请填写延迟答复的日期（YYYY-MM-DD）")
        }
        let current = r.clock.compute(calendar).dueOn ?? today
        guard date > current else { throw DomainError.invalid("deferredTo", "延迟答复的日期须晚于现在的答复期限 \(current)") }
        r.clock.deferredTo = date
        return "依第三十五条确定延迟答复期限至 \(date)：\(reason)"
    }

    public static let internalConsultation: Apply = { r, body, today, _ in
        try RequestService.requireOpen(r)
        let department = try trimmed(body.department, "department", "请写明会商的科室", limit: 100)
        let question = try trimmed(body.question, "question", "请写明会商的事项", limit: 2000)
        let on = try RequestService.stepDate(body.askedOn, "askedOn", earliest: r.clock.receivedOn, today: today)
        r.handling.internalConsultations.append(.init(department: department, question: question, askedOn: on))
        return "内部会商：\(department)（\(on)）"
    }

    public static func answerInternal(_ n: Int) -> Apply {
        { r, body, today, _ in
            guard n >= 1, n <= r.handling.internalConsultations.count else { throw DomainError.notFound("该内部会商") }
            guard r.handling.internalConsultations[n - 1].answeredOn == nil else { throw DomainError.conflict("该内部会商已经答复") }
            let answer = try trimmed(body.answer, "answer", "请填写会商意见", limit: 4000)
            let on = try RequestService.stepDate(
                body.answeredOn, "answeredOn", earliest: r.handling.internalConsultations[n - 1].askedOn, today: today)
            r.handling.internalConsultations[n - 1].answer = answer
            r.handling.internalConsultations[n - 1].answeredOn = on
            return "\(r.handling.internalConsultations[n - 1].department)会商意见（\(on)）"
        }
    }

    /// A fee notice: the amount is quoted from the schedule (the ordinal comes from the store).
    static func feeNotice(ordinal: Int, schedule: FeeSchedule) -> Apply {
        { r, body, today, _ in
            try RequestService.requireOpen(r)
            guard r.handling.fee == nil else { throw DomainError.conflict("该申请已经发出过收费通知") }
            let basis = try RequestService.parse(body.basis ?? "", "basis", FeeSchedule.Basis.self)
            let amount = try schedule.quote(basis, ordinal: ordinal, pages: body.pages)
            guard amount > 0 else {
                throw DomainError.conflict(
                    basis == .perRequest ? "这是该申请人本月第 \(ordinal) 件申请，在免费件数之内，不收费" : "该页数在免费页数之内，不收费")
            }
            let on = try RequestService.stepDate(body.noticeOn, "noticeOn", earliest: r.clock.receivedOn, today: today)
            r.handling.fee = .init(
                basis: basis, ordinal: basis == .perRequest ? ordinal : nil, pages: basis == .perVolume ? body.pages : nil,
                amountYuan: amount, noticeOn: on)
            r.clock.feeNoticeOn = on
            return "发出收费通知（\(on)）：\(basis.label) \(amount) 元"
        }
    }

    public static let feePaid: Apply = { r, body, today, calendar in
        try RequestService.requireOpen(r)
        guard var fee = r.handling.fee else { throw DomainError.conflict("该申请没有收费通知") }
        guard fee.paidOn == nil else { throw DomainError.conflict("该费用已经登记缴纳") }
        let on = try RequestService.stepDate(body.paidOn, "paidOn", earliest: fee.noticeOn, today: today)
        if let due = r.clock.compute(calendar).feeDueOn, on > due {
            throw DomainError.conflict("缴费日期 \(on) 已超过缴费期限 \(due)，该申请应以逾期未缴费（other.fee_unpaid）结束")
        }
        let paid = body.paidYuan ?? fee.amountYuan
        guard paid == fee.amountYuan else { throw DomainError.invalid("paidYuan", "缴纳金额应为收费通知所列的 \(fee.amountYuan) 元") }
        fee.paidOn = on
        fee.paidYuan = paid
        fee.receiptNumber = (body.receiptNumber ?? "").trimmingCharacters(in: .whitespaces).nilIfEmpty
        r.handling.fee = fee
        r.clock.feePaidOn = on
        return "缴纳信息处理费 \(paid) 元（\(on)）" + (fee.receiptNumber.map { "，票据号 \($0)" } ?? "")
    }

    public static let delivery: Apply = { r, body, today, _ in
        let method = try RequestService.parse(body.method ?? "", "method", DeliveryMethod.self)
        let on = try RequestService.stepDate(body.on, "on", earliest: r.clock.receivedOn, today: today)
        let d = try RequestHandling.Delivery(
            method: method, on: on, item: body.item ?? "", trackingNumber: body.trackingNumber, signedBy: body.signedBy,
            address: body.address ?? (method == .email ? r.applicant.email : nil)
        ).validated()
        r.handling.deliveries.append(d)
        return "送达\(d.item)（\(method.label)，\(on)）" + (d.trackingNumber.map { "，单号 \($0)" } ?? "")
            + (d.signedBy.map { "，签收人 \($0)" } ?? "")
    }

    /// The reply: an outcome the request's state allows, on a date not before receipt.
    static func reply(_ outcome: RequestOutcome) -> Apply {
        { r, body, today, calendar in
            guard r.status != .replied else { throw DomainError.conflict("该申请已答复") }
            if outcome == .otherNoCorrection {
                guard r.status == .awaitingCorrection else { throw DomainError.conflict("只有待补正的申请才能以逾期不补正结束") }
                if let due = r.clock.compute(calendar).correctionDueOn, today <= due {
                    throw DomainError.conflict("补正期限 \(due) 尚未届满，不能以逾期不补正结束")
                }
            }
            if r.status == .awaitingCorrection && outcome != .otherNoCorrection {
                throw DomainError.conflict("该申请正在等待补正：收到补正后再答复，或以逾期不补正（other.no_correction）结束")
            }
            if outcome == .otherFeeUnpaid {
                guard r.clock.feeNoticeOn != nil else { throw DomainError.conflict("没有发出过收费通知") }
                guard r.clock.feePaidOn == nil else { throw DomainError.conflict("费用已经缴纳，不能以逾期未缴费结束") }
                if let due = r.clock.compute(calendar).feeDueOn, today <= due {
                    throw DomainError.conflict("缴费期限 \(due) 尚未届满，不能以逾期未缴费结束")
                }
            }
            let on = try RequestService.stepDate(body.repliedOn, "repliedOn", earliest: r.clock.receivedOn, today: today)
            r.outcome = outcome
            r.repliedOn = on
            r.status = .replied
            return "答复（\(on)）：\(outcome.label)"
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
