import Domain
import Reports
import Testing

/// The report's figures as CSV and back, and the import of earlier years' reports in either format.
@Suite struct AnnualReportCSVTests {
    @Test func exportReadsBackToTheSameFigures() throws {
        var f = AnnualFigures.derived(
            year: 2025, catalog: CatalogYearFigures(normativeIssued: 4, normativeInForce: 31), requests: [], appeals: [])
        f = try f.applying(["t2.fees.amount": 12.5, "t3.received.business": 3, "t3.disclosed.business": 2, "t3.carried_out.business": 1])
        let bytes = AnnualReportCSV.table(f).bytes()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("t2.fees.amount,二,行政事业性收费,本年收费金额（单位：万元）,12.5,手工填报"))
        var back = try AnnualReportCSV.parse(text, year: 2025)
        back.entered = f.entered
        #expect(back == f)
    }

    @Test func labelsAloneAreEnoughAndTheTrialFormatIsRecognised() throws {
        let csv = """
            表,行,列,数值
            二,规范性文件,本年新制作数量,5
            二,其他对外管理服务事项,处理决定数量,7
            二,政府集中采购,采购总金额,"1,200.5"
            三,一、本年新收政府信息公开申请数量,自然人,10
            三,（六）其他处理,自然人,2
            三,3.危及"三安全一稳定",商业企业,1
            四,行政复议,结果维持,1
            四,未经复议直接起诉,总计,0
            """
        let f = try AnnualReportCSV.parse(csv, year: 2019)
        #expect(f.format == .trial2019)
        #expect(f.active["normative.made"] == 5 && f.active["otherServices.decisions"] == 7 && f.active["procurement.amount"] == 1200.5)
        #expect(f.requests["received"]?["natural_person"] == 10 && f.requests["other_other"]?["natural_person"] == 2)
        #expect(f.requests["withheld_security_stability"]?["business"] == 1)
        #expect(f.appeals["reconsideration"]?["upheld"] == 1)

        let new = try AnnualReportCSV.parse("表,行,列,数值\n三,（六）其他处理 1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请,法律服务机构,4\n", year: 2023)
        #expect(new.format == .standard2021 && new.requests["other_no_correction"]?["legal_service"] == 4)
    }

    @Test func badFilesAreRefusedNamingTheLine() {
        func message(_ text: String) -> String {
            do {
                _ = try AnnualReportCSV.parse(text, year: 2023)
                return ""
            } catch { return error.message }
        }
        #expect(message("").contains("文件为空"))
        #expect(message("a,b\n1,2").contains("表头"))
        #expect(message("表,行,列,数值\n三,五、其他,自然人,1").contains("第 2 行"))
        #expect(message("表,行,列,数值\n三,一、本年新收政府信息公开申请数量,自然人,十").contains("不是数字"))
        #expect(message("表,行,列,数值\n三,一、本年新收政府信息公开申请数量,自然人,1.5").contains("整数"))
        #expect(message("表,行,列,数值\n").contains("没有任何数值"))
    }
}
