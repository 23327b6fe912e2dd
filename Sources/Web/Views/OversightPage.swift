import Domain
import Plot
import Services

/// The disclosure office's view of timeliness (Art. 26) and interpretation coverage.
struct OversightPage {
    var year: Int
    var entries: [(entry: Timeliness.Entry, document: CatalogDocument)]
    var departments: [Department]
    var coverage: InterpretationCoverage
    var titles: [Int64: String]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let open = entries.filter { $0.entry.state == .due || $0.entry.state == .overdue }.sorted { $0.entry.dueOn < $1.entry.dueOn }
        let publishedThisYear = entries.filter { $0.entry.publishedOn?.year == year }
        let late = publishedThisYear.filter { $0.entry.state == .late }
        func percent(_ x: Double) -> String { String(Int((x * 100).rounded())) + "%" }
        return .div(
            .h1(.text("公开时效与政策解读")),
            Fragments.oversightNav(current: Routes.Console.timeliness.path()),
            .section(
                .h2(.text("待公开事项（条例第二十六条）")),
                .p(.text("信息形成或变更之日起 20 个工作日内公开（行政许可、行政处罚结果 7 个工作日）。\(year) 年已发布 \(publishedThisYear.count) 件，其中超期 \(late.count) 件。")),
                open.isEmpty
                    ? .p(.class("empty"), .text("没有待公开的事项。"))
                    : .table(
                        .thead(.tr(.th(.text("文件")), .th(.text("科室")), .th(.text("形成日期")), .th(.text("应公开日期")), .th(.text("状态")))),
                        .tbody(
                            .forEach(open) { row in
                                .tr(
                                    .td(.a(.href(Routes.Console.document.path(row.document.id)), .text(row.document.title))),
                                    .td(.text(departments.first { $0.id == row.entry.departmentID }?.name ?? "")),
                                    .td(.text(row.entry.formedOn.description)),
                                    .td(.text(row.entry.dueOn.description + (row.entry.provisional ? "（暂定）" : ""))),
                                    .td(.text(row.entry.state == .overdue ? "已超期" : "待公开"))
                                )
                            })
                    )
            ),
            .section(
                .h2(.text("\(year) 年政策解读情况")),
                .table(
                    .thead(.tr(.th(.text("指标")), .th(.text("实际")), .th(.text("目标")))),
                    .tbody(
                        .tr(.td(.text("需解读的政策文件")), .td(.text(String(coverage.policies))), .td(.text(""))),
                        .tr(.td(.text("解读率")), .td(.text(percent(coverage.interpretedShare))), .td(.text("100%"))),
                        .tr(.td(.text("图解率")), .td(.text(percent(coverage.graphicShare))), .td(.text("80%"))),
                        .tr(.td(.text("音视频解读率")), .td(.text(percent(coverage.audioVideoShare))), .td(.text("20%")))
                    )
                ),
                coverage.lateOrMissing.isEmpty
                    ? .p(.class("empty"), .text("没有逾期未解读的政策文件。"))
                    : .div(
                        .p(.text("以下政策文件未在发布后 3 个工作日内同步发布解读：")),
                        .ul(
                            .forEach(coverage.lateOrMissing) { id in
                                .li(.a(.href(Routes.Console.document.path(id)), .text(titles[id] ?? "文件 #\(id)")))
                            })
                    )
            )
        )
    }
}
