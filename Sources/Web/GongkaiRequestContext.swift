import Foundation
public import Hummingbird
public import HummingbirdAuth
import NIOCore
public import Services
import Storage

/// The request context every route sees: the signed-in person (if any), the client address,
/// the body limit and the reader's display preference.
public struct GongkaiRequestContext: AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `SessionAuthMiddleware` from the session cookie or the bearer token.
    public var identity: StaffIdentity?
    /// Set with `identity`: who owns the records a staff route names (`RecordScope`).
    var recordOwners: (any AgencyStore)?
    /// The client's IP address (the peer, or `X-Forwarded-For` when the proxy is trusted).
    /// Written out only when asked for: a page served from the cache never needs it.
    public var remoteAddress: String {
        get { forwardedAddress ?? peer?.ipAddress ?? "unknown" }
        set { forwardedAddress = newValue }
    }
    private var peer: SocketAddress?
    private var forwardedAddress: String?
    /// Set from `WebSettings.bodyLimit` by `RequestSetupMiddleware`.
    public var maxUploadSize: Int
    /// 适老化 mode: larger type, higher contrast, one column.
    public var elderlyMode: Bool
    /// 纯文本 view: no images or colours.
    public var textOnly: Bool
    /// Whether the request reached us over HTTPS (directly or through the proxy).
    public var isSecure: Bool
    /// Check each JSON body against the API description (`WebSettings.checkResponses`).
    public var checksResponses: Bool
    public var responseEncoder: APIResponseEncoder { APIResponseEncoder() }

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.identity = nil
        self.recordOwners = nil
        self.peer = source.channel.remoteAddress
        self.forwardedAddress = nil
        self.maxUploadSize = 20 * 1024 * 1024
        self.elderlyMode = false
        self.textOnly = false
        self.isSecure = false
        self.checksResponses = false
    }
}

extension GongkaiRequestContext {
    /// A text path parameter as the visitor meant it: the router hands it over still
    /// percent-encoded, so a tracking code sent as `2026%2DABCD` would otherwise not be found.
    func pathText(_ name: String) -> String {
        let raw = parameters.get(name) ?? ""
        return raw.removingPercentEncoding ?? raw
    }
}
