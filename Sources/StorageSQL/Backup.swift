import Domain
public import Foundation
import SQLKit
import Storage
import ZIPFoundation

/// Online backups and restores of the whole database, attachments included (they are stored in
/// it). A backup is one zip file: `manifest.json` and one JSON-lines file per table, read inside
/// a single read-only snapshot (SQLite WAL read transaction; PostgreSQL REPEATABLE READ), so it
/// is consistent while the server keeps serving and writing. The format names columns, not
/// positions, and carries plain values, so a backup of the embedded SQLite restores into
/// PostgreSQL and back. The full-text index is not copied; the restore rebuilds it.
public enum DatabaseBackup {
    public static let format = 1

    public struct Manifest: Codable, Sendable, Equatable {
        public struct Table: Codable, Sendable, Equatable {
            public var name: String
            public var columns: [String]
            public var rows: Int
        }
        public var format: Int
        public var kind: String
        public var createdAtMillis: Int64
        /// The highest migration applied in the source.
        public var migration: Int
        public var tables: [Table]
        public var auditEntries: Int

        public func rows(_ table: String) -> Int? { tables.first { $0.name == table }?.rows }
    }

    /// One value, typed the way both databases store it.
    enum Cell: Codable, Equatable {
        case null
        case int(Int64)
        case double(Double)
        case text(String)
        case bool(Bool)
        case blob(Data)

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .null
            } else if let b = try? c.decode(Bool.self) {
                self = .bool(b)
            } else if let i = try? c.decode(Int64.self) {
                self = .int(i)
            } else if let s = try? c.decode(String.self) {
                self = .text(s)
            } else {
                let o = try c.decode([String: String].self)
                if let b = o["b64"], let data = Data(base64Encoded: b) {
                    self = .blob(data)
                } else if let f = o["f"], let d = Double(f) {
                    self = .double(d)
                } else {
                    throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown cell")
                }
            }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .null: try c.encodeNil()
            case .int(let i): try c.encode(i)
            case .double(let d): try c.encode(["f": "\(d)"])
            case .text(let s): try c.encode(s)
            case .bool(let b): try c.encode(b)
            case .blob(let d): try c.encode(["b64": d.base64EncodedString()])
            }
        }
    }

    enum ColumnType {
        case integer, real, text, blob, boolean

        init(declared: String) {
            let t = declared.lowercased()
            if t.contains("int") || t == "serial" || t == "bigserial" {
                self = .integer
            } else if t.contains("bool") {
                self = .boolean
            } else if t.contains("real") || t.contains("double") || t.contains("float") || t.contains("numeric") {
                self = .real
            } else if t.contains("blob") || t.contains("bytea") {
                self = .blob
            } else {
                self = .text
            }
        }
    }

    /// Tables not copied: bookkeeping and the search index (rebuilt on restore).
    static func skipped(_ name: String) -> Bool {
        name == "schema_migrations" || name.hasPrefix("document_search") || name.hasPrefix("sqlite_")
    }

    /// The user tables in creation order.
    static func tables(_ db: any SQLDatabase) async throws -> [String] {
        let rows =
            db.dialect.name == "sqlite"
            ? try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid").all()
            : try await db.raw(
                """
                SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.oid
                """
            ).all()
        return try rows.map { try $0.decode(column: "name", as: String.self) }.filter { !skipped($0) }
    }

    static func columns(_ db: any SQLDatabase, table: String) async throws -> [(String, ColumnType)] {
        let rows =
            db.dialect.name == "sqlite"
            ? try await db.raw("SELECT name, type FROM pragma_table_info(\(bind: table)) ORDER BY cid").all()
            : try await db.raw(
                """
                SELECT column_name AS name, data_type AS type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position
                """
            ).all()
        return try rows.map {
            (try $0.decode(column: "name", as: String.self), ColumnType(declared: try $0.decode(column: "type", as: String.self)))
        }
    }

    /// Tables each table refers to by foreign key.
    static func references(_ db: any SQLDatabase, tables: [String]) async throws -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        if db.dialect.name == "sqlite" {
            for t in tables {
                let rows = try await db.raw("SELECT \"table\" AS ref FROM pragma_foreign_key_list(\(bind: t))").all()
                out[t] = Set(try rows.map { try $0.decode(column: "ref", as: String.self) })
            }
        } else {
            let rows = try await db.raw(
                """
                SELECT tc.table_name AS name, ccu.table_name AS ref FROM information_schema.table_constraints tc
                JOIN information_schema.constraint_column_usage ccu
                  ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
                WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
                """
            ).all()
            for r in rows {
                out[try r.decode(column: "name", as: String.self), default: []].insert(try r.decode(column: "ref", as: String.self))
            }
        }
        return out
    }

    /// `tables` with every table after those it refers to (creation order otherwise).
    static func dependencyOrder(_ tables: [String], references: [String: Set<String>]) -> [String] {
        var placed: [String] = []
        var done = Set<String>()
        var remaining = tables
        while !remaining.isEmpty {
            guard
                let next = remaining.firstIndex(where: { t in
                    (references[t] ?? []).allSatisfy { $0 == t || done.contains($0) || !tables.contains($0) }
                })
            else {
                // A cycle: keep creation order for what is left.
                placed += remaining
                break
            }
            let t = remaining.remove(at: next)
            placed.append(t)
            done.insert(t)
        }
        return placed
    }

    static func cell(_ row: any SQLRow, _ column: String, _ type: ColumnType) throws -> Cell {
        if try row.decodeNil(column: column) { return .null }
        switch type {
        case .integer: return .int(try row.decode(column: column, as: Int64.self))
        case .real: return .double(try row.decode(column: column, as: Double.self))
        case .text: return .text(try row.decode(column: column, as: String.self))
        case .boolean: return .bool(try row.decode(column: column, as: Bool.self))
        case .blob: return .blob(try row.decode(column: column, as: Data.self))
        }
    }

    /// Collects the lines of one table; rows arrive on the database's threads.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        private(set) var count = 0
        private var failure: (any Error)?

        func append(_ line: Data) {
            lock.withLock {
                data.append(line)
                data.append(0x0A)
                count += 1
            }
        }

        func fail(_ error: any Error) { lock.withLock { failure = failure ?? error } }

        func take() throws -> Data {
            try lock.withLock {
                if let failure { throw failure }
                return data
            }
        }
    }

    /// Writes a backup of `database` to `url` (replaced if it exists) and returns its manifest.
    public static func write(_ database: SQLDatabaseHandle, to url: URL, nowMillis: Int64) async throws -> Manifest {
        let applied = try await MigrationRunner(database: database).applied().max() ?? 0
        let kind = database.kind
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        // Each table is read inside the snapshot and staged as a file; the zip is written after.
        let tables: [Manifest.Table] = try await database.withSnapshot { db in
            var out: [Manifest.Table] = []
            for table in try await Self.tables(db) {
                let columns = try await columns(db, table: table)
                let lines = Lines()
                let encoder = JSONEncoder()
                try await db.raw("SELECT * FROM \(ident: table)").run { row in
                    do {
                        lines.append(try encoder.encode(try columns.map { try cell(row, $0.0, $0.1) }))
                    } catch {
                        lines.fail(error)
                    }
                }
                try lines.take().write(to: staging.appendingPathComponent("\(table).jsonl"))
                out.append(Manifest.Table(name: table, columns: columns.map(\.0), rows: lines.count))
            }
            return out
        }
        try? FileManager.default.removeItem(at: tmp)
        let archive = try Archive(url: tmp, accessMode: .create)
        for t in tables {
            try archive.addEntry(
                with: "tables/\(t.name).jsonl", fileURL: staging.appendingPathComponent("\(t.name).jsonl"), compressionMethod: .deflate)
        }
        let manifest = Manifest(
            format: format, kind: kind, createdAtMillis: nowMillis, migration: applied, tables: tables,
            auditEntries: tables.first { $0.name == "audit_log" }?.rows ?? 0)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(manifest)
        try archive.addEntry(
            with: "manifest.json", type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
            provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.moveItem(at: tmp, to: url)
        return manifest
    }

    public struct RestoreError: Error, CustomStringConvertible {
        public var description: String
    }

    static func entry(_ archive: Archive, _ path: String) throws -> Data {
        guard let e = archive[path] else { throw RestoreError(description: "备份文件中缺少 \(path)") }
        var data = Data()
        _ = try archive.extract(e, skipCRC32: false) { data.append($0) }
        return data
    }

    /// Reads a backup's manifest without restoring it.
    public static func manifest(of url: URL) throws -> Manifest {
        let archive = try Archive(url: url, accessMode: .read)
        return try JSONDecoder().decode(Manifest.self, from: try entry(archive, "manifest.json"))
    }

    /// Restores a backup into an empty database: migrates it to the backup's schema, loads every
    /// table in dependency order in one transaction, brings the schema up to date, resets the
    /// PostgreSQL sequences and rebuilds the search index. Refuses a database that has data.
    public static func restore(from url: URL, into database: SQLDatabaseHandle) async throws -> Manifest {
        let archive = try Archive(url: url, accessMode: .read)
        let manifest = try JSONDecoder().decode(Manifest.self, from: try entry(archive, "manifest.json"))
        guard manifest.format == format else { throw RestoreError(description: "不支持的备份格式 \(manifest.format)") }
        let runner = MigrationRunner(database: database)
        guard manifest.migration <= runner.latest else {
            throw RestoreError(description: "备份来自较新的版本（迁移 \(manifest.migration)），请先升级本程序")
        }
        try await runner.migrate(upTo: manifest.migration)
        let sql = database.sql
        // Migrations seed a few rows (the audit head); records of any kind mean the database is in use.
        for table in ["agencies", "users", "audit_log", "catalog_documents"] {
            let n = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first(decodingColumn: "n", as: Int.self) ?? 0
            guard n == 0 else { throw RestoreError(description: "目标数据库不是空的（\(table) 已有 \(n) 行）；请恢复到新建的空数据库") }
        }
        let present = Set(try await tables(sql))
        let order = dependencyOrder(
            manifest.tables.map(\.name).filter(present.contains), references: try await references(sql, tables: Array(present)))
        let blobs = try order.map { name in (name, try entry(archive, "tables/\(name).jsonl")) }
        let byName = Dictionary(uniqueKeysWithValues: manifest.tables.map { ($0.name, $0) })
        try await database.withTransaction { db in
            // What the migrations seeded is replaced by what the backup holds.
            for name in order.reversed() { try await db.raw("DELETE FROM \(ident: name)").run() }
            for (name, data) in blobs {
                let target = Dictionary(uniqueKeysWithValues: try await columns(db, table: name))
                let source = byName[name]!.columns
                let decoder = JSONDecoder()
                for line in data.split(separator: 0x0A) where !line.isEmpty {
                    let cells = try decoder.decode([Cell].self, from: Data(line))
                    var insert = db.insert(into: name)
                    var columns: [String] = []
                    var values: [any SQLExpression] = []
                    for (column, value) in zip(source, cells) {
                        guard let type = target[column] else { continue }  // a column dropped since
                        columns.append(column)
                        values.append(bind(value, as: type))
                    }
                    insert = insert.columns(columns).values(values)
                    try await insert.run()
                }
            }
        }
        if sql.dialect.name != "sqlite" {
            for name in order where (try await columns(sql, table: name)).contains(where: { $0.0 == "id" }) {
                try await sql.raw(
                    """
                    SELECT setval(pg_get_serial_sequence(\(bind: name), 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL)
                    FROM \(ident: name) WHERE pg_get_serial_sequence(\(bind: name), 'id') IS NOT NULL
                    """
                ).run()
            }
        }
        try await runner.migrate()
        try await rebuildSearch(database)
        return manifest
    }

    static func bind(_ cell: Cell, as type: ColumnType) -> any SQLExpression {
        switch (cell, type) {
        case (.null, _): return SQLLiteral.null
        case (.bool(let b), .integer): return SQLBind(b ? 1 : 0)
        case (.int(let i), .boolean): return SQLBind(i != 0)
        case (.int(let i), .real): return SQLBind(Double(i))
        case (.int(let i), _): return SQLBind(i)
        case (.double(let d), _): return SQLBind(d)
        case (.text(let s), _): return SQLBind(s)
        case (.bool(let b), _): return SQLBind(b)
        case (.blob(let d), _): return SQLBind(d)
        }
    }

    /// Puts every document on the portal back into the search index.
    static func rebuildSearch(_ database: SQLDatabaseHandle) async throws {
        let ids = try await database.sql.raw("SELECT id FROM catalog_documents WHERE status = 'published' ORDER BY id").all()
            .map { try $0.decode(column: "id", as: Int64.self) }
        let stores = database.stores
        var start = 0
        while start < ids.count {
            let batch = Array(ids[start..<min(ids.count, start + 500)])
            for d in try await stores.documents.find(ids: batch) where d.disclosure.attribute.reachesPortal {
                try await stores.search.put(documentID: d.id, title: d.title, body: RichText.plain(d.publicBody))
            }
            start += batch.count
        }
    }
}

extension DatabaseBackup {
    /// Compares every table's rows with the manifest and verifies the audit chain; throws a
    /// `RestoreError` naming the first difference, else returns a one-line summary.
    public static func verify(_ database: SQLDatabaseHandle, against manifest: Manifest) async throws -> String {
        for table in manifest.tables {
            let n =
                try await database.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table.name)").first(decodingColumn: "n", as: Int.self) ?? 0
            guard n == table.rows else { throw RestoreError(description: "\(table.name)：备份 \(table.rows) 行，恢复后 \(n) 行") }
        }
        switch try await AuditVerifier.verify(database.stores.audit) {
        case .intact(let n):
            return "各表行数与备份一致，审计链完整（\(n) 条）"
        case .altered(let seq):
            throw RestoreError(description: "审计链第 \(seq) 条与其哈希不符")
        case .broken(let seq, let expected):
            throw RestoreError(description: "审计链断裂：应为第 \(expected) 条，读到第 \(seq) 条")
        }
    }
}
