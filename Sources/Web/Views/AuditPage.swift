import Domain
import Plot
import Reports
import Services

/// The audit browser: filters, one page of entries, links to the next pages and the CSV export.
struct AuditPage {
    var query: AuditQuery
    var entries: [AuditEntry] = []
    var total = 0
    var errors: [String: String] = [:]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let pages = max(1, (total + AuditQuery.pageSize - 1) / AuditQuery.pageSize)
        var previous = query
        var next = query
        previous.page -= 1
        next.page += 1
        return .div(
            .h1(.text("审计档案")),
            .p(.text("记录每一次登录、权限变更和数据变更，按 SHA-256 链式存储，只增不删；任何改动或删除都会被完整性校验发现。")),
            Fragments.alert(errors.isEmpty ? nil : "筛选条件有误，请修改后重试。"),
            .form(
                .method(.get), .action(Routes.Console.audit.path()),
                .div(
                    .class("filters"),
                    Fragments.textField("操作人", name: "actor", value: query.actor, errors: errors, required: false),
                    Fragments.textField(
                        "操作", name: "action", value: query.action, errors: errors, hint: "如 auth.login.failure", required: false),
                    Fragments.textField("对象类型", name: "type", value: query.recordType, errors: errors, required: false),
                    Fragments.textField("对象ID", name: "record", value: query.recordID, errors: errors, required: false),
                    Fragments.textField("起始日期", name: "from", value: query.from, type: .date, errors: errors, required: false),
                    Fragments.textField("截止日期", name: "to", value: query.to, type: .date, errors: errors, required: false),
                    .div(.class("field"), .button(.type(.submit), .text("筛选")))
                )
            ),
            .p(
                .text("共 \(total) 条，第 \(query.page)/\(pages) 页。 "),
                .a(.href(attr(Routes.Console.auditCSV(query))), .text("导出 CSV（当前筛选条件的全部记录）"))
            ),
            entries.isEmpty
                ? .p(.class("empty"), .text("没有符合条件的记录。"))
                : .table(
                    .class("stack"),
                    .caption(.text("审计记录")),
                    .thead(
                        .tr(
                            .th(.text("序号")), .th(.text("时间")), .th(.text("操作人")), .th(.text("来源")), .th(.text("操作")),
                            .th(.text("对象")), .th(.text("说明")))),
                    .tbody(
                        .forEach(entries) { e in
                            .tr(
                                .td(.label("序号"), .text(String(e.seq))), .td(.label("时间"), .text(AuditExport.beijingTime(e.atMillis))),
                                .td(.label("操作人"), .text(e.actorName)), .td(.label("来源"), .text(e.remoteAddress)),
                                .td(.label("操作"), .text(e.action)),
                                .td(.label("对象"), .text(e.recordID.isEmpty ? e.recordType : "\(e.recordType) #\(e.recordID)")),
                                .td(.label("说明"), .text(e.detail))
                            )
                        })
                ),
            .nav(
                .class("pager"), .attribute(named: "aria-label", value: "分页"),
                .if(query.page > 1, .a(.href(attr(Routes.Console.audit(previous))), .text("上一页"))),
                .if(query.page < pages, .a(.href(attr(Routes.Console.audit(next))), .text("下一页")))
            )
        )
    }
}
