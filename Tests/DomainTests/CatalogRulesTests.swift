import Domain
import Testing

@Suite struct DocumentNumberTests {
    @Test(arguments: [
        ("银卫发〔2023〕12号", "银卫发〔2023〕12号"),
        ("银卫发[2023]12号", "银卫发〔2023〕12号"),
        ("银卫发（2023）12号", "银卫发〔2023〕12号"),
        ("宁卫办发(2024)105号", "宁卫办发〔2024〕105号"),
        ("银卫发【2023】 12号", "银卫发〔2023〕12号"),
        ("国务院令第711号", "国务院令第711号"),
        ("", ""),
    ])
    func normalizes(_ raw: String, _ expected: String) throws {
        #expect(try DocumentNumber.normalize(raw) == expected)
    }

    @Test(arguments: ["银卫发〔23〕12号", "银卫发〔2023〕012号", "银卫发〔2023〕12", "〔2023〕12号", "2023年12号", "abc〔2023〕1号", "银卫发〔1800〕1号"])
    func rejects(_ raw: String) {
        #expect(throws: DomainError.self) { try DocumentNumber.normalize(raw) }
    }
}

@Suite struct IndexNumberRuleTests {
    @Test func standardRuleMatchesWhatAgenciesUse() throws {
        try IndexNumberRule.standard.validate()
        #expect(
            IndexNumberRule.standard.render(creditCode: "11370812004339255B", year: 2026, serial: 12) == "11370812004339255B/2026-00012")
        #expect(
            IndexNumberRule.standard.render(creditCode: "11370812004339255B", year: 2020, serial: 22849) == "11370812004339255B/2020-22849")
    }

    @Test func customRulesWithTheOrganisationCode() throws {
        let rule = IndexNumberRule(template: "{orgCode}-{year}-{serial:6}")
        try rule.validate()
        #expect(rule.render(creditCode: "11370812004339255B", year: 2026, serial: 7) == "004339255-2026-000007")
    }

    @Test(arguments: [
        "{creditCode}/{year}", "{creditCode}-{serial:5}", "{year}-{serial:5}-{serial:3}", "{dept}/{year}-{serial:5}",
        "{year}-{serial:0}", "{year}-{serial:5",
    ])
    func rejectsUnusableTemplates(_ template: String) {
        #expect(throws: DomainError.self) { try IndexNumberRule(template: template).validate() }
    }
}

@Suite struct CheckDigitTests {
    @Test func residentIDs() {
        #expect(CheckDigits.isResidentID("11010519491231002X"))
        #expect(CheckDigits.isResidentID("11010519491231002x"))
        #expect(CheckDigits.isResidentID("640104198506151233"))
        #expect(!CheckDigits.isResidentID("640104198506151234"))  // wrong check digit
        #expect(!CheckDigits.isResidentID("640104198513151233"))  // month 13
        #expect(!CheckDigits.isResidentID("64010419850615123"))
    }

    @Test func luhn() {
        #expect(CheckDigits.passesLuhn("6222021234567890128"))
        #expect(CheckDigits.passesLuhn("6228480012345671"))
        #expect(!CheckDigits.passesLuhn("6228480012345672"))
        #expect(!CheckDigits.passesLuhn(""))
    }
}

@Suite struct DisclosureAndValidityTests {
    @Test func notPublicNeedsAReasonAndABasis() throws {
        #expect(throws: DomainError.self) { try DisclosureDecision(attribute: .notPublic).validate() }
        #expect(throws: DomainError.self) { try DisclosureDecision(attribute: .notPublic, exemption: .stateSecret).validate() }
        try DisclosureDecision(attribute: .notPublic, exemption: .processInformation, legalBasis: "《政府信息公开条例》第十六条第二款").validate()
        #expect(throws: DomainError.self) { try DisclosureDecision(attribute: .public, exemption: .stateSecret).validate() }
        #expect(ExemptionReason.thirdPartyRights.label == "保护第三方合法权益")
        #expect(DisclosureAttribute.redacted.reachesPortal && !DisclosureAttribute.onRequest.reachesPortal)
    }

    @Test func validityDatesAndSupersession() throws {
        let from = CivilDate(iso: "2024-01-01")!
        let until = CivilDate(iso: "2026-12-31")!
        #expect(throws: DomainError.self) { try Validity(effectiveFrom: until, effectiveUntil: from).validate() }
        #expect(throws: DomainError.self) { try Validity(status: .revised).validate() }
        let v = Validity(status: .effective, effectiveFrom: from, effectiveUntil: until)
        try v.validate()
        #expect(v.status(on: CivilDate(iso: "2026-12-31")!) == .effective)
        #expect(v.status(on: CivilDate(iso: "2027-01-01")!) == .expired)
    }

    @Test func defaultCatalogHasTheNamedCategories() {
        let names = Set(CatalogCategory.defaults.map(\.name))
        for required in [
            "机构信息", "政策文件", "政策解读", "规划计划", "财政信息", "行政许可", "行政处罚", "双随机一公开", "医疗服务", "疾病防控",
            "突发公共卫生事件", "人事信息", "建议提案办理", "公共资源配置",
        ] {
            #expect(names.contains(required), "\(required)")
        }
        #expect(Set(CatalogCategory.defaults.map(\.code)).count == CatalogCategory.defaults.count)
        #expect(CatalogCategory.defaults.first { $0.code == "licensing" }?.publishWithinWorkdays == 7)
    }
}

@Suite struct CatalogSettingsRulesTests {
    @Test func chainLinesRoundTrip() throws {
        let text = ReviewLevel.formatLines(ReviewLevel.standardChain)
        #expect(try ReviewLevel.parseLines(text) == ReviewLevel.standardChain)
        let chinese = try ReviewLevel.parseLines("科室审核 | 审核人\n办公室 | 政务公开办公室 | 总是 | 是\n主要领导 | leader | 重要文件")
        #expect(chinese.map(\.role) == [.reviewer, .officeAdmin, .leader])
        #expect(chinese.map(\.condition) == [.always, .always, .important])
        #expect(chinese[1].confidentialityReview)
        #expect(throws: DomainError.self) { try ReviewLevel.parseLines("只有名称") }
        #expect(throws: DomainError.self) { try ReviewLevel.parseLines("a | reviewer | sometimes") }
    }

    @Test func validation() throws {
        try CatalogSettings.standard.validate()
        var s = CatalogSettings()
        s.extraCategories = [CatalogCategory(code: "policy", name: "重复")]
        #expect(throws: DomainError.self) { try s.validate() }
        s.extraCategories = [CatalogCategory(code: "covid", name: "政策文件")]
        #expect(throws: DomainError.self) { try s.validate() }
        s.extraCategories = [CatalogCategory(code: "covid", name: "疫情防控专栏", publishWithinWorkdays: 5)]
        try s.validate()
        s.chain = [ReviewLevel(name: "发布人审", role: .publisher, confidentialityReview: true)]
        #expect(throws: DomainError.self) { try s.validate() }
        s.chain = [ReviewLevel(name: "办公室", role: .officeAdmin, condition: .important, confidentialityReview: true)]
        #expect(throws: DomainError.self) { try s.validate() }  // the secrecy check must always run
        s.chain = ReviewLevel.standardChain
        s.categoryChains = ["nope": ReviewLevel.standardChain]
        #expect(throws: DomainError.self) { try s.validate() }
        s.categoryChains = [:]
        s.deadlineOverrides = ["licensing": 0]
        #expect(throws: DomainError.self) { try s.validate() }
        s.deadlineOverrides = ["covid": 3]
        try s.validate()
        #expect(s.categories.first { $0.code == "covid" }?.publishWithinWorkdays == 3)
    }
}
