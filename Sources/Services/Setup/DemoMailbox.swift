import Domain
import Storage

extension DemoContent {
    /// A new letter waiting to be handed on, one answered and published, and FAQ entries.
    static func loadMailbox(into agency: Agency, env: ServiceEnvironment, actor: AuditActor) async throws {
        let today = env.today
        let calendar = env.calendar.current
        let at = env.nowMillis
        var rng = SystemRandomNumberGenerator()
        let received = today.adding(days: -1)
        let new = MailboxMessage(
            agencyID: agency.id, trackingCode: TrackingCode.make(year: received.year, using: &rng), kind: .inquiry,
            subject: "社区卫生服务中心周末是否接种疫苗", body: "孩子需要接种第二针疫苗，工作日没有时间，想问社区卫生服务中心周末是否开放预防接种门诊。",
            name: "周女士", phone: "13900000001", email: "", mayPublish: true, receivedOn: received,
            dueOn: calendar.adding(env.settings.mailboxReplyWorkdays, workdaysTo: received).date, createdAtMillis: at)
        let earlier = today.adding(days: -20)
        var answered = MailboxMessage(
            agencyID: agency.id, trackingCode: TrackingCode.make(year: earlier.year, using: &rng), kind: .leader,
            subject: "建议医院增加夜间门诊", body: "我家附近的医院晚上只有急诊，建议增加夜间普通门诊，方便上班族就医。", name: "吴先生", phone: "13900000002",
            email: "", mayPublish: true, receivedOn: earlier,
            dueOn: calendar.adding(env.settings.mailboxReplyWorkdays, workdaysTo: earlier).date,
            createdAtMillis: at)
        try answered.assign(departmentID: nil, unitName: "医政医管科", note: "", by: "示范数据", on: earlier)
        try answered.answer(
            "感谢您的建议。市第一人民医院、市中医院已于本月起开设工作日夜间门诊（18:00-21:00），其他医院正在评估。", by: "医政医管科", on: earlier.adding(days: 3))
        try answered.review(approve: true, comment: "", by: "示范数据", on: earlier.adding(days: 4))
        let entries = [
            FAQEntry(
                agencyID: agency.id, question: "如何查询医疗机构和医师的执业信息？", answer: "可在国家卫生健康委网站“医疗机构、医师、护士执业信息查询”栏目查询，或拨打本委咨询电话。",
                topic: "医疗服务", published: true, updatedAtMillis: at),
            FAQEntry(
                agencyID: agency.id, question: "出生医学证明遗失了怎么补办？", answer: "持父母双方身份证件到孩子出生的助产机构申请补发，机构核实后办理。",
                topic: "妇幼健康", published: true, updatedAtMillis: at),
        ]
        let letters = [new, answered]
        try await env.database.audited(by: actor, atMillis: at) { stores, trail in
            for m in letters {
                let saved = try await stores.mailbox.create(m)
                try await trail.log(.mailboxReceive, .mailbox, saved.id, agencyID: agency.id, detail: "示范数据")
            }
            for e in entries { _ = try await stores.mailbox.createFAQ(e) }
        }
    }
}
