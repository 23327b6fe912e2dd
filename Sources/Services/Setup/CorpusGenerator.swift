import Domain
import Foundation
import Storage

/// Generates a realistic catalog for benchmarks: titles and bodies in the style of health
/// commission documents (~1.5 KB each), published and indexed, written in batches. Seeded, so
/// the same count and seed give the same corpus.
public enum CorpusGenerator: Sendable {
    static let subjects = [
        "托育服务", "疫情防控", "预防接种", "医养结合", "中医药传承", "家庭医生签约", "公立医院改革", "医疗质量安全", "卫生应急", "健康扶贫",
        "爱国卫生运动", "职业病防治", "妇幼健康", "老年健康", "精神卫生", "传染病报告", "院感防控", "药品集中采购", "医保支付", "基层卫生",
        "健康教育", "食品安全标准", "放射卫生", "血液管理", "卫生监督执法", "双随机一公开", "行政许可", "政务公开", "信息化建设", "人才培养",
    ]
    static let verbs = ["做好", "加强", "推进", "规范", "开展", "完善", "落实", "深化"]
    static let kinds = ["通知", "实施方案", "工作要点", "指导意见", "管理办法", "工作方案"]
    static let sentences = [
        "各县（区）卫生健康委、委属各单位要高度重视，切实加强组织领导，明确责任分工。",
        "要坚持以人民健康为中心，统筹发展和安全，推动工作取得实效。",
        "各单位应于每季度末将工作进展情况报送市卫生健康委相关科室。",
        "对工作中发现的问题要及时整改，建立台账，实行销号管理。",
        "进一步完善信息公开制度，做到应公开尽公开，主动回应社会关切。",
        "加强监督检查，对落实不力的单位予以通报批评。",
        "充分利用信息化手段，提高服务效率和群众满意度。",
        "各医疗卫生机构要落实首诊负责制，规范诊疗行为，保障医疗安全。",
        "加大宣传力度，通过多种渠道普及健康知识，营造良好社会氛围。",
        "本方案自印发之日起施行，由市卫生健康委负责解释。",
    ]

    /// A small linear-congruential generator, so runs are repeatable across platforms.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    static func document(_ n: Int, agencyID: Int64, creditCode: String, rng: inout Seeded, at: Int64) -> CatalogDocument {
        let subject = subjects.randomElement(using: &rng)!
        let verb = verbs.randomElement(using: &rng)!
        let kind = kinds.randomElement(using: &rng)!
        let year = 2019 + Int(rng.next() % 8)
        let published = CivilDate(year: year, month: 1 + Int(rng.next() % 12), day: 1 + Int(rng.next() % 28))!
        var body = "关于\(verb)\(subject)工作的\(kind)\n"
        while body.count < 500 {  // ~500 characters of Chinese is about 1.5 KB of UTF-8
            let other = subjects.randomElement(using: &rng)!
            body += "围绕\(other)，" + sentences.randomElement(using: &rng)! + "\n"
        }
        let category = CatalogCategory.defaults.randomElement(using: &rng)!.code
        return CatalogDocument(
            id: 0, agencyID: agencyID, kind: .policy, title: "关于\(verb)\(subject)工作的\(kind)", body: body,
            documentNumber: "示卫发〔\(year)〕\(1 + n % 999)号", categoryCode: category,
            indexNumber: IndexNumberRule.standard.render(creditCode: creditCode, year: year, serial: 100_000 + n), writtenOn: published,
            publishedOn: published, formedOn: published, workflow: WorkflowState(status: .published), createdAtMillis: at,
            updatedAtMillis: at)
    }

    /// Writes `count` published documents for the root agency in batches of `batch`, each batch
    /// one transaction with one audit entry; returns the seconds taken.
    public static func generate(
        _ env: ServiceEnvironment, count: Int, seed: UInt64 = 1, batch: Int = 1000,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> Double {
        guard let root = try await env.database.stores.agencies.root() else { throw DomainError.notFound("根机关") }
        var rng = Seeded(state: seed)
        let start = Date()
        var done = 0
        while done < count {
            let n = min(batch, count - done)
            var docs: [CatalogDocument] = []
            for i in 0..<n { docs.append(document(done + i, agencyID: root.id, creditCode: root.creditCode, rng: &rng, at: env.nowMillis)) }
            let batchDocs = docs
            let first = done
            let at = env.nowMillis
            try await env.database.audited(by: AuditActor.commandLine, atMillis: at) { stores, trail in
                for d in batchDocs {
                    let created = try await stores.catalog.create(d)
                    try await stores.search.put(documentID: created.id, title: created.title, body: RichText.plain(created.body))
                }
                try await trail.log(
                    .documentImport, .document, "", agencyID: root.id, detail: "generated corpus \(first + 1)-\(first + batchDocs.count)")
            }
            done += n
            progress(done)
        }
        return Date().timeIntervalSince(start)
    }
}
