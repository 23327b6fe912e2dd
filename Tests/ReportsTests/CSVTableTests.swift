import Domain
import Reports
import Testing

@Suite struct CSVTableTests {
    @Test func quotesEscapesAndDefusesFormulas() {
        let table = CSVTable(header: ["a", "b"], rows: [["x,y", "say \"hi\""], ["=SUM(A1)", "第一行\n第二行"], ["@cmd", "-1"]])
        let bytes = table.bytes()
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n'=SUM(A1),\"第一行\n第二行\"\r\n'@cmd,'-1\r\n")
    }

    @Test func beijingTimeCrossesMidnight() {
        // 2026-01-01T16:30:05Z is 2026-01-02 00:30:05 in Beijing.
        #expect(AuditExport.beijingTime(1_767_285_005_000) == "2026-01-02 00:30:05")
        #expect(AuditExport.beijingTime(0) == "1970-01-01 08:00:00")
    }
}
