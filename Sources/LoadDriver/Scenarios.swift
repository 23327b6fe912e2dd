import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// What the clients share: the published documents and search words found at the start, the
/// staff tokens, the consultation open for comments, and the tracking codes handed out so far.
final class World: Sendable {
    let documentIDs: [Int]
    let words: [String]
    let tokens: [String: String]
    let consultationID: Int?
    let deadline: ContinuousClock.Instant
    let maxRequests: Int
    private let sent = Atomic<Int>(0)
    private let codes = Mutex([String]())

    init(
        documentIDs: [Int], words: [String], tokens: [String: String], consultationID: Int?, deadline: ContinuousClock.Instant,
        maxRequests: Int
    ) {
        self.maxRequests = maxRequests
        self.documentIDs = documentIDs
        self.words = words
        self.tokens = tokens
        self.consultationID = consultationID
        self.deadline = deadline
    }

    /// Whether time and the request budget are left.
    var mayContinue: Bool { ContinuousClock.now < deadline && sent.load(ordering: .relaxed) < maxRequests }

    /// Takes one request from the budget; false when time or budget has run out.
    func takeTurn() -> Bool {
        ContinuousClock.now < deadline && sent.add(1, ordering: .relaxed).newValue <= maxRequests
    }

    func addCode(_ code: String) { codes.withLock { $0.append(code) } }
    func someCode() -> String? { codes.withLock { $0.randomElement() } }
}

/// One simulated client's loop. Each kind keeps its own connection and sends its next request as
/// soon as the last is answered (a closed loop), so throughput is what the server can do.
enum Scenario: String, CaseIterable {
    case reader, citizen, commenter, staff

    func step(_ c: HTTPConnection, _ world: World, _ tally: inout Tally) async throws {
        switch self {
        case .reader: try await read(c, world, &tally)
        case .citizen: try await submitRequest(c, world, &tally)
        case .commenter: try await comment(c, world, &tally)
        case .staff: try await publishOne(c, world, &tally)
        }
    }

    /// Sends one request, times it and checks the status; the answer when the status is expected.
    @discardableResult
    static func timed(
        _ label: String, _ c: HTTPConnection, _ method: HTTPMethod, _ path: String, expect: Set<Int> = [200],
        headers: [(String, String)] = [], json: String? = nil, _ tally: inout Tally
    ) async throws -> Answer? {
        let start = ContinuousClock.now
        let answer = try await c.send(method, path, headers: headers, json: json)
        let elapsed = ContinuousClock.now - start
        tally.record(label, Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        guard expect.contains(answer.status) else {
            tally.fail(label, "\(method) \(path) → \(answer.status) \(answer.text.prefix(160))")
            return nil
        }
        return answer
    }

    /// A visitor from an address of its own: the server trusts X-Forwarded-For (as behind nginx),
    /// so the per-address limits on public forms apply per simulated person.
    static func visitor() -> [(String, String)] {
        [("X-Forwarded-For", "10.\(Int.random(in: 0...255)).\(Int.random(in: 0...255)).\(Int.random(in: 1...254))")]
    }

    /// A well-formed 居民身份证号: region, birth date, sequence and the ISO 7064 MOD 11-2 check.
    static func idNumber() -> String {
        let front =
            "110105"
            + String(
                format: "%04d%02d%02d%03d", Int.random(in: 1940...2005), Int.random(in: 1...12), Int.random(in: 1...28),
                Int.random(in: 1...999))
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(front, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return front + String(Array("10X98765432")[sum % 11])
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s
    }

    private func read(_ c: HTTPConnection, _ world: World, _ tally: inout Tally) async throws {
        let id = world.documentIDs.randomElement() ?? 1
        switch Int.random(in: 0..<100) {
        case 0..<25: try await Self.timed("page /documents/:id", c, .GET, "/documents/\(id)", &tally)
        case 25..<40: try await Self.timed("page /", c, .GET, "/", &tally)
        case 40..<55:
            let q = world.words.randomElement() ?? "卫生"
            try await Self.timed("page /search", c, .GET, "/search?q=" + Self.encode(q), &tally)
        case 55..<65:
            try await Self.timed("api public documents", c, .GET, "/api/v1/public/documents?page=\(Int.random(in: 1...20))", &tally)
        case 65..<75: try await Self.timed("api public document", c, .GET, "/api/v1/public/documents/\(id)", &tally)
        case 75..<85:
            guard let code = world.someCode() else { return }
            try await Self.timed(
                "api track request", c, .GET, "/api/v1/public/requests/" + Self.encode(code), headers: Self.visitor(), &tally)
        case 85..<93: try await Self.timed("page /requests/new", c, .GET, "/requests/new", &tally)
        default:
            guard let cid = world.consultationID else { return }
            try await Self.timed("api consultation", c, .GET, "/api/v1/public/consultations/\(cid)", &tally)
        }
    }

    private func submitRequest(_ c: HTTPConnection, _ world: World, _ tally: inout Tally) async throws {
        let n = Int.random(in: 1000...9999)
        let body = #"""
            {"applicant":{"type":"natural_person","name":"压力测试\#(n)","idNumber":"\#(Self.idNumber())","phone":"138\#(n)\#(n)","email":"load\#(n)@example.com"},\#
            "description":"请公开\#(2020 + n % 6)年本市第\#(n)号托育机构备案材料","purpose":"了解托育服务","delivery":"email"}
            """#
        guard
            let answer = try await Self.timed(
                "api submit request", c, .POST, "/api/v1/public/requests", expect: [201], headers: Self.visitor(), json: body, &tally),
            let code = answer.object?["trackingCode"] as? String
        else { return }
        world.addCode(code)
    }

    private func comment(_ c: HTTPConnection, _ world: World, _ tally: inout Tally) async throws {
        guard let cid = world.consultationID else { return }
        let n = Int.random(in: 1...99_999)
        try await Self.timed(
            "api post comment", c, .POST, "/api/v1/public/consultations/\(cid)/comments", expect: [200, 201],
            headers: Self.visitor(), json: #"{"text":"建议第\#(n)条明确夜间托育的人员配备要求。","name":"市民\#(n)"}"#, &tally)
    }

    /// The whole chain for one document: drafted, submitted, three levels of review, published.
    private func publishOne(_ c: HTTPConnection, _ world: World, _ tally: inout Tally) async throws {
        func auth(_ role: String) -> [(String, String)] { [("Authorization", "Bearer " + (world.tokens[role] ?? ""))] }
        let n = Int.random(in: 1...999_999)
        let draft = #"""
            {"title":"关于开展第\#(n)批托育机构质量评估工作的通知","body":"各区县卫生健康局：现将第\#(n)批托育机构质量评估工作安排通知如下。","category":"政策文件","kind":"policy","documentNumber":"示卫发〔2026〕\#(n)号","writtenOn":"2026-09-18"}
            """#
        guard
            let created = try await Self.timed(
                "staff create draft", c, .POST, "/api/v1/documents", expect: [201], headers: auth("drafter"), json: draft, &tally),
            let id = created.object?["id"] as? Int
        else { return }
        let base = "/api/v1/documents/\(id)"
        guard try await Self.timed("staff submit", c, .POST, base + "/submit", headers: auth("drafter"), &tally) != nil else { return }
        let levels: [(String, String)] = [
            ("reviewer", #"{"comment":"同意"}"#), ("office", #"{"comment":"不涉密","confidentialityCleared":true}"#),
            ("leader", #"{"comment":"同意发布"}"#),
        ]
        for (role, body) in levels {
            guard try await Self.timed("staff approve", c, .POST, base + "/approve", headers: auth(role), json: body, &tally) != nil
            else { return }
        }
        try await Self.timed("staff publish", c, .POST, base + "/publish", headers: auth("publisher"), &tally)
    }
}
