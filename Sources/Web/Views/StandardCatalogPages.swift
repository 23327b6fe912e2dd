import Domain
import Plot
import Reports
import Services

/// The 标准目录 page: the catalog in force, every unit's counts side by side, the selected
/// unit's items with their state, and (for the office) the form to load a new catalog.
struct StandardCatalogPage {
    var units: [StandardCatalogService.UnitCoverage]
    var selected: Agency
    var own: Agency
    /// Category and special-column names by code, for the selected unit.
    var names: [String: String]
    var mayLoad: Bool
    var onlyProblems: Bool
    var message: String?
    var errors: [String: String]
    var values: [String: String]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let mine = units.first { $0.agency.id == selected.id }
        return .div(
            .h1(.text("政务公开标准目录")),
            Fragments.oversightNav(current: Routes.Console.standard.path()),
            .p(
                .text(
                    "对照标准目录检查各事项的公开情况：按周期公开的事项（每月、每季度、每年）看周期内是否有公开；自信息形成之日起限时公开的事项看近期文件是否超过公开时限。"
                        + "事项通过“对应栏目”与本机关的目录分类或专题专栏对应；依申请公开的事项不检查。")),
            Fragments.alert(message, kind: "success"),
            Fragments.alert(errors.isEmpty ? nil : "未导入，请修改标出的问题。"),
            .if(units.count > 1, unitsTable()),
            .unwrap(mine) { unit in itemsSection(unit) },
            .if(mayLoad, uploadForm(chrome))
        )
    }

    func unitsTable() -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("各单位情况")),
            .div(
                .class("table-wrap"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                .attribute(named: "aria-label", value: "表格，可左右滚动"),
                .table(
                    .class("standard-units"),
                    .thead(
                        .tr(
                            .th(.text("单位")), .th(.text("执行目录")), .th(.text("按时")), .th(.text("未公开")), .th(.text("逾期")),
                            .th(.text("未对应")), .th(.text("无记录")))),
                    .tbody(
                        .forEach(units) { u in
                            .tr(
                                .class(u.agency.id == selected.id ? "selected" : ""),
                                .td(.a(.href(Routes.Console.standard.path() + "?unit=\(u.agency.id)"), .text(u.agency.name))),
                                .td(
                                    .text(
                                        u.inForce.map { $0.catalog.title + ($0.owner.id == u.agency.id ? "" : "（沿用\($0.owner.name)）") }
                                            ?? "未导入")),
                                .td(.text("\(u.count(.covered))")), .td(.text("\(u.count(.gap))")), .td(.text("\(u.count(.overdue))")),
                                .td(.text("\(u.count(.unmapped))")), .td(.text("\(u.count(.noRecord))")))
                        })))
        )
    }

    func itemsSection(_ unit: StandardCatalogService.UnitCoverage) -> Node<HTML.BodyContext> {
        guard let inForce = unit.inForce else {
            return .section(
                .h2(.text(unit.agency.name)),
                .p(.class("empty"), .text("尚未导入标准目录，上级机关也没有可沿用的目录。")))
        }
        let pairs = zip(inForce.catalog.items, unit.results).filter { !onlyProblems || $0.1.state.isProblem }
        let base = Routes.Console.standard.path() + "?unit=\(unit.agency.id)"
        return .section(
            .h2(.text("\(unit.agency.name)：\(inForce.catalog.title)")),
            .p(
                .text(
                    "共 \(inForce.catalog.items.count) 项，\(inForce.catalog.loadedBy)于 \(AuditExport.beijingTime(inForce.catalog.loadedAt)) 从“\(inForce.catalog.sourceName)”导入"
                        + (inForce.owner.id == unit.agency.id ? "。" : "；本单位沿用\(inForce.owner.name)的目录和对应栏目。"))),
            .p(
                .text(
                    "按时公开 \(unit.count(.covered)) 项，周期内未公开 \(unit.count(.gap)) 项，逾期 \(unit.count(.overdue)) 项，未对应栏目 \(unit.count(.unmapped)) 项，暂无记录 \(unit.count(.noRecord)) 项。"
                ),
                .text(" "),
                onlyProblems
                    ? .a(.href(attr(base)), .text("显示全部事项")) : .a(.href(attr(base + "&problems=1")), .text("只看需处理的事项")),
                .if(
                    mayLoad && inForce.owner.id == own.id,
                    .group(.text(" · "), .a(.href(Routes.Console.standardMapping.path()), .text("设置对应栏目"))))),
            .div(
                .class("table-wrap"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                .attribute(named: "aria-label", value: "表格，可左右滚动"),
                .table(
                    .class("standard-items"),
                    .thead(
                        .tr(
                            .th(.text("序号")), .th(.text("事项")), .th(.text("公开时限")), .th(.text("对应栏目")), .th(.text("已公开")),
                            .th(.text("最近公开")), .th(.text("状态")))),
                    .tbody(
                        .forEach(pairs) { item, r in
                            .tr(
                                .class(r.state.isProblem ? "overdue" : ""),
                                .td(.text(item.number.isEmpty ? "\(item.id)" : item.number)),
                                .td(
                                    .text(item.group.isEmpty || item.group == item.name ? item.name : "\(item.group) / \(item.name)"),
                                    .unwrap(item.content.isEmpty ? nil : item.content) { .p(.class("hint"), .text($0)) }),
                                .td(.text(item.timeLimit), .p(.class("hint"), .text("按“\(item.period.label)”检查"))),
                                .td(.text(item.categories.isEmpty ? "—" : item.categories.map { names[$0] ?? $0 }.joined(separator: "、"))),
                                .td(.text("\(r.published)")),
                                .td(.text(r.lastPublished?.description ?? "—")),
                                .td(
                                    .strong(.text(r.state.label)),
                                    .unwrap(r.note.isEmpty ? nil : r.note) { .p(.class("hint"), .text($0)) }))
                        })))
        )
    }

    func uploadForm(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("导入标准目录")),
            .p(
                .text(
                    "上传 Excel（.xlsx）或 CSV 文件：表头须有“公开内容”“公开时限”两列，可有序号、一级事项、二级事项、公开依据、公开主体、公开渠道和载体、公开对象、公开方式（打“√”）和“对应栏目”列。"
                        + "合并单元格按所在区域的内容读取。重新导入会替换本机关的目录，仍在目录中的事项保留原来的对应栏目。")),
            .form(
                .method(.post), .action(Routes.Console.standard.path()), .enctype(.multipartData),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    Fragments.textField(
                        "目录名称", name: "title", value: values["title"] ?? "", errors: errors, hint: "例如：卫生健康领域基层政务公开标准目录（2026 年版）"),
                    .div(
                        .class(errors["file"] == nil ? "field" : "field has-error"),
                        .label(.for("file"), .text("目录文件")),
                        Fragments.fieldError(errors, "file"),
                        .input(
                            .type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"),
                            .attribute(named: "aria-invalid", value: errors["file"] == nil ? nil : "true"),
                            .attribute(named: "aria-describedby", value: errors["file"] == nil ? nil : "file-error"))),
                    .button(.type(.submit), .class("button"), .text("导入"))
                ))
        )
    }
}

/// The mapping form: one field per item with the categories (names, separated by 、) whose
/// documents count for it.
struct StandardMappingPage {
    var catalog: StandardCatalog
    var choices: [String]
    var values: [String: String]
    var message: String?
    var errors: [String: String]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("标准目录对应栏目")),
            .p(
                .text(
                    "为每个主动公开事项填写发布其信息的目录分类或专题专栏，多个用“、”分隔；留空表示尚未对应。可填写：" + choices.joined(separator: "、") + "。")),
            Fragments.alert(message, kind: "success"),
            Fragments.alert(errors.isEmpty ? nil : "未保存，请修改标出的问题。"),
            .form(
                .method(.post), .action(Routes.Console.standardMapping.path()),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    .forEach(catalog.items) { item in
                        Fragments.textField(
                            "\(item.number.isEmpty ? "\(item.id)" : item.number). \(item.group.isEmpty || item.group == item.name ? "" : item.group + " / ")\(item.name)",
                            name: "item-\(item.id)", value: values["item-\(item.id)"] ?? "", errors: errors,
                            hint: [item.content, "时限：" + item.timeLimit, item.isActive ? "" : "依申请公开，不检查"].filter { !$0.isEmpty }.joined(
                                separator: "；"),
                            required: false)
                    },
                    .button(.type(.submit), .class("button"), .text("保存"))
                )),
            .p(.a(.href(Routes.Console.standard.path()), .text("返回标准目录")))
        )
    }
}
