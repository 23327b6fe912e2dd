public import Domain
import Foundation
import Logging
import Reports
public import Storage

/// The link checker (网站健康) as the disclosure office runs it: a check of the agency's portal is
/// started (one at a time per agency), crawls in the background, and is stored with each broken
/// link's pages and the department that owns each page.
public struct LinkCheckService: Sendable {
    let env: ServiceEnvironment

    public init(env: ServiceEnvironment) {
        self.env = env
    }

    /// A page that carries a broken link, and who should mend it.
    public struct Page: Codable, Sendable, Hashable {
        public init(path: String, title: String, owner: String) {
            self.path = path
            self.title = title
            self.owner = owner
        }

        public var path: String
        public var title: String
        public var owner: String
    }

    /// A broken (or unchecked) link and the pages it is on.
    public struct Finding: Codable, Sendable, Hashable {
        public init(url: String, status: Int?, problem: String, pages: [Page]) {
            self.url = url
            self.status = status
            self.problem = problem
            self.pages = pages
        }

        public var url: String
        public var status: Int?
        public var problem: String
        public var pages: [Page]
    }

    /// What a finished run found, as stored with the run.
    public struct Report: Codable, Sendable {
        public var pagesRead: Int
        public var linksChecked: Int
        public var truncated: Bool
        public var broken: [Finding]
        public var notChecked: [Finding]
    }

    /// The agency's last run, if any.
    public func latest(agencyID: Int64) async throws -> LinkCheckRun? {
        try await env.database.stores.linkChecks.latest(agencyID: agencyID)
    }

    /// The report of a finished run; nil while it runs.
    public static func report(of run: LinkCheckRun) -> Report? {
        run.resultJSON.flatMap { try? JSONDecoder().decode(Report.self, from: Data($0.utf8)) }
    }

    /// Records a new run and starts it in the background; refused while the agency's last run
    /// (started within the hour) is still going.
    public func start(_ origin: WebAddress, by identity: StaffIdentity, address: String) async throws -> LinkCheckRun {
        let now = env.nowMillis
        if let last = try await latest(agencyID: identity.agency.id), last.finishedAtMillis == nil, now - last.startedAtMillis < 3_600_000 {
            throw DomainError.conflict("上一次检查尚未结束（\(AuditExport.beijingTime(last.startedAtMillis)) 开始）")
        }
        let run = try await env.audited(by: AuditActor(identity, address: address)) { stores, trail in
            let run = try await stores.linkChecks.create(
                LinkCheckRun(
                    agencyID: identity.agency.id, origin: origin.origin, startedBy: identity.user.displayName,
                    startedAtMillis: trail.atMillis))
            try await trail.log(.linkCheckStart, .linkCheck, run.id, detail: origin.origin)
            return run
        }
        let (env, agencyID) = (env, identity.agency.id)
        let checker = LinkChecker(origin: origin, settings: env.settings.linkCheck, http: env.http)
        env.background.start {
            let result = await checker.run()
            // Cancelled by a shutdown: the fetches it cut short are not broken links. The run
            // stays unfinished (the office sees it as not completed and can start another).
            guard !Task.isCancelled else { return }
            do {
                let report = try await Self.attributed(result, agencyID: agencyID, stores: env.database.stores)
                let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
                let at = env.nowMillis
                try await env.database.transaction { try await $0.linkChecks.finish(id: run.id, atMillis: at, resultJSON: json) }
            } catch {
                Logger(label: "gongkai.links").error("link check \(run.id) could not be saved: \(error)")
            }
        }
        return run
    }

    /// Each page that carries a broken link, with its title and the department that owns it.
    static func attributed(_ r: LinkChecker.Result, agencyID: Int64, stores: any Stores) async throws -> Report {
        let departments = Dictionary(
            try await stores.agencies.departments(of: agencyID).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var cache: [String: Page] = [:]
        func page(_ path: String) async throws -> Page {
            if let p = cache[path] { return p }
            var p = Page(path: path, title: path, owner: "网站栏目（政务公开办公室）")
            let parts = path.split(separator: "/")
            if parts.count >= 2, parts[0] == "documents", let id = Int64(parts[1]), let d = try await stores.catalog.find(id: id) {
                p.title = d.title
                p.owner = d.departmentID.flatMap { departments[$0] } ?? (d.agencyID == agencyID ? "本机关" : "其他单位")
            } else if path == "/" {
                p.title = "首页"
            }
            cache[path] = p
            return p
        }
        func findings(_ list: [LinkChecker.Broken]) async throws -> [Finding] {
            var out: [Finding] = []
            for b in list {
                var pages: [Page] = []
                for path in b.pages { pages.append(try await page(path)) }
                out.append(Finding(url: b.url, status: b.status, problem: b.problem, pages: pages))
            }
            return out
        }
        return Report(
            pagesRead: r.pagesRead, linksChecked: r.linksChecked, truncated: r.truncated, broken: try await findings(r.broken),
            notChecked: try await findings(r.notChecked))
    }
}
