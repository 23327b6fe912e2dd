public import Domain

/// The leader's mailbox and inquiries, and the FAQ drawn from them.
public protocol MailboxStore: Sendable {
    /// Stores a new message; a tracking code already in use is a conflict.
    func create(_ message: MailboxMessage) async throws -> MailboxMessage
    func find(id: Int64) async throws -> MailboxMessage?
    func find(trackingCode: String) async throws -> MailboxMessage?
    func update(_ message: MailboxMessage) async throws
    /// An agency's messages, oldest first; only one department's when given.
    func list(agencyID: Int64, departmentID: Int64?) async throws -> [MailboxMessage]
    /// Published messages of every agency, newest reply first.
    /// Published letters and replies, newest first; of one agency when `agencyID` is given.
    func published(agencyID: Int64?, limit: Int) async throws -> [MailboxMessage]
    func createFAQ(_ entry: FAQEntry) async throws -> FAQEntry
    func updateFAQ(_ entry: FAQEntry) async throws
    func faq(id: Int64) async throws -> FAQEntry?
    /// An agency's FAQ entries (published only when asked), newest first; every agency's when nil.
    func faqs(agencyID: Int64?, publishedOnly: Bool) async throws -> [FAQEntry]
}
