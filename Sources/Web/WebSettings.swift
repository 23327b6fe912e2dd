public import Domain

/// Settings of the web layer, read from the environment by the `serve` command.
public struct WebSettings: Sendable {
    /// Largest request body accepted, in bytes (`GONGKAI_BODY_LIMIT_MB`, default 20 MB).
    public var bodyLimit: Int
    /// Lockout and session lifetimes.
    public var loginPolicy: LoginPolicy
    /// Mark cookies `Secure` on every response, not only when the request arrived over HTTPS
    /// (`GONGKAI_SECURE_COOKIES=1`, for a deployment that is HTTPS only).
    public var alwaysSecureCookies: Bool
    /// Take the client address from `X-Forwarded-For` (`GONGKAI_TRUST_PROXY=1`, behind nginx only).
    public var trustProxy: Bool
    /// bcrypt cost for new password hashes.
    public var bcryptCost: UInt8
    /// How long a rendered public page may be served from memory (`GONGKAI_PAGE_CACHE_SECONDS`,
    /// default 60; 0 turns the cache off). Changes on this server empty the cache at once.
    public var pageCacheSeconds: Double = 60

    public init(
        bodyLimit: Int = 20 * 1024 * 1024, loginPolicy: LoginPolicy = .standard, alwaysSecureCookies: Bool = false,
        trustProxy: Bool = false, bcryptCost: UInt8 = 10
    ) {
        self.bodyLimit = bodyLimit
        self.loginPolicy = loginPolicy
        self.alwaysSecureCookies = alwaysSecureCookies
        self.trustProxy = trustProxy
        self.bcryptCost = bcryptCost
    }

    /// Reads the settings from environment variables, with a message naming the bad one.
    public static func fromEnvironment(_ env: [String: String]) throws(DomainError) -> WebSettings {
        var settings = WebSettings()
        if let text = env["GONGKAI_BODY_LIMIT_MB"] {
            guard let mb = Int(text), (1...2048).contains(mb) else {
                throw .invalid("GONGKAI_BODY_LIMIT_MB", "GONGKAI_BODY_LIMIT_MB 须为 1-2048 之间的整数")
            }
            settings.bodyLimit = mb * 1024 * 1024
        }
        settings.alwaysSecureCookies = env["GONGKAI_SECURE_COOKIES"] == "1"
        settings.trustProxy = env["GONGKAI_TRUST_PROXY"] == "1"
        if let text = env["GONGKAI_PAGE_CACHE_SECONDS"] {
            guard let s = Double(text), (0...3600).contains(s) else {
                throw .invalid("GONGKAI_PAGE_CACHE_SECONDS", "GONGKAI_PAGE_CACHE_SECONDS 须为 0-3600 之间的秒数")
            }
            settings.pageCacheSeconds = s
        }
        return settings
    }
}
