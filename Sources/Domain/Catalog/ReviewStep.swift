/// One archived step of a document's review and publication (每一步留痕): who did what, when,
/// at which level, with what comment.
public struct ReviewStep: Hashable, Sendable, Codable {
    public var documentID: Int64
    public var revision: Int
    public var action: String
    /// The review level's name, or empty for steps outside review (submit, publish, withdraw).
    public var levelName: String
    public var actorID: Int64?
    public var actorName: String
    public var comment: String
    public var atMillis: Int64

    public init(
        documentID: Int64, revision: Int, action: String, levelName: String = "", actorID: Int64?, actorName: String,
        comment: String = "", atMillis: Int64
    ) {
        self.documentID = documentID
        self.revision = revision
        self.action = action
        self.levelName = levelName
        self.actorID = actorID
        self.actorName = actorName
        self.comment = comment
        self.atMillis = atMillis
    }
}

/// A screening finding as stored against a document, with what was done about it.
public struct StoredFinding: Hashable, Sendable, Codable {
    public enum Resolution: String, Hashable, Sendable, Codable {
        case open
        /// Removed from the text (or covered by the redacted copy).
        case redacted
        /// Kept on purpose, with a reviewer's reason (e.g. a public official's office e-mail).
        case accepted
    }

    public var id: Int64
    public var documentID: Int64
    public var finding: ScreeningFinding
    public var resolution: Resolution
    public var resolvedBy: String
    public var reason: String

    public init(
        id: Int64, documentID: Int64, finding: ScreeningFinding, resolution: Resolution = .open, resolvedBy: String = "",
        reason: String = ""
    ) {
        self.id = id
        self.documentID = documentID
        self.finding = finding
        self.resolution = resolution
        self.resolvedBy = resolvedBy
        self.reason = reason
    }
}
