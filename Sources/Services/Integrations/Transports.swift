public import Foundation

/// Where e-mail goes: `SMTPClient` to the agency's mail server.
public protocol MailTransport: Sendable {
    func send(to recipient: String, subject: String, body: String, date: Date) async throws
}

/// Where text messages go: `SMSClient` to the agency's SMS gateway.
public protocol TextMessageTransport: Sendable {
    func send(to number: String, text: String) async throws
}

extension ServiceEnvironment {
    /// The mail transport the settings name; nil keeps e-mail queued.
    public var mail: (any MailTransport)? { settings.smtp.map { SMTPClient(settings: $0) } }

    /// The SMS transport the settings name; nil keeps text messages queued.
    public var textMessages: (any TextMessageTransport)? { settings.sms.map { SMSClient(settings: $0, http: http) } }
}
