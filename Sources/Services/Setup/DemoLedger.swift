import Domain
import Storage

extension DemoContent {
    /// A small ledger in the shape agencies print (section, header row, one row per task), written
    /// for the demo: three tasks for the demo departments, and a reporting round at the month's end.
    static let ledgerText = """
        \t一、做好重点领域信息公开

        \t序号
        \t重点工作
        \t主要内容
        \t量化指标
        \t责任科室（单位）
        \t完成时限
        \t进展落实情况

        \t1
        \t做好医疗服务信息公开。
        \t按季度更新医疗机构名录和执业信息。
        \t名录每季度更新一次
        \t医政医管科
        \t12月
        \t

        \t2
        \t做好疾病防控信息公开。
        \t按月发布法定传染病疫情概况。
        \t每月发布一次
        \t疾病预防控制科、示范市疾病预防控制中心
        \t长期坚持
        \t

        \t二、强化政策解读

        \t序号
        \t重点工作
        \t主要内容
        \t量化指标
        \t责任单位
        \t完成时限
        \t进展落实情况

        \t3
        \t提升政策解读质量。
        \t政策文件与解读材料同步起草、同步审签、同步发布。
        \t解读率100%
        \t政策法规科、委机关各科室
        \t11月
        \t
        """

    static func loadLedger(into agency: Agency, env: ServiceEnvironment, actor: AuditActor) async throws {
        let year = env.today.year
        let imported = try await LedgerService(env: env).store(
            LedgerImporter.parse(LedgerImporter.tokens(fromText: ledgerText)), year: year,
            title: "\(agency.name)\(year)年政务公开工作要点任务落实台账", agency: agency, actor: actor, source: "示范数据")
        let monthEnd = CivilDate(year: env.today.month == 12 ? year + 1 : year, month: env.today.month % 12 + 1, day: 1)!.adding(days: -1)
        _ = try await env.database.stores.ledgers.createRound(
            ReportingRound(planID: imported.plan.id, title: "\(env.today.month)月底进展报送", dueOn: monthEnd))
    }
}
