import Foundation

/// The statutory clock of a request for disclosure (依申请公开), in working days of the
/// foundation's calendar, with an explanation of every step that moved it.
///
/// - Art. 33: reply within 20 working days of receipt (`replyWorkdays`).
/// - Art. 30: a correction notice (补正) is due within 7 working days of receipt; the reply period
///   then restarts from the day the corrected application arrives (a restart, not a pause).
/// - Art. 33 ¶2: one extension of at most 20 working days, approved by the office's 负责人.
/// - Art. 33 ¶3 with Arts. 32 and 34: days spent consulting a third party or a co-producing
///   agency are not counted; each consultation allows 15 working days; several may overlap.
/// - 国办函〔2020〕109号: a fee must be paid within 20 working days from the day after the notice.
///   Whether those days are excluded from the reply period is not confirmed, so it is a setting.
/// - Art. 35: for an excessive request the agency may set a reasonable later reply date.
public struct RequestClock: Hashable, Sendable, Codable {
    /// The settings: statutory figures, and the unconfirmed ones an agency decides.
    public struct Rules: Hashable, Sendable, Codable {
        public var replyWorkdays = 20
        public var correctionNoticeWorkdays = 7
        /// How long the applicant has to send the corrected application (the agency states it in
        /// the notice; the regulation sets no figure).
        public var correctionReplyWorkdays = 15
        public var maxExtensionWorkdays = 20
        public var consultationWorkdays = 15
        public var feePaymentWorkdays = 20
        /// Whether the days from a fee notice to payment are left out of the reply period (UNCONFIRMED).
        public var feePeriodExcluded = true
        /// Whether the day of receipt is itself day 1 when it is a working day. The regulation does
        /// not say; the usual reading (期间开始之日不计算在内) starts from the next working day, so
        /// the default is false (UNCONFIRMED).
        public var countReceiptDay = false

        public static let standard = Rules()
        public init() {}
    }

    public struct Extension: Hashable, Sendable, Codable {
        public var workdays: Int
        public var reason: String
        public var approvedBy: String
        public var approvedOn: CivilDate

        public init(workdays: Int, reason: String, approvedBy: String, approvedOn: CivilDate) {
            self.workdays = workdays
            self.reason = reason
            self.approvedBy = approvedBy
            self.approvedOn = approvedOn
        }
    }

    public struct Consultation: Hashable, Sendable, Codable {
        public var party: String
        /// Art. 32 (a third party) or Art. 34 (an agency that produced the information too).
        public var agency: Bool
        public var sentOn: CivilDate
        public var repliedOn: CivilDate?

        public init(party: String, agency: Bool = false, sentOn: CivilDate, repliedOn: CivilDate? = nil) {
            self.party = party
            self.agency = agency
            self.sentOn = sentOn
            self.repliedOn = repliedOn
        }
    }

    public var receivedOn: CivilDate
    public var correctionNoticeOn: CivilDate?
    public var correctionReceivedOn: CivilDate?
    public var extensions: [Extension] = []
    public var consultations: [Consultation] = []
    public var feeNoticeOn: CivilDate?
    public var feePaidOn: CivilDate?
    /// Art. 35: a later reply date the agency set and told the applicant.
    public var deferredTo: CivilDate?

    public init(receivedOn: CivilDate) {
        self.receivedOn = receivedOn
    }

    /// One line of the explanation: what happened, for staff and in plain words for the applicant.
    public struct Step: Hashable, Sendable, Codable {
        public var staff: String
        public var applicant: String
    }

    public struct Result: Hashable, Sendable {
        /// The reply is due by the end of this day; nil while the applicant owes a correction.
        public var dueOn: CivilDate?
        public var provisional: Bool
        public var steps: [Step]
        /// The correction notice went out later than 7 working days after receipt.
        public var correctionNoticeLate: Bool
        /// The day by which the corrected application must arrive.
        public var correctionDueOn: CivilDate?
        /// The day by which a noticed fee must be paid.
        public var feeDueOn: CivilDate?
        public var excludedWorkdays: Int

        public var staffExplanation: String { steps.map(\.staff).joined(separator: "；") }
        public var applicantExplanation: String { steps.map(\.applicant).joined(separator: "；") }
    }

    /// Checks a new extension against the cap before it is recorded.
    public func checkExtension(_ e: Extension, rules: Rules = .standard) throws(DomainError) {
        guard e.workdays >= 1 else { throw .invalid("workdays", "延长的工作日数须为正整数") }
        let used = extensions.reduce(0) { $0 + $1.workdays }
        guard used + e.workdays <= rules.maxExtensionWorkdays else {
            throw .conflict("延长答复期限合计不得超过 \(rules.maxExtensionWorkdays) 个工作日（已延长 \(used) 个工作日）")
        }
        guard !e.approvedBy.trimmingCharacters(in: .whitespaces).isEmpty else { throw .invalid("approvedBy", "须写明批准延期的负责人") }
        guard !e.reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw .invalid("reason", "须写明延期理由") }
    }

    /// The calendar and the rules a clock is computed with.
    public struct Context: Sendable {
        public var calendar: WorkingDayCalendar
        public var rules: Rules

        public init(calendar: WorkingDayCalendar, rules: Rules = .standard) {
            self.calendar = calendar
            self.rules = rules
        }
    }

    public func compute(_ context: Context) -> Result { compute(context.calendar, rules: context.rules) }

    public func compute(_ calendar: WorkingDayCalendar, rules: Rules = .standard) -> Result {
        var steps: [Step] = []
        var provisional = false
        func add(_ n: Int, after d: CivilDate) -> CivilDate {
            let r = calendar.adding(n, workdaysTo: d)
            provisional = provisional || r.provisional
            return r.date
        }
        steps.append(Step(staff: "\(receivedOn) 收到申请", applicant: "\(receivedOn.chinese)收到您的申请"))

        // Correction: the notice's own deadline, then a restart from the corrected application.
        var start = receivedOn
        var late = false
        var correctionDue: CivilDate?
        if let notice = correctionNoticeOn {
            let noticeDue = add(rules.correctionNoticeWorkdays, after: receivedOn)
            late = notice > noticeDue
            correctionDue = add(rules.correctionReplyWorkdays, after: notice)
            steps.append(
                Step(
                    staff: "\(notice) 发出补正通知" + (late ? "（晚于 \(noticeDue) 的法定时限）" : "") + "，须于 \(correctionDue!) 前补正",
                    applicant: "\(notice.chinese)请您补正申请，补正期限至\(correctionDue!.chinese)"))
            guard let corrected = correctionReceivedOn else {
                return Result(
                    dueOn: nil, provisional: provisional, steps: steps, correctionNoticeLate: late, correctionDueOn: correctionDue,
                    feeDueOn: nil, excludedWorkdays: 0)
            }
            start = corrected
            steps.append(
                Step(
                    staff: "\(corrected) 收到补正后的申请，答复期限自该日重新计算",
                    applicant: "\(corrected.chinese)收到您补正后的申请，答复期限从这一天重新计算"))
        }

        // Periods left out of the count: consultations (overlaps counted once) and, by setting, a fee.
        var excluded: [(from: CivilDate, to: CivilDate)] = []
        for c in consultations.sorted(by: { $0.sentOn < $1.sentOn }) {
            let limit = add(rules.consultationWorkdays, after: c.sentOn)
            let end = min(c.repliedOn ?? limit, limit)
            excluded.append((c.sentOn, end))
            let kind = c.agency ? "征求\(c.party)（共同制作机关）意见" : "征求第三方\(c.party)意见"
            let days = calendar.workdays(from: c.sentOn, to: end).days
            steps.append(
                Step(
                    staff: "\(c.sentOn) \(kind)，" + (c.repliedOn.map { "\($0) 答复" } ?? "答复期限至 \(limit)") + "，\(days) 个工作日不计入答复期限",
                    applicant: "征求意见期间（\(c.sentOn.chinese)起 \(days) 个工作日）依法不计入答复期限"))
        }
        var feeDue: CivilDate?
        if let notice = feeNoticeOn {
            let due = add(rules.feePaymentWorkdays, after: notice)
            feeDue = due
            let end = min(feePaidOn ?? due, due)
            if rules.feePeriodExcluded { excluded.append((notice, end)) }
            let days = calendar.workdays(from: notice, to: end).days
            steps.append(
                Step(
                    staff: "\(notice) 发出收费通知，缴费期限至 \(due)" + (feePaidOn.map { "，\($0) 缴费" } ?? "")
                        + (rules.feePeriodExcluded ? "，\(days) 个工作日不计入答复期限" : ""),
                    applicant: "\(notice.chinese)向您发出收费通知，请于\(due.chinese)前缴费"
                        + (rules.feePeriodExcluded ? "，缴费期间不计入答复期限" : "")))
        }

        let extra = extensions.reduce(0) { $0 + $1.workdays }
        for e in extensions {
            steps.append(
                Step(
                    staff: "\(e.approvedOn) 经\(e.approvedBy)批准延长 \(e.workdays) 个工作日（\(e.reason)）",
                    applicant: "经批准，答复期限延长 \(e.workdays) 个工作日"))
        }

        // Walk the working days after the start, skipping excluded ones, until the period is used.
        let period = rules.replyWorkdays + extra
        var counted = rules.countReceiptDay && calendar.isWorkday(start) && period > 0 ? 1 : 0
        var skipped = 0
        var day = start
        while counted < period {
            day = day.adding(days: 1)
            guard calendar.isWorkday(day) else { continue }
            if excluded.contains(where: { $0.from < day && day <= $0.to }) {
                skipped += 1
            } else {
                counted += 1
            }
        }
        provisional = provisional || !calendar.hasNotice(for: day.year) || !calendar.hasNotice(for: start.year)
        var due = day
        if let later = deferredTo, later > due {
            due = later
            steps.append(Step(staff: "依第三十五条确定延迟答复期限至 \(later)", applicant: "依法确定的延迟答复期限为\(later.chinese)"))
        }
        steps.append(
            Step(
                staff: "答复期限 \(period) 个工作日" + (skipped > 0 ? "（另有 \(skipped) 个工作日不计入）" : "") + "，至 \(due)",
                applicant: "答复期限至\(due.chinese)"))
        return Result(
            dueOn: due, provisional: provisional, steps: steps, correctionNoticeLate: late, correctionDueOn: correctionDue,
            feeDueOn: feeDue,
            excludedWorkdays: skipped)
    }
}
