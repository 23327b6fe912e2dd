import Testing

@testable import Domain

@Suite struct TextDiffTests {
    @Test func unchangedTextHasOnlySameLines() {
        let lines = TextDiff.lines("甲\n乙", "甲\n乙")
        #expect(lines.map(\.kind) == [.same, .same])
        #expect(TextDiff.summary(lines) == (0, 0))
    }

    @Test func editedLineMarksTheChangedCharacters() {
        let lines = TextDiff.lines("第一条\n报名时间为十月一日。\n第三条", "第一条\n报名时间为十月八日。\n第三条\n附则")
        #expect(lines.map(\.kind) == [.same, .removed, .added, .same, .added])
        #expect(lines[1].segments.filter(\.changed).map(\.text) == ["一"])
        #expect(lines[2].segments.filter(\.changed).map(\.text) == ["八"])
        #expect(lines[2].segments.map(\.text).joined() == "报名时间为十月八日。")
        #expect(lines[4].segments == [TextDiff.Segment(text: "附则", changed: true)])
    }

    @Test func insertionAndDeletionInTheMiddle() {
        let lines = TextDiff.lines("a\nb\nc\nd", "a\nc\nx\nd")
        #expect(lines.filter { $0.kind == .removed }.map(\.text) == ["b"])
        #expect(lines.filter { $0.kind == .added }.map(\.text) == ["x"])
        #expect(lines.filter { $0.kind == .same }.map(\.text) == ["a", "c", "d"])
    }
}

@Suite struct RichTextTests {
    @Test func blocks() {
        let body = "导语\n# 一、总体要求\n## （一）目标\n- 甲\n- 乙\n1. 第一\n2. 第二\n| 任务 | 科室 |\n|---|---|\n| 解读 | 法规科 |\n结语 110105********002X"
        #expect(
            RichText.parse(body) == [
                .paragraph("导语"), .heading(level: 1, text: "一、总体要求"), .heading(level: 2, text: "（一）目标"),
                .list(ordered: false, items: ["甲", "乙"]), .list(ordered: true, items: ["第一", "第二"]),
                .table(header: true, rows: [["任务", "科室"], ["解读", "法规科"]]), .paragraph("结语 110105********002X"),
            ])
        #expect(RichText.plain(body).contains("结语 110105********002X"))
        #expect(!RichText.plain(body).contains("|"))
    }

    @Test(arguments: [
        "导语\n# 一、总体要求\n## （一）目标\n### 三级\n#### 四个井号\n#标签\n- 甲\n• 乙\n-不是列表\n1. 第一\n22. 第二\n1234. 太长\n2026.10 起施行",
        "| 任务 | 科室 |\n|---|---|\n| 解读 | 法规科 |\n|\n| :-: | -- |\n|a|b\n\\# 转义的井号\n\\\n\n\n　全角空格缩进　\n\t制表符\t",
        "", "\n\n", "单行", "# ", "#  两个空格", "- ", "1. ", "|||", "结尾换行\n",
    ])
    func plainAgreesWithTheBlocks(_ body: String) {
        #expect(RichText.plain(body) == RichText.plainByBlocks(body))
    }

    @Test func plainLinesStayParagraphs() {
        // Government numbering such as "一、" and "2026." is text, not markup.
        #expect(RichText.parse("一、总则\n2026.10 起施行\n#标签") == [.paragraph("一、总则"), .paragraph("2026.10 起施行"), .paragraph("#标签")])
        #expect(RichText.parse("|a|b|") == [.table(header: false, rows: [["a", "b"]])])
    }
}

@Suite struct RedactionMarksTests {
    @Test func cutsMarkedSpans() throws {
        let body = "申请人：【删减】张三，住址某路 1 号【/删减】\n事项：换证。【删减】内部意见【/删减】"
        try RedactionMarks.validate(body)
        #expect(RedactionMarks.apply(body) == "申请人：（此处依法删减）\n事项：换证。（此处依法删减）")
        #expect(RedactionMarks.apply("无标记") == "无标记")
    }

    @Test(arguments: ["【删减】没有结束", "多余的【/删减】", "【删减】a【删减】b【/删减】【/删减】", "【/删减】反了【删减】"])
    func refusesUnpairedMarks(_ body: String) {
        #expect(throws: DomainError.self) { try RedactionMarks.validate(body) }
    }

    @Test func redactedDisclosureNeedsMarks() throws {
        var d = CatalogDocument(
            id: 1, agencyID: 1, title: "许可结果", body: "全文公开", categoryCode: "policy", disclosure: .init(attribute: .redacted))
        #expect(throws: DomainError.self) { try d.validate(categories: CatalogCategory.defaults) }
        d.body = "许可对象：【删减】李四【/删减】"
        try d.validate(categories: CatalogCategory.defaults)
        #expect(d.publicBase == "许可对象：（此处依法删减）")
    }
}
