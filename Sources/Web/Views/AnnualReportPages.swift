import Domain
import Plot
import Reports
import Services

/// The console's list of annual reports: the reminder, each year's state, roll-up links for
/// units below, and the import of earlier years.
struct AnnualReportListPage {
    var reports: [AnnualReport]
    var units: [Agency]
    var reminder: String?
    var canEdit: Bool
    var lastYear: Int
    var message: String?
    var failed: Bool

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        var years = Set(reports.map(\.year))
        years.insert(lastYear)
        years.insert(lastYear + 1)
        let byYear = Dictionary(reports.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
        return .div(
            .h1(.text("政府信息公开工作年度报告")),
            Fragments.alert(message, kind: failed ? "error" : "success"),
            .unwrap(reminder) { .p(.class("alert alert-warning"), .attribute(named: "role", value: "status"), .text($0)) },
            .table(
                .caption(.text("各年度报告")),
                .thead(.tr(.th(.text("年度")), .th(.text("状态")), .th(.text("操作")))),
                .tbody(
                    .forEach(years.sorted(by: >)) { y in
                        .tr(
                            .td(.text("\(y)年")), .td(.text(byYear[y]?.state.label ?? "未开始编制")),
                            .td(
                                .a(.href(Routes.Console.report.path(y)), .text("打开")),
                                .if(
                                    !units.isEmpty,
                                    .group(.text(" · "), .a(.href(Routes.Console.report.path(y) + "?rollup=true"), .text("汇总下属单位")))),
                                .if(
                                    byYear[y]?.state == .published,
                                    .group(.text(" · "), .a(.href(Routes.Portal.annualReport.path(y)), .text("门户页面"))))
                            ))
                    })),
            .if(
                !units.isEmpty,
                .section(
                    .h2(.text("下属单位")),
                    .ul(
                        .forEach(units) { u in
                            .li(.a(.href(Routes.Console.report.path(lastYear) + "?agency=\(u.id)"), .text("\(u.name) \(lastYear)年度报告")))
                        })
                )),
            .if(
                canEdit,
                .section(
                    .h2(.text("导入往年报告数据")),
                    .p(
                        .class("hint"),
                        .text(
                            "用于与往年比较。文件为 CSV：可先在任一年度报告页面下载“表格数据（CSV）”作为模板，按旧报告填写“数值”列；也可只填“表、行、列、数值”四列，行列名称照报告原文（2019年试行格式的表二同样识别）。"
                        )),
                    .form(
                        .method(.post), .action(Routes.Console.importReport.path()), .enctype(.multipartData),
                        .div(
                            Fragments.csrfField(chrome.csrf),
                            Fragments.textField("年度", name: "year", value: String(lastYear - 1), type: .number),
                            .div(
                                .class("field"),
                                .label(.for("import-file"), .text("CSV 文件")),
                                .input(.type(.file), .id("import-file"), .name("file"), .attribute(named: "accept", value: ".csv,text/csv"))
                            ),
                            Fragments.textArea("该年度报告“存在的主要问题及改进情况”（选填，每行一个问题）", name: "problems", value: "", rows: 4, required: false),
                            .button(.type(.submit), .text("导入"))
                        )))
            )
        )
    }
}

/// One year's report in the console: its state, the checks, the office's texts and entries in
/// a form while it is a draft, the preview, corrections once it is locked, and downloads.
struct AnnualReportConsolePage {
    var view: AnnualReportService.View
    var rollup: AnnualReportService.Rollup?
    var canEdit: Bool
    var yearOver: Bool
    var message: String?
    var errors: [String: String]
    var values: [String: String]

    var report: AnnualReport { view.report }
    var year: Int { report.year }
    var base: String { Routes.Console.report.path(year) }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let failed = view.checks.filter { !$0.ok }
        let content = AnnualReportHTML.Content(agencyName: view.agency.name, year: year, report: report, figures: view.figures)
        let agencyQuery = canEdit ? "" : "&agency=\(view.agency.id)"
        return .div(
            .class("annual-report-console"),
            .h1(.text("\(view.agency.name) \(year)年政府信息公开工作年度报告")),
            .p(
                .class("doc-meta"),
                .text(
                    "状态：\(report.state.label) · \(report.format.label)"
                        + (report.lockedBy.map { " · 由\($0)锁定" } ?? "") + (report.publishedBy.map { " · 由\($0)发布" } ?? ""))),
            Fragments.alert(message, kind: errors.isEmpty ? "success" : "error"),
            .unwrap(rollup) { self.rollupSection($0) },
            failed.isEmpty
                ? .p(.class("alert alert-success"), .text("勾稽关系检查：全部 \(view.checks.count) 项通过。"))
                : .section(
                    .class("alert alert-error"), .attribute(named: "role", value: "alert"),
                    .h2(.text("勾稽关系检查未通过（\(failed.count) 项），不能发布")),
                    .ul(.forEach(failed) { .li(.text($0.message)) })),
            .if(
                !report.state.isFrozen && !report.missingEntries.isEmpty,
                .p(
                    .class("alert alert-warning"),
                    .text("待填报：" + report.missingEntries.map { AnnualFigures.describe($0, format: report.format) }.joined(separator: "；")))),
            .if(!view.drift.isEmpty, driftSection(chrome)),
            .if(canEdit && report.state == .draft, editForm(chrome)),
            .if(canEdit && (report.state == .locked || report.state == .published), correctionForm(chrome)),
            .if(
                canEdit && report.state == .locked,
                actionForm(chrome, Routes.Console.reportPublish.path(year), "发布到门户网站", hint: "发布后公众可在“年度报告”栏目查看和下载。")),
            .nav(
                .class("report-downloads"), .attribute(named: "aria-label", value: "下载"),
                .h2(.text("下载")),
                .ul(
                    .li(.a(.href(Routes.Console.reportExport.path(year) + "?format=docx\(agencyQuery)"), .text("Word"))),
                    .li(.a(.href(Routes.Console.reportExport.path(year) + "?format=pdf\(agencyQuery)"), .text("PDF"))),
                    .li(.a(.href(Routes.Console.reportExport.path(year) + "?format=csv\(agencyQuery)"), .text("表格数据（CSV，可作导入模板）"))),
                    .li(.a(.href(Routes.Console.reportExport.path(year) + "?format=json\(agencyQuery)"), .text("JSON")))
                )),
            .section(.class("report-preview"), .h2(.text("预览")), .raw(AnnualReportHTML.article(content)))
        )
    }

    func actionForm(_ chrome: PageChrome, _ action: String, _ label: String, hint: String) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(action), .class("inline-action"),
            .div(Fragments.csrfField(chrome.csrf), .p(.class("hint"), .text(hint)), .button(.type(.submit), .text(label))))
    }

    func value(_ key: String) -> String {
        values[key] ?? report.entries[key].map(AnnualReportCSV.number) ?? ""
    }

    func editForm(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let entryKeys = (report.format == .standard2021 ? CatalogYearFigures.enteredCells2021.map { "t2.\($0)" } : [])
        let overrides = report.entries.keys.filter { !entryKeys.contains($0) }.sorted()
        let cellOptions = [("", "（不调整）")] + view.figures.cellKeys.map { ($0, AnnualFigures.describe($0, format: report.format)) }
        return .section(
            .h2(.text("编制")),
            .form(
                .method(.post), .action(base),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    .h3(.text("说明部分")),
                    .p(.class("hint"), .text("以下文字由平台按本年度数据起草，请核对修改；“（请填写）”处须补全后方可发布。")),
                    .forEach(AnnualReport.Section.allCases) { s in
                        Fragments.textArea(
                            s.heading, name: s.rawValue, value: values[s.rawValue] ?? report.text(s), rows: 12, errors: errors)
                    },
                    .h3(.text("手工填报的数据")),
                    .p(.class("hint"), .text("规章、行政强制和行政事业性收费的数据不在本平台，请按业务系统记录填写，没有的填 0。收费金额以万元为单位。")),
                    .forEach(entryKeys + overrides) { key in
                        Fragments.textField(
                            AnnualFigures.describe(key, format: report.format), name: key, value: value(key), errors: errors,
                            hint: entryKeys.contains(key) ? nil : "对系统生成数据的调整；清空即恢复系统数据", required: false)
                    },
                    Fragments.select(
                        "调整其他单元格（选填）", name: "adjustCell", options: cellOptions, selected: values["adjustCell"] ?? "", errors: errors),
                    Fragments.textField("调整为", name: "adjustValue", value: values["adjustValue"] ?? "", errors: errors, required: false),
                    .button(.type(.submit), .text("保存"))
                )),
            yearOver
                ? actionForm(chrome, Routes.Console.reportLock.path(year), "锁定本年度数据", hint: "锁定后数据不再随业务记录变化，报告可逐字节重现；之后的变动须记录更正。")
                : .p(.class("hint"), .text("\(year)年结束后（次年1月1日起）方可锁定本年度数据。"))
        )
    }

    func correctionForm(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let cellOptions = view.figures.cellKeys.map { ($0, AnnualFigures.describe($0, format: report.format)) }
        return .section(
            .h2(.text("记录更正")),
            .p(.class("hint"), .text("已锁定的数据只能以更正方式修改，更正说明随报告公开。")),
            .form(
                .method(.post), .action(Routes.Console.reportCorrections.path(year)),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    Fragments.select("单元格", name: "cell", options: cellOptions, selected: values["cell"] ?? "", errors: errors),
                    Fragments.textField("更正后的数值", name: "value", value: values["value"] ?? "", errors: errors),
                    Fragments.textArea("更正原因", name: "reason", value: values["reason"] ?? "", rows: 3, errors: errors),
                    .button(.type(.submit), .text("记录更正"))
                )))
    }

    func driftSection(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .section(
            .class("alert alert-warning"),
            .h2(.text("锁定后业务记录的变动")),
            .p(.text("以下单元格按当前业务记录计算的结果与锁定数据不同（如补登的申请、后来审结的复议诉讼）。如需反映到报告中，请记录更正。")),
            .table(
                .thead(.tr(.th(.text("单元格")), .th(.text("锁定数据")), .th(.text("当前记录")))),
                .tbody(
                    .forEach(view.drift) { d in
                        .tr(
                            .td(.text(AnnualFigures.describe(d.cell, format: report.format))), .td(.text(AnnualReportCSV.number(d.frozen))),
                            .td(.text(AnnualReportCSV.number(d.live))))
                    })))
    }

    func rollupSection(_ r: AnnualReportService.Rollup) -> Node<HTML.BodyContext> {
        let t = AnnualFigures.totalColumn
        func count(_ f: AnnualFigures, _ row: RequestReportRow) -> String { String(f.requests[row.rawValue]?[t] ?? 0) }
        return .section(
            .class("rollup"),
            .h2(.text("本单位及下属单位汇总")),
            .table(
                .caption(.text("各单位\(r.year)年度数据")),
                .thead(
                    .tr(
                        .th(.text("单位")), .th(.text("状态")), .th(.text("新收申请")), .th(.text("上年结转")), .th(.text("办结")),
                        .th(.text("结转下年")), .th(.text("检查")))),
                .tbody(
                    .forEach(r.units) { v in
                        .tr(
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .a(.href(Routes.Console.report.path(r.year) + "?agency=\(v.agency.id)"), .text(v.agency.name))),
                            .td(.text(v.report.state.label)), .td(.text(count(v.figures, .newThisYear))),
                            .td(.text(count(v.figures, .carriedIn))),
                            .td(.text(count(v.figures, .total))), .td(.text(count(v.figures, .carriedOut))),
                            .td(.text(v.figures.failedChecks.isEmpty ? "通过" : "\(v.figures.failedChecks.count) 项未通过")))
                    },
                    .tr(
                        .th(.attribute(named: "scope", value: "row"), .text("合计")), .td(),
                        .td(.text(count(r.sum, .newThisYear))), .td(.text(count(r.sum, .carriedIn))), .td(.text(count(r.sum, .total))),
                        .td(.text(count(r.sum, .carriedOut))), .td(.text(r.sum.failedChecks.isEmpty ? "通过" : "未通过")))
                )),
            .h3(.text("汇总表")),
            .raw(AnnualReportHTML.activeTable(r.sum) + AnnualReportHTML.requestTable(r.sum) + AnnualReportHTML.appealTable(r.sum))
        )
    }
}
