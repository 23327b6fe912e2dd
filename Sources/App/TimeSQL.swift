import ArgumentParser
import Foundation

/// `gongkai time-sql`: times one statement with the server's own database library, for
/// benchmarks that compare the HTTP API against the bare query (the floor).
struct TimeSQL: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "time-sql",
        abstract: "Benchmarks: run one SQL statement N times and print its timings in milliseconds as JSON.")
    @Argument(help: "The statement; {} stands for --value, bound as a parameter.") var statement: String
    @Option(help: "The value bound for {}.") var value = ""
    @Option(help: "How many runs.") var runs = 30

    func run() async throws {
        let (statement, value, runs) = (statement, value, runs)
        let (rows, times) = try await withDatabase { try await $0.timings(of: statement, binding: value, runs: runs) }
        let json = try JSONSerialization.data(withJSONObject: ["rows": rows, "ms": times])
        print(String(decoding: json, as: UTF8.self))
    }
}
