public import Domain
import Foundation
import Reports
import Storage

/// The 单项否决 self-check of an agency's site: column freshness (the base the 栏目更新情况
/// page shows), the home page's newest item, blank columns, public messages left unanswered,
/// and whether the last link check could read the site at all.
public struct SelfCheckService: Sendable {
    let env: ServiceEnvironment

    public init(env: ServiceEnvironment) { self.env = env }

    /// The agency's columns with their published documents counted.
    public func freshness(_ agency: Agency) async throws -> FreshnessReport {
        let stores = env.database.stores
        let settings = try await stores.agencies.catalogSettings(agencyID: agency.id) ?? .standard
        let activity = try await stores.catalog.columnActivity(agencyID: agency.id)
        let today = env.today
        let rules = env.settings.freshness
        let named = settings.categories.map { ($0.code, $0.name) } + settings.columns.map { ($0.code, $0.name + "（专栏）") }
        return FreshnessReport(
            columns: named.map { code, name in
                ColumnFreshness(
                    code: code, name: name, kind: settings.columnKinds[code] ?? .regular, documents: activity[code]?.count ?? 0,
                    lastPublished: activity[code]?.last ?? nil, today: today, rules: rules)
            }, rules: rules)
    }

    /// Every item for one agency's site.
    public func check(_ agency: Agency) async throws -> SingleVetoCheck {
        let stores = env.database.stores
        let today = env.today
        let rules = env.settings.singleVeto
        var items: [SingleVetoCheck.Item] = []

        // 站点无法访问: from the last link check, which starts at the site's home page.
        let run = try await stores.linkChecks.latest(agencyID: agency.id)
        let report = run.flatMap(LinkCheckService.report(of:))
        if let run, let report {
            let when = AuditExport.beijingTime(run.finishedAtMillis ?? run.startedAtMillis)
            items.append(
                .init(
                    code: "unreachable", title: "站点无法访问", rule: "首页无法打开即不合格（检查期间多次访问）",
                    outcome: report.pagesRead > 0 ? .pass : .fail,
                    finding: report.pagesRead > 0
                        ? "最近一次链接检查（\(when)）从 \(run.origin) 读取了 \(report.pagesRead) 个页面"
                        : "最近一次链接检查（\(when)）未能打开 \(run.origin)",
                    offenders: report.pagesRead > 0 ? [] : [run.origin]))
        } else {
            items.append(
                .init(
                    code: "unreachable", title: "站点无法访问", rule: "首页无法打开即不合格（检查期间多次访问）", outcome: .unknown,
                    finding: run == nil ? "尚未进行链接检查，请在“链接检查”中检查一次" : "链接检查进行中"))
        }

        // 首页栏目信息: the newest item the home page shows.
        let newest = try await stores.documents.recent(agencyID: agency.id, limit: 1).first
        let homeRule = "首页栏目信息超过 \(rules.homeDays) 天未更新即不合格"
        if let newest, let on = newest.publishedOn {
            let age = today.daysSinceEpoch - on.daysSinceEpoch
            items.append(
                .init(
                    code: "homeStale", title: "首页栏目信息长期未更新", rule: homeRule, outcome: age > rules.homeDays ? .fail : .pass,
                    finding: "首页最新信息《\(newest.title)》发布于 \(on.chinese)，距今 \(age) 天",
                    offenders: age > rules.homeDays ? [newest.title] : []))
        } else {
            items.append(
                .init(code: "homeStale", title: "首页栏目信息长期未更新", rule: homeRule, outcome: .fail, finding: "首页没有任何已发布的信息"))
        }

        // 栏目不更新 and 空白栏目.
        let f = try await freshness(agency)
        func columns(_ state: ColumnFreshness.State) -> [String] { f.columns.filter { $0.state == state }.map(\.name) }
        let stale = columns(.stale)
        items.append(
            .init(
                code: "columnsStale", title: "栏目不更新",
                rule:
                    "动态、要闻类栏目超过 \(f.rules.dynamicDays) 天未更新，或通知公告、政策文件类栏目超过 \(f.rules.noticeMonths) 个月未更新，累计 \(f.rules.staleLimit) 个及以上即不合格",
                outcome: stale.count >= f.rules.staleLimit ? .fail : .pass, finding: "超期未更新的栏目 \(stale.count) 个", offenders: stale))
        let long = columns(.long)
        items.append(
            .init(
                code: "columnsLong", title: "栏目长期未更新",
                rule: "应更新但 \(f.rules.regularMonths) 个月以上未更新的栏目 \(f.rules.longLimit) 个及以上即不合格（月数为本平台设置，未经核实）",
                outcome: long.count >= f.rules.longLimit ? .fail : .pass, finding: "长期未更新的栏目 \(long.count) 个", offenders: long))
        let empty = columns(.empty)
        items.append(
            .init(
                code: "columnsEmpty", title: "空白栏目", rule: "没有任何信息的栏目 \(f.rules.emptyLimit) 个及以上即不合格",
                outcome: empty.count >= f.rules.emptyLimit ? .fail : .pass, finding: "空白栏目 \(empty.count) 个", offenders: empty))

        // 互动回应差: a public message left without a reply for longer than the limit.
        let limit = today.adding(months: -rules.unansweredMonths)
        let waiting = try await stores.mailbox.list(agencyID: agency.id, departmentID: nil).filter {
            $0.status != .closed && $0.receivedOn < limit
        }
        items.append(
            .init(
                code: "unanswered", title: "互动回应差", rule: "留言超过 \(rules.unansweredMonths) 个月未答复即不合格",
                outcome: waiting.isEmpty ? .pass : .fail,
                finding: waiting.isEmpty
                    ? "没有超过 \(rules.unansweredMonths) 个月未答复的留言" : "\(waiting.count) 件留言超过 \(rules.unansweredMonths) 个月未答复",
                offenders: waiting.map { "\($0.trackingCode) \($0.subject)（\($0.receivedOn.chinese)收到）" }))
        return SingleVetoCheck(items: items)
    }
}
