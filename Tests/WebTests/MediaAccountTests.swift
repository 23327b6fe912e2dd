import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Services
@testable import Web

/// The new-media registry: filing, approval, changes, closure, update records and idle accounts.
@Suite struct MediaAccountHTTPTests {
    @Test(arguments: Harness.kinds) func openChangeSuspendCloseAndIdle(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            var office = try await client.token("office")
            var leader = try await client.token("leader")
            let body =
                #"{"platform":"wechat","name":"示范健康","handle":"sfjk-wx","sponsor":"示范市卫生健康委员会","operatorName":"示范传媒公司","contact":"张三 0000-1234","reason":"发布健康科普"}"#
            // Bad input names its field; a leader does not file, an office does not decide.
            #expect(
                try await client.postJSON(
                    "/api/v1/media-accounts", #"{"platform":"myspace","name":"x","handle":"x","sponsor":"x","operatorName":"x"}"#,
                    token: office
                ).errorField == "platform")
            #expect(
                try await client.postJSON(
                    "/api/v1/media-accounts", #"{"platform":"weibo","name":" ","handle":"x","sponsor":"x","operatorName":"x"}"#,
                    token: office
                ).errorField == "name")
            #expect(try await client.postJSON("/api/v1/media-accounts", body, token: leader).status == .forbidden)
            let made = try await client.postJSON("/api/v1/media-accounts", body, token: office)
            #expect(made.status == .created, "\(made.text)")
            let id = try #require(try made.json()["id"] as? Int)
            #expect(try made.json()["status"] as? String == "pending")
            #expect(
                try await client.postJSON("/api/v1/media-accounts/\(id)/decision", #"{"approve":true}"#, token: office).status == .forbidden
            )
            // An account waiting for approval takes no other filing and records no updates.
            let early = try await client.postJSON(
                "/api/v1/media-accounts/\(id)/filings", #"{"kind":"suspend","reason":"x"}"#, token: office)
            #expect(early.status == .conflict)
            let approved = try await client.postJSON(
                "/api/v1/media-accounts/\(id)/decision", #"{"approve":true,"comment":"同意"}"#, token: leader)
            #expect(try approved.json()["status"] as? String == "active")
            // Never updated: idle at once.
            #expect(try approved.json()["idle"] as? Bool == true)
            let future = try await client.postJSON("/api/v1/media-accounts/\(id)/updates", #"{"lastPost":"2026-10-01"}"#, token: office)
            #expect(future.errorField == "lastPost")
            let noPosts = try await client.postJSON(
                "/api/v1/media-accounts/\(id)/updates", #"{"lastPost":"2026-09-10","month":"2026-08"}"#, token: office)
            #expect(noPosts.errorField == "posts")
            // Eleven days ago is within the 14; 2026-09-06 is fifteen days and idle.
            let recent = try await client.postJSON(
                "/api/v1/media-accounts/\(id)/updates", #"{"lastPost":"2026-09-10","month":"2026-08","posts":12}"#, token: office)
            #expect(try recent.json()["idle"] as? Bool == false)
            #expect(try recent.json()["averagePostsPerMonth"] as? Double == 12)
            h.clock.advance(5 * 86_400)
            // (The sessions have lapsed meanwhile.)
            office = try await client.token("office")
            leader = try await client.token("leader")
            let later = try await client.getJSON("/api/v1/media-accounts", token: office)
            let item = try #require((try later.json()["items"] as? [[String: Any]])?.first)
            #expect(item["idle"] as? Bool == true)
            // A change takes effect only when approved; a refusal needs a reason.
            let change = try await client.postJSON(
                "/api/v1/media-accounts/\(id)/filings",
                #"{"kind":"change","reason":"更换运维单位","details":{"platform":"wechat","name":"示范健康","handle":"sfjk-wx","sponsor":"示范市卫生健康委员会","operatorName":"示范市融媒体中心"}}"#,
                token: office)
            #expect(try change.status == .created && change.json()["operatorName"] as? String == "示范传媒公司")
            #expect(
                try await client.postJSON("/api/v1/media-accounts/\(id)/decision", #"{"approve":false}"#, token: leader).errorField
                    == "comment")
            let changed = try await client.postJSON("/api/v1/media-accounts/\(id)/decision", #"{"approve":true}"#, token: leader)
            #expect(try changed.json()["operatorName"] as? String == "示范市融媒体中心")
            #expect(try await client.getPage("/media").text.contains("sfjk-wx"))
            // Suspend, then close; a closed account takes nothing more.
            _ = try await client.postJSON("/api/v1/media-accounts/\(id)/filings", #"{"kind":"suspend","reason":"人员调整"}"#, token: office)
            #expect(
                try await client.postJSON("/api/v1/media-accounts/\(id)/decision", #"{"approve":true}"#, token: leader).json()["status"]
                    as? String == "suspended")
            _ = try await client.postJSON("/api/v1/media-accounts/\(id)/filings", #"{"kind":"close","reason":"整合到融媒体中心"}"#, token: office)
            let closed = try await client.postJSON("/api/v1/media-accounts/\(id)/decision", #"{"approve":true}"#, token: leader)
            #expect(try closed.json()["status"] as? String == "closed" && (try closed.json()["idle"] as? Bool) == false)
            #expect(
                try await client.postJSON("/api/v1/media-accounts/\(id)/filings", #"{"kind":"resume","reason":"x"}"#, token: office).status
                    == .conflict)
            #expect((try closed.json()["filings"] as? [[String: Any]])?.count == 4)
            for action in ["media.open.file", "media.filing.approve", "media.change.file", "media.update.record"] {
                #expect(try await h.db.stores.audit.count(AuditFilter(action: action)) >= 1, "\(action)")
            }

            // The console: the form comes back marked; a new account leads to its page.
            let cookies = try await client.signInWithForm("office")
            let csrf = try await client.csrfToken(on: "/console/media", cookies: cookies)
            let bad = try await client.postForm(
                "/console/media",
                [
                    ("_csrf", csrf), ("platform", "weibo"), ("name", "示范健康微博"), ("handle", ""), ("sponsor", "示范市卫生健康委员会"),
                    ("operatorName", "本委"),
                ],
                cookies: cookies)
            #expect(bad.status == .unprocessableContent && bad.text.contains("请填写账号或网址") && bad.text.contains("value=\"示范健康微博\""))
            let ok = try await client.postForm(
                "/console/media",
                [
                    ("_csrf", csrf), ("platform", "weibo"), ("name", "示范健康微博"), ("handle", "weibo.com/sfjk"), ("sponsor", "示范市卫生健康委员会"),
                    ("operatorName", "本委"),
                ],
                cookies: cookies)
            #expect(ok.status == .seeOther)
            let list = try await client.getPage("/console/media", cookies: cookies)
            #expect(list.text.contains("示范健康微博") && list.text.contains("开设待审"))
            // The public sees active accounts only.
            let publicPage = try await client.getPage("/media")
            #expect(!publicPage.text.contains("示范健康微博") && !publicPage.text.contains("sfjk-wx"))
        }
    }
}
