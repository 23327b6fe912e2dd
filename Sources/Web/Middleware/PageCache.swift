import Hummingbird
import Metrics
import Synchronization

/// Rendered public pages kept in memory, so the portal answers repeat visits without touching
/// the database or rendering HTML again. Any change to what the public can see (publication,
/// withdrawal, expiry, settings) empties it at once; entries also age out after `ttl` seconds,
/// which bounds how stale another server instance's copy or a date-dependent line (有效性) can
/// get.
public final class PageCache: Sendable {
    struct Entry {
        var generation: Int
        var storedAt: Double
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
    }

    struct State {
        var generation = 0
        var entries: [String: Entry] = [:]
    }

    let ttl: Double
    let capacity: Int
    let clock: @Sendable () -> Double
    private let state = Mutex(State())

    public init(ttl: Double, capacity: Int = 5_000, clock: @escaping @Sendable () -> Double) {
        self.ttl = ttl
        self.capacity = capacity
        self.clock = clock
    }

    /// Forgets every page: the public view has changed.
    public func invalidate() {
        state.withLock {
            $0.generation += 1
            $0.entries.removeAll(keepingCapacity: true)
        }
    }

    func lookup(_ key: String) -> Entry? {
        let now = clock()
        return state.withLock { s in
            guard let e = s.entries[key], e.generation == s.generation, now - e.storedAt < ttl else { return nil }
            return e
        }
    }

    /// The generation a page is rendered under; a store for an older one is dropped.
    var generation: Int { state.withLock { $0.generation } }

    func store(_ key: String, _ entry: Entry) {
        state.withLock { s in
            guard entry.generation == s.generation else { return }
            if s.entries.count >= capacity { s.entries.removeAll(keepingCapacity: true) }
            s.entries[key] = entry
        }
    }
}

/// Serves anonymous GETs of portal pages from the `PageCache`, and fills it. It answers before
/// the router (measured with wrk: 0.40× of nginx behind the metrics and setup middleware, 0.50×
/// as the router's first middleware, where the route is still looked up first, and more in
/// front of the router), so it reads the display-mode cookie itself, and what it stores already
/// carries the security headers.
struct PageCacheResponder<Router: HTTPResponder<GongkaiRequestContext>>: HTTPResponder {
    typealias Context = GongkaiRequestContext
    let cache: PageCache
    let router: Router
    let trustProxy: Bool
    let settings: WebSettings
    /// The middleware runs before Hummingbird's metrics, so hits count themselves; misses go on
    /// through the metrics middleware like any request.
    let hits = Counter(label: "gongkai_page_cache_hits_total")

    init(cache: PageCache, router: Router, settings: WebSettings) {
        self.cache = cache
        self.router = router
        self.trustProxy = settings.trustProxy
        self.settings = settings
    }
    func respond(to request: Request, context: Context) async throws -> Response {
        let next = router.respond
        // Only anonymous visitors: anyone with a session cookie or a bearer token goes through.
        let path = request.uri.path
        guard cache.ttl > 0, request.method == .get, PageCache.cacheable(path), path.firstRange(of: "/attachments/") == nil,
            request.headers[.authorization] == nil
        else { return try await next(request, context) }
        let cookies = request.cookies
        guard cookies[SessionAuthMiddleware.cookieName] == nil else { return try await next(request, context) }
        let elderly = cookies[DisplayMode.cookieName]?.value == DisplayMode.elderly.rawValue
        // Each agency's own site (its host name) has its own pages.
        let key = (elderly ? "E" : "N") + PortalSite.host(of: request, trustProxy: trustProxy) + " " + request.uri.description
        // HSTS depends on how this visitor came (HTTP or HTTPS), so it is kept out of the store.
        let hsts = RequestSetupMiddleware.isSecure(request, settings) ? RequestSetupMiddleware.hsts(settings) : nil
        if let hit = cache.lookup(key) {
            hits.increment()
            var headers = hit.headers
            if let hsts { headers[RequestSetupMiddleware.hstsField] = hsts }
            return Response(status: hit.status, headers: headers, body: .init(byteBuffer: hit.body))
        }
        let generation = cache.generation
        let response = try await next(request, context)
        guard response.status == .ok, response.headers[.setCookie] == nil, let length = response.body.contentLength,
            length <= PageCache.maxBody
        else { return response }
        let collector = Collector()
        try await response.body.write(collector.writer)
        let body = collector.buffer.withLock { $0 }
        // Stored already marked as a hit, so a hit hands the headers on without copying them.
        var headers = response.headers
        headers[PageCache.header] = "hit"
        headers[RequestSetupMiddleware.hstsField] = nil
        cache.store(key, .init(generation: generation, storedAt: cache.clock(), status: response.status, headers: headers, body: body))
        headers[PageCache.header] = "miss"
        if let hsts { headers[RequestSetupMiddleware.hstsField] = hsts }
        return Response(status: response.status, headers: headers, body: .init(byteBuffer: body))
    }

    /// Gathers a response body written in pieces.
    struct Collector {
        let buffer = SharedBuffer()
        var writer: Writer { Writer(target: buffer) }

        final class SharedBuffer: Sendable {
            let storage = Mutex(ByteBuffer())
            func withLock<T>(_ body: (inout ByteBuffer) -> T) -> T { storage.withLock { body(&$0) } }
        }

        struct Writer: ResponseBodyWriter {
            let target: SharedBuffer
            mutating func write(_ buffer: ByteBuffer) async throws {
                var b = buffer
                _ = target.withLock { $0.writeBuffer(&b) }
            }
            consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
        }
    }
}

extension PageCache {
    static let prefixes = [
        "/documents/", "/catalog/", "/browse", "/columns/", "/subjects", "/guide", "/agencies/", "/feeds/", "/sitemap.xml",
    ]
    static let maxBody = 512 * 1024
    /// Tells operators (and tests) whether a page came from memory.
    static let header = HTTPFields.Element.Name("X-Gongkai-Cache")!

    static func cacheable(_ path: String) -> Bool {
        path == "/" || prefixes.contains { path.hasPrefix($0) }
    }
}
