import Domain
import Testing

@Suite struct SearchRankingTests {
    func count(_ query: String, in text: String) -> [Int] {
        ChineseSegmenter.query(query).map { SearchRanking.occurrences(of: $0, in: text) }
    }

    @Test func hanPartsCountConsecutiveCharacters() {
        #expect(count("托育", in: "托育服务，普惠托育；托 育") == [2])
        #expect(count("疫", in: "疫情防控，防疫") == [2])
        #expect(count("院感防控", in: "院感、防控") == [0])
    }

    @Test func latinPartsAreWholeWordsWhateverTheCase() {
        #expect(count("covid", in: "COVID-19 与 Covid 疫情；covids 不算") == [2])
        #expect(count("19", in: "COVID-19，2019年") == [1])
        #expect(count("PDF 附件", in: "下载pdf附件") == [1, 1])
    }

    @Test func titleMatchesComeFirstThenTheMoreRelevant() {
        let parts = ChineseSegmenter.query("托育")
        let ranked = SearchRanking.rank(
            parts,
            [
                .init(id: 1, title: "关于卫生应急的通知", body: "托育服务。托育机构。托育补贴。", publishedOn: "2025-01-01"),
                .init(id: 2, title: "关于推进托育服务的通知", body: "加强组织领导。", publishedOn: "2024-01-01"),
                .init(id: 3, title: "关于卫生应急的通知", body: "托育服务。" + String(repeating: "其他内容。", count: 40), publishedOn: "2026-01-01"),
                .init(id: 4, title: "关于卫生应急的通知", body: "加强组织领导。", publishedOn: "2026-02-01"),
            ])
        #expect(ranked.map(\.id) == [2, 1, 3, 4])
        #expect(ranked.map(\.titleMatched) == [true, false, false, false])
        #expect(ranked[3].score == 0)
    }

    @Test func everyPartMustBeInTheTitleToCountAsATitleMatch() {
        let parts = ChineseSegmenter.query("托育 补贴")
        let ranked = SearchRanking.rank(
            parts,
            [
                .init(id: 1, title: "托育服务", body: "补贴", publishedOn: "2025-01-01"),
                .init(id: 2, title: "托育补贴发放", body: "", publishedOn: "2024-01-01"),
            ])
        #expect(ranked.map(\.id) == [2, 1])
        #expect(ranked.map(\.titleMatched) == [true, false])
    }

    @Test func equalScoresGoNewestFirst() {
        let ranked = SearchRanking.rank(
            ChineseSegmenter.query("通知"),
            [
                .init(id: 5, title: "通知", body: "", publishedOn: "2023-05-01"),
                .init(id: 6, title: "通知", body: "", publishedOn: "2025-05-01"),
                .init(id: 7, title: "通知", body: "", publishedOn: "2025-05-01"),
            ])
        #expect(ranked.map(\.id) == [7, 6, 5])
    }
}
