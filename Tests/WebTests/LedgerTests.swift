import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web
import ZIPFoundation

@testable import Services

/// Task ledgers over HTTP: import, rounds, reports and review, closure, the public page,
/// deductions and the carry-over.
@Suite struct LedgerTests {
    static let ledger = """
        \t一、抓好重点领域公开

        \t序号
        \t重点工作
        \t主要内容
        \t量化指标
        \t责任科室（单位）
        \t完成时限
        \t进展落实情况

        \t1
        \t做好托育服务信息公开。
        \t公开托育机构备案名单。
        \t按季度更新
        \t办公室
        \t10月
        \t

        \t2
        \t做好医疗服务信息公开。
        \t公开医疗机构名录。
        \t全年更新
        \t政策法规科、人口家庭科
        \t长期坚持
        \t
        """

    /// A department's reporter (the demo accounts have no department).
    static func reporter(_ h: Harness, department: String, username: String) async throws -> StaffUser {
        let root = try #require(try await h.db.stores.agencies.root())
        let d = try #require(try await h.db.stores.agencies.departments(of: root.id).first { $0.name == department })
        return try await h.env.userAdministration.create(
            agencyID: root.id, departmentID: d.id, username: username, displayName: "\(department)填报人", password: Harness.password,
            roles: [.drafter], by: AuditActor(agencyID: root.id, userID: nil, name: "test", address: "127.0.0.1"))
    }

    static func importLedger(_ client: any TestClientProtocol, _ token: String, _ text: String = ledger, year: String = "2026") async throws
        -> TestResponse
    {
        try await client.execute(
            uri: "/api/v1/ledgers/import?year=\(year)", method: .post,
            headers: [.contentType: "text/plain; charset=utf-8", .authorization: "Bearer \(token)"], body: ByteBuffer(string: text))
    }

    @Test(arguments: Harness.kinds) func importReportReviewAndClose(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        _ = try await Self.reporter(h, department: "办公室", username: "bgs")
        _ = try await Self.reporter(h, department: "医政医管科", username: "yzk")
        try await h.run { client in
            let office = try await client.token("office")
            // Only the office imports; a document with no tasks is refused.
            #expect(try await Self.importLedger(client, try await client.token("drafter")).status == .forbidden)
            #expect(try await Self.importLedger(client, office, "关于召开会议的通知\n请准时参加。").status == .unprocessableContent)
            #expect(try await Self.importLedger(client, office, year: "x").errorField == "year")
            let imported = try await Self.importLedger(client, office)
            #expect(imported.status == .created, "\(imported.text)")
            let json = try imported.json()
            let planID = try #require(json["id"] as? Int)
            let sections = try #require(json["sections"] as? [[String: Any]])
            let tasks = try #require(sections.first?["tasks"] as? [[String: Any]])
            #expect(tasks.map { $0["title"] as? String } == ["做好托育服务信息公开", "做好医疗服务信息公开"])
            #expect(tasks.first?["deadline"] as? String == "2026-10-31" && tasks.last?["deadline"] as? String == "ongoing")
            #expect(tasks.last?["responsible"] as? [String] == ["政策法规科", "人口家庭科"])
            #expect(json["unmatchedUnits"] as? [String] == ["人口家庭科"])  // kept by name and shown, not dropped
            let taskID = try #require(tasks.first?["id"] as? Int)
            // The office matches the unknown name to a department; the task follows.
            let root = try #require(try await h.db.stores.agencies.root())
            let rk = try #require(try await h.db.stores.agencies.departments(of: root.id).first { $0.name == "人事科" })
            #expect(
                try await client.postJSON("/api/v1/ledgers/\(planID)/units", #"{"name":"人口家庭科"}"#, token: office).errorField
                    == "departmentId")
            let matched = try await client.postJSON(
                "/api/v1/ledgers/\(planID)/units", #"{"name":"人口家庭科","departmentId":\#(rk.id)}"#, token: office)
            #expect(try matched.json()["changed"] as? Int == 1)
            #expect(
                try await client.postJSON("/api/v1/ledgers/\(planID)/units", #"{"name":"人口家庭科","departmentId":\#(rk.id)}"#, token: office)
                    .status == .conflict)
            let doc = try #require(try await h.db.stores.catalog.list(agencyID: root.id, statuses: [.published], limit: 1, offset: 0).first)
            #expect(
                try await client.postJSON("/api/v1/ledgers/\(planID)/document", #"{"documentId":\#(doc.id)}"#, token: office).status == .ok)
            #expect(try await client.getJSON("/api/v1/public/ledgers/\(planID)").json()["documentId"] as? Int == Int(doc.id))

            // A round, then the responsible department reports; another department may not.
            #expect(
                try await client.postJSON("/api/v1/ledgers/\(planID)/rounds", #"{"title":"9月底","dueOn":""}"#, token: office).errorField
                    == "dueOn")
            let round = try await client.postJSON(
                "/api/v1/ledgers/\(planID)/rounds", #"{"title":"9月底进展","dueOn":"2026-09-30"}"#, token: office)
            #expect(round.status == .created)
            let roundID = try #require(try round.json()["id"] as? Int)
            let bgs = try await client.token("bgs")
            let body = #"{"roundId":\#(roundID),"text":"已公开第三季度名单","percent":60,"state":"on_track"}"#
            #expect(
                try await client.postJSON("/api/v1/ledger-tasks/\(taskID)/reports", body, token: try await client.token("yzk")).status
                    == .forbidden)
            #expect(
                try await client.postJSON(
                    "/api/v1/ledger-tasks/\(taskID)/reports", #"{"roundId":\#(roundID),"text":"完成","percent":100,"state":"done"}"#,
                    token: bgs
                ).errorField == "evidence")
            let reported = try await client.postJSON("/api/v1/ledger-tasks/\(taskID)/reports", body, token: bgs)
            #expect(reported.status == .created, "\(reported.text)")
            let reportID = try #require(try reported.json()["id"] as? Int)
            #expect(try await client.postJSON("/api/v1/ledger-tasks/\(taskID)/reports", body, token: bgs).status == .conflict)

            // Unreviewed text never reaches the public.
            let before = try await client.getJSON("/api/v1/public/ledgers/\(planID)")
            #expect(before.status == .ok && !before.text.contains("已公开第三季度名单"))

            // Returning needs a comment; the unit reports again; the office accepts.
            #expect(
                try await client.postJSON("/api/v1/ledger-reports/\(reportID)/review", #"{"decision":"return"}"#, token: office).errorField
                    == "comment")
            #expect(
                try await client.postJSON(
                    "/api/v1/ledger-reports/\(reportID)/review", #"{"decision":"return","comment":"请附名单链接"}"#, token: office
                ).status == .ok)
            let again = try await client.postJSON(
                "/api/v1/ledger-tasks/\(taskID)/reports",
                #"{"roundId":\#(roundID),"text":"名单已公开","percent":100,"state":"done","evidence":["/documents/1"]}"#, token: bgs)
            #expect(again.status == .created, "\(again.text)")
            let againID = try #require(try again.json()["id"] as? Int)
            #expect(
                try await client.postJSON("/api/v1/ledger-reports/\(againID)/review", #"{"decision":"accept"}"#, token: bgs).status
                    == .forbidden)
            #expect(
                try await client.postJSON("/api/v1/ledger-reports/\(againID)/review", #"{"decision":"accept"}"#, token: office).status
                    == .ok)
            #expect(
                try await client.postJSON("/api/v1/ledger-reports/\(againID)/review", #"{"decision":"accept"}"#, token: office).status
                    == .conflict)

            // Accepted "done" with evidence closes the task (销号); the public sees it.
            let plan = try await client.getJSON("/api/v1/ledgers/\(planID)", token: office).json()
            let first = ((plan["sections"] as? [[String: Any]])?.first?["tasks"] as? [[String: Any]])?.first
            #expect(first?["status"] as? String == "closed" && first?["progress"] as? Int == 100)
            let after = try await client.getJSON("/api/v1/public/ledgers/\(planID)")
            #expect(after.text.contains("名单已公开") && !after.text.contains("请附名单链接"))
            #expect(try await client.getPage("/plans").text.contains("/plans/\(planID)"))
            let page = try await client.getPage("/plans/\(planID)")
            #expect(page.status == .ok && page.text.contains("<progress") && page.text.contains("名单已公开"))
            #expect(try await client.postJSON("/api/v1/ledger-tasks/\(taskID)/reports", body, token: bgs).status == .conflict)

            // The register exports as Word and Excel; the Word file imports back to the same tasks.
            let word = try await client.getJSON("/api/v1/ledgers/\(planID)/export?format=docx", token: office)
            #expect(word.status == .ok && word.headers[.contentType]?.contains("wordprocessingml") == true)
            let again2 = try await client.execute(
                uri: "/api/v1/ledgers/import?year=2026", method: .post,
                headers: [
                    .contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    .authorization: "Bearer \(office)",
                ],
                body: word.body)
            let reread = (try again2.json()["sections"] as? [[String: Any]])?.first?["tasks"] as? [[String: Any]]
            #expect(reread?.map { $0["title"] as? String } == ["做好托育服务信息公开", "做好医疗服务信息公开"])
            #expect(reread?.first?["deadline"] as? String == "2026-10-31")
            let excel = try await client.getJSON("/api/v1/ledgers/\(planID)/export?format=xlsx", token: office)
            let sheet = try #require(try Archive(data: Data(buffer: excel.body), accessMode: .read)["xl/worksheets/sheet1.xml"])
            var xml = Data()
            _ = try Archive(data: Data(buffer: excel.body), accessMode: .read).extract(sheet) { xml.append($0) }
            let sheetText = String(decoding: xml, as: UTF8.self)
            #expect(sheetText.contains("做好托育服务信息公开") && sheetText.contains("【已销号】名单已公开（100%）"))
            #expect(try await client.getJSON("/api/v1/ledgers/\(planID)/export?format=pdf", token: office).errorField == "format")

            // 督办 on the open task.
            let openID = try #require(tasks.last?["id"] as? Int)
            #expect(
                try await client.postJSON("/api/v1/ledger-tasks/\(openID)/supervise", #"{"text":""}"#, token: office).errorField == "text")
            #expect(
                try await client.postJSON("/api/v1/ledger-tasks/\(openID)/supervise", #"{"text":"请于10月底前报送"}"#, token: office).status
                    == .created)

            // Past the round and the year: the unit that never reported loses points; carry-over and summary.
            h.clock.advance(120 * 86400)
            let office2 = try await client.token("office")
            let deductions =
                try await client.getJSON("/api/v1/ledgers/\(planID)/deductions", token: office2).json()["items"] as? [[String: Any]]
            #expect(Set(deductions?.map { $0["unit"] as? String } ?? []) == ["政策法规科", "人事科"])
            #expect(deductions?.first?["points"] as? Double == 4)  // no report in the round (2), unfinished at the year end (2)
            #expect(deductions?.contains { $0["unit"] as? String == "办公室" } == false)
            let carried = try await client.postJSON("/api/v1/ledgers/\(planID)/carry-over", "{}", token: office2).json()
            #expect(carried["carried"] as? Int == 1 && carried["year"] as? Int == 2027)
            #expect(try await client.postJSON("/api/v1/ledgers/\(planID)/carry-over", "{}", token: office2).json()["carried"] as? Int == 0)
            let summary = try await client.getJSON("/api/v1/ledgers/\(planID)/summary", token: office2).json()["text"] as? String
            #expect(summary?.contains("共 2 项重点任务，已完成（销号）1 项") == true)
            #expect(try await h.db.stores.audit.count(AuditFilter(action: "ledger.accept")) == 1)
        }
    }

    @Test func aDocxLedgerImportsFromItsTable() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#
            func cell(_ t: String) -> String { "<w:tc><w:p><w:r><w:t>\(t)</w:t></w:r></w:p></w:tc>" }
            func row(_ cells: [String]) -> String { "<w:tr>" + cells.map(cell).joined() + "</w:tr>" }
            let table =
                "<w:tbl>" + row(["序号", "重点工作", "主要内容", "量化指标", "责任单位", "完成时限"])
                + row(["1", "规范依申请公开办理", "严格按法定时限答复。", "按时答复率100%", "办公室", "11月"]) + "</w:tbl>"
            let xml = #"<w:document \#(w)><w:body><w:p><w:r><w:t>一、规范平台建设</w:t></w:r></w:p>\#(table)</w:body></w:document>"#
            let archive = try Archive(data: Data(), accessMode: .create)
            let data = Data(xml.utf8)
            try archive.addEntry(
                with: "word/document.xml", type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { (position: Int64, size: Int) in data.subdata(in: Int(position)..<(Int(position) + size)) })
            let r = try await client.execute(
                uri: "/api/v1/ledgers/import?year=2026", method: .post,
                headers: [
                    .contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    .authorization: "Bearer \(try await client.token("office"))",
                ],
                body: ByteBuffer(data: archive.data!))
            #expect(r.status == .created, "\(r.text)")
            let sections = try r.json()["sections"] as? [[String: Any]]
            #expect(sections?.first?["title"] as? String == "规范平台建设")
            let task = (sections?.first?["tasks"] as? [[String: Any]])?.first
            #expect(task?["title"] as? String == "规范依申请公开办理" && task?["deadline"] as? String == "2026-11-30")
            #expect(task?["indicator"] as? String == "按时答复率100%")
        }
    }

    @Test func theConsoleImportsAndTheUnitReports() async throws {
        let h = try await Harness.make("sqlite")
        _ = try await Self.reporter(h, department: "办公室", username: "bgs")
        try await h.run { client in
            let office = try await client.signInWithForm("office")
            let csrf = try await client.csrfToken(on: "/console/ledgers", cookies: office)
            let none = try await client.postFile(
                "/console/ledgers/import", fileName: "a.txt", data: Data("没有任务".utf8), fields: [("_csrf", csrf), ("year", "2026")],
                cookies: office)
            #expect(none.status == .unprocessableContent && none.text.contains("没有读出任何任务"))
            let imported = try await client.postFile(
                "/console/ledgers/import", fileName: "台账.txt", data: Data(Self.ledger.utf8), fields: [("_csrf", csrf), ("year", "2026")],
                cookies: office)
            #expect(imported.status == .ok && imported.text.contains("已导入 2 项任务") && imported.text.contains("人口家庭科"))
            let root = try #require(try await h.db.stores.agencies.root())
            let plan = try #require(try await h.db.stores.ledgers.plans(agencyID: root.id).first)
            let rounds = try await client.postForm(
                "/console/ledgers/\(plan.id)/rounds", [("_csrf", csrf), ("title", "9月底进展"), ("dueOn", "2026-09-25")], cookies: office)
            #expect(rounds.status == .ok && rounds.text.contains("已设置报送轮次"))
            let bgs = try await client.signInWithForm("bgs")
            let unitCSRF = try await client.csrfToken(on: "/console/ledgers/\(plan.id)", cookies: bgs)
            #expect(try await client.getPage("/console/ledgers/\(plan.id)", cookies: bgs).text.contains("本单位的任务（1）"))
            let home = try await client.getPage("/console", cookies: bgs)
            #expect(home.text.contains("1 项任务待报送（9月底进展）"))  // the round is due within seven days
            let task = try #require(try await h.db.stores.ledgers.tasks(planID: plan.id).first)
            let round = try #require(try await h.db.stores.ledgers.rounds(planID: plan.id).first)
            let bad = try await client.postForm(
                "/console/ledgers/\(plan.id)/tasks/\(task.id)/report",
                [("_csrf", unitCSRF), ("roundId", String(round.id)), ("state", "on_track"), ("percent", "50"), ("text", "")], cookies: bgs)
            #expect(bad.status == .unprocessableContent && bad.text.contains("请填写进展落实情况"))
            let ok = try await client.postForm(
                "/console/ledgers/\(plan.id)/tasks/\(task.id)/report",
                [("_csrf", unitCSRF), ("roundId", String(round.id)), ("state", "on_track"), ("percent", "50"), ("text", "名单已更新")],
                cookies: bgs)
            #expect(ok.status == .ok && ok.text.contains("进展已报送"))
            #expect(!(try await client.getPage("/console", cookies: bgs).text.contains("项任务待报送")))
            #expect(try await client.getPage("/console", cookies: office).text.contains("1 份进展报送待审核"))
            // More evidence through the API: a PDF goes in, a program does not.
            let bgsToken = try await client.token("bgs")
            func attach(_ name: String, _ data: Data) async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/v1/ledger-reports/1/files?name=\(name)", method: .post,
                    headers: [.contentType: "application/octet-stream", .authorization: "Bearer \(bgsToken)"], body: ByteBuffer(data: data))
            }
            #expect(try await attach("a.exe", Data([0x4D, 0x5A, 0, 1])).errorField == "file")
            #expect(try await attach("notice.pdf", AttachmentTests.pdf).status == .created)
            let review = try await client.getPage("/console/ledgers/\(plan.id)", cookies: office)
            #expect(review.text.contains("notice.pdf"))
            let file = try #require(try await h.db.stores.ledgers.files(planID: plan.id).first)
            let downloaded = try await client.getPage("/console/ledgers/\(plan.id)/files/\(file.id)", cookies: office)
            #expect(downloaded.status == .ok && Data(buffer: downloaded.body) == AttachmentTests.pdf)
            let reviewed = try await client.postForm(
                "/console/ledgers/\(plan.id)/reports/1/review", [("_csrf", csrf), ("decision", "accept"), ("comment", "")], cookies: office)
            #expect(reviewed.status == .ok && reviewed.text.contains("已通过"))
            #expect(try await h.db.stores.ledgers.task(id: task.id)?.progress == 50)
            #expect(try await attach("late.pdf", AttachmentTests.pdf).status == .conflict)

            // "Done" with an uploaded file instead of a link, in the console's multipart form.
            let second = try #require(try await h.db.stores.ledgers.tasks(planID: plan.id).last)
            let other = try await client.postFile(
                "/console/ledgers/\(plan.id)/tasks/\(second.id)/report", fileName: "名单.pdf", data: AttachmentTests.pdf,
                fields: [("_csrf", unitCSRF), ("roundId", String(round.id)), ("state", "done"), ("percent", "100"), ("text", "已完成")],
                cookies: bgs)
            #expect(other.status == .forbidden)  // 办公室 is not responsible for the second task
            _ = try await client.postForm(
                "/console/ledgers/\(plan.id)/rounds", [("_csrf", csrf), ("title", "10月底进展"), ("dueOn", "2026-10-30")], cookies: office)
            let october = try #require(try await h.db.stores.ledgers.rounds(planID: plan.id).last)
            let done = try await client.postFile(
                "/console/ledgers/\(plan.id)/tasks/\(task.id)/report", fileName: "名单.pdf", data: AttachmentTests.pdf,
                fields: [("_csrf", unitCSRF), ("roundId", String(october.id)), ("state", "done"), ("percent", "100"), ("text", "已完成")],
                cookies: bgs)
            #expect(done.status == .ok, "\(done.text.prefix(300))")
            #expect(try await h.db.stores.ledgers.files(planID: plan.id).map(\.fileName).contains("名单.pdf"))
            let closing = try #require(try await h.db.stores.ledgers.reports(planID: plan.id).last)
            _ = try await client.postForm(
                "/console/ledgers/\(plan.id)/reports/\(closing.id)/review", [("_csrf", csrf), ("decision", "accept")], cookies: office)
            #expect(try await h.db.stores.ledgers.task(id: task.id)?.status == .closed)
        }
    }

    @Test func subTasksRollUpByWeight() async throws {
        let h = try await Harness.make("sqlite")
        _ = try await Self.reporter(h, department: "办公室", username: "bgs")
        try await h.run { client in
            let office = try await client.token("office")
            let plan = "二、主要任务\n（一）深化财政信息公开。（责任领导：张三，责任单位：办公室）\n一是公开部门预算；二是公开三公经费。"
            let imported = try await Self.importLedger(client, office, plan)
            let tasks = try #require((try imported.json()["sections"] as? [[String: Any]])?.first?["tasks"] as? [[String: Any]])
            #expect(tasks.map { $0["number"] as? String } == ["一", "一.1", "一.2"])
            let planID = try #require(try imported.json()["id"] as? Int)
            let parent = try #require(tasks[0]["id"] as? Int)
            let first = try #require(tasks[1]["id"] as? Int)
            #expect(
                try await client.postJSON("/api/v1/ledger-tasks/\(first)", #"{"weight":0}"#, token: office, method: .put).errorField
                    == "weight")
            #expect(
                try await client.postJSON("/api/v1/ledger-tasks/\(first)", #"{"deadline":"soon"}"#, token: office, method: .put).errorField
                    == "deadline")
            let edited = try await client.postJSON(
                "/api/v1/ledger-tasks/\(first)", #"{"weight":3,"deadline":"2026-12-15"}"#, token: office, method: .put)
            #expect(edited.status == .ok, "\(edited.text)")
            let round = try await client.postJSON(
                "/api/v1/ledgers/\(planID)/rounds", #"{"title":"年底","dueOn":"2026-12-31"}"#, token: office)
            let roundID = try #require(try round.json()["id"] as? Int)
            let report = try await client.postJSON(
                "/api/v1/ledger-tasks/\(first)/reports",
                #"{"roundId":\#(roundID),"text":"预算已公开","percent":100,"state":"done","evidence":["/documents/1"]}"#,
                token: try await client.token("bgs"))
            #expect(report.status == .created, "\(report.text)")
            let rid = try #require(try report.json()["id"] as? Int)
            _ = try await client.postJSON("/api/v1/ledger-reports/\(rid)/review", #"{"decision":"accept"}"#, token: office)
            // The first sub-task weighs 3 of 4: the parent stands at 75% and stays open.
            let stored = try #require(try await h.db.stores.ledgers.task(id: Int64(parent)))
            #expect(stored.progress == 75 && stored.status == .open)
        }
    }

    @Test func subordinateUnitsReportOnTheCommissionsLedger() async throws {
        let h = try await Harness.make("sqlite")
        let cdc = try #require(try await h.db.stores.agencies.all().first { $0.name == "示范市疾病预防控制中心" })
        _ = try await h.env.userAdministration.create(
            agencyID: cdc.id, departmentID: nil, username: "cdc-drafter", displayName: "疾控中心填报人", password: Harness.password,
            roles: [.drafter],
            by: AuditActor(agencyID: cdc.id, userID: nil, name: "test", address: "127.0.0.1"))
        try await h.run { client in
            let office = try await client.token("office")
            let text = Self.ledger.replacingOccurrences(of: "\t政策法规科、人口家庭科", with: "\t委属各单位")
            let imported = try await Self.importLedger(client, office, text)
            let planID = try #require(try imported.json()["id"] as? Int)
            let tasks = try #require((try imported.json()["sections"] as? [[String: Any]])?.first?["tasks"] as? [[String: Any]])
            let round = try await client.postJSON(
                "/api/v1/ledgers/\(planID)/rounds", #"{"title":"9月底","dueOn":"2026-09-25"}"#, token: office)
            let roundID = try #require(try round.json()["id"] as? Int)
            let cdcToken = try await client.token("cdc-drafter")
            #expect(try await client.getJSON("/api/v1/ledgers/\(planID)", token: cdcToken).status == .ok)
            let body = #"{"roundId":\#(roundID),"text":"疫情概况按月发布","percent":80,"state":"on_track"}"#
            // The CDC is not responsible for the first task (办公室), only for the second (委属各单位).
            let first = try #require(tasks.first?["id"] as? Int)
            let second = try #require(tasks.last?["id"] as? Int)
            #expect(try await client.postJSON("/api/v1/ledger-tasks/\(first)/reports", body, token: cdcToken).status == .forbidden)
            let reported = try await client.postJSON("/api/v1/ledger-tasks/\(second)/reports", body, token: cdcToken)
            #expect(reported.status == .created, "\(reported.text)")
            #expect(try reported.json()["unit"] as? String == "示范市疾病预防控制中心")
            // Its console lists the commission's ledger; the office reviews as usual.
            let cookies = try await client.signInWithForm("cdc-drafter")
            #expect(try await client.getPage("/console/ledgers", cookies: cookies).text.contains("/console/ledgers/\(planID)"))
            let rid = try #require(try reported.json()["id"] as? Int)
            #expect(
                try await client.postJSON("/api/v1/ledger-reports/\(rid)/review", #"{"decision":"accept"}"#, token: cdcToken).status
                    == .forbidden)
            #expect(
                try await client.postJSON("/api/v1/ledger-reports/\(rid)/review", #"{"decision":"accept"}"#, token: office).status == .ok)
        }
    }
}
