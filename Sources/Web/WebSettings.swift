public import Domain
import Services

/// Settings of the HTTP layer only, read from the environment by the `serve` command. The
/// business rules and integrations are `ServiceSettings`.
public struct WebSettings: Sendable {
    /// Largest request body accepted, in bytes (`GONGKAI_BODY_LIMIT_MB`, default 20 MB).
    public var bodyLimit: Int
    /// Mark cookies `Secure` on every response, not only when the request arrived over HTTPS
    /// (`GONGKAI_SECURE_COOKIES=1`, for a deployment that is HTTPS only).
    public var alwaysSecureCookies: Bool
    /// Take the client address from `X-Forwarded-For` (`GONGKAI_TRUST_PROXY=1`, behind nginx only).
    public var trustProxy: Bool
    /// How long a rendered public page may be served from memory (`GONGKAI_PAGE_CACHE_SECONDS`,
    /// default 60; 0 turns the cache off). Changes on this server empty the cache at once.
    public var pageCacheSeconds: Double = 60
    /// How long a search result or a page of the public document API may be served from
    /// memory after a new publication (`GONGKAI_SEARCH_CACHE_SECONDS`, default 30, at most the
    /// page cache's). A withdrawn or changed document leaves every cached result that shows it
    /// at once; only a newly published one waits up to this long to appear in search.
    public var searchCacheSeconds: Double = 30
    /// `Strict-Transport-Security` max-age sent on HTTPS responses (`GONGKAI_HSTS_SECONDS`,
    /// default one year; 0 sends none).
    public var hstsSeconds = 31_536_000
    /// The portal's public address (`GONGKAI_PUBLIC_ORIGIN`, e.g. `https://wjw.example.gov.cn`),
    /// for the absolute links a page carries on paper (the print view's source line); by default
    /// the address the request came to.
    public var publicOrigin: String?
    /// Check every JSON body against the API description before it leaves, and answer 500 when
    /// one does not conform (the tests turn this on; it costs a second encoding per answer).
    public var checkResponses = false
    /// Multiplies the per-address limits on public forms and code look-ups (`GONGKAI_RATE_LIMIT_FACTOR`, 1-100000, default 1).
    public var rateLimitFactor = 1

    public init(bodyLimit: Int = 20 * 1024 * 1024, alwaysSecureCookies: Bool = false, trustProxy: Bool = false) {
        self.bodyLimit = bodyLimit
        self.alwaysSecureCookies = alwaysSecureCookies
        self.trustProxy = trustProxy
    }

    /// Reads the settings from environment variables, with a message naming the bad one.
    public static func fromEnvironment(_ env: [String: String]) throws(DomainError) -> WebSettings {
        var settings = WebSettings()
        let read = SettingsReader(env)
        if let mb = try read.number("GONGKAI_BODY_LIMIT_MB", 1...2048) { settings.bodyLimit = mb * 1024 * 1024 }
        settings.alwaysSecureCookies = env["GONGKAI_SECURE_COOKIES"] == "1"
        settings.trustProxy = env["GONGKAI_TRUST_PROXY"] == "1"
        if let s = try read.cacheSeconds("GONGKAI_PAGE_CACHE_SECONDS") { settings.pageCacheSeconds = s }
        if let s = try read.cacheSeconds("GONGKAI_SEARCH_CACHE_SECONDS") { settings.searchCacheSeconds = s }
        if let v = try read.number("GONGKAI_HSTS_SECONDS", 0...63_072_000) { settings.hstsSeconds = v }
        if let v = try read.number("GONGKAI_RATE_LIMIT_FACTOR", 1...100_000) { settings.rateLimitFactor = v }
        if let origin = read.text("GONGKAI_PUBLIC_ORIGIN") {
            guard let a = WebAddress(origin), a.target == "/" || a.target.isEmpty else {
                throw .invalid("GONGKAI_PUBLIC_ORIGIN", "GONGKAI_PUBLIC_ORIGIN 须为 http:// 或 https:// 开头的站点地址，如 https://wjw.example.gov.cn")
            }
            settings.publicOrigin = a.origin
        }
        return settings
    }
}
