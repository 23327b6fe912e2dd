import ArgumentParser
import Foundation
import StorageSQL

/// `gongkai backup --out FILE`: an online, consistent copy of the whole database (attachments
/// included) while the server keeps running.
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an online, consistent backup of the database (attachments included) to one file.")
    @Option(help: "The backup file to write (replaced if it exists).") var out: String

    func run() async throws {
        let manifest = try await withDatabase { db in
            try await DatabaseBackup.write(db, to: URL(fileURLWithPath: out), nowMillis: Int64(Date().timeIntervalSince1970 * 1000))
        }
        let rows = manifest.tables.reduce(0) { $0 + $1.rows }
        print("已备份：\(manifest.tables.count) 张表，\(rows) 行，审计记录 \(manifest.auditEntries) 条 → \(out)")
    }
}

/// `gongkai restore FILE`: loads a backup into the empty database GONGKAI_DATABASE_URL names
/// (SQLite or PostgreSQL, whichever the backup came from), then verifies counts and the audit chain.
struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Restore a backup into an empty database, then verify the row counts and the audit chain.")
    @Argument(help: "The backup file.") var file: String

    func run() async throws {
        let db = try openDatabase()
        do {
            let manifest = try await DatabaseBackup.restore(from: URL(fileURLWithPath: file), into: db)
            let check = try await DatabaseBackup.verify(db, against: manifest)
            await db.shutdown()
            print("已恢复：\(manifest.tables.count) 张表；\(check)")
        } catch let error as DatabaseBackup.RestoreError {
            await db.shutdown()
            throw ValidationError(error.description)
        } catch {
            await db.shutdown()
            throw error
        }
    }
}
