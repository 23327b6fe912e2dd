import Domain
import Foundation
import HummingbirdTesting
import Storage
import Testing

@testable import Services
@testable import Web

/// 依申请公开 intake and tracking through the JSON API.
@Suite struct RequestsAPITests {
    static func intake(idNumber: String = "11010519491231002X", delivery: String = "email", extra: String = "") -> String {
        #"{"applicant":{"type":"natural_person","name":"张三","idNumber":"\#(idNumber)","phone":"13800000000","email":"zhang@example.com"},"description":"2025年本市托育机构备案名单","purpose":"了解托育服务","delivery":"\#(delivery)"\#(extra)}"#
    }

    @Test(arguments: Harness.kinds) func submitTrackAndRegister(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            // Online: a receipt at once, with the due date and its explanation.
            let submitted = try await client.postJSON("/api/v1/public/requests", Self.intake())
            #expect(submitted.status == .created, "\(submitted.text)")
            let receipt = try submitted.json()
            let code = try #require(receipt["trackingCode"] as? String)
            #expect(TrackingCode.normalise(code) == code)
            #expect(receipt["id"] == nil)
            #expect(receipt["receivedOn"] as? String == "2026-09-21")  // the test clock: 22:13 in China
            let expected = RequestClock(receivedOn: CivilDate(year: 2026, month: 9, day: 21)!).compute(h.env.calendar.current)
            #expect(receipt["dueOn"] as? String == expected.dueOn?.description)
            #expect((receipt["dueExplanation"] as? String)?.contains("收到您的申请") == true)

            // Tracking forgives case and dashes, and shows nothing personal.
            let typed = code.lowercased().replacingOccurrences(of: "-", with: "")
            let tracked = try await client.getJSON("/api/v1/public/requests/\(typed)")
            #expect(tracked.status == .ok)
            #expect(try tracked.json()["statusLabel"] as? String == "办理中")
            #expect(!tracked.text.contains("张三") && !tracked.text.contains("1101051949") && !tracked.text.contains("托育机构备案"))
            // A client that percent-encodes the dashes (as strict URL encoders do) finds it too.
            let encoded = code.replacingOccurrences(of: "-", with: "%2D")
            #expect(try await client.getJSON("/api/v1/public/requests/\(encoded)").status == .ok)

            // Bad input names its field and stores nothing.
            let badID = try await client.postJSON("/api/v1/public/requests", Self.intake(idNumber: "110105194912310021"))
            #expect(badID.status == .unprocessableContent)
            #expect(badID.errorField == "applicant.idNumber")
            #expect(try await client.postJSON("/api/v1/public/requests", Self.intake(delivery: "fax")).errorField == "delivery")
            let root = try #require(try await h.db.stores.agencies.root())
            #expect(try await h.db.stores.requests.list(agencyID: root.id, statuses: [.open], limit: 10, offset: 0).count == 1)

            // Staff register a letter with its Art. 31 receipt date, and read the record.
            let handler = try await client.token("handler")
            let letter = try await client.postJSON(
                "/api/v1/requests", Self.intake(extra: #","channel":"registered_post","receivedOn":"2026-09-18""#), token: handler)
            #expect(letter.status == .created, "\(letter.text)")
            let id = try #require(try letter.json()["id"] as? Int)
            let record = try await client.getJSON("/api/v1/requests/\(id)", token: handler)
            #expect(try record.json()["channel"] as? String == "registered_post")
            #expect(try record.json()["receiptRule"] as? String == "以本机关签收之日为收到申请之日")
            #expect((try record.json()["dueExplanation"] as? String)?.hasPrefix("2026-09-18 收到申请") == true)
            #expect(
                try await client.postJSON("/api/v1/requests", Self.intake(extra: #","channel":"letter""#), token: handler).status
                    == .created)
            #expect(try await client.postJSON("/api/v1/requests", Self.intake(), token: handler).errorField == "channel")
            #expect(
                try await client.postJSON(
                    "/api/v1/requests", Self.intake(extra: #","channel":"fax","receivedOn":"2026-10-30""#), token: handler
                ).errorField == "receivedOn")
            let drafter = try await client.token("drafter")
            #expect(try await client.getJSON("/api/v1/requests/\(id)", token: drafter).status == .forbidden)
            #expect(
                try await client.postJSON("/api/v1/requests", Self.intake(extra: #","channel":"fax""#), token: drafter).status == .forbidden
            )
        }
    }

    @Test func guessingCodesAndFloodingAreStopped() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            for _ in 0..<20 { #expect(try await client.getJSON("/api/v1/public/requests/2026-AAAAAAAA-A").status == .notFound) }
            #expect(try await client.getJSON("/api/v1/public/requests/2026-AAAAAAAA-A").status.code == 429)
            for _ in 0..<10 { #expect(try await client.postJSON("/api/v1/public/requests", Self.intake()).status == .created) }
            let flooded = try await client.postJSON("/api/v1/public/requests", Self.intake())
            #expect(flooded.status.code == 429)
            #expect(try flooded.json()["error"].flatMap { ($0 as? [String: Any])?["code"] as? String } == "too_many_requests")
        }
    }

    @Test(arguments: Harness.kinds) func theClockFollowsEveryStep(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let handler = try await client.token("handler")
            func post(_ path: String, _ body: String) async throws -> TestResponse { try await client.postJSON(path, body, token: handler) }
            func day(_ s: String) -> CivilDate { CivilDate(iso: s)! }
            let calendar = h.env.calendar.current
            let created = try await post("/api/v1/requests", Self.intake(extra: #","channel":"in_person","receivedOn":"2026-08-03""#))
            let id = try #require(try created.json()["id"] as? Int)
            var clock = RequestClock(receivedOn: day("2026-08-03"))

            let consulted = try await post("/api/v1/requests/\(id)/consultations", #"{"party":"某医院","sentOn":"2026-08-05"}"#)
            #expect(consulted.status == .created)
            #expect(try consulted.json()["consultationID"] as? Int == 1)
            clock.consultations = [.init(party: "某医院", sentOn: day("2026-08-05"))]
            #expect(try consulted.json()["dueOn"] as? String == clock.compute(calendar).dueOn?.description)

            let closed = try await post("/api/v1/requests/\(id)/consultations/1/close", #"{"repliedOn":"2026-08-10"}"#)
            clock.consultations[0].repliedOn = day("2026-08-10")
            #expect(try closed.json()["dueOn"] as? String == clock.compute(calendar).dueOn?.description)
            #expect(try await post("/api/v1/requests/\(id)/consultations/1/close", #"{"repliedOn":"2026-08-11"}"#).status == .conflict)
            #expect(try await post("/api/v1/requests/\(id)/consultations/2/close", #"{"repliedOn":"2026-08-11"}"#).status == .notFound)

            let extended = try await post(
                "/api/v1/requests/\(id)/extension", #"{"workdays":10,"reason":"需调取档案","approvedBy":"王主任","approvedOn":"2026-08-20"}"#)
            clock.extensions = [.init(workdays: 10, reason: "需调取档案", approvedBy: "王主任", approvedOn: day("2026-08-20"))]
            #expect(try extended.json()["dueOn"] as? String == clock.compute(calendar).dueOn?.description)
            #expect((try extended.json()["dueExplanation"] as? String)?.contains("经王主任批准延长 10 个工作日") == true)
            let tooLong = try await post(
                "/api/v1/requests/\(id)/extension", #"{"workdays":11,"reason":"再延","approvedBy":"王主任","approvedOn":"2026-08-21"}"#)
            #expect(tooLong.status == .conflict)
            #expect(
                try await post("/api/v1/requests/\(id)/extension", #"{"workdays":5,"reason":"再延","approvedOn":"2026-08-21"}"#).errorField
                    == "approvedBy")

            #expect(
                try await post("/api/v1/requests/\(id)/reply", #"{"outcome":"granted","repliedOn":"2026-09-15"}"#).errorField == "outcome")
            #expect(
                try await post("/api/v1/requests/\(id)/reply", #"{"outcome":"disclosed","repliedOn":"2026-12-01"}"#).errorField
                    == "repliedOn")
            let replied = try await post("/api/v1/requests/\(id)/reply", #"{"outcome":"partially_disclosed","repliedOn":"2026-09-15"}"#)
            #expect(try replied.json()["status"] as? String == "replied")
            #expect(
                try await post("/api/v1/requests/\(id)/reply", #"{"outcome":"disclosed","repliedOn":"2026-09-16"}"#).status == .conflict)
            #expect(try await post("/api/v1/requests/\(id)/consultations", #"{"party":"甲","sentOn":"2026-09-16"}"#).status == .conflict)
            let code = try #require(try created.json()["trackingCode"] as? String)
            #expect(try await client.getJSON("/api/v1/public/requests/\(code)").json()["outcomeLabel"] as? String == "部分公开")

            // A correction pauses the clock and restarts it from the corrected application.
            let second = try await post("/api/v1/requests", Self.intake(extra: #","channel":"letter","receivedOn":"2026-09-01""#))
            let sid = try #require(try second.json()["id"] as? Int)
            let noticed = try await post("/api/v1/requests/\(sid)/correction", #"{"noticeOn":"2026-09-02"}"#)
            #expect(try noticed.json()["status"] as? String == "awaiting_correction")
            #expect(try noticed.json()["dueOn"] == nil)
            #expect(try await post("/api/v1/requests/\(sid)/correction", #"{"noticeOn":"2026-09-03"}"#).status == .conflict)
            #expect(
                try await post(
                    "/api/v1/requests/\(sid)/extension", #"{"workdays":5,"reason":"x","approvedBy":"王","approvedOn":"2026-09-03"}"#
                )
                .status == .conflict)
            #expect(
                try await post("/api/v1/requests/\(sid)/reply", #"{"outcome":"disclosed","repliedOn":"2026-09-04"}"#).status == .conflict)
            #expect(
                try await post("/api/v1/requests/\(sid)/correction-received", #"{"receivedOn":"2026-08-30"}"#).errorField == "receivedOn")
            let resumed = try await post("/api/v1/requests/\(sid)/correction-received", #"{"receivedOn":"2026-09-10"}"#)
            var restarted = RequestClock(receivedOn: day("2026-09-01"))
            restarted.correctionNoticeOn = day("2026-09-02")
            restarted.correctionReceivedOn = day("2026-09-10")
            #expect(try resumed.json()["status"] as? String == "open")
            #expect(try resumed.json()["dueOn"] as? String == restarted.compute(calendar).dueOn?.description)
            #expect(
                try await post("/api/v1/requests/\(sid)/reply", #"{"outcome":"other.no_correction","repliedOn":"2026-09-15"}"#).status
                    == .conflict)
            // The handlers' list of unanswered requests: not late today, late forty days on.
            let listed = try await client.getJSON("/api/v1/requests", token: handler).json()["items"] as? [[String: Any]]
            #expect(listed?.map { $0["id"] as? Int } == [sid])
            #expect(listed?.first?["overdue"] as? Bool == false)
            h.clock.advance(40 * 86400)
            let fresh = try await client.token("handler")  // the old session has lapsed
            let later = try await client.getJSON("/api/v1/requests", token: fresh).json()["items"] as? [[String: Any]]
            #expect(later?.first?["overdue"] as? Bool == true)
            #expect((try await client.getJSON("/api/v1/requests?status=replied", token: fresh).json()["items"] as? [Any])?.count == 1)
            #expect(try await client.getJSON("/api/v1/requests?status=closed", token: fresh).errorField == "status")
            // Every step is in the audit archive.
            #expect(try await h.db.stores.audit.count(AuditFilter(action: "request.consultation")) == 1)
            #expect(try await h.db.stores.audit.count(AuditFilter(action: "request.correction_received")) == 1)
        }
    }

    @Test func theFormComesBackMarkedAndTheReceiptLeadsToTracking() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let page = try await client.getPage("/requests/new")
            #expect(page.status == .ok && page.text.contains("申请公开政府信息"))
            let csrf = try #require(page.cookieValue("gk_csrf"))
            var fields: [(String, String)] = [
                ("_csrf", csrf), ("applicant.type", "natural_person"), ("applicant.name", "李四"),
                ("applicant.idNumber", "110105194912310021"),
                ("applicant.phone", ""), ("applicant.email", "li@example.com"), ("description", "本市2025年预防接种单位名单\n第二行"),
                ("purpose", ""), ("delivery", "email"), ("website", ""),
            ]
            let refused = try await client.postForm("/requests/new", fields, cookies: ["gk_csrf": csrf])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"id="applicant.idNumber-error""#) && refused.text.contains(#"aria-invalid="true""#))
            #expect(refused.text.contains("本市2025年预防接种单位名单"))  // nothing typed is lost
            let root = try #require(try await h.db.stores.agencies.root())
            #expect(try await h.db.stores.requests.list(agencyID: root.id, statuses: [.open], limit: 5, offset: 0).isEmpty)

            // A robot that fills the hidden field is turned away; a stale form too.
            fields[3] = ("applicant.idNumber", "11010519491231002X")
            var robot = fields
            robot[9] = ("website", "http://spam.example")
            #expect(try await client.postForm("/requests/new", robot, cookies: ["gk_csrf": csrf]).status == .unprocessableContent)
            #expect(try await client.postForm("/requests/new", fields, cookies: [:]).status == .forbidden)

            // Post/Redirect/Get: the accepted form answers 303 to its receipt, which a reload shows
            // again without a second request.
            let accepted = try await client.postForm("/requests/new", fields, cookies: ["gk_csrf": csrf])
            #expect(accepted.status == .seeOther, "\(accepted.text)")
            #expect(accepted.headers[.location] == Routes.Portal.requestReceipt.path())
            let receipt = try #require(accepted.cookieValue(PostRedirect.cookieName))
            let stored = try #require(try await h.db.stores.requests.list(agencyID: root.id, statuses: [.open], limit: 5, offset: 0).first)
            for _ in 0..<2 {
                let shown = try await client.getPage(
                    Routes.Portal.requestReceipt.path(), cookies: ["gk_csrf": csrf, PostRedirect.cookieName: receipt])
                #expect(shown.status == .ok && shown.text.contains(stored.trackingCode) && shown.text.contains("申请已收到"))
                #expect(shown.headers[.cacheControl] == "no-store")
            }
            #expect(try await h.db.stores.requests.list(agencyID: root.id, statuses: [.open], limit: 5, offset: 0).count == 1)
            // Without the receipt (another browser, or later), the page leads to the lookup.
            #expect(try await client.getPage(Routes.Portal.requestReceipt.path()).headers[.location] == Routes.Portal.trackRequest.path())
            #expect(stored.description == "本市2025年预防接种单位名单\n第二行")
            let tracked = try await client.getPage("/requests/track?code=" + stored.trackingCode.lowercased())
            #expect(tracked.status == .ok && tracked.text.contains("办理中") && !tracked.text.contains("李四"))
            #expect(try await client.getPage("/requests/track?code=2026-AAAAAAAA-A").status == .notFound)
        }
    }

    @Test func aCalendarChangeMovesTheDueDatesKeptForLists() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let handler = try await client.token("handler")
            let created = try await client.postJSON(
                "/api/v1/requests", Self.intake(extra: #","channel":"in_person","receivedOn":"2026-09-21""#), token: handler)
            let before = try #require(try created.json()["dueOn"] as? String)
            // The office adds a holiday on Thursday 24 September 2026 to that year's notice.
            let shipped = try #require(HolidayNotice.shipped().first { $0.year == 2026 })
            let holidays = (shipped.holidays.map(\.description) + ["2026-09-24"]).map { "\"\($0)\"" }.joined(separator: ",")
            let workdays = shipped.workdays.map { "\"\($0.description)\"" }.joined(separator: ",")
            let saved = try await client.postJSON(
                "/api/v1/calendar/notices", #"{"year":2026,"holidays":[\#(holidays)],"workdays":[\#(workdays)],"source":"补充通知"}"#,
                token: try await client.token("office"))
            #expect(saved.status.code < 300, "\(saved.text)")
            let listed = try await client.getJSON("/api/v1/requests", token: handler).json()["items"] as? [[String: Any]]
            let after = try #require(listed?.first?["dueOn"] as? String)
            #expect(after != before)
            #expect(CivilDate(iso: after) == CivilDate(iso: before).map { h.env.calendar.current.adding(1, workdaysTo: $0).date })
            #expect(try await h.db.stores.audit.count(AuditFilter(action: "calendar.notice.replace")) == 1)
        }
    }
}
