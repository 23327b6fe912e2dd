/// What a change to the public view touches, so that the page cache forgets only what it must.
public enum PublicChange: Sendable, Equatable {
    /// Settings, an agency's site, consultations, reports: every page may show it.
    case everything
    /// Documents published, withdrawn or expired: every page that lists documents (home,
    /// catalog, columns, feeds) and the pages of these documents and of those that show them.
    case documents(Set<Int64>)

    /// How a change is written down for the other app instances (see `PublicVersionWatcher`).
    public var note: String {
        switch self {
        case .everything: "*"
        case .documents(let ids): Self.documentsValue(Array(ids))
        }
    }

    /// A note read back; anything unreadable is taken as a change to everything.
    public init(note: String) {
        let ids = note.split(separator: " ").map { Int64($0) }
        if note == "*" || ids.isEmpty || ids.contains(nil) {
            self = .everything
        } else {
            self = .documents(Set(ids.compactMap { $0 }))
        }
    }

    /// Document IDs as a note and as the header a document page declares them in: each once,
    /// in order, separated by spaces.
    public static func documentsValue(_ ids: [Int64?]) -> String {
        Set(ids.compactMap { $0 }).sorted().map(String.init).joined(separator: " ")
    }
}

/// Hears of every change to what the public sees, as it is written. The web layer's page cache
/// implements it; the services know nothing of pages.
public protocol PublicChangeListener: Sendable {
    func publicViewChanged(_ change: PublicChange)
}

/// No one listening: the commands, and services used without a portal.
public struct NoPublicChangeListener: PublicChangeListener, Sendable {
    public init() {}
    public func publicViewChanged(_ change: PublicChange) {}
}
