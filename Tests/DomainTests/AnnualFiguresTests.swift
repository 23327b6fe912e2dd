import Domain
import Testing

/// Table 三 from request records, cell by cell, and the checks that guard the report.
@Suite struct AnnualFiguresTests {
    static func request(
        _ type: ApplicantType, received: String, replied: String? = nil, outcome: RequestOutcome? = nil,
        status: RequestStatus? = nil
    ) -> DisclosureRequest {
        let on = CivilDate(iso: received)!
        return DisclosureRequest(
            agencyID: 1, trackingCode: "", channel: .online, applicant: Applicant(type: type, name: "申请人", idNumber: ""), description: "信息",
            delivery: .email, status: status ?? (replied == nil ? .open : .replied), clock: RequestClock(receivedOn: on),
            outcome: outcome, repliedOn: replied.flatMap { CivilDate(iso: $0) })
    }

    /// Every applicant type asks once for each outcome in 2025; each type also has requests
    /// carried in from 2024 (one more per column to the right) and two carried into 2026.
    static var scenario: [DisclosureRequest] {
        var list: [DisclosureRequest] = []
        for (i, type) in ApplicantType.allCases.enumerated() {
            for outcome in RequestOutcome.allCases {
                list.append(request(type, received: "2025-03-03", replied: "2025-04-01", outcome: outcome))
            }
            for _ in 0...i { list.append(request(type, received: "2024-12-23", replied: "2025-01-10", outcome: .disclosed)) }
            list.append(request(type, received: "2025-12-22"))
            list.append(request(type, received: "2025-12-24", replied: "2026-01-06", outcome: .partiallyDisclosed))
            // Outside 2025 altogether.
            list.append(request(type, received: "2024-05-06", replied: "2024-06-03", outcome: .disclosed))
            list.append(request(type, received: "2026-02-02"))
        }
        list.append(request(.naturalPerson, received: "2025-07-01", status: .awaitingCorrection))
        list.append(request(.naturalPerson, received: "2023-11-01"))
        return list
    }

    @Test func everyCellOfTableThreeFromTheRecords() throws {
        let f = AnnualFigures.derived(year: 2025, catalog: CatalogYearFigures(), requests: Self.scenario, appeals: [])
        func cell(_ row: RequestReportRow, _ column: String) -> Int? { f.requests[row.rawValue]?[column] }
        var sums: [RequestReportRow: Int] = [:]
        for (i, type) in ApplicantType.allCases.enumerated() {
            let c = type.rawValue
            let person = type == .naturalPerson
            let expected: [RequestReportRow: Int] = [
                .newThisYear: 23 + 2 + (person ? 1 : 0),
                .carriedIn: i + 1 + (person ? 1 : 0),
                .disclosed: 2 + i + 1,  // disclosed and disclosed.already_public, plus the carried-in answers
                .partiallyDisclosed: 1,
                .unavailableNotHeld: 2,  // not held, and held by another agency
                .total: 23 + i + 1,
                .carriedOut: 2 + (person ? 2 : 0),
            ]
            for row in RequestReportRow.allCases {
                let want = expected[row] ?? 1
                #expect(cell(row, c) == want, "\(row.label) · \(type.label)")
                sums[row, default: 0] += want
            }
        }
        for row in RequestReportRow.allCases { #expect(cell(row, "total") == sums[row], "\(row.label) · 总计") }
        #expect(f.failedChecks.isEmpty, "\(f.failedChecks.map(\.message))")
        #expect(f.checks.count == 7 + 7 + 25 + 3)
    }

    @Test func theChecksNameABrokenCell() throws {
        let f = AnnualFigures.derived(year: 2025, catalog: CatalogYearFigures(), requests: Self.scenario, appeals: [])
        // A total entered by hand that disagrees with its parts.
        let brokenTotal = try f.applying(["t3.total.business": 99])
        let failed = brokenTotal.failedChecks
        #expect(failed.count == 3)  // 一+二 and （七）总计 for 商业企业, and the （七）总计 row's 总计 column
        #expect(failed.allSatisfy { $0.message.contains("商业企业") || $0.message.contains("（七）总计") })
        #expect(failed.contains { $0.cell == "t3.total.business" && $0.message.contains("99") })

        // A part entered by hand: totals follow it, but the column no longer balances.
        let brokenPart = try f.applying(["t3.received.research": 30])
        #expect(brokenPart.requests["received"]?["total"] == (f.requests["received"]?["total"] ?? 0) + 30 - 25)
        let names = brokenPart.failedChecks.map(\.name)
        #expect(names.count == 2 && names.contains { $0.contains("科研机构") } && names.contains { $0.contains("「总计」列") })

        // Table 四's groups.
        var appeals = try f.applying(["t4.reconsideration.upheld": 2])
        #expect(appeals.failedChecks.isEmpty && appeals.appeals["reconsideration"]?["total"] == 2)
        appeals = try f.applying(["t4.litigation_direct.total": 1])
        #expect(appeals.failedChecks.map(\.cell) == ["t4.litigation_direct.total"])

        #expect(throws: DomainError.self) { try f.applying(["t3.received.martians": 1]) }
        #expect(throws: DomainError.self) { try f.applying(["t3.received.business": 1.5]) }
        #expect(throws: DomainError.self) { try f.applying(["t2.fees.amount": -1]) }
        #expect(try f.applying(["t2.fees.amount": 1.23456]).active["fees.amount"] == 1.2346)
    }

    @Test func tableFourCountsCasesByTheYearTheyEnded() {
        let appeals = [
            RequestAppeal(
                agencyID: 1, requestID: nil, kind: .reconsideration, forum: "市政府", filedOn: CivilDate(iso: "2025-02-01")!, result: .upheld,
                decidedOn: CivilDate(iso: "2025-05-01")),
            RequestAppeal(agencyID: 1, requestID: nil, kind: .reconsideration, forum: "市政府", filedOn: CivilDate(iso: "2025-11-01")!),
            RequestAppeal(
                agencyID: 1, requestID: nil, kind: .litigationDirect, forum: "区法院", filedOn: CivilDate(iso: "2024-10-01")!,
                result: .corrected, decidedOn: CivilDate(iso: "2025-03-01")),
            RequestAppeal(
                agencyID: 1, requestID: nil, kind: .litigationAfterReconsideration, forum: "中院", filedOn: CivilDate(iso: "2024-10-01")!,
                result: .other, decidedOn: CivilDate(iso: "2024-12-01")),
        ]
        let f = AnnualFigures.derived(year: 2025, catalog: CatalogYearFigures(), requests: [], appeals: appeals)
        #expect(f.appeals["reconsideration"] == ["upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2])
        #expect(f.appeals["litigation_direct"]?["corrected"] == 1 && f.appeals["litigation_direct"]?["total"] == 1)
        #expect(f.appeals["litigation_after_reconsideration"]?["total"] == 0)
        #expect(f.cellKeys.filter { $0.hasPrefix("t4.") }.count == 15)
    }

    @Test func tableTwoLayoutsOfBothFormats() {
        #expect(AnnualReportFormat.forYear(2020) == .trial2019 && AnnualReportFormat.forYear(2021) == .standard2021)
        let new = AnnualFigures.derived(
            year: 2025, catalog: CatalogYearFigures(normativeIssued: 3, licensingDecisions: 40), requests: [], appeals: [])
        #expect(new.active["normative.issued"] == 3 && new.active["licensing.decisions"] == 40 && new.active["rules.issued"] == 0)
        #expect(AnnualReportFormat.standard2021.activeDisclosure.map(\.header) == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"])
        #expect(AnnualReportFormat.standard2021.activeDisclosure[0].rows.map(\.label) == ["规章", "行政规范性文件"])
        let trial = AnnualReportFormat.trial2019.activeDisclosure
        #expect(trial.count == 5 && trial[0].rows[1].label == "规范性文件" && trial[4].rows[0].label == "政府集中采购")
        #expect(AnnualFigures.describe("t2.normative.inForce", format: .standard2021) == "表二「行政规范性文件」行「现行有效件数」列")
    }

    @Test func lockCorrectionsAndPublication() throws {
        let f = AnnualFigures.derived(year: 2025, catalog: CatalogYearFigures(), requests: Self.scenario, appeals: [])
        var report = AnnualReport(agencyID: 1, year: 2025)
        #expect(report.missingEntries.count == 5)
        #expect(AnnualReport.lockProblems(report, figures: f).count == 5)
        for key in CatalogYearFigures.enteredCells2021 { report.entries["t2.\(key)"] = 0 }
        #expect(AnnualReport.lockProblems(report, figures: f).isEmpty)
        #expect(AnnualReport.lockProblems(report, figures: try f.applying(["t3.total.total": 1])).count == 3)
        #expect(throws: DomainError.self) {
            try report.correct(cell: "t3.received.business", to: 26, reason: "补登", on: CivilDate(iso: "2026-02-01")!, by: "办公室")
        }

        report.state = .locked
        report.snapshot = f
        #expect(report.publishProblems.count == 3)  // three empty sections
        for s in AnnualReport.Section.allCases { report.narrative[s.rawValue] = "内容" }
        #expect(report.publishProblems.isEmpty)
        #expect(throws: DomainError.self) {
            try report.correct(cell: "t3.received.business", to: 26, reason: " ", on: CivilDate(iso: "2026-02-01")!, by: "办公室")
        }
        // A late-registered request: received and still open at the year's end.
        try report.correct(cell: "t3.received.business", to: 26, reason: "补登12月收到的信函申请", on: CivilDate(iso: "2026-02-01")!, by: "办公室")
        #expect(report.snapshot?.requests["received"]?["total"] == (f.requests["received"]?["total"] ?? 0) + 1)
        #expect(report.publishProblems.count == 2)  // 商业企业 and 总计 columns no longer balance
        try report.correct(cell: "t3.carried_out.business", to: 3, reason: "同上", on: CivilDate(iso: "2026-02-01")!, by: "办公室")
        #expect(report.publishProblems.isEmpty)
        #expect(report.corrections.map(\.cell) == ["t3.received.business", "t3.carried_out.business"])
        #expect(report.corrections[0].from == 25 && report.corrections[0].to == 26)
    }

    @Test func theNarrativeDraftStatesTheFiguresAndComparesYears() throws {
        let f = AnnualFigures.derived(year: 2025, catalog: CatalogYearFigures(), requests: Self.scenario, appeals: [])
        let received = f.requests["received"]?["total"] ?? 0
        let last = try f.applying(["t3.received.natural_person": 6])  // last year: 20 fewer from people
        let n = AnnualNarrative(
            agencyName: "示范市卫生健康委员会", year: 2025, figures: f,
            catalog: CatalogYearFigures(
                normativeIssued: 2, documentsPublished: 120, policiesPublished: 5, interpretations: [.text: 4, .graphic: 2]),
            previous: last, previousCatalog: CatalogYearFigures(documentsPublished: 100), previousProblems: "解读形式单一\n栏目更新不及时",
            lateReplies: 2, feesCollectedYuan: 300, ledger: ("2025年政务公开工作要点", 16, 12, "/plans/3"))
        #expect(n.overview.contains("新收政府信息公开申请 \(received) 件，较上年增加 20 件"))
        #expect(n.overview.contains("主动公开政府信息 120 条，较上年增加 20 条（增长 20.0%）"))
        #expect(n.overview.contains("发布政策解读 6 篇，其中图解 2 篇"))
        #expect(n.overview.contains("有 2 件申请超过法定期限答复"))
        #expect(n.problems.contains("1. 解读形式单一") && n.problems.contains("2. 栏目更新不及时"))
        #expect(n.problems.contains("政策解读覆盖不足") && n.problems.contains("尚有 4 项未完成"))
        #expect(n.other.contains("收取信息处理费 300 元") && n.other.contains("/plans/3"))
        let first = AnnualNarrative(agencyName: "某委", year: 2025, figures: f, catalog: CatalogYearFigures())
        #expect(!first.overview.contains("较上年") && first.other.contains("未收取信息处理费"))
    }
}
