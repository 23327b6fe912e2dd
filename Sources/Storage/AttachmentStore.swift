public import Domain
public import Foundation

/// Files attached to documents, with their internal originals and public copies. Removing an
/// attachment retires it: it leaves the document and the portal but stays in the archive.
public protocol AttachmentStore: Sendable {
    func add(_ attachment: Attachment, original: Data, publicCopy: Data) async throws -> Attachment
    /// The current attachments of a document, in upload order.
    func list(documentID: Int64) async throws -> [Attachment]
    /// The current attachments of several documents at once, keyed by document.
    func list(documentIDs: [Int64]) async throws -> [Int64: [Attachment]]
    func find(id: Int64) async throws -> Attachment?
    /// The bytes the public gets (metadata stripped).
    func publicCopy(id: Int64) async throws -> Data?
    /// The bytes as uploaded, for staff.
    func original(id: Int64) async throws -> Data?
    func retire(id: Int64, documentID: Int64, atMillis: Int64) async throws
    func retireAll(documentID: Int64, atMillis: Int64) async throws
    /// Copies the current attachments of one document to another (a revision and back).
    func copyAll(from: Int64, to: Int64) async throws
}
