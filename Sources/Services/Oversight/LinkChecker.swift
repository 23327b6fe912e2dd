public import Domain
import Foundation

/// Crawls a portal from its home page and sitemap and checks every link its pages carry:
/// internal pages are read and followed, other internal files, attachments and external links
/// are asked for (HEAD, then GET when HEAD fails). At most `concurrency` requests are in
/// flight, each with a deadline; redirects are followed up to five times.
public struct LinkChecker: Sendable {
    public init(origin: WebAddress, settings: LinkCheckSettings, http: any OutboundHTTP) {
        self.origin = origin
        self.settings = settings
        self.http = http
    }

    var origin: WebAddress
    var settings: LinkCheckSettings
    let http: any OutboundHTTP

    /// A link that did not work, with the pages it is on.
    public struct Broken: Sendable, Codable, Hashable {
        public var url: String
        /// The HTTP status, or nil for a network failure.
        public var status: Int?
        public var problem: String
        public var pages: [String]
    }

    public struct Result: Sendable, Codable {
        public var pagesRead: Int
        public var linksChecked: Int
        public var broken: [Broken]
        /// Links to the intranet, listed and left alone (see `LinkCheckSettings.allowPrivateHosts`).
        public var notChecked: [Broken]
        /// True when the page limit stopped the crawl.
        public var truncated: Bool
    }

    /// What one request found.
    struct Outcome: Sendable {
        var status: Int?
        var problem: String?
        var html: String?
    }

    public func run() async -> Result {
        var pagesQueued: [WebAddress] = []
        var seenPages: Set<String> = []
        var linkPages: [String: Set<String>] = [:]  // link → pages it is on
        var linkAddress: [String: WebAddress] = [:]
        var pagesRead = 0
        var truncated = false
        var broken: [String: Outcome] = [:]
        func enqueuePage(_ a: WebAddress) {
            let key = a.description
            guard seenPages.insert(key).inserted else { return }
            if seenPages.count > settings.maxPages {
                truncated = true
                return
            }
            pagesQueued.append(a)
        }
        enqueuePage(origin.resolve("/")!)
        // The sitemap names every published document page.
        if let map = await fetch(origin.resolve("/sitemap.xml")!, read: true).html {
            for part in map.components(separatedBy: "<loc>").dropFirst() {
                if let end = part.range(of: "</loc>"), let a = WebAddress(String(part[..<end.lowerBound])), isInternal(a) {
                    enqueuePage(a)
                }
            }
        }
        // Pages, a batch at a time, each batch `concurrency` wide.
        while !pagesQueued.isEmpty && !Task.isCancelled {
            let batch = Array(pagesQueued.prefix(settings.concurrency))
            pagesQueued.removeFirst(batch.count)
            for (page, outcome) in await fetchAll(batch, read: true) {
                pagesRead += 1
                if outcome.problem != nil { broken[page.description] = outcome }
                guard let html = outcome.html else { continue }
                for link in LinkExtractor.links(inHTML: html) {
                    guard let a = page.resolve(link) else { continue }
                    let key = a.description
                    linkPages[key, default: []].insert(page.target)
                    linkAddress[key] = a
                    if isInternal(a) && Self.isPage(a) { enqueuePage(a) }
                }
            }
        }
        // Everything else linked: files, attachments, other sites.
        var notChecked: [Broken] = []
        var toCheck: [WebAddress] = []
        for (key, a) in linkAddress where !seenPages.contains(key) {
            if !isInternal(a) && a.isPrivate && !settings.allowPrivateHosts {
                notChecked.append(Broken(url: key, status: nil, problem: "内网地址，未检查", pages: linkPages[key, default: []].sorted()))
                continue
            }
            toCheck.append(a)
        }
        var index = 0
        while index < toCheck.count && !Task.isCancelled {
            let batch = Array(toCheck[index..<min(index + settings.concurrency, toCheck.count)])
            index += batch.count
            for (a, outcome) in await fetchAll(batch, read: false) where outcome.problem != nil { broken[a.description] = outcome }
        }
        // A page that failed is reported where it is linked from (the home page has no referrer).
        let list = broken.map { key, o in
            Broken(url: key, status: o.status, problem: o.problem ?? "", pages: linkPages[key, default: []].sorted())
        }
        .sorted { $0.url < $1.url }
        return Result(
            pagesRead: pagesRead, linksChecked: Set(linkAddress.keys).union(seenPages).count, broken: list,
            notChecked: notChecked.sorted { $0.url < $1.url }, truncated: truncated)
    }

    /// Fetches a batch at once (the caller keeps batches to `concurrency`).
    func fetchAll(_ batch: [WebAddress], read: Bool) async -> [(WebAddress, Outcome)] {
        await withTaskGroup(of: (WebAddress, Outcome).self) { group in
            for a in batch { group.addTask { (a, await fetch(a, read: read)) } }
            var out: [(WebAddress, Outcome)] = []
            for await r in group { out.append(r) }
            return out
        }
    }

    func isInternal(_ a: WebAddress) -> Bool { a.origin == origin.origin }

    /// Portal pages to read for more links (not files, feeds or attachments). A filtered list
    /// (`/browse?year=2026&category=…`) is checked but not read: its links are the unfiltered
    /// list's, and the filters combine into more pages than the site has documents.
    static func isPage(_ a: WebAddress) -> Bool {
        let p = a.path
        if let q = a.target.firstIndex(of: "?") {
            let query = a.target[a.target.index(after: q)...]
            guard query.hasPrefix("page="), query.dropFirst(5).allSatisfy(\.isNumber) else { return false }
        }
        if p.hasPrefix("/assets/") || p.hasPrefix("/feeds/") || p.contains("/attachments/") || p.hasPrefix("/api/") { return false }
        if p.hasSuffix(".xml") || p.hasSuffix(".css") || p.hasSuffix(".js") || p.hasSuffix(".csv") || p.hasSuffix(".pdf") { return false }
        // Sign-in and forms lead nowhere new; the print view repeats the page.
        if p == "/login" || p.hasSuffix("/print") || p.hasPrefix("/console") { return false }
        return true
    }

    /// Asks for `address`, following redirects. `read`: GET and keep the page (HTML only);
    /// otherwise HEAD, and GET when HEAD fails.
    func fetch(_ address: WebAddress, read: Bool) async -> Outcome {
        var current = address
        var method = read ? "GET" : "HEAD"
        for _ in 0..<6 {
            let request = OutboundRequest(
                url: current.description, method: method,
                headers: [("User-Agent", "gongkai-link-checker/1.0"), ("Accept", "text/html,*/*")],
                timeout: .seconds(settings.timeoutSeconds), keep: read ? 4 * 1024 * 1024 : 0)
            let answer: OutboundResponse
            do {
                answer = try await http.send(request)
            } catch {
                return Outcome(status: nil, problem: "无法访问：\(error)", html: nil)
            }
            if [301, 302, 303, 307, 308].contains(answer.status), let location = answer.header("Location"),
                let next = current.resolve(location)
            {
                if !read && next.isPrivate && !current.isPrivate && !settings.allowPrivateHosts {
                    return Outcome(status: answer.status, problem: "跳转到内网地址", html: nil)
                }
                current = next
                continue
            }
            // Some servers refuse or mishandle HEAD: a failure is asked again with GET.
            if !read && answer.status >= 400 && method == "HEAD" {
                method = "GET"
                continue
            }
            if answer.status >= 400 { return Outcome(status: answer.status, problem: "返回 \(answer.status)", html: nil) }
            let type = answer.header("Content-Type") ?? ""
            let isHTML = type.contains("html") || type.contains("xml")
            return Outcome(status: answer.status, problem: nil, html: read && isHTML ? answer.body : nil)
        }
        return Outcome(status: nil, problem: "跳转次数过多", html: nil)
    }
}
