public import Domain

/// Consultations on drafts (意见征集) and the comments they receive.
public protocol ConsultationStore: Sendable {
    func create(_ consultation: Consultation) async throws -> Consultation
    func find(id: Int64) async throws -> Consultation?
    func update(_ consultation: Consultation) async throws
    /// An agency's consultations, newest first.
    func list(agencyID: Int64) async throws -> [Consultation]
    /// Published consultations of every agency, newest opening first.
    /// Published consultations, newest first; of one agency when `agencyID` is given.
    func published(agencyID: Int64?, limit: Int) async throws -> [Consultation]
    func addComment(_ comment: PublicComment) async throws -> PublicComment
    func comment(id: Int64) async throws -> PublicComment?
    func updateComment(_ comment: PublicComment) async throws
    /// A consultation's comments, oldest first.
    func comments(consultationID: Int64) async throws -> [PublicComment]
}
