public import Domain

/// Assessments and each unit's marks.
public protocol AssessmentStore: Sendable {
    func create(_ assessment: Assessment) async throws -> Assessment
    func find(id: Int64) async throws -> Assessment?
    /// An agency's assessments, newest first.
    func list(agencyID: Int64) async throws -> [Assessment]
    func update(_ assessment: Assessment) async throws
    /// Every unit's marks with their versions.
    func marks(assessmentID: Int64) async throws -> [Int64: (marks: AssessmentMarks, version: Int)]
    /// Saves a unit's marks if they are still at `version` (0: none saved yet); otherwise a
    /// conflict, and nothing is written.
    func saveMarks(_ marks: AssessmentMarks, assessmentID: Int64, unitID: Int64, version: Int) async throws
}
