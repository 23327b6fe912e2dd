import Domain
import Plot
import Services

/// The registry: every account of the agency and its units, idle ones marked, and the form to
/// file a new account's opening.
struct MediaListPage {
    var rows: [(MediaAccount, Agency)]
    var today: CivilDate
    var idleDays: Int
    var own: Int64
    var mayFile: Bool
    var values: [String: String]
    var errors: [String: String]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let idle = rows.filter { $0.0.isIdle(today: today, idleDays: idleDays) }
        return .div(
            .h1(.text("政务新媒体")),
            .p(.text("登记本机关及所属单位的政务新媒体账号；开设、变更、暂停和关停须备案并经领导审批。运营中的账号超过 \(idleDays) 天未更新的标为“超期未更新”。")),
            .p(.text("共 \(rows.count) 个账号，运营中 \(rows.filter { $0.0.status == .active }.count) 个，超期未更新 \(idle.count) 个。")),
            rows.isEmpty
                ? .p(.class("empty"), .text("尚未登记账号。"))
                : .div(
                    .class("table-wrap"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                    .attribute(named: "aria-label", value: "表格，可左右滚动"),
                    .table(
                        .class("media-accounts"),
                        .thead(
                            .tr(
                                .th(.text("账号")), .th(.text("平台")), .th(.text("单位")), .th(.text("运维")), .th(.text("状态")),
                                .th(.text("最近更新")),
                                .th(.text("月均发布")))),
                        .tbody(
                            .forEach(rows) { row in
                                let (a, agency) = row
                                let late = a.isIdle(today: today, idleDays: idleDays)
                                return .tr(
                                    .class(late ? "overdue" : ""),
                                    .td(
                                        a.agencyID == own
                                            ? .a(.href(Routes.Console.mediaAccount.path(a.id)), .text(a.details.name))
                                            : .text(a.details.name)),
                                    .td(.text(a.details.platform.label)), .td(.text(agency.name)), .td(.text(a.details.operatorName)),
                                    .td(.text(a.status.label + (a.pending.map { "（\($0.kind.label)待审）" } ?? ""))),
                                    .td(.text((a.lastUpdatedOn?.description ?? "未记录") + (late ? "（超期未更新）" : ""))),
                                    .td(.text(a.averagePostsPerMonth.map { String(Int($0.rounded())) } ?? "—")))
                            })
                    )),
            .if(
                mayFile,
                .section(
                    .h2(.text("申请开设账号")),
                    Fragments.alert(errors.isEmpty ? nil : "未提交，请修改标出的问题。"),
                    .form(
                        .method(.post), .action(Routes.Console.media.path()),
                        .div(
                            Fragments.csrfField(chrome.csrf),
                            Fragments.select(
                                "平台", name: "platform", options: MediaAccount.Platform.allCases.map { ($0.rawValue, $0.label) },
                                selected: values["platform"] ?? "wechat", errors: errors),
                            Fragments.textField("账号名称", name: "name", value: values["name"] ?? "", errors: errors),
                            Fragments.textField("账号或网址", name: "handle", value: values["handle"] ?? "", errors: errors),
                            Fragments.textField("主办单位", name: "sponsor", value: values["sponsor"] ?? "", errors: errors),
                            Fragments.textField("运维单位", name: "operatorName", value: values["operatorName"] ?? "", errors: errors),
                            Fragments.textField("联系人及电话", name: "contact", value: values["contact"] ?? "", errors: errors, required: false),
                            Fragments.textField("开设理由", name: "reason", value: values["reason"] ?? "", errors: errors, required: false),
                            .button(.type(.submit), .text("提交开设备案"))
                        )
                    )
                ))
        )
    }
}

/// One account: its particulars, its filings, and the forms to file, decide and record updates.
struct MediaDetailPage {
    var account: MediaAccount
    var idle: Bool
    var mayFile: Bool
    var mayDecide: Bool
    var message: String?
    var error: String?

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let a = account
        return .div(
            .p(.a(.href(Routes.Console.media.path()), .text("← 政务新媒体"))),
            .h1(.text(a.details.name)),
            Fragments.alert(message, kind: "ok"),
            Fragments.alert(error),
            .table(
                .tbody(
                    .tr(.th(.text("平台")), .td(.text(a.details.platform.label))),
                    .tr(.th(.text("账号")), .td(.text(a.details.handle))),
                    .tr(.th(.text("主办单位")), .td(.text(a.details.sponsor))),
                    .tr(.th(.text("运维单位")), .td(.text(a.details.operatorName))),
                    .tr(.th(.text("联系人")), .td(.text(a.details.contact))),
                    .tr(.th(.text("状态")), .td(.text(a.status.label))),
                    .tr(.th(.text("最近更新")), .td(.text((a.lastUpdatedOn?.description ?? "未记录") + (idle ? "（超期未更新）" : ""))))
                )),
            .h2(.text("备案记录")),
            .ol(
                .class("filings"),
                .forEach(a.filings) { f in
                    .li(
                        .text(
                            "\(f.filedOn) \(f.filedBy) 申请\(f.kind.label)" + (f.reason.isEmpty ? "" : "：\(f.reason)")
                                + (f.details.map { "（\($0.platform.label) \($0.name)，运维：\($0.operatorName)）" } ?? "")
                                + (f.decision.map { "。\(f.decidedOn?.description ?? "") \(f.decidedBy) \($0 == .approved ? "同意" : "不同意")" }
                                    ?? "。待审批")
                                + (f.comment.isEmpty ? "" : "：\(f.comment)")))
                }),
            .if(
                mayDecide && a.pending != nil,
                .section(
                    .h2(.text("审批\(a.pending?.kind.label ?? "")备案")),
                    .form(
                        .method(.post), .action(Routes.Console.mediaDecision.path(a.id)),
                        .div(
                            Fragments.csrfField(chrome.csrf),
                            Fragments.textField("审批意见", name: "comment", errors: [:], hint: "不同意时必填", required: false),
                            .button(.type(.submit), .name("approve"), .value("1"), .text("同意")),
                            .button(.type(.submit), .name("approve"), .value("0"), .class("secondary"), .text("不同意"))
                        )))),
            .if(
                mayFile && (a.status == .active || a.status == .suspended) && a.pending == nil,
                .group(
                    .section(
                        .h2(.text("记录更新情况")),
                        .form(
                            .method(.post), .action(Routes.Console.mediaUpdates.path(a.id)),
                            .div(
                                Fragments.csrfField(chrome.csrf),
                                Fragments.textField("最近一次发布日期", name: "lastPost", type: .date, errors: [:]),
                                Fragments.textField("月份", name: "month", errors: [:], hint: "YYYY-MM，可不填", required: false),
                                Fragments.textField("该月发布条数", name: "posts", type: .number, errors: [:], required: false),
                                .button(.type(.submit), .text("记录"))
                            ))),
                    .section(
                        .h2(.text("申请暂停、恢复或关停")),
                        .form(
                            .method(.post), .action(Routes.Console.mediaFilings.path(a.id)),
                            .div(
                                Fragments.csrfField(chrome.csrf),
                                Fragments.select(
                                    "备案类型", name: "kind",
                                    options: (a.status == .active
                                        ? [("suspend", "暂停"), ("close", "关停")] : [("resume", "恢复"), ("close", "关停")]),
                                    selected: ""),
                                Fragments.textField("理由", name: "reason", errors: [:]),
                                .button(.type(.submit), .text("提交备案"))
                            ))),
                    .section(
                        .h2(.text("申请变更")),
                        .form(
                            .method(.post), .action(Routes.Console.mediaFilings.path(a.id)),
                            .div(
                                Fragments.csrfField(chrome.csrf),
                                .input(.type(.hidden), .name("kind"), .value("change")),
                                Fragments.select(
                                    "平台", name: "platform", id: "change-platform",
                                    options: MediaAccount.Platform.allCases.map { ($0.rawValue, $0.label) },
                                    selected: a.details.platform.rawValue),
                                Fragments.textField("账号名称", name: "name", id: "change-name", value: a.details.name, errors: [:]),
                                Fragments.textField("账号或网址", name: "handle", id: "change-handle", value: a.details.handle, errors: [:]),
                                Fragments.textField("主办单位", name: "sponsor", id: "change-sponsor", value: a.details.sponsor, errors: [:]),
                                Fragments.textField(
                                    "运维单位", name: "operatorName", id: "change-operator", value: a.details.operatorName, errors: [:]),
                                Fragments.textField(
                                    "联系人及电话", name: "contact", id: "change-contact", value: a.details.contact, errors: [:], required: false),
                                Fragments.textField("变更理由", name: "reason", id: "change-reason", errors: [:]),
                                .button(.type(.submit), .text("提交变更备案"))
                            )))
                ))
        )
    }
}
