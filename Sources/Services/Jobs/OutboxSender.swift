public import Domain
import Foundation
public import Logging
public import ServiceLifecycle
import Storage

/// Runs beside the HTTP server: sends what the outbox holds through the configured SMTP server,
/// keeps what fails with its error and tries again later (backing off to six hours), and once a
/// day queues each agency's digest of overdue and due-soon requests to its disclosure office.
public struct OutboxSender: Service, Sendable {
    let env: ServiceEnvironment
    let logger: Logger

    public init(env: ServiceEnvironment, logger: Logger) {
        self.env = env
        self.logger = logger
    }

    public func run() async throws {
        let interval = Duration.seconds(env.settings.smtp?.intervalSeconds ?? 30)
        // The day whose digests are queued: the outbox need not be read again for them until tomorrow.
        var digestsQueuedOn: CivilDate?
        await repeatUntilShutdown(every: interval) {
            let today = env.today
            // One instance sends (the lease lasts three intervals and is renewed each round).
            let result = try await env.leased("outbox", ttlSeconds: 3 * Double(interval.components.seconds)) {
                if digestsQueuedOn != today, try await RequestDigest(env: env).queueIfDue() != nil { digestsQueuedOn = today }
                return try await Self.deliver(env: env)
            }
            if let result, result.sent + result.failed > 0 {
                logger.notice("outbox", metadata: ["sent": "\(result.sent)", "failed": "\(result.failed)"])
            }
        } failed: { error in
            logger.error("outbox run failed", metadata: ["error": "\(error)"])
        }
    }

    /// Sends every message that is due, e-mails through SMTP and text messages through the SMS
    /// gateway (each only when configured); a failure stays in the outbox with its error.
    public static func deliver(env: ServiceEnvironment, limit: Int = 50) async throws -> (sent: Int, failed: Int) {
        let stores = env.database.stores
        var sent = 0
        var failed = 0
        var due: [OutboxMessage] = []
        let (mail, textMessages) = (env.mail, env.textMessages)
        if mail != nil { due += try await stores.outbox.due(atMillis: env.nowMillis, limit: limit, sms: false) }
        if textMessages != nil { due += try await stores.outbox.due(atMillis: env.nowMillis, limit: limit, sms: true) }
        for m in due {
            do {
                if let number = m.smsNumber, let textMessages {
                    try await textMessages.send(to: number, text: m.body)
                } else if let mail {
                    try await mail.send(to: m.recipient, subject: m.subject, body: m.body, date: Date(timeIntervalSince1970: env.clock()))
                }
                let at = env.nowMillis
                try await env.database.transaction { try await $0.outbox.markSent(id: m.id, atMillis: at) }
                sent += 1
            } catch {
                let attempts = m.attempts + 1
                let (text, next) = ("\(error)", env.nowMillis + OutboxMessage.retryDelayMillis(afterAttempts: attempts))
                try await env.database.transaction {
                    try await $0.outbox.markFailed(id: m.id, error: text, attempts: attempts, nextAttemptAtMillis: next)
                }
                failed += 1
            }
        }
        return (sent, failed)
    }
}

/// The daily digest (每日待办): overdue requests, those due within three working days, and
/// corrections or fees whose time ran out, e-mailed to each agency's disclosure office.
public struct RequestDigest: Sendable {
    public init(env: ServiceEnvironment) {
        self.env = env
    }

    let env: ServiceEnvironment

    public struct Lists: Sendable {
        public var overdue: [DisclosureRequest] = []
        public var dueSoon: [DisclosureRequest] = []
        /// Corrections not received, or fees not paid, in time: ready to be closed.
        public var lapsed: [DisclosureRequest] = []

        var isEmpty: Bool { overdue.isEmpty && dueSoon.isEmpty && lapsed.isEmpty }
    }

    public func lists(agencyID: Int64, handlerID: Int64? = nil) async throws -> Lists {
        let clocks = env.clocks
        let today = env.today
        let soon = clocks.calendar.adding(3, workdaysTo: today).date
        var lists = Lists()
        let open = try await env.database.stores.requests.list(
            RequestFilter(agencyID: agencyID, statuses: [.open, .awaitingCorrection], handlerID: handlerID, limit: 2_000))
        for r in open {
            let clock = r.clock.compute(clocks)
            if r.status == .awaitingCorrection {
                if let due = clock.correctionDueOn, due < today { lists.lapsed.append(r) }
                continue
            }
            if let due = clock.feeDueOn, r.handling.fee?.paidOn == nil, due < today { lists.lapsed.append(r) }
            guard let due = r.dueOn else { continue }
            if due < today { lists.overdue.append(r) } else if due <= soon { lists.dueSoon.append(r) }
        }
        return lists
    }

    static func subject(_ day: CivilDate) -> String { "【每日待办】依申请公开 \(day)" }

    /// Queues today's digest for every agency with a contact e-mail and something to report,
    /// once a day after 8:00 China time. Returns how many were queued, or nil before 8:00.
    func queueIfDue() async throws -> Int? {
        let secondsInDay = Int(env.clock() + 8 * 3600) % 86_400
        guard secondsInDay >= 8 * 3600 else { return nil }
        let today = env.today
        let subject = Self.subject(today)
        var queued = 0
        for agency in try await env.database.stores.agencies.all() where Applicant.isEmail(agency.contact.email) {
            let recent = try await env.database.stores.outbox.list(agencyID: agency.id, limit: 100)
            guard !recent.contains(where: { $0.subject == subject }) else { continue }
            let lists = try await lists(agencyID: agency.id)
            guard !lists.isEmpty else { continue }
            func lines(_ title: String, _ rs: [DisclosureRequest]) -> String {
                rs.isEmpty
                    ? ""
                    : "\(title)（\(rs.count) 件）：\n"
                        + rs.map { "  \($0.trackingCode) 期限 \($0.dueOn?.description ?? "—") \($0.description.prefix(40))" }.joined(
                            separator: "\n") + "\n\n"
            }
            let body =
                "\(agency.name)政府信息公开工作机构：\n\n" + lines("已逾期", lists.overdue) + lines("三个工作日内到期", lists.dueSoon)
                + lines("补正或缴费期限已过、待结案", lists.lapsed) + "请登录政务公开工作平台办理。"
            let now = env.nowMillis
            let message = OutboxMessage(
                agencyID: agency.id, requestID: nil, recipient: agency.contact.email, subject: subject, body: body,
                nextAttemptAtMillis: now, createdAtMillis: now)
            _ = try await env.database.transaction { try await $0.outbox.enqueue(message) }
            queued += 1
        }
        return queued
    }
}
