import Domain
import Storage

/// The demo commission's departments, subordinate units, accounts and documents.
public enum DemoContent: Sendable {
    static let contact = AgencyContact(
        office: "示范市卫生健康委员会办公室（政务公开办公室）", address: "示范市人民路 1 号卫生健康委员会 3 楼 305 室",
        officeHours: "工作日上午 8:30-12:00，下午 14:30-17:30（法定节假日除外）", phone: "0000-12345678", fax: "0000-12345679",
        email: "gongkai@example.org")

    static let departments = ["办公室", "政策法规科", "医政医管科", "疾病预防控制科", "卫生应急办公室", "综合监督科", "人事科", "规划财务科"]

    static let accounts: [(String, String, Set<Role>)] = [
        // Review records, letters and the audit trail name people, so the demo's accounts are people.
        ("admin", "赵敏", [.systemAdmin]),
        ("office", "钱立群", [.officeAdmin]),
        ("drafter", "孙晓雯", [.drafter]),
        ("reviewer", "李建国", [.reviewer]),
        ("leader", "周正平", [.leader]),
        ("publisher", "吴桐", [.publisher]),
        ("handler", "郑丽华", [.requestHandler]),
        ("auditor", "王审之", [.auditor]),
    ]

    /// One disclosure-office account in each unit, so the supervising view, the units' own
    /// reporting and their self-assessment can be tried.
    static let unitAccounts: [(credit: String, username: String, display: String)] = [
        ("11620622013933539B", "cdc", "疾控中心政务公开负责人"), ("11640000MB1234567H", "county", "示范县卫健委政务公开负责人"),
    ]

    static let subordinates: [(String, String, AgencyKind)] = [
        ("示范市疾病预防控制中心", "11620622013933539B", .subordinate),
        ("示范市示范县卫生健康委员会", "11640000MB1234567H", .county),
    ]

    static let documents: [(title: String, number: String, category: String, written: String, published: String, body: String)] = [
        (
            "示范市卫生健康委员会2026年政务公开工作要点", "示卫办发〔2026〕3号", "policy", "2026-03-18", "2026-03-20",
            "为深入贯彻《中华人民共和国政府信息公开条例》，进一步做好本委政务公开工作，现提出以下要点。\n# 一、强化政策发布解读\n做到政策文件与解读材料同步组织、同步审签、同步部署。\n# 二、做好依申请公开工作\n严格按法定时限答复，规范答复文书。\n# 三、加强平台建设\n- 及时更新政府信息公开目录；\n- 做好政策文件库的清理和有效性标注。\n# 四、任务分工\n| 任务 | 牵头科室 | 完成时限 |\n|---|---|---|\n| 政策解读 | 政策法规科 | 文件发布后 3 个工作日内 |\n| 年度报告 | 办公室 | 1 月 31 日前 |"
        ),
        (
            "关于印发示范市医疗机构依法执业自查工作方案的通知", "示卫发〔2026〕12号", "supervision", "2026-05-06", "2026-05-09",
            "各县（区）卫生健康委，委属各单位：\n现将《示范市医疗机构依法执业自查工作方案》印发给你们，请结合实际认真组织实施。"
        ),
        (
            "示范市卫生健康委员会2025年政府信息公开工作年度报告", "", "other", "2026-01-20", "2026-01-28",
            "本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六个部分。"
        ),
    ]

    static func load(into agency: Agency, env: ServiceEnvironment, actor: AuditActor) async throws {
        let at = env.nowMillis
        try await env.database.audited(by: actor, atMillis: at) { stores, trail in
            // The footer's filings, marked as examples: an agency enters its own in 网站设置.
            var site = agency.site
            site.registration = SiteRegistration(
                sponsor: agency.name, siteCode: "9999000001", icp: "示ICP备20260001号（示例）", psb: "示公网安备 99990002000001号（示例）")
            try await stores.agencies.saveSite(agencyID: agency.id, site)
            for name in departments {
                let d = try await stores.agencies.createDepartment(agencyID: agency.id, name: name)
                try await trail.log(.departmentCreate, .department, d.id, agencyID: agency.id, after: CanonicalJSON.text(d))
            }
            for (name, code, kind) in subordinates {
                let a = try await stores.agencies.create(
                    parentID: agency.id, name: name, creditCode: code, kind: kind, contact: AgencyContact())
                try await trail.log(.agencyCreate, .agency, a.id, agencyID: a.id, after: CanonicalJSON.text(a))
            }
            var serial = 0
            for doc in documents {
                guard let written = CivilDate(iso: doc.written), let published = CivilDate(iso: doc.published) else { continue }
                serial += 1
                let index = IndexNumberRule.standard.render(creditCode: agency.creditCode, year: written.year, serial: serial)
                let d = try await stores.catalog.create(
                    CatalogDocument(
                        id: 0, agencyID: agency.id, kind: doc.number.isEmpty ? .general : .policy, title: doc.title, body: doc.body,
                        documentNumber: doc.number, categoryCode: doc.category, indexNumber: index, writtenOn: written,
                        publishedOn: published,
                        formedOn: written, workflow: WorkflowState(status: .published), createdAtMillis: at, updatedAtMillis: at))
                try await stores.search.put(documentID: d.id, title: d.title, body: RichText.plain(d.publicBody))
                try await stores.catalog.appendVersion(
                    DocumentVersion(
                        documentID: d.id, revision: d.revision, title: d.title, body: d.body, publicBody: d.publicBody,
                        publishedAtMillis: at, publishedBy: "示范数据"))
                try await trail.log(.documentPublish, .document, d.id, agencyID: agency.id, after: CanonicalJSON.text(d), detail: "demo")
            }
            // The serials used above, so that the next approval continues after them.
            for _ in 0..<serial { _ = try await stores.catalog.nextIndexSerial(agencyID: agency.id, year: 2026) }
        }
    }
}
