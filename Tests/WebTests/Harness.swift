import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SQLKit
import Storage
import Synchronization
import Web

@testable import Services
@testable import StorageSQL

/// A clock the tests move by hand.
final class TestClock: Sendable {
    private let now = Mutex<Double>(1_790_000_000)  // 2026-09-21 (a Monday), 14:13 UTC
    func read() -> Double { now.withLock { $0 } }
    func advance(_ seconds: Double) { now.withLock { $0 += seconds } }
}

/// One test's world: a database of its own (a new SQLite file, or a new PostgreSQL database
/// when GONGKAI_TEST_POSTGRES_URL is set), the demo content, and the application on it.
struct Harness {
    static let password = "Demo-Pass-2026"

    static var kinds: [String] {
        ProcessInfo.processInfo.environment["GONGKAI_TEST_POSTGRES_URL"] == nil ? ["sqlite"] : ["sqlite", "postgres"]
    }

    let db: SQLDatabaseHandle
    let env: WebEnvironment
    let clock: TestClock
    private let cleanup: @Sendable () async -> Void

    /// A new, empty database of `kind` (no migrations applied) and how to remove it.
    static func emptyDatabase(_ kind: String) async throws -> (SQLDatabaseHandle, @Sendable () async -> Void) {
        let logger = Logger(label: "test")
        let db: SQLDatabaseHandle
        let cleanup: @Sendable () async -> Void
        if kind == "postgres", let base = ProcessInfo.processInfo.environment["GONGKAI_TEST_POSTGRES_URL"] {
            let name = "gk_web_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let admin = try SQLDatabaseHandle(location: .postgres(url: base), logger: logger, maxConnectionsPerLoop: 1)
            try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
            var parts = URLComponents(string: base)!
            parts.path = "/" + name
            // Two connections per event loop: the tests run in parallel, each on a database of its
            // own, and together they must stay under the server's max_connections.
            db = try SQLDatabaseHandle(location: .postgres(url: parts.string!), logger: logger, maxConnectionsPerLoop: 2)
            cleanup = {
                try? await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
                await admin.shutdown()
            }
        } else {
            let path = NSTemporaryDirectory() + "gongkai-web-\(UUID().uuidString).sqlite"
            db = try SQLDatabaseHandle(location: .sqlite(path: path), logger: logger)
            cleanup = {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }
        return (db, cleanup)
    }

    static func make(
        _ kind: String, settings: WebSettings = WebSettings(), rules: ServiceSettings = ServiceSettings(bcryptCost: 4), demo: Bool = true
    ) async throws -> Harness {
        let clock = TestClock()
        let (db, cleanup) = try await emptyDatabase(kind)
        try await MigrationRunner(database: db).migrate()
        let services = ServiceEnvironment(database: db, settings: rules, calendar: CalendarService(), clock: { clock.read() })
        var settings = settings
        settings.checkResponses = true  // every JSON body the tests see is checked against the API description
        let env = WebEnvironment(services: services, settings: settings)
        if demo {
            _ = try await FirstStart.run(env.services, options: .init(demo: true, fixedPassword: password))
        }
        return Harness(db: db, env: env, clock: clock, cleanup: cleanup)
    }

    /// Runs `body` against the router, then closes and removes the database.
    func run(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(responder: buildResponder(env))
        do {
            try await app.test(.router) { client in try await body(client) }
        } catch {
            await close()
            throw error
        }
        await close()
    }

    func close() async {
        await db.shutdown()
        await cleanup()
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// `name=value` of a Set-Cookie header, and its attributes.
    func cookie(_ name: String) -> String? {
        headers[values: .setCookie].first { $0.hasPrefix(name + "=") }
    }

    func cookieValue(_ name: String) -> String? {
        cookie(name).map { String($0.dropFirst(name.count + 1).prefix { $0 != ";" }) }
    }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] ?? [:]
    }

    var errorCode: String? { ((try? json())?["error"] as? [String: Any])?["code"] as? String }
    var errorField: String? { ((try? json())?["error"] as? [String: Any])?["field"] as? String }
}

extension TestClientProtocol {
    func getJSON(_ uri: String, token: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: .get, headers: headers)
    }

    func postJSON(_ uri: String, _ body: String, token: String? = nil, method: HTTPRequest.Method = .post) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: body))
    }

    /// Posts a multipart form with one file field named `file`.
    func postFile(
        _ uri: String, fileName: String, data: Data, fields: [(String, String)] = [], token: String? = nil,
        cookies: [String: String] = [:], field: String = "file"
    ) async throws -> TestResponse {
        let boundary = "----gongkai-test-boundary"
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// Signs in through the JSON API and returns the bearer token.
    func token(_ username: String, password: String = Harness.password) async throws -> String {
        let r = try await postJSON("/api/v1/auth/login", #"{"username":"\#(username)","password":"\#(password)"}"#)
        guard r.status == .ok, let token = try r.json()["token"] as? String else {
            throw HTTPError(.unauthorized, message: "login failed for \(username): \(r.status) \(r.text)")
        }
        return token
    }

    /// Posts a form with the given cookies; values are percent-encoded.
    func postForm(_ uri: String, _ fields: [(String, String)], cookies: [String: String] = [:], headers extra: HTTPFields = [:])
        async throws -> TestResponse
    {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        headers.append(contentsOf: extra)
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func getPage(_ uri: String, cookies: [String: String] = [:]) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        return try await execute(uri: uri, method: .get, headers: headers)
    }

    /// Signs in through the login form as a browser would; returns the cookies to send after.
    func signInWithForm(_ username: String, password: String = Harness.password) async throws -> [String: String] {
        let form = try await getPage("/login")
        guard let csrf = form.cookieValue("gk_csrf") else { throw HTTPError(.internalServerError, message: "no csrf cookie") }
        let r = try await postForm("/login", [("_csrf", csrf), ("username", username), ("password", password)], cookies: ["gk_csrf": csrf])
        guard r.status == .seeOther, let session = r.cookieValue("gk_session") else {
            throw HTTPError(.unauthorized, message: "form login failed: \(r.status)")
        }
        return ["gk_session": session, "gk_csrf": csrf]
    }

    /// The CSRF token a signed-in page carries in its forms.
    func csrfToken(on uri: String, cookies: [String: String]) async throws -> String {
        let page = try await getPage(uri, cookies: cookies)
        guard let range = page.text.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression) else { return "" }
        return String(page.text[range].split(separator: "\"")[3])
    }
}
