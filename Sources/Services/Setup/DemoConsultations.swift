import Domain
import Storage

extension DemoContent {
    /// Two consultations: one open with comments on its paragraphs (one waiting for
    /// moderation), and one closed whose 意见采纳情况 is published in the catalog.
    static func loadConsultations(into agency: Agency, env: ServiceEnvironment, actor: AuditActor) async throws {
        let today = env.today
        let at = env.nowMillis
        let open = Consultation(
            agencyID: agency.id, title: "示范市托育机构管理办法（征求意见稿）", kind: .normative,
            summary: "为规范托育机构设置和管理，保障婴幼儿安全和健康，起草了本办法，现公开征求意见。",
            body: """
                第一条 为规范托育机构管理，促进托育服务健康发展，制定本办法。
                第二条 本办法适用于本市行政区域内为3岁以下婴幼儿提供全日托、半日托、计时托、临时托等服务的托育机构。
                第三条 托育机构应当在取得登记后向所在地县级卫生健康部门备案。
                第四条 托育机构应当公开收费项目和标准，不得在公示之外收取费用。
                第五条 本办法自印发之日起施行。
                """, opensOn: today.adding(days: -3), closesOn: today.adding(days: 25), published: true, createdAtMillis: at,
            updatedAtMillis: at)
        let closed = Consultation(
            agencyID: agency.id, title: "示范市家庭医生签约服务管理办法（征求意见稿）", kind: .normative,
            summary: "为做实家庭医生签约服务，起草了本办法。",
            body: """
                第一条 为规范家庭医生签约服务，制定本办法。
                第二条 签约服务包括基本医疗、公共卫生和健康管理服务。
                第三条 签约居民可以在签约团队所在机构优先预约就诊。
                """, opensOn: today.adding(days: -60), closesOn: today.adding(days: -30), published: true, createdAtMillis: at,
            updatedAtMillis: at)
        let openComments: [(Int?, String, String, PublicComment.Status)] = [
            (2, "建议明确临时托是否包括节假日服务。", "陈先生", .published),
            (4, "希望收费标准在机构门口和网上同时公示。", "", .published),
            (nil, "建议增加托育从业人员培训的规定。", "刘女士", .pending),
        ]
        let closedComments: [(Int?, String, PublicComment.Disposition, String, String)] = [
            (2, "建议把老年人慢病随访写进服务内容。", .adopted, "服务内容", ""),
            (3, "优先预约的名额应当公开。", .partlyAdopted, "预约就诊", "名额随医生排班变化，改为公开预约方式和渠道"),
            (nil, "签约费用应全部由医保支付。", .notAdopted, "费用", "签约服务费的筹资渠道由医保等部门另行规定"),
            (nil, "希望小区增设停车位。", .irrelevant, "", ""),
        ]
        try await env.database.audited(by: actor, atMillis: at) { stores, trail in
            let o = try await stores.consultations.create(open)
            for (p, text, name, status) in openComments {
                _ = try await stores.consultations.addComment(
                    PublicComment(
                        consultationID: o.id, version: 1, paragraph: p, quote: p.map { o.paragraphs[$0 - 1] } ?? "", text: text, name: name,
                        email: "", phone: "", status: status, moderatedBy: status == .published ? "示范数据" : nil, createdAtMillis: at))
            }
            var c = try await stores.consultations.create(closed)
            var comments: [PublicComment] = []
            for (p, text, d, theme, reason) in closedComments {
                comments.append(
                    try await stores.consultations.addComment(
                        PublicComment(
                            consultationID: c.id, version: 1, paragraph: p, quote: p.map { c.paragraphs[$0 - 1] } ?? "", text: text,
                            name: "",
                            email: "", phone: "", status: d == .irrelevant ? .rejected : .published, disposition: d, reason: reason,
                            theme: theme,
                            moderatedBy: "示范数据", createdAtMillis: at)))
            }
            let report = FeedbackReport(comments: comments)
            let written = today.adding(days: -20)
            let serial = try await stores.catalog.nextIndexSerial(agencyID: agency.id, year: written.year)
            let d = try await stores.catalog.create(
                CatalogDocument(
                    id: 0, agencyID: agency.id, kind: .general, title: "关于《\(c.title)》公开征求意见采纳情况的说明",
                    body: report.text(title: c.title, opensOn: c.opensOn, closesOn: c.closesOn), documentNumber: "",
                    categoryCode: "participation",
                    indexNumber: IndexNumberRule.standard.render(creditCode: agency.creditCode, year: written.year, serial: serial),
                    writtenOn: written, publishedOn: written, formedOn: written, workflow: WorkflowState(status: .published),
                    createdAtMillis: at,
                    updatedAtMillis: at))
            try await stores.search.put(documentID: d.id, title: d.title, body: RichText.plain(d.publicBody))
            try await stores.catalog.appendVersion(
                DocumentVersion(
                    documentID: d.id, revision: d.revision, title: d.title, body: d.body, publicBody: d.publicBody, publishedAtMillis: at,
                    publishedBy: "示范数据"))
            c.reportDocumentID = d.id
            try await stores.consultations.update(c)
            try await trail.log(.consultationReport, .consultation, c.id, agencyID: agency.id, detail: "示范数据：意见采纳情况 #\(d.id)")
        }
    }
}
