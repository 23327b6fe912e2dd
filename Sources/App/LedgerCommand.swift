import ArgumentParser
import Domain
import Foundation
import Services

/// `gongkai ledger preview FILE`: what an import would read from a plan or ledger, without a database.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "工作要点与任务落实台账", subcommands: [Preview.self])

    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "预览从 .txt 或 .docx 读出的板块和任务（不写数据库）")

        @Argument(help: "工作要点或任务落实台账文件（.txt 或 .docx）")
        var file: String

        @Option(help: "计划年度（用于“11月”等完成时限）")
        var year: Int = Calendar(identifier: .gregorian).component(.year, from: Date())

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("无法读取文件 \(file)") }
            let sections: [ImportedSection]
            do { sections = try LedgerReading.sections(from: data, fileName: file) } catch { throw ValidationError(error.message) }
            var tasks = 0
            var subtasks = 0
            for s in sections {
                print("\(s.number)、\(s.title)（\(s.tasks.count) 项）")
                for t in s.tasks {
                    tasks += 1
                    subtasks += t.subtasks.count
                    let deadline = TaskDeadline.parse(t.deadlineText, year: year).apiValue ?? "—"
                    let units = t.units.map { $0.name + ($0.role == .cooperating ? "（配合）" : "") }.joined(separator: "、")
                    print(
                        "  \(t.number). \(t.title)｜责任：\(units.isEmpty ? "—" : units)｜时限：\(deadline)"
                            + (t.leader.isEmpty ? "" : "｜领导：\(t.leader)"))
                    for sub in t.subtasks { print("     \(sub.number)) \(sub.title)") }
                }
            }
            print("合计：\(sections.count) 个板块，\(tasks) 项任务，\(subtasks) 项子任务")
        }
    }
}
