import Hummingbird
import Metrics
public import Services
import Synchronization

/// Rendered public pages kept in memory, so the portal answers repeat visits without touching
/// the database or rendering HTML again. A change to what the public can see empties what it
/// touches at once (see `PublicChange`): a publication empties the pages that list documents
/// and the pages that show that document, and leaves the thousands of other document pages in
/// place. Entries also age out after `ttl` seconds, which bounds how stale a date-dependent line
/// (有效性) can get.
public final class PageCache: PublicChangeListener {
    struct Entry {
        var generation: Int
        var storedAt: Double
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
        /// The documents a document page shows (itself, what it interprets, its interpretations,
        /// what replaces it); nil for a page that lists documents, which any publication changes.
        var documents: Set<Int64>?
        /// How long this entry lives: the cache's age limit, or less for a page that asked for
        /// less (search results, which a new publication does not empty).
        var ttl: Double
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

    /// Forgets the pages `change` touches. A page being rendered meanwhile is not stored (it
    /// may have read the database before the change), whatever it shows.
    public func publicViewChanged(_ change: PublicChange) { invalidate(change) }

    public func invalidate(_ change: PublicChange = .everything) {
        state.withLock { s in
            s.generation += 1
            switch change {
            case .everything:
                s.entries.removeAll(keepingCapacity: true)
            case .documents(let ids):
                s.entries = s.entries.filter { _, e in e.documents.map { $0.isDisjoint(with: ids) } ?? false }
            }
        }
    }

    func lookup(_ key: String) -> Entry? {
        let now = clock()
        return state.withLock { s in
            guard let e = s.entries[key], now - e.storedAt < e.ttl else { return nil }
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
        else { return Self.uncached(try await next(request, context)) }
        let cookies = request.cookies
        guard cookies[SessionAuthMiddleware.cookieName] == nil else { return Self.uncached(try await next(request, context)) }
        let elderly = cookies[DisplayMode.cookieName]?.value == DisplayMode.elderly.rawValue
        let textOnly = cookies[DisplayMode.textCookieName]?.value == "1"
        // Each agency's own site (its host name) has its own pages.
        let key =
            (elderly ? "E" : "N") + (textOnly ? "T" : "") + PortalSite.host(of: request, trustProxy: trustProxy) + " "
            + request.uri.description
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
        else { return Self.uncached(response) }
        let collector = Collector()
        try await response.body.write(collector.writer)
        let body = collector.buffer.withLock { $0 }
        // Stored already marked as a hit, so a hit hands the headers on without copying them.
        var headers = response.headers
        if headers[.eTag] == nil { headers[.eTag] = HTTPSemanticsResponder<Router>.etag(body) }
        headers[PageCache.header] = "hit"
        headers[RequestSetupMiddleware.hstsField] = nil
        let documents = PageCache.documents(headers[PageCache.documentsHeader])
        let lifetime = headers[PageCache.secondsHeader].flatMap(Double.init).map { min($0, cache.ttl) } ?? cache.ttl
        headers[PageCache.documentsHeader] = nil
        headers[PageCache.secondsHeader] = nil
        cache.store(
            key,
            .init(
                generation: generation, storedAt: cache.clock(), status: response.status, headers: headers, body: body,
                documents: documents, ttl: lifetime))
        headers[PageCache.header] = "miss"
        if let hsts { headers[RequestSetupMiddleware.hstsField] = hsts }
        return Response(status: response.status, headers: headers, body: .init(byteBuffer: body))
    }

    /// A response that is not stored, without the cache's own header.
    static func uncached(_ response: Response) -> Response {
        guard response.headers[PageCache.documentsHeader] != nil || response.headers[PageCache.secondsHeader] != nil else {
            return response
        }
        var response = response
        response.headers[PageCache.documentsHeader] = nil
        response.headers[PageCache.secondsHeader] = nil
        return response
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
        "/documents/", "/catalog/", Routes.Portal.browse.path(), "/columns/", Routes.Portal.subjects.path(), Routes.Portal.guide.path(),
        "/agencies/", "/feeds/", Routes.Portal.sitemap.path(),
        Routes.Portal.search.path(), Routes.API.publicDocuments.path(),
    ]
    static let maxBody = 512 * 1024
    /// Tells operators (and tests) whether a page came from memory.
    static let header = HTTPFields.Element.Name("X-Gongkai-Cache")!
    /// Set by a page that shows particular documents rather than a list (see `Entry.documents`);
    /// the responder takes it off before the page leaves.
    static let documentsHeader = HTTPFields.Element.Name("X-Gongkai-Cache-Documents")!

    /// Set by a page that may outlive new publications for this many seconds (see
    /// `Entry.ttl`); it must name every document it shows, so that withdrawals still reach it.
    static let secondsHeader = HTTPFields.Element.Name("X-Gongkai-Cache-Seconds")!

    /// Marks a search result or document list: it names the documents it shows and lives
    /// `seconds` (see `WebSettings.searchCacheSeconds`). An empty one stays an ordinary list page,
    /// which any publication empties.
    static func markShown(_ response: inout Response, documents ids: [Int64], seconds: Double) {
        guard !ids.isEmpty else { return }
        response.headers[documentsHeader] = documentsValue(ids)
        response.headers[secondsHeader] = String(seconds)
    }

    /// The documents a page declared, or nil when it declared none.
    static func documents(_ value: String?) -> Set<Int64>? {
        guard let value else { return nil }
        let ids = value.split(separator: " ").compactMap { Int64($0) }
        return ids.isEmpty ? nil : Set(ids)
    }

    /// The header value a document page sets.
    static func documentsValue(_ ids: [Int64?]) -> String { PublicChange.documentsValue(ids) }

    static func cacheable(_ path: String) -> Bool {
        path == Routes.Portal.home.path() || prefixes.contains { path.hasPrefix($0) }
    }
}
