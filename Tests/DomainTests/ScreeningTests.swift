import Domain
import Testing

@Suite struct ScreeningTests {
    let screener = ContentScreener(sensitiveWords: [SensitiveWord(word: "卫计委", replacement: "卫生健康委")])

    func kinds(_ text: String) -> [ScreeningFinding.Kind] { screener.scan(text).map(\.kind) }

    @Test(arguments: [
        ("申请人身份证号11010519491231002X，手机13812345678。", [ScreeningFinding.Kind.idNumber, .mobile]),
        ("身份证：640104198506151233", [.idNumber]),
        ("联系电话 138-1234-5678", [.mobile]),
        ("退款账户 6222 0212 3456 7890 128", [.bankCard]),
        ("卡号6228480012345671。", [.bankCard]),
        ("请发送至 zhangsan.1990@163.com 。", [.email]),
        ("家庭住址：银川市兴庆区解放西街100号3单元502室，", [.address]),
        ("机密★10年\n关于……的通知", [.classification]),
        ("秘密\n关于印发方案的通知", [.classification]),
        ("密级：秘密", [.classification]),
        ("内部资料 注意保存", [.classification, .classification]),
        ("原市卫计委印发的文件", [.sensitiveWord]),
    ])
    func finds(_ text: String, _ expected: [ScreeningFinding.Kind]) {
        #expect(kinds(text) == expected, "\(text)")
    }

    @Test(arguments: [
        "身份证号640104198506151234（校验位错误）",  // invalid check digit: not flagged, and not a bank card
        "统一社会信用代码 11370812004339255B",
        "索引号：11370812004339255B/2026-00012",
        "成文日期2023-12-01，银卫发〔2023〕12号",
        "咨询电话：0951-5678123",
        "邮箱 gongkai@nx.gov.cn",
        "涉及国家秘密、商业秘密、个人隐私的信息不予公开。",
        "办公地址：银川市兴庆区解放西街1号",
        "2025年全市共完成诊疗人次12345678901次",  // 11 digits that do not start like a mobile number
        "项目编号123456789012345678901",  // 21 digits
    ])
    func leavesAlone(_ text: String) {
        #expect(kinds(text).isEmpty, "\(text): \(screener.scan(text))")
    }

    @Test func findingsCarryPositionsMasksAndSuggestions() throws {
        let text = "张三，11010519491231002X，原卫计委"
        let findings = screener.scan(text)
        let id = try #require(findings.first)
        #expect(id.offset == 3 && id.length == 18)
        #expect(id.masked == "110105********002X")
        #expect(!id.context.contains("19491231"))
        let word = try #require(findings.last)
        #expect(word.suggestion == "卫生健康委")
        #expect(ContentScreener.redact(text, findings) == "张三，110105********002X，原卫生健康委")
    }
}

@Suite struct ReviewWorkflowTests {
    let drafter = WorkflowState.Actor(userID: 1, roles: [.drafter])
    let reviewer = WorkflowState.Actor(userID: 2, roles: [.reviewer])
    let office = WorkflowState.Actor(userID: 3, roles: [.officeAdmin])
    let leader = WorkflowState.Actor(userID: 4, roles: [.leader])
    let publisher = WorkflowState.Actor(userID: 5, roles: [.publisher])
    var levels: [ReviewLevel] { ReviewLevel.applicable(ReviewLevel.standardChain, important: false, flagged: false) }

    @Test func threeLevelsThenPublishThenWithdraw() throws {
        var s = WorkflowState()
        s = try s.applying(.submit, by: drafter, drafterID: 1, levels: levels)
        #expect(s == WorkflowState(status: .inReview, level: 0))
        s = try s.applying(.approve(comment: "", confidentialityCleared: false), by: reviewer, drafterID: 1, levels: levels)
        #expect(throws: DomainError.self) {
            try s.applying(.approve(comment: "", confidentialityCleared: false), by: office, drafterID: 1, levels: levels)
        }
        s = try s.applying(.approve(comment: "经保密审查，不涉及国家秘密", confidentialityCleared: true), by: office, drafterID: 1, levels: levels)
        s = try s.applying(.approve(comment: "同意发布", confidentialityCleared: false), by: leader, drafterID: 1, levels: levels)
        #expect(s.status == .approved)
        #expect(throws: DomainError.conflict("发布前审查发现 2 处问题，须逐项删除或由审核人说明理由后方可发布")) {
            try s.applying(.publish(openFindings: 2), by: publisher, drafterID: 1, levels: levels)
        }
        #expect(throws: DomainError.self) { try s.applying(.publish(openFindings: 0), by: leader, drafterID: 1, levels: levels) }
        s = try s.applying(.publish(openFindings: 0), by: publisher, drafterID: 1, levels: levels)
        #expect(s.status == .published)
        #expect(throws: DomainError.self) { try s.applying(.withdraw(reason: " "), by: publisher, drafterID: 1, levels: levels) }
        s = try s.applying(.withdraw(reason: "内容有误"), by: office, drafterID: 1, levels: levels)
        #expect(s.status == .withdrawn)
        // Revising leaves the document as it is; the revision is a new draft.
        #expect(try s.applying(.revise, by: drafter, drafterID: 1, levels: levels) == s)
        #expect(throws: DomainError.self) { try s.applying(.revise, by: reviewer, drafterID: 1, levels: levels) }
        #expect(throws: DomainError.self) { try WorkflowState().applying(.revise, by: drafter, drafterID: 1, levels: levels) }
    }

    @Test func importantDocumentsGoToThePrincipalLeader() {
        #expect(ReviewLevel.applicable(ReviewLevel.standardChain, important: true, flagged: false).count == 4)
        #expect(ReviewLevel.applicable(ReviewLevel.standardChain, important: false, flagged: true).count == 4)
        #expect(levels.count == 3)
    }

    @Test func refusals() throws {
        let inReview = WorkflowState(status: .inReview, level: 0)
        // The wrong role for the level, one's own document, a return without a comment.
        #expect(throws: DomainError.self) {
            try inReview.applying(.approve(comment: "", confidentialityCleared: true), by: leader, drafterID: 1, levels: levels)
        }
        let selfReviewer = WorkflowState.Actor(userID: 1, roles: [.drafter, .reviewer])
        #expect(throws: DomainError.forbidden("不能审核自己起草的文件")) {
            try inReview.applying(.approve(comment: "", confidentialityCleared: true), by: selfReviewer, drafterID: 1, levels: levels)
        }
        #expect(throws: DomainError.self) { try inReview.applying(.reject(comment: ""), by: reviewer, drafterID: 1, levels: levels) }
        let returned = try inReview.applying(.reject(comment: "请补充依据"), by: reviewer, drafterID: 1, levels: levels)
        #expect(returned.status == .returned)
        // Out-of-order actions.
        #expect(throws: DomainError.self) {
            try WorkflowState().applying(.publish(openFindings: 0), by: publisher, drafterID: 1, levels: levels)
        }
        #expect(throws: DomainError.self) {
            try WorkflowState().applying(.withdraw(reason: "x"), by: publisher, drafterID: 1, levels: levels)
        }
        #expect(throws: DomainError.self) {
            try returned.applying(.approve(comment: "", confidentialityCleared: true), by: reviewer, drafterID: 1, levels: levels)
        }
    }
}
