import Domain
import Testing

@Suite struct RequestClockTests {
    let calendar = WorkingDayCalendar(notices: HolidayNotice.shipped())

    func date(_ s: String) -> CivilDate { CivilDate(iso: s)! }

    func clock(_ received: String, _ change: (inout RequestClock) -> Void = { _ in }) -> RequestClock {
        var c = RequestClock(receivedOn: date(received))
        change(&c)
        return c
    }

    /// Hand-counted against the 2025-2026 notices: National Day 1-8 October 2025 with make-up
    /// Sundays/Saturdays 28 September and 11 October; New Year 2026 with make-up 4 January.
    @Test(arguments: [
        ("2025-09-26", "2025-10-30"),  // across National Day, both make-up days counted
        ("2025-11-03", "2025-12-01"),
        ("2025-12-22", "2026-01-20"),  // across the year end and the make-up Sunday
    ])
    func twentyWorkingDays(_ received: String, _ due: String) {
        let r = clock(received).compute(calendar)
        #expect(r.dueOn == date(due))
        #expect(!r.provisional)
        #expect(r.staffExplanation.contains("至 \(due)"))
    }

    @Test func correctionRestartsThePeriod() {
        let waiting = clock("2025-09-26") { $0.correctionNoticeOn = date("2025-09-29") }.compute(calendar)
        #expect(waiting.dueOn == nil)
        #expect(waiting.correctionDueOn == date("2025-10-27"))
        #expect(!waiting.correctionNoticeLate)
        let restarted = clock("2025-09-26") {
            $0.correctionNoticeOn = date("2025-09-29")
            $0.correctionReceivedOn = date("2025-10-09")
        }.compute(calendar)
        #expect(restarted.dueOn == date("2025-11-05"))
        #expect(restarted.staffExplanation.contains("重新计算"))
        #expect(restarted.applicantExplanation.contains("2025年10月9日收到您补正后的申请"))
        let late = clock("2025-09-26") { $0.correctionNoticeOn = date("2025-10-14") }.compute(calendar)
        #expect(late.correctionNoticeLate)
    }

    @Test func overlappingConsultationsAreExcludedOnce() {
        let r = clock("2025-11-03") {
            $0.consultations = [
                .init(party: "某医院", sentOn: date("2025-11-05"), repliedOn: date("2025-11-10")),
                .init(party: "市医保局", agency: true, sentOn: date("2025-11-07"), repliedOn: date("2025-11-12")),
            ]
        }.compute(calendar)
        #expect(r.excludedWorkdays == 5)
        #expect(r.dueOn == date("2025-12-08"))
        #expect(r.staffExplanation.contains("某医院"))
        #expect(!r.applicantExplanation.contains("某医院"))  // the applicant is not told who was consulted
    }

    @Test func anOpenConsultationHoldsTheClockForItsWholeWindow() {
        let r = clock("2025-11-03") { $0.consultations = [.init(party: "某企业", sentOn: date("2025-11-05"))] }.compute(calendar)
        #expect(r.excludedWorkdays == 15)
        #expect(r.dueOn == date("2025-12-22"))
    }

    @Test func extensionsAddWorkingDaysUpToTheCap() throws {
        let e = RequestClock.Extension(workdays: 10, reason: "需调取档案", approvedBy: "王主任", approvedOn: date("2025-11-20"))
        var c = clock("2025-11-03")
        try c.checkExtension(e)
        c.extensions.append(e)
        #expect(c.compute(calendar).dueOn == date("2025-12-15"))
        #expect(c.compute(calendar).staffExplanation.contains("经王主任批准延长 10 个工作日"))
        #expect(throws: DomainError.self) {
            try c.checkExtension(.init(workdays: 11, reason: "x", approvedBy: "王主任", approvedOn: date("2025-11-21")))
        }
        try c.checkExtension(.init(workdays: 10, reason: "x", approvedBy: "王主任", approvedOn: date("2025-11-21")))
        #expect(throws: DomainError.self) {
            try c.checkExtension(.init(workdays: 5, reason: "x", approvedBy: " ", approvedOn: date("2025-11-21")))
        }
    }

    @Test func feeDaysAreExcludedWhenTheSettingSaysSo() {
        let c = clock("2025-11-03") {
            $0.feeNoticeOn = date("2025-11-04")
            $0.feePaidOn = date("2025-11-06")
        }
        let excluded = c.compute(calendar)
        #expect(excluded.feeDueOn == date("2025-12-02"))
        #expect(excluded.dueOn == date("2025-12-03"))
        var rules = RequestClock.Rules.standard
        rules.feePeriodExcluded = false
        #expect(c.compute(calendar, rules: rules).dueOn == date("2025-12-01"))
    }

    @Test func article35LaterDate() {
        let r = clock("2025-11-03") { $0.deferredTo = date("2026-01-30") }.compute(calendar)
        #expect(r.dueOn == date("2026-01-30"))
    }

    @Test func theReceiptDayCountsOnlyWhenTheSettingSaysSo() {
        var rules = RequestClock.Rules.standard
        rules.countReceiptDay = true
        // Received on a working day (Monday 3 November 2025): day 1 is the day itself.
        #expect(clock("2025-11-03").compute(calendar, rules: rules).dueOn == date("2025-11-28"))
        #expect(clock("2025-11-03").compute(calendar).dueOn == date("2025-12-01"))
        // Received on a Saturday: nothing to count that day either way.
        #expect(
            clock("2025-11-01").compute(calendar, rules: rules).dueOn == clock("2025-11-01").compute(calendar).dueOn)
    }

    @Test func aYearWithoutANoticeIsProvisional() {
        #expect(clock("2026-12-20").compute(calendar).provisional)
    }
}

@Suite struct FeeScheduleTests {
    let fees = FeeSchedule.standard

    @Test(arguments: [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (51, 400)])
    func perRequest(_ ordinal: Int, _ yuan: Int) throws {
        #expect(try fees.perRequestYuan(ordinal: ordinal) == yuan)
    }

    @Test(arguments: [(0, 0), (30, 0), (31, 10), (100, 700), (101, 720), (200, 2700), (250, 4700)])
    func perVolume(_ pages: Int, _ yuan: Int) throws {
        #expect(try fees.perVolumeYuan(pages: pages) == yuan)
    }

    @Test func theRegulationsTestVectorsAndRefusals() throws {
        #expect(try fees.perRequestTotalYuan(count: 35) == 3_000)
        #expect(throws: DomainError.self) { try fees.perRequestYuan(ordinal: 0) }
        #expect(throws: DomainError.self) { try fees.perVolumeYuan(pages: -1) }
        // A mistyped figure is refused, not multiplied past Int.max (found by the fuzzer: a
        // fee notice of 720,968,951,328,722,560 pages stopped the server).
        #expect(throws: DomainError.self) { try fees.perVolumeYuan(pages: 720_968_951_328_722_560) }
        #expect(throws: DomainError.self) { try fees.perRequestYuan(ordinal: Int.max) }
        #expect(throws: DomainError.self) { try fees.perRequestTotalYuan(count: Int.max) }
        #expect(try fees.perVolumeYuan(pages: FeeSchedule.maxPages) > 0)
        #expect(throws: DomainError.self) { try fees.quote(.perVolume, ordinal: 3, pages: nil) }
    }
}

@Suite struct RequestOutcomeTests {
    @Test func everyOutcomeCountsInOneAnswerRow() {
        let rows = Set(RequestOutcome.allCases.map(\.reportRow))
        #expect(rows.isSubset(of: Set(RequestReportRow.outcomeRows)))
        // Every answer row of the format has at least one outcome.
        #expect(rows == Set(RequestReportRow.outcomeRows))
        #expect(RequestOutcome.disclosedAlreadyPublic.reportRow == .disclosed)
        #expect(RequestOutcome.unavailableOtherAgency.reportRow == .unavailableNotHeld)
    }

    @Test func rowsAreTheFormatsInOrder() {
        #expect(RequestReportRow.allCases.first?.label == "一、本年新收政府信息公开申请数量")
        #expect(RequestReportRow.allCases.last?.label == "四、结转下年度继续办理")
        #expect(RequestReportRow.outcomeRows.count == 21)
        #expect(RequestReportRow.allCases.compactMap(\.groupHeading) == ["（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"])
        #expect(ApplicantType.allCases.map(\.label) == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"])
    }

    @Test func parsingNamesTheChoices() {
        #expect(throws: DomainError.self) { try RequestOutcome.parse("granted") }
        #expect(try! RequestOutcome.parse("other.fee_unpaid") == .otherFeeUnpaid)
    }
}

@Suite struct RequestIntakeTests {
    // 11010519491231002X is the GB 11643 standard's own example number.
    let person = Applicant(type: .naturalPerson, name: " 张三 ", idNumber: "11010519491231002x", phone: "0531-1234567")

    @Test func aPersonNeedsAValidIDNumberAndAContact() throws {
        let ok = try person.validated(for: .pickup)
        #expect(ok.name == "张三" && ok.idNumber == "11010519491231002X")
        #expect(ok.maskedName == "张*")
        var wrongCheck = person
        wrongCheck.idNumber = "110105194912310021"
        #expect(throws: DomainError.invalid("applicant.idNumber", "身份证号码应为 18 位，且校验位和出生日期正确")) {
            try wrongCheck.validated(for: .pickup)
        }
        var noContact = person
        noContact.phone = ""
        #expect(throws: DomainError.self) { try noContact.validated(for: .pickup) }
        #expect(throws: DomainError.self) { try person.validated(for: .email) }  // e-mail delivery needs an address
        #expect(throws: DomainError.self) { try person.validated(for: .post) }
    }

    @Test func anOrganisationNeedsACreditCode() throws {
        let firm = Applicant(type: .business, name: "某某医药有限公司", idNumber: "91350100M000100Y43", email: "office@example.com")
        #expect(try firm.validated(for: .email).maskedName == "某某医药有限公司")
        var bad = firm
        bad.idNumber = "91350100M000100Y44"
        #expect(throws: DomainError.self) { try bad.validated(for: .email) }
    }

    @Test func trackingCodesSurviveRetypingAndCatchTypos() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let code = TrackingCode.make(year: 2026, using: &rng)
            #expect(TrackingCode.normalise(code) == code)
            #expect(TrackingCode.normalise(code.lowercased().replacingOccurrences(of: "-", with: " ")) == code)
            var chars = Array(code)
            chars[7] = chars[7] == "A" ? "B" : "A"
            #expect(TrackingCode.normalise(String(chars)) == nil || String(chars) == code)
        }
        #expect(TrackingCode.normalise("2026-ABC") == nil)
    }
}

@Suite struct ReplyLetterTests {
    @Test func everyOutcomeHasALetterWithItsBasisAndTheRemedies() throws {
        for outcome in RequestOutcome.allCases {
            let body = ReplyLetterTemplate.draft(
                outcome: outcome, applicantName: "张三", receivedOn: CivilDate(year: 2026, month: 9, day: 1)!, description: "某名单",
                agencyName: "示范市卫生健康委员会", details: .init(publishedAt: "本委网站", responsibleAgency: "示范市医保局"),
                replyOn: CivilDate(year: 2026, month: 9, day: 20)!)
            #expect(body.contains(outcome.legalBasis), "\(outcome)")
            #expect(try ReplyLetter.checkBody(body) == body, "\(outcome)")
            #expect(body.hasPrefix("张三：") && body.hasSuffix("2026年9月20日"))
        }
        #expect(throws: DomainError.self) { try ReplyLetterTemplate.check(.disclosedAlreadyPublic, .init()) }
        #expect(throws: DomainError.self) { try ReplyLetterTemplate.check(.unavailableOtherAgency, .init(publishedAt: "x")) }
        try ReplyLetterTemplate.check(.disclosed, .init())
    }

    @Test func aBodyFromABrowserKeepsItsParagraphs() throws {
        let typed = "张三：\r\n\r\n经审查，予以公开。\r\n\r\n可依法申请行政复议或者提起行政诉讼。\r\n"
        let body = try ReplyLetter.checkBody(typed)
        #expect(!body.contains("\r"))
        let letter = ReplyLetter(agencyID: 1, requestID: 1, outcome: .disclosed, body: body)
        #expect(letter.paragraphs == ["张三：", "经审查，予以公开。", "可依法申请行政复议或者提起行政诉讼。"])
        #expect(throws: DomainError.self) { try ReplyLetter.checkBody("张三：\n\n予以公开。") }
    }

    @Test func similarDescriptionsAreRecognised() {
        #expect(RequestSimilarity.score("申请公开2025年本市托育机构备案名单", "本市托育机构2025年备案名单") >= 0.6)
        #expect(RequestSimilarity.score("2025年本市托育机构备案名单", "2024年传染病疫情统计数据") < 0.3)
        #expect(RequestSimilarity.score("", "名单") == 0)
    }

    @Test func appealsCountInTheYearTheyEnd() {
        let d = { (s: String) in CivilDate(iso: s)! }
        let cases = [
            RequestAppeal(
                agencyID: 1, requestID: 1, kind: .reconsideration, forum: "市政府", filedOn: d("2025-12-01"), result: .upheld,
                decidedOn: d("2026-02-01")),
            RequestAppeal(agencyID: 1, requestID: 2, kind: .reconsideration, forum: "市政府", filedOn: d("2026-03-01")),
            RequestAppeal(agencyID: 1, requestID: 3, kind: .litigationDirect, forum: "法院", filedOn: d("2025-05-01")),
        ]
        let t = RequestAppeal.table(cases, year: 2026)
        #expect(t[.reconsideration]?[.upheld] == 1 && t[.reconsideration]?[.pending] == 1)
        #expect(t[.litigationDirect]?.values.reduce(0, +) == 0)
        #expect(RequestAppeal.table(cases, year: 2025)[.litigationDirect]?[.pending] == 1)
        #expect(OutboxMessage.retryDelayMillis(afterAttempts: 1) == 60_000)
        #expect(OutboxMessage.retryDelayMillis(afterAttempts: 20) == 360 * 60_000)
    }
}
