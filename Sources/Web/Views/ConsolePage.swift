import Domain
import Plot
import Services

/// The console home.
struct ConsolePage {
    var identity: StaffIdentity
    var agenda: [Agenda.Item]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let u = identity.user
        return .div(
            .h1(.text("工作台")),
            .p(
                .text("\(u.displayName)，您好。所属机关：\(identity.agency.name)。角色："),
                .forEach(u.roles.sorted()) { .span(.class("tag"), .text($0.label)) }),
            .if(
                !agenda.isEmpty,
                .section(
                    .attribute(named: "aria-labelledby", value: "queues"),
                    .h2(.id("queues"), .text("待办统计")),
                    .ul(
                        .class("queue-counts"),
                        .forEach(Agenda.counts(agenda)) { queue, n in
                            .li(.a(.href(queue.link), .span(.class("queue-count"), .text(String(n))), .span(.text(queue.label))))
                        }))),
            .section(
                .attribute(named: "aria-labelledby", value: "agenda"),
                .h2(.id("agenda"), .text("待办事项")),
                agenda.isEmpty
                    ? .p(.class("empty"), .text("暂无待办事项。"))
                    : .ul(
                        .class("doc-list"),
                        .forEach(agenda) { item in
                            .li(.a(.href(attr(item.link)), .text(item.title)), .span(.class("doc-meta"), .text(item.detail)))
                        })
            ),
            .section(
                .h2(.text("常用功能")),
                .ul(
                    .if(identity.holds(anyOf: [.auditor]), .li(.a(.href(Routes.Console.audit(AuditQuery())), .text("审计档案：查询与导出")))),
                    .if(identity.holds(anyOf: [.officeAdmin]), .li(.a(.href(Routes.Console.calendar.path()), .text("工作日历：录入节假日安排")))),
                    .if(
                        identity.holds(anyOf: [.officeAdmin]), .li(.a(.href(Routes.Console.sensitiveWords.path()), .text("错敏词库：维护发布前审查用词")))
                    ),
                    .if(
                        identity.holds(anyOf: [.officeAdmin]),
                        .li(.a(.href(Routes.Console.catalogSettings.path()), .text("目录与审核设置：审核链、自设专栏、索引号规则")))),
                    .if(
                        identity.holds(anyOf: [.drafter, .reviewer, .officeAdmin, .leader, .publisher]),
                        .li(.a(.href(Routes.Console.documents.path()), .text("主动公开：起草、审核、发布")))),
                    .if(
                        identity.holds(anyOf: [.requestHandler, .officeAdmin]),
                        .li(.a(.href(Routes.Console.requests.path()), .text("依申请公开：登记、办理、答复、送达")))),
                    .li(.a(.href(Routes.Console.ledgers.path()), .text("工作台账：工作要点任务、进展报送与审核"))),
                    .if(
                        identity.holds(anyOf: [.officeAdmin, .drafter]),
                        .li(.a(.href(Routes.Console.consultations.path()), .text("意见征集：征求意见稿、意见审核与采纳情况")))),
                    .if(
                        identity.holds(anyOf: SurveyService.editors),
                        .li(.a(.href(Routes.Console.surveys.path()), .text("问卷调查：设计问卷、发布、结果图表与答卷导出")))),
                    .if(
                        identity.holds(anyOf: MailboxService.staff),
                        .li(.a(.href(Routes.Console.mailbox.path()), .text("领导信箱：交办、答复、督办与常见问题解答库")))),
                    .if(
                        identity.holds(anyOf: SiteErrorService.office),
                        .li(.a(.href(Routes.Console.siteErrors.path()), .text("我为网站找错：处理、按月统计、导入全国平台报告")))),
                    .if(
                        identity.holds(anyOf: ProposalService.office),
                        .li(.a(.href(Routes.Console.proposals.path()), .text("建议提案办理：登记、沟通、答复与公开")))),
                    .if(
                        identity.holds(anyOf: OpinionService.office),
                        .li(.a(.href(Routes.Console.opinions.path()), .text("舆情台账：登记、交办、回应与首次回应用时")))),
                    .if(
                        identity.holds(anyOf: [.officeAdmin, .leader]),
                        .li(.a(.href(Routes.Console.reports.path()), .text("年度报告：政府信息公开工作年度报告的编制、锁定与发布")))),
                    .if(identity.holds(anyOf: [.systemAdmin]), .li(.a(.href(Routes.Console.users.path()), .text("账号管理：新建、解锁、重置密码")))),
                    .li(.a(.href(Routes.Portal.home.path()), .text("查看公众门户")))
                )
            )
        )
    }
}
