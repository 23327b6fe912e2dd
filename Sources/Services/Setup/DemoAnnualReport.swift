import Domain
import Storage

extension DemoContent {
    /// Last year's requests as they were answered, the year before's report figures imported,
    /// and last year's report published from the records, so the portal has a report to read
    /// and this year's draft has a year to compare with.
    static func loadAnnualReports(into agency: Agency, env: ServiceEnvironment, actor: AuditActor) async throws {
        let year = env.today.year - 1
        let at = env.nowMillis
        var rng = SystemRandomNumberGenerator()
        func day(_ month: Int, _ d: Int, _ y: Int = year) -> CivilDate { CivilDate(year: y, month: month, day: d)! }
        let history: [(ApplicantType, CivilDate, CivilDate?, RequestOutcome?)] = [
            (.naturalPerson, day(12, 18, year - 1), day(1, 9), .disclosed),
            (.naturalPerson, day(2, 20), day(3, 12), .disclosed),
            (.naturalPerson, day(3, 5), day(3, 27), .disclosedAlreadyPublic),
            (.naturalPerson, day(4, 14), day(5, 9), .partiallyDisclosed),
            (.naturalPerson, day(5, 8), day(5, 30), .unavailableNotHeld),
            (.naturalPerson, day(6, 2), day(6, 20), .notProcessedPetitionComplaint),
            (.naturalPerson, day(7, 21), day(8, 15), .withheldThirdPartyRights),
            (.naturalPerson, day(9, 1), day(9, 19), .otherNoCorrection),
            (.business, day(4, 1), day(4, 24), .disclosed),
            (.business, day(8, 11), day(9, 2), .withheldProcessInformation),
            (.legalService, day(10, 13), day(11, 6), .disclosed),
            (.research, day(11, 3), day(11, 26), .unavailableNeedsCreation),
            (.naturalPerson, day(12, 22), day(1, 14, year + 1), .disclosed),
        ]
        let requests = history.enumerated().map { i, h in
            DisclosureRequest(
                agencyID: agency.id, trackingCode: TrackingCode.make(year: h.1.year, using: &rng), channel: i % 3 == 0 ? .letter : .online,
                applicant: Applicant(
                    type: h.0, name: h.0 == .naturalPerson ? "申请人\(i + 1)" : "示范\(h.0.label)\(i + 1)",
                    idNumber: h.0 == .naturalPerson ? "110105198001010016" : "91110105MA01ABCD2X", address: "示范市建设路 \(i + 1) 号"),
                description: "\(year)年示范申请\(i + 1)", delivery: .post, status: h.2 == nil ? .open : .replied,
                clock: RequestClock(receivedOn: h.1), dueOn: h.1.adding(days: 28), outcome: h.3, repliedOn: h.2, createdAtMillis: at,
                updatedAtMillis: at)
        }
        var earlier = AnnualFigures(format: .forYear(year - 1))
        earlier.fillZeros()
        earlier = try earlier.applying([
            "t2.normative.issued": 3, "t2.normative.inForce": 27, "t2.licensing.decisions": 1_204, "t2.penalty.decisions": 86,
            "t3.received.natural_person": 9, "t3.received.business": 2, "t3.carried_in.natural_person": 1, "t3.disclosed.natural_person": 5,
            "t3.disclosed.business": 1, "t3.unavailable_not_held.natural_person": 3, "t3.withheld_third_party.business": 1,
            "t3.carried_out.natural_person": 2,
        ])
        earlier.entered = []
        var imported = AnnualReport(agencyID: agency.id, year: year - 1, state: .imported, format: earlier.format)
        imported.snapshot = earlier
        imported.digest = AnnualReportService.digest(earlier)
        imported.narrative[AnnualReport.Section.problems.rawValue] = "政策解读形式较为单一\n依申请公开答复文书不够规范"
        imported.updatedAtMillis = at
        let before = imported
        try await env.database.transaction { stores in
            for r in requests { _ = try await stores.requests.create(r) }
            _ = try await stores.annualReports.save(before)
        }

        let service = AnnualReportService(env: env)
        var view = try await service.view(agency, year: year)
        var report = view.report
        for key in CatalogYearFigures.enteredCells2021 { report.entries["t2.\(key)"] = key == "coercion.decisions" ? 4 : 0 }
        report.narrative[AnnualReport.Section.problems.rawValue] =
            "（一）上年度问题整改情况：针对政策解读形式单一的问题，制发重要政策时同步制作图解；针对答复文书不够规范的问题，统一使用平台答复文书模板。\n\n（二）本年度存在的主要问题：基层医疗卫生机构信息公开工作仍不平衡。\n\n（三）改进措施：加强对委属单位和县级卫生健康部门的业务指导。"
        report.state = .draft
        _ = try await env.database.stores.annualReports.save(report)
        view = try await service.view(agency, year: year)
        report = view.report
        report.snapshot = view.figures
        report.digest = AnnualReportService.digest(view.figures)
        report.state = .published
        report.lockedAtMillis = at
        report.lockedBy = "示范数据"
        report.publishedAtMillis = at
        report.publishedBy = "示范数据"
        guard report.publishProblems.isEmpty else {
            throw DomainError.conflict("示范年度报告不能发布：" + report.publishProblems.joined(separator: "；"))
        }
        let published = report
        try await env.database.audited(by: actor, atMillis: at) { stores, trail in
            let saved = try await stores.annualReports.save(published)
            try await trail.log(.annualReportPublish, .annualReport, saved.id, agencyID: agency.id, detail: "示范数据：\(year)年度报告")
        }
    }
}
