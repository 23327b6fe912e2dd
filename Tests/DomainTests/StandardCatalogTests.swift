import Testing

@testable import Domain

/// The 标准目录: reading its 公开时限, reading the sheet, and the coverage check on documents
/// whose answers are worked out by hand.
@Suite struct StandardCatalogTests {
    let calendar = WorkingDayCalendar(notices: HolidayNotice.shipped())
    static func d(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    @Test func timeLimitsAreRead() {
        #expect(DisclosurePeriod.parse("自该信息形成或者变更之日起20个工作日内予以公开") == .withinWorkdays(20))
        #expect(DisclosurePeriod.parse("自信息形成或者变更之日起七个工作日内") == .withinWorkdays(7))
        #expect(DisclosurePeriod.parse("作出决定之日起二十个 工作日内") == .withinWorkdays(20))
        #expect(DisclosurePeriod.parse("每季度更新") == .every(months: 3, dueMonth: nil, dueDay: nil))
        #expect(DisclosurePeriod.parse("按月公开") == .every(months: 1, dueMonth: nil, dueDay: nil))
        #expect(DisclosurePeriod.parse("每年3月31日前公开上一年度情况") == .every(months: 12, dueMonth: 3, dueDay: 31))
        #expect(DisclosurePeriod.parse("每年一月底前") == .every(months: 12, dueMonth: 1, dueDay: 31))
        #expect(DisclosurePeriod.parse("年度") == .every(months: 12, dueMonth: nil, dueDay: nil))
        #expect(DisclosurePeriod.parse("处理决定作出后10日内") == .withinDays(10))
        #expect(DisclosurePeriod.parse("实时更新") == .standing)
        #expect(DisclosurePeriod.parse("按有关规定") == .unknown)
        #expect(DisclosurePeriod.every(months: 12, dueMonth: 3, dueDay: 31).label == "每年（3月31日前）")
    }

    /// The layout the local catalogs share: a two-row header with check-mark columns under
    /// 公开对象 and 公开方式, a section heading row across the sheet, merged 一级事项 cells
    /// (already filled by the reader), and a 对应栏目 column.
    static let sheet: [[String]] = [
        ["卫生健康领域基层政务公开标准目录"] + Array(repeating: "卫生健康领域基层政务公开标准目录", count: 11),
        ["序号", "公开事项", "公开事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "公开对象", "公开对象", "公开方式", "公开方式", "对应栏目"],
        ["序号", "一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "全社会", "特定群体", "主动", "依申请", "对应栏目"],
        [
            "一、行政许可类", "一、行政许可类", "一、行政许可类", "一、行政许可类", "一、行政许可类", "一、行政许可类", "一、行政许可类", "一、行政许可类", "一、行政许可类", "一、行政许可类", "一、行政许可类",
            "一、行政许可类", "一、行政许可类",
        ],
        [
            "1", "公共场所卫生许可", "公共场所卫生许可", "法律法规和政策文件；办事指南", "《公共场所卫生管理条例》", "自信息形成或者变更之日起20个工作日内", "县卫生健康局", "■政府网站", "√", "", "√", "",
            "行政许可",
        ],
        ["2", "公共场所卫生许可", "公共场所卫生许可（结果）", "结果信息", "《行政许可法》", "自信息形成或者变更之日起7个工作日内", "县卫生健康局", "■政府网站", "√", "", "√", "", "行政许可、专题-许可"],
        ["", "", "", "", "", "", "", "", "", "", "", "", ""],
        ["3", "公共卫生服务", "预防接种", "服务机构信息", "", "每季度", "县疾控中心", "■政府网站 ■公开查阅点", "", "√", "√", "", ""],
        ["4", "公共卫生服务", "个人接种记录", "本人接种记录", "", "实时", "接种单位", "", "", "√", "", "√", ""],
    ]

    static let columns = [SpecialColumn(code: "licensing-topic", name: "专题-许可")]

    @Test func sheetBecomesItems() throws {
        let items = try StandardCatalogReader.items(rows: Self.sheet, categories: CatalogCategory.defaults, columns: Self.columns)
        #expect(items.map(\.id) == [1, 2, 3, 4])
        #expect(items.map(\.group) == ["公共场所卫生许可", "公共场所卫生许可", "公共卫生服务", "公共卫生服务"])
        #expect(items.map(\.name) == ["公共场所卫生许可", "公共场所卫生许可（结果）", "预防接种", "个人接种记录"])
        #expect(items.map(\.period) == [.withinWorkdays(20), .withinWorkdays(7), .every(months: 3, dueMonth: nil, dueDay: nil), .standing])
        #expect(items[1].categories == ["licensing", "licensing-topic"])
        #expect(items[2].audience == "特定群体" && items[0].audience == "全社会" && items[3].mode == "依申请")
        #expect(items[0].isActive && !items[3].isActive)
        #expect(items[2].channels == "■政府网站 ■公开查阅点" && items[0].basis == "《公共场所卫生管理条例》" && items[2].subject == "县疾控中心")
    }

    @Test func badSheetsAreRefusedWithTheRow() {
        #expect(throws: DomainError.invalid("file", "没有找到表头：表格前 15 行中须有“公开内容”和“公开时限”两列")) {
            try StandardCatalogReader.items(rows: [["事项", "说明"], ["a", "b"]], categories: CatalogCategory.defaults, columns: [])
        }
        var noLimit = Self.sheet
        noLimit[7][5] = ""
        #expect(throws: DomainError.invalid("file", "第 8 行“预防接种”没有填写公开时限")) {
            try StandardCatalogReader.items(rows: noLimit, categories: CatalogCategory.defaults, columns: Self.columns)
        }
        var badColumn = Self.sheet
        badColumn[4][12] = "行政许可、许可公示"
        #expect(throws: DomainError.invalid("file", "第 5 行的栏目“许可公示”不是本机关的分类或专栏")) {
            try StandardCatalogReader.items(rows: badColumn, categories: CatalogCategory.defaults, columns: Self.columns)
        }
        #expect(throws: DomainError.self) {
            try StandardCatalogReader.mapping("行政许可，不存在的栏目", categories: CatalogCategory.defaults, columns: [])
        }
        #expect(
            (try? StandardCatalogReader.mapping("行政许可，penalty 行政许可", categories: CatalogCategory.defaults, columns: [])) == [
                "licensing", "penalty",
            ])
    }

    @Test func reloadKeepsTheMappingOfItemsStillThere() {
        let old = StandardCatalog(
            agencyID: 1, title: "旧", sourceName: "a.xlsx", loadedAt: 0, loadedBy: "office",
            items: [
                StandardItem(id: 1, group: "许可", name: "公共场所卫生许可", content: "结果信息", timeLimit: "7个工作日", categories: ["licensing"]),
                StandardItem(id: 2, group: "许可", name: "已删除的事项", timeLimit: "7个工作日", categories: ["penalty"]),
            ])
        var new = StandardCatalog(
            agencyID: 1, title: "新", sourceName: "b.xlsx", loadedAt: 1, loadedBy: "office",
            items: [
                StandardItem(id: 1, group: "服务", name: "预防接种", timeLimit: "每季度", categories: ["disease-control"]),
                StandardItem(id: 2, group: "许可", name: "公共场所卫生许可", content: "结果信息", timeLimit: "7个工作日"),
                StandardItem(id: 3, group: "许可", name: "公共场所卫生许可", content: "办事指南", timeLimit: "20个工作日"),
            ])
        new.keepMapping(from: old)
        #expect(new.items.map(\.categories) == [["disease-control"], ["licensing"], []])
    }

    /// Today 2026-09-21 (Monday). Licensing results within 7 working days, guides within 20,
    /// vaccination quarterly, a yearly report due 3-31, an on-request item, an unmapped item.
    @Test func coverageOnAKnownSet() {
        let today = Self.d("2026-09-21")
        let items = [
            StandardItem(id: 1, name: "许可结果", timeLimit: "7个工作日内", categories: ["licensing", "topic"]),
            StandardItem(id: 2, name: "办事指南", timeLimit: "20个工作日内", categories: ["guides"]),
            StandardItem(id: 3, name: "预防接种", timeLimit: "每季度", categories: ["disease-control"]),
            StandardItem(id: 4, name: "年度统计", timeLimit: "每年3月31日前", categories: ["statistics"]),
            StandardItem(id: 5, name: "接种记录", timeLimit: "实时", mode: "依申请", categories: ["disease-control"]),
            StandardItem(id: 6, name: "未对应", timeLimit: "每月"),
            StandardItem(id: 7, name: "财政", timeLimit: "按有关规定", categories: ["finance"]),
            StandardItem(id: 8, name: "机构", timeLimit: "长期公开", categories: ["organization"]),
        ]
        func fact(_ category: String, formed: String?, published: String?, online: Bool = true, columns: [String] = [], portal: Bool = true)
            -> PublicationFact
        {
            PublicationFact(
                category: category, columns: columns, formedOn: formed.map(Self.d), publishedOn: published.map(Self.d),
                wentOnline: online && published != nil, reachesPortal: portal)
        }
        let facts = [
            // Formed Tue 09-01; 7 working days → 09-10. One on time (also in the special column: counted once), one late.
            fact("licensing", formed: "2026-09-01", published: "2026-09-09", columns: ["topic"]),
            fact("licensing", formed: "2026-09-01", published: "2026-09-11"),
            // Formed before the 12-month window: not counted even though late.
            fact("licensing", formed: "2025-08-01", published: "2025-09-30"),
            // Guides: one draft formed Thu 09-10. 20 working days count the make-up Sundays 09-20 and
            // Saturday 10-10 and skip 中秋 09-25 and 国庆 10-01..07: due Wed 10-14.
            fact("guides", formed: "2026-09-10", published: nil, online: false),
            // Vaccination: last published 06-10, more than 3 months before 09-21: a gap.
            fact("disease-control", formed: "2026-06-01", published: "2026-06-10"),
            // Statistics: last year's only; 2026-03-31 has passed: overdue.
            fact("statistics", formed: "2025-03-01", published: "2025-03-20"),
            // Organisation info, but not for the portal: does not count, so a gap.
            fact("organization", formed: "2026-01-01", published: "2026-01-05", portal: false),
        ]
        let result = StandardCoverage.evaluate(items, facts: facts, calendar: calendar, today: today)
        #expect(result.map(\.state) == [.overdue, .noRecord, .gap, .overdue, .unchecked, .unmapped, .unchecked, .gap])
        #expect(result[0].overdue == 1 && result[0].published == 3 && result[0].lastPublished == Self.d("2026-09-11"))
        #expect(result[2].lastPublished == Self.d("2026-06-10"))
        #expect(result[3].note == "已过今年 3月31日的公开期限，今年尚未公开")
        // The draft guide is overdue from the day after its due date.
        let later = StandardCoverage.evaluate(items, facts: facts, calendar: calendar, today: Self.d("2026-10-15"))
        #expect(later[1].state == .overdue && later[1].overdue == 1)
        let stillDue = StandardCoverage.evaluate(items, facts: facts, calendar: calendar, today: Self.d("2026-10-14"))
        #expect(stillDue[1].state == .noRecord)
        // Published in March of the next year: the yearly item is covered again.
        let next = StandardCoverage.evaluate(
            items, facts: facts + [fact("statistics", formed: "2027-03-01", published: "2027-03-20")], calendar: calendar,
            today: Self.d("2027-04-01"))
        #expect(next[3].state == .covered)
    }
}
