import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Services
@testable import Web

/// Handling a request after intake: letters, fees, assignment, transfer, deliveries, Art. 44,
/// appeals, the outbox and the console's pages.
@Suite struct RequestHandlingTests {
    static func intake(
        name: String = "张三", idNumber: String = "11010519491231002X", description: String = "2025年本市托育机构备案名单",
        channel: String = "letter", receivedOn: String = "2026-09-01", email: String = "zhang@example.com"
    ) -> String {
        #"{"applicant":{"type":"natural_person","name":"\#(name)","idNumber":"\#(idNumber)","phone":"13800000000","email":"\#(email)"},"description":"\#(description)","delivery":"email","channel":"\#(channel)","receivedOn":"\#(receivedOn)"}"#
    }

    /// Registers a request as the handler and returns its id.
    static func register(_ client: any TestClientProtocol, _ token: String, _ body: String = intake()) async throws -> Int {
        let r = try await client.postJSON("/api/v1/requests", body, token: token)
        guard r.status == .created, let id = try r.json()["id"] as? Int else { throw TestFailure("register: \(r.status) \(r.text)") }
        return id
    }

    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    @Test(arguments: Harness.kinds) func lettersAreDraftedEditedNumberedAndKept(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let handler = try await client.token("handler")
            let id = try await Self.register(client, handler)
            func post(_ path: String, _ body: String, method: HTTPRequest.Method = .post) async throws -> TestResponse {
                try await client.postJSON(path, body, token: handler, method: method)
            }
            // The template needs what only the handler knows.
            #expect(try await post("/api/v1/requests/\(id)/letter", #"{"outcome":"disclosed.already_public"}"#).errorField == "publishedAt")
            let drafted = try await post(
                "/api/v1/requests/\(id)/letter", #"{"outcome":"disclosed.already_public","publishedAt":"本委网站政府信息公开专栏"}"#)
            #expect(drafted.status == .created, "\(drafted.text)")
            let body = try #require(try drafted.json()["body"] as? String)
            #expect(body.hasPrefix("张三：") && body.contains("本委网站政府信息公开专栏") && body.contains("第三十六条第（一）项"))
            #expect(body.contains("六十日内") && body.contains("行政诉讼"))
            #expect(try drafted.json()["number"] == nil)

            // Edits keep the remedies; a letter without them is refused.
            #expect(try await post("/api/v1/requests/\(id)/letter", #"{"body":"只有一句"}"#, method: .put).errorField == "body")
            let edited = body.replacingOccurrences(of: "特此告知。", with: "附：托育机构备案名单的网址。\n\n特此告知。")
            let bodyJSON = String(decoding: try JSONEncoder().encode(["body": edited]), as: UTF8.self)
            #expect(try await post("/api/v1/requests/\(id)/letter", bodyJSON, method: .put).status == .ok)

            // The reply must agree with the draft; then the letter is numbered and frozen.
            #expect(
                try await post("/api/v1/requests/\(id)/reply", #"{"outcome":"disclosed","repliedOn":"2026-09-15"}"#).status == .conflict)
            let replied = try await post("/api/v1/requests/\(id)/reply", #"{"repliedOn":"2026-09-15"}"#)
            #expect(replied.status == .ok, "\(replied.text)")
            #expect(try replied.json()["letterNumber"] as? String == "示范市卫生健康委员会依申请公开答复〔2026〕1号")
            #expect(try replied.json()["outcome"] as? String == "disclosed.already_public")
            #expect(try await post("/api/v1/requests/\(id)/letter", bodyJSON, method: .put).status == .conflict)
            let letter = try await client.getJSON("/api/v1/requests/\(id)/letter", token: handler).json()
            #expect(letter["status"] as? String == "sent")
            let html = try await client.getJSON(try #require(letter["htmlURL"] as? String), token: handler)
            #expect(html.text.contains("托育机构备案名单的网址") && html.text.contains("〔2026〕1号") && !html.text.contains("草稿"))

            // A second reply without a draft is written from the template and takes the next number.
            let second = try await Self.register(client, handler, Self.intake(name: "李四", idNumber: "110105198001010016"))
            let secondReply = try await post(
                "/api/v1/requests/\(second)/reply", #"{"outcome":"unavailable.not_held","repliedOn":"2026-09-16"}"#)
            #expect(try secondReply.json()["letterNumber"] as? String == "示范市卫生健康委员会依申请公开答复〔2026〕2号")
            let third = try await Self.register(client, handler, Self.intake(name: "王五", idNumber: "110105199002020026"))
            #expect(
                try await post("/api/v1/requests/\(third)/reply", #"{"outcome":"unavailable.other_agency","repliedOn":"2026-09-16"}"#)
                    .errorField == "responsibleAgency")
            #expect(try await h.db.stores.requests.find(id: Int64(third))?.status == .open)  // nothing half-written

            // The applicant gets the receipt and the letter by e-mail, through the outbox.
            let mail = try await h.db.stores.outbox.messages(requestID: Int64(id))
            #expect(mail.map(\.subject).contains { $0.contains("已收到") })
            #expect(mail.contains { $0.subject.contains("〔2026〕1号") && $0.body.contains("托育机构备案名单的网址") })

            // The PDF is printed by headless Chromium and kept: the second download is the same file.
            if h.env.pdfRenderer != nil || ProcessInfo.processInfo.environment["CI"] != nil {
                let url = try #require(letter["pdfURL"] as? String)
                let pdf = try await client.getJSON(url, token: handler)
                #expect(pdf.status == .ok, "\(pdf.text.prefix(200))")
                #expect(Array(Data(buffer: pdf.body).prefix(4)) == Array("%PDF".utf8))
                let again = try await client.getJSON(url, token: handler)
                #expect(Data(buffer: again.body) == Data(buffer: pdf.body))
                #expect(try await h.db.stores.letters.pdf(id: Int64(try #require(letter["id"] as? Int))) != nil)
            }
        }
    }

    @Test func feesAreNoticedPaidOrCloseTheRequest() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let handler = try await client.token("handler")
            func post(_ path: String, _ body: String) async throws -> TestResponse { try await client.postJSON(path, body, token: handler) }
            // Eleven requests of one applicant in September: the eleventh is charged 100 yuan per request.
            var ids: [Int] = []
            for day in 1...11 {
                ids.append(try await Self.register(client, handler, Self.intake(receivedOn: String(format: "2026-09-%02d", day))))
            }
            #expect(
                try await post("/api/v1/requests/\(ids[0])/fee-notice", #"{"basis":"per_request","noticeOn":"2026-09-10"}"#).status
                    == .conflict)
            let noticed = try await post("/api/v1/requests/\(ids[10])/fee-notice", #"{"basis":"per_request","noticeOn":"2026-09-14"}"#)
            #expect(noticed.status == .ok, "\(noticed.text)")
            #expect((try noticed.json()["dueExplanation"] as? String)?.contains("发出收费通知") == true)
            let stored = try #require(try await h.db.stores.requests.find(id: Int64(ids[10])))
            #expect(stored.handling.fee?.amountYuan == 100 && stored.handling.fee?.ordinal == 11)
            #expect(
                try await post("/api/v1/requests/\(ids[10])/fee-notice", #"{"basis":"per_volume","pages":40,"noticeOn":"2026-09-14"}"#)
                    .status == .conflict)
            #expect(
                try await post("/api/v1/requests/\(ids[10])/fee-paid", #"{"paidOn":"2026-09-15","paidYuan":90}"#).errorField == "paidYuan")
            let paid = try await post("/api/v1/requests/\(ids[10])/fee-paid", #"{"paidOn":"2026-09-15","receiptNumber":"No.0012"}"#)
            #expect(paid.status == .ok)
            #expect(try await h.db.stores.requests.find(id: Int64(ids[10]))?.handling.fee?.paidYuan == 100)
            let collected = try await client.getJSON("/api/v1/fees/collected?year=2026", token: handler).json()
            #expect(collected["amountYuan"] as? Int == 100 && collected["requests"] as? Int == 1)
            #expect(try await client.getJSON("/api/v1/fees/collected?year=2025", token: handler).json()["amountYuan"] as? Int == 0)
            #expect(try await client.getJSON("/api/v1/fees/collected?year=x", token: handler).errorField == "year")

            // Per volume: 40 pages cost (40 - 30) × 10 yuan. Unpaid, the request closes only after the window.
            let volume = try await post(
                "/api/v1/requests/\(ids[1])/fee-notice", #"{"basis":"per_volume","pages":40,"noticeOn":"2026-09-21"}"#)
            #expect(volume.status == .ok)
            #expect(try await h.db.stores.requests.find(id: Int64(ids[1]))?.handling.fee?.amountYuan == 100)
            #expect(
                try await post("/api/v1/requests/\(ids[1])/reply", #"{"outcome":"other.fee_unpaid","repliedOn":"2026-09-21"}"#).status
                    == .conflict)
            #expect(
                try await post("/api/v1/requests/\(ids[2])/reply", #"{"outcome":"other.fee_unpaid","repliedOn":"2026-09-21"}"#).status
                    == .conflict)
            h.clock.advance(40 * 86400)
            let fresh = try await client.token("handler")
            let lapsed = try await RequestDigest(env: h.env.services).lists(agencyID: stored.agencyID)
            #expect(lapsed.lapsed.map(\.id) == [Int64(ids[1])])
            let closed = try await client.postJSON(
                "/api/v1/requests/\(ids[1])/reply", #"{"outcome":"other.fee_unpaid","repliedOn":"2026-10-30"}"#, token: fresh)
            #expect(closed.status == .ok, "\(closed.text)")
        }
    }

    @Test(arguments: Harness.kinds) func assignmentTransferConsultationAndDelivery(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let handler = try await client.token("handler")
            func post(_ path: String, _ body: String) async throws -> TestResponse { try await client.postJSON(path, body, token: handler) }
            let id = try await Self.register(client, handler)
            let root = try #require(try await h.db.stores.agencies.root())
            let handlerUser = try #require(try await h.db.stores.users.find(username: "handler"))
            let drafter = try #require(try await h.db.stores.users.find(username: "drafter"))
            let department = try #require(try await h.db.stores.agencies.departments(of: root.id).first)
            #expect(try await post("/api/v1/requests/\(id)/assign", #"{"handlerId":\#(drafter.id)}"#).errorField == "handlerId")
            let assigned = try await post(
                "/api/v1/requests/\(id)/assign", #"{"handlerId":\#(handlerUser.id),"departmentId":\#(department.id)}"#)
            #expect(try assigned.json()["handlerId"] as? Int == Int(handlerUser.id))
            let mine = try await h.db.stores.requests.list(
                RequestFilter(agencyID: root.id, statuses: [.open], handlerID: handlerUser.id))
            #expect(mine.map(\.id) == [Int64(id)])

            // Internal consultation: asked, answered once.
            #expect(
                try await post("/api/v1/requests/\(id)/internal-consultations", #"{"department":"医政医管科","askedOn":"2026-09-02"}"#)
                    .errorField == "question")
            #expect(
                try await post(
                    "/api/v1/requests/\(id)/internal-consultations", #"{"department":"医政医管科","question":"是否掌握名单","askedOn":"2026-09-02"}"#
                ).status == .ok)
            #expect(
                try await post("/api/v1/requests/\(id)/internal-consultations/1/answer", #"{"answer":"掌握","answeredOn":"2026-09-03"}"#)
                    .status == .ok)
            #expect(
                try await post("/api/v1/requests/\(id)/internal-consultations/1/answer", #"{"answer":"掌握","answeredOn":"2026-09-03"}"#)
                    .status == .conflict)

            // Art. 35: a later date than the current due date.
            #expect(
                try await post("/api/v1/requests/\(id)/deferral", #"{"deferredTo":"2026-09-05","reason":"数量较大"}"#).errorField
                    == "deferredTo")
            let deferred = try await post("/api/v1/requests/\(id)/deferral", #"{"deferredTo":"2026-12-31","reason":"申请数量明显超过处理能力"}"#)
            #expect(try deferred.json()["dueOn"] as? String == "2026-12-31")

            // Deliveries need their proof.
            #expect(
                try await post("/api/v1/requests/\(id)/deliveries", #"{"method":"post","on":"2026-09-10"}"#).errorField == "trackingNumber")
            #expect(try await post("/api/v1/requests/\(id)/deliveries", #"{"method":"pickup","on":"2026-09-10"}"#).errorField == "signedBy")
            #expect(
                try await post(
                    "/api/v1/requests/\(id)/deliveries",
                    #"{"method":"post","on":"2026-09-10","trackingNumber":"EMS1234567890","item":"延期告知书"}"#
                ).status == .ok)
            #expect(try await h.db.stores.requests.find(id: Int64(id))?.handling.deliveries.first?.trackingNumber == "EMS1234567890")

            // Transfer to the CDC: the receipt date stays, the commission no longer sees it.
            let cdc = try #require(try await h.db.stores.agencies.all().first { $0.name == "示范市疾病预防控制中心" })
            #expect(try await post("/api/v1/requests/\(id)/transfer", #"{"agency":\#(root.id),"reason":"x"}"#).errorField == "agency")
            #expect(try await post("/api/v1/requests/\(id)/transfer", #"{"agency":\#(cdc.id)}"#).errorField == "reason")
            let moved = try await post("/api/v1/requests/\(id)/transfer", #"{"agency":\#(cdc.id),"reason":"该名单由疾控中心制作保存"}"#)
            #expect(moved.status == .ok, "\(moved.text)")
            #expect(try moved.json()["receivedOn"] as? String == "2026-09-01")
            let there = try #require(try await h.db.stores.requests.find(id: Int64(id)))
            #expect(there.agencyID == cdc.id && there.handling.handlerID == nil && there.handling.transfers.first?.fromAgency == root.name)
            #expect(try await client.getJSON("/api/v1/requests/\(id)", token: handler).status == .notFound)
            #expect(try await h.db.stores.audit.count(AuditFilter(action: "request.transfer")) == 2)  // one for each agency
        }
    }

    @Test func severalApplicantsForTheSameInformationSuggestActiveDisclosure() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let handler = try await client.token("handler")
            let a = try await Self.register(client, handler, Self.intake(description: "申请公开2025年本市托育机构备案名单"))
            let single = try await client.getJSON("/api/v1/requests/\(a)/similar", token: handler).json()
            #expect(single["applicants"] as? Int == 1 && single["suggestProactive"] as? Bool == false)
            _ = try await Self.register(
                client, handler, Self.intake(name: "李四", idNumber: "110105198001010016", description: "2025年托育机构备案名单"))
            _ = try await Self.register(
                client, handler, Self.intake(name: "张三", idNumber: "11010519491231002X", description: "本市托育机构备案名单（2025年）"))
            _ = try await Self.register(
                client, handler, Self.intake(name: "赵六", idNumber: "110105197003030032", description: "本市托育机构2025年备案名单"))
            _ = try await Self.register(
                client, handler, Self.intake(name: "孙七", idNumber: "110105198001010016", description: "2024年传染病疫情统计数据"))
            // The same applicant asking again does not count as another applicant.
            let similar = try await client.getJSON("/api/v1/requests/\(a)/similar", token: handler).json()
            #expect(similar["applicants"] as? Int == 3, "\(similar)")
            #expect(similar["suggestProactive"] as? Bool == true)
            #expect((similar["requests"] as? [Any])?.count == 2)
            let root = try #require(try await h.db.stores.agencies.root())
            let doc = try #require(try await h.db.stores.catalog.list(agencyID: root.id, statuses: [.published], limit: 1, offset: 0).first)
            #expect(
                try await client.postJSON("/api/v1/requests/\(a)/proactive", #"{"documentId":999999}"#, token: handler).errorField
                    == "documentId")
            let linked = try await client.postJSON("/api/v1/requests/\(a)/proactive", #"{"documentId":\#(doc.id)}"#, token: handler)
            #expect((try linked.json()["requestIds"] as? [Int])?.count == 3)
            #expect(try await client.getJSON("/api/v1/requests/\(a)/similar", token: handler).json()["suggestProactive"] as? Bool == false)
        }
    }

    @Test(arguments: Harness.kinds) func appealsFillTableFour(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let handler = try await client.token("handler")
            let id = try await Self.register(client, handler)
            func post(_ path: String, _ body: String) async throws -> TestResponse { try await client.postJSON(path, body, token: handler) }
            #expect(
                try await post("/api/v1/requests/\(id)/appeals", #"{"kind":"appeal","forum":"市政府","filedOn":"2026-09-10"}"#).errorField
                    == "kind")
            #expect(
                try await post("/api/v1/requests/\(id)/appeals", #"{"kind":"reconsideration","filedOn":"2026-09-10"}"#).errorField
                    == "forum")
            let filed = try await post(
                "/api/v1/requests/\(id)/appeals", #"{"kind":"reconsideration","forum":"示范市人民政府","filedOn":"2026-09-10"}"#)
            #expect(filed.status == .created)
            let aid = try #require(try filed.json()["id"] as? Int)
            _ = try await post(
                "/api/v1/requests/\(id)/appeals", #"{"kind":"litigation_direct","forum":"示范市中级人民法院","filedOn":"2026-09-11"}"#)
            #expect(try await post("/api/v1/appeals/\(aid)", #"{"result":"corrected","decidedOn":"2026-09-01"}"#).errorField == "decidedOn")
            #expect(try await post("/api/v1/appeals/\(aid)", #"{"result":"corrected","decidedOn":"2026-09-18"}"#).status == .ok)
            #expect(try await post("/api/v1/appeals/\(aid)", #"{"result":"upheld","decidedOn":"2026-09-18"}"#).status == .conflict)
            let table = try await client.getJSON("/api/v1/appeals?year=2026", token: handler).json()["table"] as? [[String: Any]]
            #expect(table?.first { $0["kind"] as? String == "reconsideration" }?["corrected"] as? Int == 1)
            #expect(table?.first { $0["kind"] as? String == "litigation_direct" }?["pending"] as? Int == 1)
            #expect(table?.first { $0["kind"] as? String == "litigation_after_reconsideration" }?["total"] as? Int == 0)
        }
    }

    @Test func theOutboxSendsThroughSMTPAndKeepsWhatFails() async throws {
        let server = try await FakeSMTPServer()
        let refusing = try await FakeSMTPServer(refuseRecipients: true)
        var settings = ServiceSettings(bcryptCost: 4)
        settings.smtp = SMTPSettings(host: "127.0.0.1", port: server.port, from: "gongkai@example.org")
        let h = try await Harness.make("sqlite", rules: settings)
        try await h.run { client in
            let handler = try await client.token("handler")
            let id = try await Self.register(client, handler)
            let sent = try await OutboxSender.deliver(env: h.env.services)
            #expect(sent.sent == 1 && sent.failed == 0)
            let message = try #require(server.messages.first)
            #expect(message.to == "RCPT TO:<zhang@example.com>")
            #expect(message.data.contains("Subject: =?UTF-8?B?") && message.data.contains("Content-Transfer-Encoding: base64"))
            let base64 = message.data.components(separatedBy: "\r\n\r\n").dropFirst().joined().replacingOccurrences(of: "\r\n", with: "")
            let text = String(decoding: Data(base64Encoded: base64) ?? Data(), as: UTF8.self)
            #expect(text.contains("张三") && text.contains("查询码"))
            #expect(try await h.db.stores.outbox.messages(requestID: Int64(id)).first?.sentAtMillis != nil)
            #expect(try await OutboxSender.deliver(env: h.env.services).sent == 0)  // nothing twice

            // A server that refuses: the message stays with its error and waits before the next try.
            var failing = h.env.services
            failing.settings.smtp = SMTPSettings(host: "127.0.0.1", port: refusing.port, from: "gongkai@example.org")
            let second = try await Self.register(client, handler, Self.intake(name: "李四", idNumber: "110105198001010016"))
            let result = try await OutboxSender.deliver(env: failing)
            #expect(result.failed == 1)
            let kept = try #require(try await h.db.stores.outbox.messages(requestID: Int64(second)).first)
            #expect(kept.sentAtMillis == nil && kept.attempts == 1 && kept.lastError?.contains("451") == true)
            #expect(try await OutboxSender.deliver(env: failing).failed == 0)  // not due yet
            h.clock.advance(120)
            #expect(try await OutboxSender.deliver(env: h.env.services).sent == 1)  // retried once the server takes mail
            #expect(server.messages.count == 2)
            // The office sees the outbox; a handler does not.
            let listed = try await client.getJSON("/api/v1/outbox", token: try await client.token("office")).json()
            #expect(listed["configured"] as? Bool == true)
            #expect((listed["items"] as? [[String: Any]])?.allSatisfy { $0["sent"] as? Bool == true } == true)
            #expect(try await client.getJSON("/api/v1/outbox", token: handler).status == .forbidden)
        }
        await server.stop()
        await refusing.stop()
    }

    @Test func theDailyDigestGoesToTheOfficeOnceADay() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let handler = try await client.token("handler")
            _ = try await Self.register(client, handler, Self.intake(receivedOn: "2026-08-03"))  // due in late August: overdue
            // 22:13 in China on the test clock: after eight, so today's digest is due.
            #expect(try await RequestDigest(env: h.env.services).queueIfDue() == 1)
            #expect(try await RequestDigest(env: h.env.services).queueIfDue() == 0)
            let root = try #require(try await h.db.stores.agencies.root())
            let digest = try #require(try await h.db.stores.outbox.list(agencyID: root.id, limit: 10).first { $0.subject.contains("每日待办") })
            #expect(digest.recipient == "gongkai@example.org" && digest.body.contains("已逾期（1 件）"))
        }
    }

    @Test func handlersWorkTheFileInTheConsole() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let cookies = try await client.signInWithForm("handler")
            let csrf = try await client.csrfToken(on: "/console/requests/new", cookies: cookies)
            // Register a letter at the counter; a bad identity number comes back marked, nothing stored.
            var fields: [(String, String)] = [
                ("_csrf", csrf), ("channel", "in_person"), ("receivedOn", "2026-09-18"), ("applicant.type", "natural_person"),
                ("applicant.name", "王五"), ("applicant.idNumber", "110105194912310022"), ("applicant.phone", "13900000000"),
                ("applicant.email", ""), ("applicant.address", "示范市人民路 2 号"), ("description", "本市医疗机构名录\r\n含地址"), ("purpose", ""),
                ("delivery", "pickup"),
            ]
            let refused = try await client.postForm("/console/requests/new", fields, cookies: cookies)
            #expect(refused.status == .unprocessableContent && refused.text.contains("applicant.idNumber-error"))
            fields[5] = ("applicant.idNumber", "110105199002020026")
            let registered = try await client.postForm("/console/requests/new", fields, cookies: cookies)
            #expect(registered.status == .ok && registered.text.contains("已登记，查询码"), "\(registered.text.prefix(300))")
            let root = try #require(try await h.db.stores.agencies.root())
            let r = try #require(try await h.db.stores.requests.list(RequestFilter(agencyID: root.id, statuses: [.open])).first)
            #expect(r.channel == .inPerson && r.clock.receivedOn == CivilDate(iso: "2026-09-18"))
            #expect(r.description == "本市医疗机构名录\n含地址")  // a textarea's CRLF is stored as LF

            let receipt = try await client.getPage("/console/requests/\(r.id)/receipt", cookies: cookies)
            #expect(receipt.status == .ok && receipt.text.contains(r.trackingCode) && receipt.text.contains("2026年9月18日"))
            let list = try await client.getPage("/console/requests", cookies: cookies)
            #expect(list.status == .ok && list.text.contains("今日待办") && list.text.contains(r.trackingCode))

            let path = "/console/requests/\(r.id)"
            let bad = try await client.postForm(
                "\(path)/extension",
                [("_csrf", csrf), ("workdays", "30"), ("reason", "x"), ("approvedBy", "王主任"), ("approvedOn", "2026-09-21")],
                cookies: cookies)
            #expect(bad.status == .conflict && bad.text.contains("不得超过 20 个工作日"))
            let draft = try await client.postForm(
                "\(path)/letter", [("_csrf", csrf), ("outcome", "unavailable.not_held")], cookies: cookies)
            #expect(draft.status == .ok && draft.text.contains("已生成告知书草稿") && draft.text.contains("未制作或者获取"))
            let replied = try await client.postForm(
                "\(path)/reply", [("_csrf", csrf), ("outcome", "unavailable.not_held"), ("repliedOn", "2026-09-21")], cookies: cookies)
            #expect(replied.status == .ok && replied.text.contains("已答复，告知书编号"), "\(replied.text.prefix(300))")
            let delivered = try await client.postForm(
                "\(path)/deliveries", [("_csrf", csrf), ("method", "pickup"), ("item", "答复告知书"), ("on", "2026-09-21"), ("signedBy", "")],
                cookies: cookies)
            #expect(delivered.status == .unprocessableContent && delivered.text.contains("signedBy-error"))
            let signed = try await client.postForm(
                "\(path)/deliveries", [("_csrf", csrf), ("method", "pickup"), ("item", "答复告知书"), ("on", "2026-09-21"), ("signedBy", "王五")],
                cookies: cookies)
            #expect(signed.status == .ok && signed.text.contains("签收人 王五"))
            // Without the CSRF token nothing happens.
            #expect(try await client.postForm("\(path)/appeals", [("kind", "reconsideration")], cookies: cookies).status == .forbidden)
            // A drafter has no business here.
            let drafter = try await client.signInWithForm("drafter")
            #expect(try await client.getPage(path, cookies: drafter).status == .forbidden)
        }
    }
}
