public import Domain
import Foundation

/// The mail server the outbox uses.
public struct SMTPSettings: Sendable, Hashable {
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// Plain SMTP (a relay on the local network or loopback).
        case none
        /// STARTTLS after the greeting (port 587).
        case starttls
        /// TLS from the first byte (port 465).
        case tls
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// The sender address (From:).
    public var from: String
    /// Seconds between outbox runs.
    public var intervalSeconds: Double = 30

    public init(host: String, port: Int, security: Security = .none, username: String? = nil, password: String? = nil, from: String) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.from = from
    }

    /// `GONGKAI_SMTP_HOST` (nil when unset), `_PORT` (25, 587 or 465 by security), `_SECURITY`
    /// (none|starttls|tls), `_USERNAME`, `_PASSWORD`, `_FROM`.
    public static func fromEnvironment(_ env: [String: String]) throws(DomainError) -> SMTPSettings? {
        guard let host = env["GONGKAI_SMTP_HOST"], !host.isEmpty else { return nil }
        let securityText = env["GONGKAI_SMTP_SECURITY"] ?? "none"
        guard let security = Security(rawValue: securityText) else {
            throw .invalid("GONGKAI_SMTP_SECURITY", "GONGKAI_SMTP_SECURITY 须为 none、starttls 或 tls")
        }
        let defaultPort = security == .tls ? 465 : security == .starttls ? 587 : 25
        let port: Int
        if let text = env["GONGKAI_SMTP_PORT"] {
            guard let p = Int(text), (1...65535).contains(p) else { throw .invalid("GONGKAI_SMTP_PORT", "GONGKAI_SMTP_PORT 须为 1-65535") }
            port = p
        } else {
            port = defaultPort
        }
        guard let from = env["GONGKAI_SMTP_FROM"], Applicant.isEmail(from) else {
            throw .invalid("GONGKAI_SMTP_FROM", "设置了 GONGKAI_SMTP_HOST 时须以 GONGKAI_SMTP_FROM 给出有效的发件地址")
        }
        return SMTPSettings(
            host: host, port: port, security: security, username: env["GONGKAI_SMTP_USERNAME"], password: env["GONGKAI_SMTP_PASSWORD"],
            from: from)
    }
}

/// The SMS gateway the outbox uses for confirmation codes: the agency's own SMS platform (统一短信平台)
/// or a provider's relay, reached by an HTTP POST of `{"phone": "...", "text": "..."}` as JSON,
/// with a bearer token when one is set. Any 2xx answer counts as sent.
public struct SMSSettings: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var path: String
    public var tls: Bool
    public var token: String?
    /// The signature put before every message (短信签名), e.g. “【示范市卫生健康委】”.
    public var signature: String

    public init(host: String, port: Int, path: String = "/", tls: Bool = false, token: String? = nil, signature: String = "") {
        self.host = host
        self.port = port
        self.path = path
        self.tls = tls
        self.token = token
        self.signature = signature
    }

    /// The gateway's address as a URL (an IPv6 host in brackets, the port when not the scheme's).
    public var url: String {
        let h = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let p = port == (tls ? 443 : 80) ? "" : ":\(port)"
        return (tls ? "https://" : "http://") + h + p + (path.hasPrefix("/") ? path : "/" + path)
    }

    /// `GONGKAI_SMS_URL` (http or https; nil when unset), `GONGKAI_SMS_TOKEN`, `GONGKAI_SMS_SIGNATURE`.
    public static func fromEnvironment(_ env: [String: String]) throws(DomainError) -> SMSSettings? {
        guard let text = env["GONGKAI_SMS_URL"], !text.isEmpty else { return nil }
        guard let url = URLComponents(string: text), let scheme = url.scheme, scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { throw .invalid("GONGKAI_SMS_URL", "GONGKAI_SMS_URL 须为 http:// 或 https:// 开头的短信网关地址") }
        let tls = scheme == "https"
        let path = (url.percentEncodedPath.isEmpty ? "/" : url.percentEncodedPath) + (url.percentEncodedQuery.map { "?" + $0 } ?? "")
        return SMSSettings(
            host: host, port: url.port ?? (tls ? 443 : 80), path: path, tls: tls, token: env["GONGKAI_SMS_TOKEN"],
            signature: env["GONGKAI_SMS_SIGNATURE"] ?? "")
    }
}

/// How the link checker crawls the portal and checks links.
public struct LinkCheckSettings: Sendable, Hashable {
    /// Requests in flight at once (`GONGKAI_LINKCHECK_CONCURRENCY`, default 4): a check must not
    /// load our own site or anyone else's.
    public var concurrency = 4
    /// Portal pages read in one run (`GONGKAI_LINKCHECK_MAX_PAGES`).
    public var maxPages = 5_000
    /// Seconds to wait for each answer (`GONGKAI_LINKCHECK_TIMEOUT_SECONDS`).
    public var timeoutSeconds = 15
    /// Check links to loopback and private addresses too (`GONGKAI_LINKCHECK_PRIVATE=1`); off,
    /// they are listed as not checked, so a document cannot make the server probe the intranet.
    public var allowPrivateHosts = false
    /// The portal's address as the public reaches it (`GONGKAI_LINKCHECK_ORIGIN`, e.g.
    /// `https://wjw.example.gov.cn`); by default the address the office's request came to.
    public var origin: String?

    public init() {}
}
