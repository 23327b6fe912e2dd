public import Domain
import Foundation
import Reports
import Storage

/// Website error reports: the public form, handling within the working-day limit, monthly
/// figures, and the import of reports received through the national platform.
public struct SiteErrorService: Sendable {
    public init(env: ServiceEnvironment) {
        self.env = env
    }

    let env: ServiceEnvironment

    public static let office: Set<Role> = [.officeAdmin]

    public struct Input: Decodable, Sendable {

        public init(pageUrl: String? = nil, category: String? = nil, description: String? = nil, contact: String? = nil) {

            self.pageUrl = pageUrl

            self.category = category

            self.description = description

            self.contact = contact

        }

        var pageUrl: String?
        var category: String?
        var description: String?
        var contact: String?
    }

    func due(from day: CivilDate) -> CivilDate { env.calendar.current.adding(env.settings.siteErrorWorkdays, workdaysTo: day).date }

    static func checkPage(_ text: String?) throws -> String {
        let page = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !page.isEmpty else { throw DomainError.invalid("pageUrl", "请填写出错网页的地址") }
        guard page.count <= 500, page.hasPrefix("/") || page.hasPrefix("http://") || page.hasPrefix("https://"), !page.contains(" ") else {
            throw DomainError.invalid("pageUrl", "网页地址应以 http:// 、https:// 或 / 开头")
        }
        return page
    }

    /// A report from the public, for the agency whose portal it came through.
    public func submit(_ input: Input, site: PortalSite, address: String) async throws -> SiteErrorReport {
        guard let root = site.agency else { throw ServiceFailure.unavailable("平台尚未初始化") }
        let page = try Self.checkPage(input.pageUrl)
        let category = try RequestService.parse(
            input.category ?? SiteErrorReport.Category.other.rawValue, "category", SiteErrorReport.Category.self)
        let description = try RequestSteps.trimmed(input.description, "description", "请描述发现的问题", limit: 2_000)
        let contact = String((input.contact ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let today = env.today
        let report = SiteErrorReport(
            agencyID: root.id, source: .site, pageURL: page, category: category, description: description, contact: contact,
            receivedOn: today,
            dueOn: due(from: today), createdAtMillis: env.nowMillis)
        let now = env.nowMillis
        return try await env.database.audited(by: AuditActor(agencyID: root.id, userID: nil, name: "网民", address: address), atMillis: now) {
            stores, trail in
            let saved = try await stores.siteErrors.create(report)
            try await trail.log(.siteErrorReceive, .siteError, saved.id, detail: "\(category.label)：\(page)")
            return saved
        }
    }

    public struct Resolution: Decodable, Sendable {
        public init(status: String? = nil, note: String? = nil) {
            self.status = status
            self.note = note
        }

        var status: String?
        var note: String?
    }

    public func resolve(_ id: Int64, _ r: Resolution, identity: StaffIdentity, address: String) async throws -> SiteErrorReport {
        guard var report = try await env.database.stores.siteErrors.find(id: id), report.agencyID == identity.agency.id else {
            throw DomainError.notFound("该报告")
        }
        let status = try RequestService.parse(r.status ?? "", "status", SiteErrorReport.Status.self)
        try report.resolve(status, note: r.note ?? "", by: identity.user.displayName, on: env.today)
        let done = report
        let actor = AuditActor(identity, address: address)
        let now = env.nowMillis
        try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            try await stores.siteErrors.update(done)
            try await trail.log(.siteErrorResolve, .siteError, done.id, detail: "\(done.status.label)：\(done.resolution)")
        }
        return done
    }

    /// Header names the national platform's exports have used, for each field; the first match wins.
    static let headers: [(field: String, names: [String])] = [
        ("id", ["编号", "问题编号", "工单编号", "ID"]),
        ("page", ["问题网址", "网址", "页面地址", "问题页面", "URL", "链接"]),
        ("category", ["问题类型", "错误类型", "类型"]),
        ("description", ["问题描述", "描述", "问题内容", "内容"]),
        ("date", ["提交时间", "留言时间", "报送时间", "日期", "时间"]),
    ]

    public struct Imported: Sendable {
        public var added: Int
        public var skipped: Int
    }

    /// Reports from the national platform's CSV: each row's number, page, type, text and date.
    /// Numbers already imported are skipped; a row missing the text or with a bad date stops
    /// the import, naming the line, and nothing is stored.
    public func importCSV(_ text: String, identity: StaffIdentity, address: String) async throws -> Imported {
        let rows = CSVReader.rows(text)
        guard let head = rows.first else { throw DomainError.invalid("file", "文件为空") }
        let names = head.map { $0.trimmingCharacters(in: .whitespaces) }
        var at: [String: Int] = [:]
        for (field, aliases) in Self.headers {
            if let i = names.firstIndex(where: { n in aliases.contains(n) }) { at[field] = i }
        }
        guard at["description"] != nil, at["page"] != nil else {
            throw DomainError.invalid("file", "第 1 行须为表头，至少含“问题网址”和“问题描述”两列")
        }
        var prepared: [SiteErrorReport] = []
        for (n, row) in rows.enumerated().dropFirst() {
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func cell(_ f: String) -> String { at[f].map { $0 < row.count ? row[$0].trimmingCharacters(in: .whitespaces) : "" } ?? "" }
            let line = n + 1
            let description = cell("description")
            guard !description.isEmpty else { throw DomainError.invalid("file", "第 \(line) 行：问题描述为空") }
            let page: String
            do { page = try Self.checkPage(cell("page")) } catch { throw DomainError.invalid("file", "第 \(line) 行：网址无效") }
            var day = env.today
            let rawDate = cell("date")
            if !rawDate.isEmpty {
                let iso = String(rawDate.prefix(10)).replacingOccurrences(of: "/", with: "-")
                guard let d = CivilDate(iso: iso) else { throw DomainError.invalid("file", "第 \(line) 行：日期“\(rawDate)”无法识别") }
                day = d
            }
            let external = cell("id")
            prepared.append(
                SiteErrorReport(
                    agencyID: identity.agency.id, source: .national, externalID: external.isEmpty ? nil : external, pageURL: page,
                    category: .from(label: cell("category")), description: String(description.prefix(2_000)), receivedOn: day,
                    dueOn: due(from: day),
                    createdAtMillis: env.nowMillis))
        }
        guard !prepared.isEmpty else { throw DomainError.invalid("file", "文件中没有报告") }
        let batch = prepared
        let actor = AuditActor(identity, address: address)
        let now = env.nowMillis
        return try await env.database.audited(by: actor, atMillis: now) { stores, trail in
            var added = 0
            var skipped = 0
            var seen = Set<String>()
            for r in batch {
                if let e = r.externalID {
                    if seen.contains(e) {
                        skipped += 1
                        continue
                    }
                    seen.insert(e)
                    if try await stores.siteErrors.exists(agencyID: r.agencyID, externalID: e) {
                        skipped += 1
                        continue
                    }
                }
                _ = try await stores.siteErrors.create(r)
                added += 1
            }
            try await trail.log(.siteErrorImport, .siteError, "", detail: "导入 \(added) 条，跳过已导入 \(skipped) 条")
            return Imported(added: added, skipped: skipped)
        }
    }
}
