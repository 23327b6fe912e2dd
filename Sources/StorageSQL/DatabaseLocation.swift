public import Foundation

/// Where the data lives, read from `GONGKAI_DATABASE_URL`.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// `sqlite:///absolute/path.sqlite`, `postgres://user:pass@host:port/db`, or nothing for
    /// `gongkai.sqlite` in the working directory.
    public init(environmentValue: String?, workingDirectory: String = FileManager.default.currentDirectoryPath) throws {
        guard let value = environmentValue?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            self = .sqlite(path: workingDirectory + "/gongkai.sqlite")
            return
        }
        if value.hasPrefix("sqlite://") {
            let path = String(value.dropFirst("sqlite://".count))
            guard path.hasPrefix("/"), path.count > 1 else {
                throw DatabaseLocationError(message: "GONGKAI_DATABASE_URL: sqlite 地址须为绝对路径，如 sqlite:///var/lib/gongkai/gongkai.sqlite")
            }
            self = .sqlite(path: path)
        } else if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            self = .postgres(url: value)
        } else {
            throw DatabaseLocationError(message: "GONGKAI_DATABASE_URL 须以 sqlite:// 或 postgres:// 开头")
        }
    }

    /// The location without the password, for logs.
    public var redacted: String {
        switch self {
        case .sqlite(let path): return "sqlite://" + path
        case .postgres(let url):
            guard var c = URLComponents(string: url) else { return "postgres://…" }
            if c.password != nil { c.password = "***" }
            return c.string ?? "postgres://…"
        }
    }
}

public struct DatabaseLocationError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
