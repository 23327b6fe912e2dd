import Domain
import Foundation

/// The contact a participant confirms with a six-digit code where an agency requires it: an
/// e-mail address, or a mainland mobile number reached by SMS through the outbox.
public struct ParticipantContact: Sendable, Hashable {
    var identity: CommentIdentity
    /// The address or number the code goes to.
    var address: String

    /// Checks what the form gave against the identity setting. Returns nil where anonymous
    /// participation is allowed; the field named in an error is `email` or `phone`.
    static func required(_ identity: CommentIdentity, email: String, phone: String) throws(DomainError) -> ParticipantContact? {
        switch identity {
        case .anonymousAllowed:
            return nil
        case .emailConfirmed:
            let e = email.trimmingCharacters(in: .whitespaces).lowercased()
            guard !e.isEmpty else { throw .invalid("email", "须填写电子邮箱并验证后才能提交") }
            guard Applicant.isEmail(e) else { throw .invalid("email", "电子邮箱格式不正确") }
            return ParticipantContact(identity: identity, address: e)
        case .phoneConfirmed:
            let p = phone.filter { !" -".contains($0) }
            guard !p.isEmpty else { throw .invalid("phone", "须填写手机号码并验证后才能提交") }
            guard CheckDigits.isMobile(p) else { throw .invalid("phone", "请填写 11 位手机号码") }
            return ParticipantContact(identity: identity, address: p)
        }
    }

    /// One key per person, for one-response-per-person rules.
    var key: String { (identity == .phoneConfirmed ? "phone:" : "email:") + address }

    static func code() -> String {
        var rng = SystemRandomNumberGenerator()
        return String(format: "%06d", Int.random(in: 0..<1_000_000, using: &rng))
    }

    /// The message carrying the code, for the outbox (an SMS is kept short).
    func message(agencyID: Int64, subject: String, code: String, purpose: String, nowMillis: Int64) -> OutboxMessage {
        let sms = identity == .phoneConfirmed
        return OutboxMessage(
            agencyID: agencyID, requestID: nil, recipient: sms ? OutboxMessage.smsPrefix + address : address, subject: subject,
            body: sms ? "验证码 \(code)，用于\(purpose)。如非本人操作请忽略。" : "您的验证码为 \(code)，用于\(purpose)。输入验证码后方可生效；如非本人操作，请忽略本邮件。",
            nextAttemptAtMillis: nowMillis, createdAtMillis: nowMillis)
    }
}
