import ArgumentParser
import Foundation
import NIOCore
import NIOPosix

/// `gongkai-load`: a mixed workload against a running `gongkai serve` on this machine, for a fixed
/// time and at most a fixed number of requests. Public readers browse, search and track; citizens
/// submit requests; commenters post on the open consultation; staff draft, review and publish.
/// Prints throughput, p50/p99 latency and errors per kind of request, and the server's peak RSS.
@main
struct LoadDriver: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gongkai-load", abstract: "Mixed load against a local gongkai serve.")

    @Option(help: "Server address (loopback only).") var url = "http://127.0.0.1:8080"
    @Option(help: "How long to run, in seconds.") var seconds = 60
    @Option(help: "Stop after this many requests in all.") var maxRequests = 2_000_000
    @Option(help: "Public readers (pages, search, tracking).") var readers = 24
    @Option(help: "Citizens submitting requests.") var citizens = 2
    @Option(help: "Visitors posting consultation comments.") var commenters = 1
    @Option(help: "Staff pipelines (draft → three reviews → publish).") var staff = 1
    @Option(help: "Password of the demo accounts (GONGKAI_DEMO_PASSWORD).") var password = "Demo-Pass-2026"
    @Option(help: "The server's process ID, for its resident memory and CPU time.") var pid: Int?

    func run() async throws {
        guard let parsed = URL(string: url), let host = parsed.host, ["127.0.0.1", "localhost", "::1"].contains(host),
            let port = parsed.port
        else { throw ValidationError("--url must be http://127.0.0.1:PORT: load is only sent to this machine") }
        let group = MultiThreadedEventLoopGroup.singleton

        let world = try await prepare(host: host, port: port, group: group)
        let cpuBefore = pid.flatMap(Self.cpuSeconds)
        let started = ContinuousClock.now
        let plan: [(Scenario, Int)] = [(.reader, readers), (.citizen, citizens), (.commenter, commenters), (.staff, staff)]
        let total = await withTaskGroup(of: Tally.self) { tasks in
            for (scenario, count) in plan {
                for _ in 0..<count {
                    tasks.addTask {
                        var tally = Tally()
                        while world.mayContinue {
                            do {
                                try await HTTPConnection.with(host: host, port: port, group: group) { c in
                                    while world.takeTurn() {
                                        try await scenario.step(c, world, &tally)
                                    }
                                }
                            } catch {
                                tally.fail("\(scenario.rawValue) connection", "\(error)")
                                try? await Task.sleep(for: .milliseconds(50))
                            }
                        }
                        return tally
                    }
                }
            }
            var all = Tally()
            for await t in tasks { all.merge(t) }
            return all
        }
        let elapsed = ContinuousClock.now - started
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let cpuAfter = pid.flatMap(Self.cpuSeconds)
        report(total, wall: wall, cpu: cpuBefore.flatMap { before in cpuAfter.map { $0 - before } })
        if total.errorCount > 0 { throw ExitCode(1) }
    }

    /// Signs the staff in and reads what the readers will ask for.
    func prepare(host: String, port: Int, group: any EventLoopGroup) async throws -> World {
        var tokens: [String: String] = [:]
        var ids: [Int] = []
        var words: Set<String> = ["卫生", "托育", "家庭医生", "疫苗", "医疗机构", "公开"]
        var consultation: Int?
        try await HTTPConnection.with(host: host, port: port, group: group) { c in
            if staff > 0 {
                for role in ["drafter", "reviewer", "office", "leader", "publisher"] {
                    let a = try await c.send(.POST, "/api/v1/auth/login", json: #"{"username":"\#(role)","password":"\#(password)"}"#)
                    guard a.status == 200, let t = a.object?["token"] as? String else {
                        throw ValidationError("cannot sign in as \(role): \(a.status) \(a.text)")
                    }
                    tokens[role] = t
                }
            }
            for page in 1...25 {
                let a = try await c.send(.GET, "/api/v1/public/documents?page=\(page)")
                guard let items = a.object?["items"] as? [[String: Any]], !items.isEmpty else { break }
                for item in items {
                    if let id = item["id"] as? Int { ids.append(id) }
                    if let title = item["title"] as? String {
                        let chars = Array(
                            title.filter { $0.unicodeScalars.first.map { $0.value >= 0x4E00 && $0.value <= 0x9FFF } ?? false })
                        if chars.count >= 4 {
                            let start = Int.random(in: 0...(chars.count - 4))
                            words.insert(String(chars[start..<start + Int.random(in: 2...4)]))
                        }
                    }
                }
            }
            let list = try await c.send(.GET, "/api/v1/public/consultations")
            consultation = (list.object?["items"] as? [[String: Any]])?.first { $0["status"] as? String == "open" }?["id"] as? Int
        }
        guard !ids.isEmpty else { throw ValidationError("the server has no published documents to read") }
        if commenters > 0 && consultation == nil { throw ValidationError("no consultation is open for comments") }
        print("documents: \(ids.count), search words: \(words.count), consultation: \(consultation.map(String.init) ?? "none")")
        return World(
            documentIDs: ids, words: Array(words), tokens: tokens, consultationID: consultation,
            deadline: .now + .seconds(seconds), maxRequests: maxRequests)
    }

    func report(_ t: Tally, wall: Double, cpu: Double?) {
        func line(_ label: String, _ values: [Double], _ errors: Int) -> String {
            let s = values.sorted()
            return label.padding(toLength: 24, withPad: " ", startingAt: 0)
                + String(
                    format: " %8d %9.1f %8.2f %8.2f %8.2f %6d", s.count, Double(s.count) / wall, Tally.percentile(s, 0.5),
                    Tally.percentile(s, 0.99), s.last ?? 0, errors)
        }
        print("request".padding(toLength: 24, withPad: " ", startingAt: 0) + "    count     req/s   p50 ms   p99 ms   max ms errors")
        let labels = Set(t.latencies.keys).union(t.errors.keys).sorted()
        for label in labels { print(line(label, t.latencies[label] ?? [], t.errors[label] ?? 0)) }
        let all = t.latencies.values.flatMap { $0 }
        print(line("all", all, t.errorCount))
        for s in t.samples { print("error: \(s)") }
        let s = all.sorted()
        var summary = String(
            format: "RESULT seconds=%.1f requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d", wall, s.count, Double(s.count) / wall,
            Tally.percentile(s, 0.5), Tally.percentile(s, 0.99), t.errorCount)
        if let pid, let peak = Self.status(pid, "VmHWM") { summary += String(format: " peak_rss_mb=%.0f", Double(peak) / 1024) }
        if let cpu { summary += String(format: " server_cpu=%.0f%%", cpu / wall * 100) }
        print(summary)
    }

    /// A field of /proc/PID/status in kB.
    static func status(_ pid: Int, _ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    /// User plus system CPU seconds of a process, from /proc/PID/stat.
    static func cpuSeconds(_ pid: Int) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / 100
    }
}
