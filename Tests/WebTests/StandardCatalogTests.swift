import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import OfficeFiles
import Storage
import Testing

@testable import Services
@testable import Web

/// The 标准目录 end to end: loaded from a workbook, mapped, checked against the demo
/// commission's documents and inherited by a unit below it.
@Suite struct StandardCatalogHTTPTests {
    static let header = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "公开方式"]

    /// Six items against the demo documents (a policy published 2026-03-20, a supervision
    /// notice formed 05-06 and published 05-09, the annual report published 01-28); today is
    /// 2026-09-21.
    static func sheet(mapped: Bool) throws -> Data {
        let rows: [[String]] = [
            ["1", "政策文件", "规范性文件", "文件全文", "《条例》第二十条", "每季度", "委办公室", "■政府网站", "主动", "政策文件"],
            ["2", "执法监督", "监督执法通知", "通知全文", "", "自信息形成之日起20个工作日内", "监督科", "■政府网站", "主动", "卫生监督执法"],
            ["3", "年度报告", "政府信息公开年报", "年报全文", "《条例》第四十九条", "每年1月31日前", "委办公室", "■政府网站", "主动", "其他"],
            ["4", "行政许可", "许可结果", "结果信息", "《行政许可法》", "7个工作日内", "审批科", "■政府网站", "主动", "行政许可"],
            ["5", "机构信息", "领导信息", "姓名、职务、分工", "", "实时更新", "人事科", "■政府网站", "主动", ""],
            ["6", "依申请", "个人档案", "本人档案", "", "实时", "档案室", "", "依申请", ""],
        ]
        let header = mapped ? Self.header + ["对应栏目"] : Self.header
        return try OfficeWriter.xlsx(sheet: "标准目录", rows: [header] + rows.map { mapped ? $0 : Array($0.dropLast()) })
    }

    static func states(_ json: [String: Any]) -> [String] {
        (json["items"] as? [[String: Any]] ?? []).compactMap { $0["state"] as? String }
    }

    func load(_ client: some TestClientProtocol, _ data: Data, title: String, token: String) async throws -> TestResponse {
        var headers: HTTPFields = [.authorization: "Bearer \(token)"]
        headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        let encoded = title.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
        return try await client.execute(
            uri: "/api/v1/standard-catalog?title=\(encoded)", method: .post, headers: headers, body: ByteBuffer(bytes: data))
    }

    @Test(arguments: Harness.kinds) func loadMapCheckAndInherit(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let office = try await client.token("office")
            #expect(try await client.getJSON("/api/v1/standard-catalog", token: office).status == .notFound)
            let loaded = try await load(client, try Self.sheet(mapped: true), title: "示范市卫生健康领域政务公开标准目录", token: office)
            #expect(loaded.status == .created, "\(loaded.text)")
            let catalog = try loaded.json()
            let items = try #require(catalog["items"] as? [[String: Any]])
            #expect(items.count == 6 && catalog["inherited"] as? Bool == false)
            #expect(items.map { $0["categories"] as? [String] ?? [] } == [["policy"], ["supervision"], ["other"], ["licensing"], [], []])
            #expect(
                items.map { $0["period"] as? String } == [
                    "每季度", "形成或变更后 20 个工作日内", "每年（1月31日前）", "形成或变更后 7 个工作日内", "长期公开、及时更新", "长期公开、及时更新",
                ])

            let coverage = try await client.getJSON("/api/v1/standard-catalog/coverage", token: office)
            #expect(coverage.status == .ok, "\(coverage.text)")
            #expect(Self.states(try coverage.json()) == ["gap", "covered", "covered", "no_record", "unmapped", "unchecked"])
            let first = (try coverage.json()["items"] as? [[String: Any]])?.first
            #expect(first?["lastPublished"] as? String == "2026-03-20" && first?["published"] as? Int == 1)

            // A unit below follows the commission's catalog and is checked on its own documents.
            let agencies = try await h.db.stores.agencies.all()
            let cdc = try #require(agencies.first { $0.kind == .subordinate })
            let county = try #require(agencies.first { $0.kind == .county })
            let units = try #require(try coverage.json()["units"] as? [[String: Any]])
            #expect(units.compactMap { $0["id"] as? Int } == [1, Int(cdc.id), Int(county.id)])
            let cdcView = try await client.getJSON("/api/v1/standard-catalog/coverage?unit=\(cdc.id)", token: office)
            #expect(Self.states(try cdcView.json()) == ["gap", "no_record", "overdue", "no_record", "unmapped", "unchecked"])
            _ = try await h.env.userAdministration.create(
                agencyID: cdc.id, departmentID: nil, username: "cdc-office", displayName: "疾控中心公开办", password: Harness.password,
                roles: [.officeAdmin], by: AuditActor(agencyID: nil, userID: nil, name: "system", address: "local"))
            let unit = try await client.token("cdc-office")
            let inherited = try await client.getJSON("/api/v1/standard-catalog", token: unit)
            #expect(try inherited.status == .ok && (inherited.json()["inherited"] as? Bool) == true)
            #expect(try await client.getJSON("/api/v1/standard-catalog/coverage?unit=1", token: unit).status == .notFound)
            #expect(try await client.getJSON("/api/v1/standard-catalog/coverage?unit=\(county.id)", token: unit).status == .notFound)
            let notOwn = try await client.postJSON(
                "/api/v1/standard-catalog/mapping", #"{"items":[{"id":5,"categories":["机构信息"]}]}"#, token: unit, method: .put)
            #expect(notOwn.status == .conflict)

            // Mapping: one bad name refuses the whole change; a good one turns "unmapped" into a gap.
            let bad = try await client.postJSON(
                "/api/v1/standard-catalog/mapping", #"{"items":[{"id":4,"categories":[]},{"id":5,"categories":["机构信息","领导之窗"]}]}"#,
                token: office, method: .put)
            #expect(bad.status == .unprocessableContent && bad.errorField == "item-5")
            let unchanged = try await client.getJSON("/api/v1/standard-catalog", token: office)
            #expect((try unchanged.json()["items"] as? [[String: Any]])?[3]["categories"] as? [String] == ["licensing"])
            let mapped = try await client.postJSON(
                "/api/v1/standard-catalog/mapping", #"{"items":[{"id":5,"categories":["机构信息"]}]}"#, token: office, method: .put)
            #expect(mapped.status == .ok, "\(mapped.text)")
            let after = try await client.getJSON("/api/v1/standard-catalog/coverage", token: office)
            #expect(Self.states(try after.json()) == ["gap", "covered", "covered", "no_record", "gap", "unchecked"])
            #expect(
                try await client.postJSON(
                    "/api/v1/standard-catalog/mapping", #"{"items":[{"id":99,"categories":[]}]}"#, token: office, method: .put
                )
                .status == .unprocessableContent)

            // A new version without a 对应栏目 column keeps every mapping.
            let reloaded = try await load(client, try Self.sheet(mapped: false), title: "标准目录（修订）", token: office)
            #expect(reloaded.status == .created)
            #expect(
                (try reloaded.json()["items"] as? [[String: Any]])?.map { $0["categories"] as? [String] ?? [] } == [
                    ["policy"], ["supervision"], ["other"], ["licensing"], ["organization"], [],
                ])

            // Files that are not a catalog are refused and change nothing.
            let notSheet = try await load(client, Data([0x00, 0x01, 0x02]), title: "x", token: office)
            #expect(notSheet.status == .unprocessableContent && notSheet.errorField == "file")
            let noHeader = try await load(
                client, try OfficeWriter.xlsx(sheet: "s", rows: [["事项", "说明"], ["a", "b"]]), title: "x", token: office)
            #expect(noHeader.status == .unprocessableContent && noHeader.text.contains("公开时限"))
            let noTitle = try await load(client, try Self.sheet(mapped: true), title: "", token: office)
            #expect(noTitle.status == .unprocessableContent && noTitle.errorField == "title")
            #expect((try await client.getJSON("/api/v1/standard-catalog", token: office).json()["title"] as? String) == "标准目录（修订）")
            #expect(try await client.getJSON("/api/v1/standard-catalog", token: try await client.token("drafter")).status == .forbidden)
            let audit = try await h.db.stores.audit.search(AuditFilter(recordType: "standard_catalog"), limit: 50, offset: 0).map(\.action)
            #expect(audit.filter { $0 == "standard_catalog.load" }.count == 2 && audit.filter { $0 == "standard_catalog.map" }.count == 1)
        }
    }

    @Test func consoleFormsMarkTheirErrors() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let cookies = try await client.signInWithForm("office")
            let csrf = try await client.csrfToken(on: "/console/standard", cookies: cookies)
            let empty = try await client.getPage("/console/standard", cookies: cookies)
            #expect(empty.status == .ok && empty.text.contains("尚未导入标准目录") && empty.text.contains("导入标准目录"))
            let refused = try await client.postFile(
                "/console/standard", fileName: "目录.xlsx", data: try Self.sheet(mapped: true), fields: [("_csrf", csrf), ("title", "")],
                cookies: cookies)
            #expect(refused.status == .unprocessableContent && refused.text.contains("field has-error") && refused.text.contains("请填写目录名称"))
            let ok = try await client.postFile(
                "/console/standard", fileName: "目录.xlsx", data: try Self.sheet(mapped: true), fields: [("_csrf", csrf), ("title", "标准目录")],
                cookies: cookies)
            #expect(ok.status == .ok && ok.text.contains("已导入《标准目录》，共 6 项。还有 1 项主动公开事项未对应栏目"))
            #expect(ok.text.contains("周期内未公开") && ok.text.contains("规范性文件") && ok.text.contains("示范市疾病预防控制中心"))
            let problems = try await client.getPage("/console/standard?unit=1&problems=1", cookies: cookies)
            #expect(problems.text.contains("规范性文件") && !problems.text.contains("监督执法通知"))

            let form = try await client.getPage("/console/standard/mapping", cookies: cookies)
            #expect(form.status == .ok && form.text.contains(#"name="item-1" value="政策文件""#))
            let wrong = try await client.postForm(
                "/console/standard/mapping", [("_csrf", csrf), ("item-5", "领导之窗"), ("item-1", "政策文件、政策解读")], cookies: cookies)
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("“领导之窗”不是本机关的分类或专栏"))
            #expect(wrong.text.contains(#"name="item-5" value="领导之窗""#) && wrong.text.contains(#"name="item-1" value="政策文件、政策解读""#))
            let saved = try await client.postForm("/console/standard/mapping", [("_csrf", csrf), ("item-5", "机构信息")], cookies: cookies)
            #expect(saved.status == .ok && saved.text.contains("已保存对应栏目") && saved.text.contains(#"name="item-5" value="机构信息""#))
        }
    }
}
