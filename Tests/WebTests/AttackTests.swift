import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Storage
import Testing

@testable import Services
@testable import StorageSQL
@testable import Web

/// What an attacker on the open internet tries (issue 9): forged form posts, script in every
/// text that is shown back, SQL in search and filters, unpublished records by ID, hostile file
/// names and uploads. Each test names the attack and proves nothing got through.
@Suite struct AttackTests {
    /// Forged posts: every HTML form route, posted by a signed-in account of the agency that
    /// owns the record (so nothing but the token stands in the way) without its token, or
    /// with another session's, is refused and changes nothing; public forms likewise.
    @Test func everyFormRefusesAPostWithoutItsToken() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let agencies = try await h.db.stores.agencies.all().filter { $0.parentID == 1 }
            let b = try #require(agencies.first { $0.kind == .subordinate })
            _ = try await AgencyScopingTests.populate(h, agency: b)
            var ids = try await AgencyScopingTests.bIDs(h, agency: b.id)
            // An attachment of B's document, so that its removal form is reached.
            let document = try #require(ids["documents"]?["id"])
            let pdf = Data("%PDF-1.4\n".utf8)
            let attachment = try await h.db.stores.attachments.add(
                Attachment(
                    documentID: document, fileName: "附件.pdf", kind: "pdf", contentType: "application/pdf", size: pdf.count, sha256: "",
                    removedMetadata: [], text: nil, uploadedBy: "test", createdAtMillis: 0), original: pdf, publicCopy: pdf)
            ids["documents"]?["attachment"] = attachment.id
            let actor = AuditActor(agencyID: nil, userID: nil, name: "system", address: "local")
            for (name, roles) in [("b-admin", [.systemAdmin]), ("b-auditor", [.auditor])] as [(String, Set<Role>)] {
                _ = try await h.env.userAdministration.create(
                    agencyID: b.id, departmentID: nil, username: name, displayName: name, password: Harness.password, roles: roles,
                    by: actor)
            }
            var sessions: [[String: String]] = []
            for user in ["b-staff", "b-admin", "b-auditor"] { sessions.append(try await client.signInWithForm(user)) }
            // A token that is real, but another session's: the one an attacker could get by signing in himself.
            let attacker = try await client.signInWithForm("office")
            let foreign = try await client.csrfToken(on: "/console", cookies: attacker)
            let audit = try await h.db.stores.audit.count(AuditFilter())
            let routes = buildRouter(h.env).routes.map { (method: $0.method, path: $0.path.description) }
            var forms = 0
            for route in routes where route.method == .post && !route.path.hasPrefix("/api/") {
                let key = ConsoleTests.key(route)
                // The display-mode switch stores a cookie preference only; login is tried below.
                if key == "POST /preferences/display" || key == "POST /login" || key == "POST /logout" { continue }
                let params = route.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
                var uri = route.path
                let table = ids[AgencyScopingTests.resource(route.path)] ?? [:]
                for p in params {
                    let value = table[p].map(String.init) ?? (p == "year" ? "2025" : "1")
                    uri = uri.replacingOccurrences(of: "{\(p)}", with: value)
                }
                let isPublic = ConsoleTests.publicRoutes.contains(key)
                let attempts: [([String: String], [(String, String)])] =
                    isPublic
                    ? [(["gk_csrf": String(repeating: "a", count: 43)], []), ([:], [("_csrf", foreign)])]
                    : sessions.flatMap { [($0, []), ($0, [("_csrf", foreign)])] }
                var answers: [HTTPResponse.Status] = []
                var forToken = false
                for (cookies, fields) in attempts {
                    let r = try await client.postForm(uri, fields + [("title", "伪造提交"), ("body", "伪造提交")], cookies: cookies)
                    answers.append(r.status)
                    forToken = forToken || (r.status == .forbidden && r.text.contains("表单已失效"))
                }
                #expect(answers.allSatisfy { [.forbidden, .notFound].contains($0) }, "\(key) answered \(answers) without its token")
                // At least one account that may use the form was refused for the token itself.
                #expect(forToken, "\(uri) never refused for its token: \(answers)")
                forms += 1
            }
            #expect(forms >= 60)
            // Nothing was written by any of them.
            #expect(try await h.db.stores.audit.count(AuditFilter()) == audit)

            // The same post with the right token goes through: the refusals above were the token's.
            let own = sessions[0]
            let token = try await client.csrfToken(on: "/console", cookies: own)
            let logout = try await client.postForm("/logout", [("_csrf", foreign)], cookies: own)
            #expect(logout.status == .forbidden)
            #expect(try await client.getPage("/console", cookies: own).status == .ok)
            #expect(try await client.postForm("/logout", [("_csrf", token)], cookies: own).status == .seeOther)
            #expect(try await client.getPage("/console", cookies: own).status != .ok)

            // A post from another site is refused before any token is looked at.
            let fields = [("_csrf", try await client.csrfToken(on: "/console", cookies: attacker))]
            let crossSite = try await client.postForm(
                "/logout", fields, cookies: attacker, headers: [.origin: "https://evil.example", .init("Sec-Fetch-Site")!: "cross-site"])
            #expect(crossSite.status == .forbidden && crossSite.text.contains("其他网站"))
            // A login form posted without the cookie it was served with is refused too.
            let login = try await client.postForm("/login", [("username", "office"), ("password", Harness.password), ("_csrf", foreign)])
            #expect(login.status == .forbidden)
        }
    }

    /// Script an attacker types into a field; none of it may come back as markup.
    static let payload = "<script>alert(1)</script><img src=x onerror=alert(2)>'"
    /// The part of it that fits a name (at most 50 characters).
    static let short = "<img src=x onerror=alert(2)>"
    /// The payload shown as text, which proves the field was shown back at all.
    static let shownAsText = "&lt;script&gt;alert(1)&lt;/script&gt;"

    static func unescaped(_ text: String) -> Bool {
        text.contains("<script>alert(") || text.contains("<img src=x onerror")
    }

    static func query(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s }

    /// Stored script: the payload goes into every text field of every public form and of a
    /// published document, then every page that shows those records, to the public and to
    /// each kind of staff, is read. Reflected script: it goes into every query parameter of
    /// every page, into a path, and into forms that come back with an error.
    @Test(arguments: Harness.kinds) func scriptNeverComesBackAsMarkup(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let p = Self.payload
            let t = try await RevisionTests.tokens(client)
            // A published document with the payload in its title, body and keywords.
            let created = try await client.postJSON(
                "/api/v1/documents",
                #"{"title":"关于\#(p)的通知","body":"各单位：\#(p)\n特此通知。","keywords":"\#(p)","category":"政策文件","kind":"policy","writtenOn":"2026-09-18"}"#,
                token: t["drafter"])
            let document = try #require(try created.json()["id"] as? Int, "\(created.text)")
            try await RevisionTests.review(client, t, document)
            #expect(try await client.postJSON("/api/v1/documents/\(document)/publish", "", token: t["publisher"]).status == .ok)
            // A disclosure request, a letter, an error report and a comment from the public.
            let request = try await client.postJSON(
                "/api/v1/public/requests",
                #"{"applicant":{"type":"natural_person","name":"张三","idNumber":"11010519491231002X","phone":"13800138000","email":"a@example.com","address":"\#(p)"},"description":"请公开\#(p)","purpose":"\#(p)","delivery":"email"}"#
            )
            #expect(request.status == .created, "\(request.text)")
            let requestCode = try #require(try request.json()["trackingCode"] as? String)
            let letter = try await client.postJSON(
                "/api/v1/public/mailbox", #"{"subject":"来信\#(p)","body":"内容\#(p)","name":"\#(Self.short)","phone":"13800138001"}"#)
            #expect(letter.status == .created, "\(letter.text)")
            let letterCode = try #require(try letter.json()["trackingCode"] as? String)
            let report = try await client.postJSON(
                "/api/v1/public/site-errors", #"{"pageUrl":"/guide","category":"typo","description":"错字\#(p)","name":"\#(Self.short)"}"#)
            #expect(report.status == .created, "\(report.text)")
            let opened = try await ConsultationHTTPTests.create(client, t["drafter"]!)
            let consultation = try #require(try opened.json()["id"] as? Int, "\(opened.text)")
            #expect(try await client.postJSON("/api/v1/consultations/\(consultation)/publish", "", token: t["office"]).status == .ok)
            let comment = try await client.postJSON(
                "/api/v1/public/consultations/\(consultation)/comments", #"{"text":"意见\#(p)","name":"\#(Self.short)"}"#)
            #expect(comment.status.code < 300, "\(comment.text)")
            let sql = h.db.sql
            let requestID = try #require(
                try await sql.raw("SELECT id FROM disclosure_requests WHERE tracking_code = \(bind: requestCode)").first(
                    decodingColumn: "id", as: Int64.self))
            let letterID = try #require(
                try await sql.raw("SELECT id FROM mailbox_messages WHERE tracking_code = \(bind: letterCode)").first(
                    decodingColumn: "id", as: Int64.self))

            // Every page, to the public and to staff of every kind.
            let routes = buildRouter(h.env).routes.map { (method: $0.method, path: $0.path.description) }
            let lists = routes.filter { $0.method == .get && !$0.path.hasPrefix("/api/") && !$0.path.contains("{") }.map(\.path)
            let details = [
                "/documents/\(document)", "/documents/\(document)/print", "/search?q=" + Self.query("通知"),
                "/requests/track?code=\(requestCode)", "/mailbox/track?code=\(letterCode)", "/console/documents/\(document)",
                "/console/requests/\(requestID)", "/console/mailbox/\(letterID)", "/console/consultations/\(consultation)",
                "/console/audit?action=document.publish", "/feeds/latest.xml",
            ]
            var sessions: [[String: String]] = [[:]]
            for user in ["office", "handler", "admin", "auditor"] { sessions.append(try await client.signInWithForm(user)) }
            var pages = 0
            var shown = 0
            for cookies in sessions {
                for uri in lists + details {
                    let r = try await client.getPage(uri, cookies: cookies)
                    #expect(r.status.code < 500, "\(uri) answered \(r.status)")
                    #expect(!Self.unescaped(r.text), "\(uri) shows the script as markup")
                    if r.text.contains(Self.shownAsText) { shown += 1 }
                    pages += 1
                }
            }
            #expect(pages > 200)
            // The payload really was shown back, as text, on many of them.
            #expect(shown >= 15, "the payload was shown on only \(shown) pages")

            // Reflected: in every query parameter a page might read, and in a path.
            let everyParameter = [
                "q", "code", "page", "year", "category", "from", "to", "status", "action", "next", "kind", "agency", "column",
                "subject", "validity", "unit", "round", "sort", "error", "message", "username",
            ].map { "\($0)=\(Self.query(p))" }.joined(separator: "&")
            for cookies in sessions.prefix(2) {
                for uri in lists + details {
                    let withQuery = uri + (uri.contains("?") ? "&" : "?") + everyParameter
                    let r = try await client.getPage(withQuery, cookies: cookies)
                    #expect(r.status.code < 500, "\(withQuery) answered \(r.status)")
                    #expect(!Self.unescaped(r.text), "\(uri) reflects the script as markup")
                }
            }
            for uri in ["/documents/" + Self.query(p), "/catalog/" + Self.query(p), "/columns/" + Self.query(p), "/" + Self.query(p)] {
                let r = try await client.getPage(uri)
                #expect(r.status == .notFound, "\(uri)")
                #expect(!Self.unescaped(r.text), "\(uri) reflects the script as markup")
            }
            // Forms that come back with an error show what was typed, as text.
            let csrf = String(repeating: "b", count: 43)
            let refusedRequest = try await client.postForm(
                "/requests/new", [("_csrf", csrf), ("name", p), ("idNumber", p), ("description", p), ("phone", p)],
                cookies: ["gk_csrf": csrf])
            #expect(refusedRequest.status == .unprocessableContent)
            #expect(!Self.unescaped(refusedRequest.text) && refusedRequest.text.contains(Self.shownAsText))
            let refusedLetter = try await client.postForm(
                "/mailbox", [("_csrf", csrf), ("subject", p), ("name", p)], cookies: ["gk_csrf": csrf])
            #expect(refusedLetter.status == .unprocessableContent)
            #expect(!Self.unescaped(refusedLetter.text) && refusedLetter.text.contains(Self.shownAsText))
            let login = try await client.getPage("/login")
            let loginCSRF = try #require(login.cookieValue("gk_csrf"))
            let refusedLogin = try await client.postForm(
                "/login", [("_csrf", loginCSRF), ("username", p), ("password", "x")], cookies: ["gk_csrf": loginCSRF])
            #expect(refusedLogin.status == .unauthorized)
            #expect(!Self.unescaped(refusedLogin.text) && refusedLogin.text.contains(Self.shownAsText))
        }
    }

    /// SQL typed into search and into every filter: a clear answer (a page, an empty result or
    /// a 4xx), never a 5xx, never more than the public catalog, and every table intact after.
    @Test(arguments: Harness.kinds) func sqlInSearchAndFiltersIsJustText(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let total = try #require(try await client.getJSON("/api/v1/public/documents").json()["total"] as? Int)
            #expect(total > 0)
            let auditEntries = try await h.db.stores.audit.count(AuditFilter())
            let attacks = [
                "' OR '1'='1", "' OR 1=1 --", "\"; DROP TABLE catalog_documents; --", "1; DELETE FROM audit_log",
                "卫生' UNION SELECT username, password_hash FROM users --", "') OR ('a'='a", "*", "\"", "NEAR(卫生 健康)",
                "卫生 OR 健康", "title_bi:卫生", "%", "_", "\\", "卫生\u{0}健康", "!(卫生 & 健康)", "卫生:*", "$$", "2026-%",
            ]
            let filters = ["category", "year", "agency", "validity", "column", "subject", "page", "per"]
            for attack in attacks {
                let q = Self.query(attack)
                let search = try await client.getPage("/search?q=" + q)
                // A NUL is refused outright (see `nulCharactersAreRefusedEverywhere`).
                let expected: HTTPResponse.Status = attack.contains("\u{0}") ? .badRequest : .ok
                #expect(search.status == expected, "search for \(attack) answered \(search.status)")
                #expect(!search.text.contains("$2b$"), "search for \(attack) shows a password hash")
                let api = try await client.getJSON("/api/v1/public/documents?q=" + q)
                #expect(api.status == expected, "API search for \(attack) answered \(api.status)")
                #expect((try api.json()["total"] as? Int ?? 0) <= total)
                for f in filters {
                    for uri in ["/api/v1/public/documents?\(f)=\(q)", "/api/v1/public/documents?q=%E5%8D%AB%E7%94%9F&\(f)=\(q)"] {
                        let r = try await client.getJSON(uri)
                        #expect(r.status == .ok || r.status.code / 100 == 4, "\(uri) answered \(r.status)")
                        if r.status == .ok {
                            // A filter that matches nothing legitimate matches nothing: no wildcard gets through.
                            let n = try r.json()["total"] as? Int ?? -1
                            #expect(n == 0 || f == "page" || f == "per", "\(uri) matched \(n) documents")
                        } else {
                            #expect(try r.json()["error"] != nil, "\(uri): \(r.text)")
                        }
                    }
                    for uri in ["/browse?\(f)=\(q)", "/search?q=%E5%8D%AB%E7%94%9F&\(f)=\(q)"] {
                        let r = try await client.getPage(uri)
                        #expect(r.status.code < 500, "\(uri) answered \(r.status)")
                    }
                }
                for uri in [
                    "/catalog/\(q)", "/columns/\(q)", "/documents/\(q)", "/api/v1/public/documents/\(q)", "/requests/track?code=\(q)",
                ] {
                    let r = try await client.getPage(uri)
                    #expect(r.status.code < 500, "\(uri) answered \(r.status)")
                }
            }
            // Staff filters too: the audit log's, as the auditor.
            let auditor = try await client.token("auditor")
            for attack in attacks.prefix(6) {
                let q = Self.query(attack)
                for f in ["action", "recordType", "recordID", "actor", "from", "to", "agency"] {
                    let r = try await client.getJSON("/api/v1/audit?\(f)=\(q)", token: auditor)
                    #expect(r.status == .ok || r.status.code / 100 == 4, "/api/v1/audit?\(f)=\(attack) answered \(r.status)")
                }
            }
            // Everything is still there, and the audit chain still verifies.
            #expect(try await client.getJSON("/api/v1/public/documents").json()["total"] as? Int == total)
            #expect(try await h.db.stores.audit.count(AuditFilter()) >= auditEntries)
            #expect(try await client.token("office").isEmpty == false)
            let verified = try await AuditVerifier.verify(h.db.stores.audit)
            #expect(verified.isIntact, "\(verified)")
        }
    }

    /// Records the public may not see yet (drafts, documents in review or withdrawn, unpublished
    /// consultations and surveys, unannounced open days, unpublished letters and reports) are
    /// "not found" on every public route that takes an ID, to read them or to post into them.
    /// Every such route must be listed here, so a new one cannot slip past.
    @Test(arguments: Harness.kinds) func unpublishedRecordsAreNotFoundByID(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let t = try await RevisionTests.tokens(client)
            func draft(_ title: String) async throws -> Int {
                let r = try await client.postJSON(
                    "/api/v1/documents", #"{"title":"\#(title)","body":"正文。","category":"政策文件","kind":"policy","writtenOn":"2026-09-18"}"#,
                    token: t["drafter"])
                return try #require(try r.json()["id"] as? Int, "\(r.text)")
            }
            let drafted = try await draft("未提交的草稿")
            let attachment = try await client.postFile(
                "/api/v1/documents/\(drafted)/attachments", fileName: "草稿附件.pdf", data: AttachmentTests.pdf, token: t["drafter"])
            let attachmentID = try #require(try attachment.json()["id"] as? Int, "\(attachment.text)")
            let inReview = try await draft("审核中的文件")
            #expect(try await client.postJSON("/api/v1/documents/\(inReview)/submit", "", token: t["drafter"]).status == .ok)
            let withdrawn = try await RevisionTests.publish(client, t, title: "已撤回的文件", body: "正文。")
            #expect(
                try await client.postJSON("/api/v1/documents/\(withdrawn)/withdraw", #"{"reason":"测试"}"#, token: t["office"]).status == .ok)
            let consultation = try await ConsultationHTTPTests.create(client, t["drafter"]!)
            let hiddenConsultation = try #require(try consultation.json()["id"] as? Int)

            // A survey not yet published, an open day not yet announced, a letter not published,
            // and this year's annual report still in draft.
            _ = try await SurveyWebTests.create(client, t["office"]!)
            _ = try await h.db.stores.openDays.create(
                OpenDay(
                    agencyID: 1, title: "未公布的开放日", date: h.env.today.adding(days: 20), place: "礼堂", plan: "参观", capacity: 20,
                    registrationClosesOn: h.env.today.adding(days: 10), announced: false))
            let letter = try await client.postJSON(
                "/api/v1/public/mailbox", #"{"subject":"未公开的来信","body":"内容","name":"张三","phone":"13800138001"}"#)
            #expect(letter.status == .created, "\(letter.text)")
            let report = try await client.postJSON(
                "/api/v1/reports/annual/2026", AnnualReportTests.manual, token: t["office"], method: .put)
            #expect(report.status == .ok, "\(report.text)")
            let sql = h.db.sql
            func hidden(_ query: String) async throws -> [Int64] {
                try await sql.raw(SQLQueryString(query)).all().map { try $0.decode(column: "id", as: Int64.self) }
            }
            let surveys = try await hidden("SELECT id FROM surveys WHERE published = 0")
            let openDays = try await hidden("SELECT id FROM open_days WHERE announced = 0")
            let letters = try await hidden("SELECT id FROM mailbox_messages WHERE published = 0")
            let reports = try await sql.raw("SELECT agency_id, year FROM annual_reports WHERE state <> 'published'").all()
                .map { (try $0.decode(column: "agency_id", as: Int64.self), try $0.decode(column: "year", as: Int.self)) }
            #expect(!surveys.isEmpty, "no unpublished survey")
            #expect(!openDays.isEmpty, "no unannounced open day")
            #expect(!letters.isEmpty, "no unpublished letter")
            #expect(!reports.isEmpty, "no unpublished annual report")

            // Every hidden record, by the route's resource; each value fills the route's parameters.
            let documents = [drafted, inReview, withdrawn].map { ["id": "\($0)", "attachment": "\(attachmentID)", "name": "x.pdf"] }
            let byResource: [String: [[String: String]]] = [
                "documents": documents,
                "consultations": [["id": "\(hiddenConsultation)", "cid": "1"]],
                "surveys": surveys.map { ["id": "\($0)", "rid": "1"] },
                "open-days": openDays.map { ["id": "\($0)"] },
                "mailbox": letters.map { ["id": "\($0)", "code": "\($0)"] },
                "reports": reports.map { ["year": "\($0.1)"] },
                "agencies": reports.map { ["id": "\($0.0)", "year": "\($0.1)", "file": "report.pdf"] },
                // Codes are secrets: a record's number is not its code.
                "requests": [["code": "1"], ["code": "2026-0001"]],
            ]
            // Public routes with parameters that name no record of their own.
            let notRecords: Set<String> = [
                "GET /catalog/{category}", "GET /feeds/{feed}", "GET /columns/{code}", "GET /assets/brand/{file}",
                "GET /assets/emblem/{file}",
                "GET /agencies/{id}/guide", "GET /plans/{id}", "GET /api/v1/public/ledgers/{id}",
            ]
            var checked = 0
            for key in ConsoleTests.publicRoutes.sorted() where key.contains("{") && !notRecords.contains(key) {
                let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
                let (method, path) = (parts[0], parts[1])
                let resource =
                    path.replacingOccurrences(of: "/api/v1/public/", with: "/").split(separator: "/").first.map(String.init) ?? ""
                let records = try #require(byResource[resource], "no hidden records for \(key)")
                #expect(!records.isEmpty, "\(key)")
                for values in records {
                    var uri = path
                    for (name, value) in values { uri = uri.replacingOccurrences(of: "{\(name)}", with: value) }
                    #expect(!uri.contains("{"), "\(key) has a parameter this test does not fill")
                    let r =
                        method == "GET"
                        ? try await client.getPage(uri)
                        : path.hasPrefix("/api/")
                            ? try await client.postJSON(
                                uri, #"{"text":"意见","code":"000000","answers":[],"name":"张三","phone":"13800138000"}"#)
                            : try await client.postForm(
                                uri, [("_csrf", String(repeating: "c", count: 43)), ("text", "意见"), ("name", "张三")],
                                cookies: ["gk_csrf": String(repeating: "c", count: 43)])
                    #expect(r.status == .notFound, "\(method) \(uri) answered \(r.status)")
                    checked += 1
                }
            }
            #expect(checked >= 30)
            // The same routes do answer for published records: the 404s above were the records'.
            #expect(
                try await client.getPage("/documents/\(try await RevisionTests.publish(client, t, title: "已发布", body: "正文。"))").status
                    == .ok)
        }
    }

    /// Uploads: a file over the body limit, files that are not what their names say, an empty
    /// file and hostile names. Each is refused with a clear 4xx or stored under a harmless name,
    /// and nothing half-written is left behind.
    @Test func hostileUploadsAreRefusedOrDisarmed() async throws {
        var settings = WebSettings()
        settings.bodyLimit = 256 * 1024
        let h = try await Harness.make("sqlite", settings: settings)
        try await h.run { client in
            let t = try await RevisionTests.tokens(client)
            let created = try await client.postJSON(
                "/api/v1/documents", #"{"title":"附件测试","body":"正文。","category":"政策文件","kind":"policy","writtenOn":"2026-09-18"}"#,
                token: t["drafter"])
            let id = try #require(try created.json()["id"] as? Int)
            let uri = "/api/v1/documents/\(id)/attachments"
            func attachments() async throws -> Int { try await h.db.stores.attachments.list(documentID: Int64(id)).count }

            // Over the limit: 413 with the limit named, over the API and in the console's form.
            let big = AttachmentTests.pdf + Data(repeating: 0x20, count: 300 * 1024)
            let tooBig = try await client.postFile(uri, fileName: "大文件.pdf", data: big, token: t["drafter"])
            #expect(tooBig.status == .contentTooLarge)
            #expect((try tooBig.json()["error"] as? [String: Any])?["message"] as? String == "请求内容超过 0 MB 上限" || tooBig.text.contains("上限"))
            let cookies = try await client.signInWithForm("drafter")
            let csrf = try await client.csrfToken(on: "/console/documents/new", cookies: cookies)
            let form = try await client.postFile(
                "/console/documents/new", fileName: "大文件.pdf", data: big, fields: [("_csrf", csrf), ("title", "表单")], cookies: cookies)
            #expect(form.status == .contentTooLarge && form.text.contains("上限"))

            // Not what the name says, or nothing at all.
            let disguised: [(String, Data)] = [
                ("通知.pdf", Data("<html><script>alert(1)</script></html>".utf8)),
                ("名单.docx", Data("MZ\u{90}\u{0}\u{3}\u{0}".utf8) + Data(repeating: 0, count: 64)),
                ("表格.xlsx", Data("PK\u{3}\u{4}".utf8) + Data(repeating: 0x41, count: 200)),
                ("空.pdf", Data()),
                ("脚本.svg", Data("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".utf8)),
                ("网页.html", Data("<!doctype html><script>alert(1)</script>".utf8)),
            ]
            for (name, data) in disguised {
                let r = try await client.postFile(uri, fileName: name, data: data, token: t["drafter"])
                #expect(r.status.code / 100 == 4, "\(name) answered \(r.status)")
                #expect((try? r.json()["error"]) != nil, "\(name): \(r.text)")
            }
            #expect(try await attachments() == 0)

            // Hostile names: stored as a plain last component, and served only by ID.
            let names = [
                "../../../etc/passwd.pdf", "..\\..\\windows\\win.ini.pdf", "/etc/shadow.pdf", "....//....//x.pdf", ".htaccess.pdf",
                "%2e%2e%2f%2e%2e%2fx.pdf", "a\u{0}b.pdf", "行\n头: 注入.pdf", "\"quoted\".pdf",
            ]
            for name in names {
                let r = try await client.postFile(uri, fileName: name, data: AttachmentTests.pdf, token: t["drafter"])
                #expect(r.status == .created, "\(name): \(r.text)")
                let stored = try #require(try r.json()["fileName"] as? String)
                #expect(!stored.contains("/") && !stored.contains("\\") && !stored.hasPrefix("."), "\(name) stored as \(stored)")
                #expect(!stored.contains("\n") && !stored.contains("\u{0}") && !stored.contains("\""), "\(name) stored as \(stored)")
            }
            #expect(try await attachments() == names.count)
            // Through review: a PDF's text cannot be read, so each is checked by hand and kept.
            let submitted = try await client.postJSON("/api/v1/documents/\(id)/submit", "", token: t["drafter"])
            let findings = try #require(try submitted.json()["findings"] as? [[String: Any]], "\(submitted.text)")
            for (who, body) in [("reviewer", "{}"), ("office", #"{"confidentialityCleared":true}"#)] {
                #expect(try await client.postJSON("/api/v1/documents/\(id)/approve", body, token: t[who]).status == .ok)
            }
            for f in findings {
                let kept = try await client.postJSON(
                    "/api/v1/documents/\(id)/findings/\(try #require(f["id"] as? Int))", #"{"resolution":"accepted","reason":"已人工核对"}"#,
                    token: t["reviewer"])
                #expect(kept.status == .ok, "\(kept.text)")
            }
            for _ in 0..<2 { #expect(try await client.postJSON("/api/v1/documents/\(id)/approve", "{}", token: t["leader"]).status == .ok) }
            let published = try await client.postJSON("/api/v1/documents/\(id)/publish", "", token: t["publisher"])
            #expect(published.status == .ok, "\(published.text)")
            let listed = try await h.db.stores.attachments.list(documentID: Int64(id))
            for a in listed {
                let download = try await client.getPage("/documents/\(id)/attachments/\(a.id)/..%2F..%2F..%2Fetc%2Fpasswd")
                #expect(download.status == .ok && download.body.readableBytes == AttachmentTests.pdf.count)
                // The header names the file without breaking out of its quotes.
                let disposition = try #require(download.headers[.contentDisposition])
                #expect(!disposition.contains("\n") && disposition.filter { $0 == "\"" }.count <= 2, "\(disposition)")
            }
            for path in [
                "/documents/\(id)/attachments/..%2F..%2Fetc%2Fpasswd/x", "/assets/brand/..%2F..%2F..%2Fetc%2Fpasswd",
                "/assets/../../etc/passwd",
            ] {
                let r = try await client.getPage(path)
                #expect(r.status == .notFound, "\(path) answered \(r.status)")
                #expect(!r.text.contains("root:"))
            }
            // The static export writes every one inside its own directory.
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("gk-attack-\(UUID().uuidString)")
            let dir = root.appendingPathComponent("site").path
            defer { try? FileManager.default.removeItem(at: root) }
            _ = try await StaticSite.publish(h.env, to: dir, siteOrigin: "https://gk.example.org", serverOrigin: "")
            let outside = try FileManager.default.contentsOfDirectory(atPath: root.path)
            #expect(outside == ["site"], "the export wrote \(outside) beside its directory")
            let exported = try FileManager.default.contentsOfDirectory(atPath: dir + "/documents/\(id)/attachments")
            #expect(exported.count == names.count)
        }
    }

    /// A NUL character (which PostgreSQL refuses in text, so it once answered 500) is refused
    /// with a 400 wherever it comes in: the address, a form, a multipart field, JSON.
    @Test(arguments: Harness.kinds) func nulCharactersAreRefusedEverywhere(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            for uri in ["/browse?subject=%E5%8D%AB%00", "/api/v1/public/documents?subject=a%00b", "/search?q=%00", "/documents/1%00"] {
                let r = try await client.getPage(uri)
                #expect(r.status == .badRequest, "\(uri) answered \(r.status)")
                #expect(r.text.contains("空字符"), "\(uri): \(r.text.prefix(200))")
            }
            func letters() async throws -> Int {
                try await h.db.sql.raw("SELECT count(*) AS n FROM mailbox_messages").first(decodingColumn: "n", as: Int.self) ?? 0
            }
            let before = try await letters()
            let letter = try await client.postJSON(
                "/api/v1/public/mailbox", #"{"subject":"来信\u0000","body":"内容","name":"张三","phone":"13800138001"}"#)
            let code = (try letter.json()["error"] as? [String: Any])?["code"] as? String
            #expect(letter.status == .badRequest && code == "nul_character")
            // An escaped backslash before "u0000" is ordinary text.
            let plain = try await client.postJSON(
                "/api/v1/public/mailbox", #"{"subject":"路径 C:\\u0000","body":"内容","name":"张三","phone":"13800138001"}"#)
            #expect(plain.status == .created, "\(plain.text)")
            let csrf = String(repeating: "d", count: 43)
            let form = try await client.postForm(
                "/mailbox", [("_csrf", csrf), ("subject", "来信\u{0}"), ("body", "内容")], cookies: ["gk_csrf": csrf])
            #expect(form.status == .badRequest)
            let token = try await client.token("drafter")
            let multipart = try await client.postFile(
                "/api/v1/documents/1/attachments", fileName: "a.pdf", data: AttachmentTests.pdf, fields: [("note", "x\u{0}y")], token: token
            )
            #expect(multipart.status == .badRequest)
            // Only the ordinary letter was written.
            #expect(try await letters() == before + 1)
            #expect(APIFailure.hasNulEscape(Data(#"{"a":"\\\u0000"}"#.utf8)))
            #expect(!APIFailure.hasNulEscape(Data(#"{"a":"\\u0000","u0000":1}"#.utf8)))
        }
    }
}
