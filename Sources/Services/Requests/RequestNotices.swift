import Domain
import Storage

/// The e-mails an applicant gets as the request moves, queued in the outbox in the same
/// transaction as the step (so a notice is never sent for a step that did not happen, nor lost
/// for one that did). Only applicants who gave an e-mail address get them.
public struct RequestNotices: Sendable {
    let env: ServiceEnvironment

    func message(action: AuditAction, request r: DisclosureRequest, agencyName: String) -> (subject: String, body: String)? {
        let clock = r.clock.compute(env.clocks)
        let track = "查询码：\(r.trackingCode)（可在本机关网站“办理进度查询”页面查询）"
        let due = clock.dueOn.map { "答复期限：\($0.chinese)。" } ?? ""
        switch action {
        case .requestReceive:
            return (
                "【\(agencyName)】已收到您的政府信息公开申请",
                "\(r.applicant.name)：\n\n本机关已于\(r.clock.receivedOn.chinese)收到您的政府信息公开申请。\(due)\n\n\(track)"
            )
        case .requestCorrection:
            let until = clock.correctionDueOn.map { "请于\($0.chinese)前" } ?? "请"
            return (
                "【\(agencyName)】政府信息公开申请补正通知",
                "\(r.applicant.name)：\n\n您的申请内容不够明确，\(until)补正。补正的具体要求见本机关寄送的补正通知书；逾期无正当理由不补正的，视为放弃申请。\n\n\(track)"
            )
        case .requestExtension:
            return (
                "【\(agencyName)】政府信息公开申请延期答复告知",
                "\(r.applicant.name)：\n\n经政府信息公开工作机构负责人同意，您的申请答复期限依法延长。\(due)\n\n\(track)"
            )
        case .requestDeferral:
            return (
                "【\(agencyName)】政府信息公开申请延迟答复告知",
                "\(r.applicant.name)：\n\n依照《中华人民共和国政府信息公开条例》第三十五条，本机关确定了延迟答复的期限。\(due)\n\n\(track)"
            )
        case .requestFeeNotice:
            guard let fee = r.handling.fee else { return nil }
            let until = clock.feeDueOn.map { "请于\($0.chinese)前缴纳" } ?? "请按期缴纳"
            return (
                "【\(agencyName)】政府信息公开信息处理费收费通知",
                "\(r.applicant.name)：\n\n您的申请需缴纳信息处理费 \(fee.amountYuan) 元（\(fee.basis.label)）。\(until)；逾期未缴纳的，视为放弃申请。\n\n\(track)"
            )
        case .requestTransfer:
            return (
                "【\(agencyName)】您的政府信息公开申请已转由本机关办理",
                "\(r.applicant.name)：\n\n您的申请已转由\(agencyName)办理，收到申请的日期不变。\(due)\n\n\(track)"
            )
        default:
            return nil
        }
    }

    /// Queues the notice for a step, if the step has one and the applicant gave an e-mail address.
    func queue(action: AuditAction, request r: DisclosureRequest, agencyName: String, stores: any Stores) async throws {
        guard !r.applicant.email.isEmpty, let m = message(action: action, request: r, agencyName: agencyName) else { return }
        try await enqueue(subject: m.subject, body: m.body, request: r, stores: stores)
    }

    func enqueue(subject: String, body: String, request r: DisclosureRequest, stores: any Stores) async throws {
        let now = env.nowMillis
        _ = try await stores.outbox.enqueue(
            OutboxMessage(
                agencyID: r.agencyID, requestID: r.id, recipient: r.applicant.email, subject: subject, body: body,
                nextAttemptAtMillis: now, createdAtMillis: now))
    }
}
