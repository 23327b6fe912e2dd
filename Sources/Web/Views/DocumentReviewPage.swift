import Domain
import Plot
import Reports
import Services

/// A document in the console: its metadata, body, screening findings, trail, and the actions
/// the signed-in person may take now.
struct DocumentReviewPage {
    var document: CatalogDocument
    var levels: [ReviewLevel]
    var steps: [ReviewStep]
    var findings: [StoredFinding]
    var identity: StaffIdentity
    var message: String?
    var error: String?
    /// For a revision: against the version online; otherwise the last two versions, if any.
    var comparison: CatalogService.Comparison?
    var versions: [DocumentVersion] = []
    var openRevision: CatalogDocument?
    var attachments: [Attachment] = []

    var currentLevel: ReviewLevel? {
        document.workflow.status == .inReview && levels.indices.contains(document.workflow.level) ? levels[document.workflow.level] : nil
    }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let d = document
        let roles = identity.user.roles
        let canSubmit =
            (d.workflow.status == .draft || d.workflow.status == .returned) && (roles.contains(.drafter) || roles.contains(.officeAdmin))
        let level = currentLevel
        let canReview = level.map { roles.contains($0.role) && d.drafterID != identity.user.id } ?? false
        let canPublish = d.workflow.status == .approved && roles.contains(.publisher)
        let canWithdraw = d.workflow.status == .published && (roles.contains(.publisher) || roles.contains(.officeAdmin))
        let canResolve = !roles.isDisjoint(with: [.reviewer, .officeAdmin, .leader])
        let canEdit = canSubmit && (d.drafterID == identity.user.id || roles.contains(.officeAdmin))
        let canRevise =
            d.revisionOf == nil && openRevision == nil && [.published, .withdrawn, .expired].contains(d.workflow.status)
            && (roles.contains(.drafter) || roles.contains(.officeAdmin))
        let open = findings.filter { $0.resolution == .open }
        return .div(
            .h1(.text(d.title)),
            Fragments.alert(message, kind: "ok"),
            Fragments.alert(error),
            .unwrap(d.revisionOf) { original in
                .p(
                    .class("alert alert-ok"),
                    .text("这是文件 "), .a(.href(Routes.Console.document.path(original)), .text("#\(original)")),
                    .text(" 的修订稿（第 \(d.revision) 版）。原文件在修订稿发布前保持在线；修订稿发布后替换原文件内容，索引号和网址不变。"))
            },
            .unwrap(openRevision) { r in
                .p(
                    .class("alert alert-ok"),
                    .text("本文件有进行中的修订稿："), .a(.href(Routes.Console.document.path(r.id)), .text("#\(r.id)（\(r.workflow.status.label)）")))
            },
            .table(
                .class("doc-info"),
                .caption(.text("文件信息")),
                .tbody(
                    .tr(.th(.text("状态")), .td(.text(d.workflow.status.label + (level.map { "（\($0.name)）" } ?? "")))),
                    .tr(.th(.text("索引号")), .td(.text(d.indexNumber ?? "审核通过后生成"))),
                    .tr(.th(.text("文号")), .td(.text(d.documentNumber.isEmpty ? "无" : d.documentNumber))),
                    .tr(.th(.text("公开属性")), .td(.text(d.disclosure.attribute.label))),
                    .tr(.th(.text("成文日期")), .td(.text(d.writtenOn?.chinese ?? ""))),
                    .tr(.th(.text("发布日期")), .td(.text(d.publishedOn?.chinese ?? ""))),
                    .tr(.th(.text("版本")), .td(.text("第 \(d.revision) 版")))
                )
            ),
            Fragments.richText(d.body),
            attachmentsSection(canEdit: canEdit, chrome: chrome),
            .if(
                d.disclosure.attribute == .redacted,
                .section(
                    .h2(.text("公开版本预览（删减后公开）")),
                    .p(.class("hint"), .text("以下为网站上将显示的内容：【删减】与【/删减】之间的文字不公开。")),
                    Fragments.richText(d.redactedBody ?? d.publicBase))),
            .unwrap(comparison) { Self.comparisonSection($0) },
            .if(
                versions.count > 1,
                .section(
                    .h2(.text("上线版本")),
                    .ul(
                        .forEach(versions) { v in
                            .li(.text("第 \(v.revision) 版：\(v.title)（\(AuditExport.beijingTime(v.publishedAtMillis))，\(v.publishedBy)）"))
                        }))),
            .section(
                .h2(.text("发布前审查")),
                findings.isEmpty
                    ? .p(.class("empty"), .text(d.workflow.status == .draft ? "提交审核时进行审查。" : "未发现需处理的内容。"))
                    : .ul(
                        .forEach(findings) { f in
                            .li(
                                .id("finding-\(f.id)"),
                                .strong(.text(f.finding.kind.label)), .text("：\(f.finding.context)"),
                                .unwrap(f.finding.suggestion) { .text("（建议改为：\($0)）") },
                                .text(f.resolution == .open ? " — 待处理" : (f.resolution == .redacted ? " — 已删除" : " — 保留：\(f.reason)")),
                                .if(canResolve && f.resolution == .open, resolveForm(f, chrome: chrome))
                            )
                        })
            ),
            .section(
                .h2(.text("操作")),
                .if(canEdit, .p(.a(.class("button secondary"), .href(Routes.Console.documentEdit.path(d.id)), .text("修改")))),
                .if(canSubmit, actionForm(Routes.Console.documentSubmit, "提交审核", chrome: chrome)),
                .if(canReview, reviewForm(level, chrome: chrome)),
                .if(
                    canPublish,
                    open.isEmpty
                        ? actionForm(Routes.Console.documentPublish, "发布", chrome: chrome)
                        : .p(.class("alert"), .text("还有 \(open.count) 处审查发现待处理，处理后方可发布。"))),
                .if(canWithdraw, withdrawForm(chrome: chrome)),
                .if(canRevise, actionForm(Routes.Console.documentRevise, "发起修订", chrome: chrome)),
                .if(
                    (d.kind == .policy || d.kind == .normative) && d.revisionOf == nil
                        && (roles.contains(.drafter) || roles.contains(.officeAdmin)),
                    .p(.a(.class("button secondary"), .href(Routes.Console.newDocument.path() + "?interprets=\(d.id)"), .text("起草配套解读")))),
                .if(!(canSubmit || canReview || canPublish || canWithdraw || canRevise), .p(.class("empty"), .text("当前没有需要您处理的操作。")))
            ),
            .section(
                .h2(.text("审核记录")),
                .table(
                    .thead(.tr(.th(.text("时间")), .th(.text("操作")), .th(.text("层级")), .th(.text("人员")), .th(.text("意见")))),
                    .tbody(
                        .forEach(steps) { s in
                            .tr(
                                .td(.text(AuditExport.beijingTime(s.atMillis))), .td(.text(Self.actionLabel(s.action))),
                                .td(.text(s.levelName)),
                                .td(.text(s.actorName)), .td(.text(s.comment)))
                        })
                )
            )
        )
    }

    static func actionLabel(_ action: String) -> String {
        [
            "create": "起草", "edit": "修改", "submit": "提交审核", "approve": "审核通过", "reject": "退回", "publish": "发布", "schedule": "定时发布",
            "withdraw": "撤回", "expire": "自动下线", "revise": "发起修订", "revision_published": "修订版上线", "attach": "上传附件", "detach": "移除附件",
        ][action] ?? action
    }

    /// The comparison as two columns of marked lines: removed text struck through, added text
    /// underlined, so it reads without colour too.
    static func comparisonSection(_ c: CatalogService.Comparison) -> Node<HTML.BodyContext> {
        let (added, removed) = TextDiff.summary(c.lines)
        return .section(
            .class("diff"),
            .h2(.text("修订对照：\(c.fromLabel) → \(c.toLabel)")),
            .p(.class("hint"), .text(added + removed == 0 && !c.titleChanged ? "正文没有改动。" : "新增或改动 \(added) 行，删除或改动 \(removed) 行。")),
            .if(c.titleChanged, .p(.text("标题："), .del(.text(c.fromTitle)), .text(" → "), .ins(.text(c.toTitle)))),
            .ol(
                .class("diff-lines"),
                .forEach(c.lines) { line in
                    .li(
                        .class("diff-\(line.kind.rawValue)"),
                        .span(.class("diff-mark"), .text(line.kind == .added ? "＋" : line.kind == .removed ? "－" : "　")),
                        .forEach(line.segments) { seg -> Node<HTML.BodyContext> in
                            if !seg.changed || line.kind == .same { return .text(seg.text) }
                            return line.kind == .added ? .ins(.text(seg.text)) : .del(.text(seg.text))
                        })
                })
        )
    }

    private func attachmentsSection(canEdit: Bool, chrome: PageChrome) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("附件")),
            attachments.isEmpty
                ? .p(.class("empty"), .text("没有附件。"))
                : .ul(
                    .class("attachments"),
                    .forEach(attachments) { a in
                        .li(
                            .a(.href(Routes.Console.documentAttachment.path(document.id, a.id)), .text(a.fileName)),
                            .span(.class("doc-meta"), .text("（\(a.kind.uppercased())，\(a.sizeLabel)）")),
                            .if(
                                !a.removedMetadata.isEmpty,
                                .span(.class("doc-meta"), .text(" 公开版已清除：" + a.removedMetadata.joined(separator: "、")))),
                            .if(a.text == nil, .span(.class("doc-meta"), .text(" 无法自动审查文字，须人工核对"))),
                            .if(
                                canEdit,
                                .form(
                                    .method(.post), .action(Routes.Console.documentAttachmentRemove.path(document.id, a.id)),
                                    .class("inline"),
                                    .div(
                                        .class("inline"), Fragments.csrfField(chrome.csrf),
                                        .button(.type(.submit), .class("link-button"), .text("移除"))))))
                    }),
            .if(
                canEdit,
                .form(
                    .method(.post), .action(Routes.Console.documentAttachments.path(document.id)), .enctype(.multipartData),
                    .div(
                        Fragments.csrfField(chrome.csrf),
                        .div(
                            .class("field"),
                            .label(.for("attachment-file"), .text("上传附件")),
                            .p(
                                .id("attachment-hint"), .class("hint"),
                                .text("PDF、Word(.docx)、Excel(.xlsx)、OFD、JPEG、PNG，每个不超过 20 MB。公开版会自动清除作者、修改时间、拍摄位置等文件属性，原件仅内部留存。")),
                            .input(
                                .type(.file), .id("attachment-file"), .name("file"),
                                .attribute(named: "accept", value: ".pdf,.docx,.xlsx,.ofd,.jpg,.jpeg,.png"),
                                .attribute(named: "aria-describedby", value: "attachment-hint"))
                        ),
                        .button(.type(.submit), .class("secondary"), .text("上传"))
                    )))
        )
    }

    private func actionForm(_ route: Route<Int64>, _ label: String, chrome: PageChrome) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(route.path(document.id)),
            .div(Fragments.csrfField(chrome.csrf), .button(.type(.submit), .text(label)))
        )
    }

    private func reviewForm(_ level: ReviewLevel?, chrome: PageChrome) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(Routes.Console.documentReview.path(document.id)),
            .div(
                Fragments.csrfField(chrome.csrf),
                .div(
                    .class("field"),
                    .label(.for("comment"), .text("审核意见（退回时必填）")),
                    .textarea(.id("comment"), .name("comment"), .rows(3), .text(""))
                ),
                .if(
                    level?.confidentialityReview == true,
                    .div(
                        .class("field"),
                        .label(
                            .class("choice"),
                            .input(.type(.checkbox), .name("confidentialityCleared"), .value("1")),
                            .text(" 经保密审查，本文件不涉及国家秘密、工作秘密，可以公开")))),
                .button(.type(.submit), .name("decision"), .value("approve"), .text("审核通过")),
                .text(" "),
                .button(.type(.submit), .name("decision"), .value("reject"), .class("secondary"), .text("退回起草人"))
            )
        )
    }

    private func withdrawForm(chrome: PageChrome) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(Routes.Console.documentWithdraw.path(document.id)),
            .div(
                Fragments.csrfField(chrome.csrf),
                Fragments.textField("撤回理由", name: "reason"),
                .button(.type(.submit), .class("secondary"), .text("撤回"))
            )
        )
    }

    private func resolveForm(_ f: StoredFinding, chrome: PageChrome) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(Routes.Console.documentFinding.path(document.id, f.id)),
            .div(
                Fragments.csrfField(chrome.csrf),
                Fragments.textField("保留理由", name: "reason", required: false),
                .button(.type(.submit), .name("resolution"), .value("redacted"), .text("在公开版本中删除")),
                .text(" "),
                .button(.type(.submit), .name("resolution"), .value("accepted"), .class("secondary"), .text("保留（须填理由）"))
            )
        )
    }
}

/// The console's list of documents: what awaits the signed-in person, most urgent first, then
/// everything recent.
struct DocumentListPage {
    var awaiting: [ReviewQueue.Item]
    var recent: [CatalogDocument]
    var canDraft: Bool

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("主动公开文件")),
            .if(canDraft, .p(.a(.class("button"), .href(Routes.Console.newDocument.path()), .text("起草文件")))),
            .h2(.text("待我处理")),
            awaiting.isEmpty
                ? .p(.class("empty"), .text("暂无待处理的文件。"))
                : .table(
                    .class("queue"),
                    .thead(.tr(.th(.text("文件")), .th(.text("待办")), .th(.text("送达")), .th(.text("办理期限")))),
                    .tbody(
                        .forEach(awaiting) { q in
                            .tr(
                                .class(q.overdue ? "overdue" : ""),
                                .td(.a(.href(Routes.Console.document.path(q.document.id)), .text(q.document.title))),
                                .td(.text(q.task)),
                                .td(.text(AuditExport.beijingTime(q.sinceMillis))),
                                .td(.text(q.due.chinese + (q.overdue ? "（已超期）" : ""))))
                        })),
            .h2(.text("最近的文件")),
            recent.isEmpty
                ? .p(.class("empty"), .text("暂无文件。"))
                : .ul(
                    .class("doc-list"),
                    .forEach(recent) { d in
                        .li(
                            .a(.href(Routes.Console.document.path(d.id)), .text(d.title)),
                            .span(
                                .class("doc-meta"),
                                .text(d.workflow.status.label + (d.revisionOf.map { "（文件 #\($0) 的修订稿）" } ?? ""))))
                    })
        )
    }
}
