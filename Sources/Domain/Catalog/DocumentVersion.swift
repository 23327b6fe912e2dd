/// What a document looked like when one of its revisions went live (发布版本): kept so the
/// archive can show what the public saw on any day, and compare one version with the next.
public struct DocumentVersion: Hashable, Sendable, Codable {
    public var documentID: Int64
    public var revision: Int
    public var title: String
    /// The body as drafted (internal).
    public var body: String
    /// The text the public saw (the redacted copy where there was one).
    public var publicBody: String
    public var publishedAtMillis: Int64
    public var publishedBy: String

    public init(
        documentID: Int64, revision: Int, title: String, body: String, publicBody: String, publishedAtMillis: Int64, publishedBy: String
    ) {
        self.documentID = documentID
        self.revision = revision
        self.title = title
        self.body = body
        self.publicBody = publicBody
        self.publishedAtMillis = publishedAtMillis
        self.publishedBy = publishedBy
    }
}
