public import Domain

/// Questionnaires and their responses.
public protocol SurveyStore: Sendable {
    func create(_ survey: Survey) async throws -> Survey
    func find(id: Int64) async throws -> Survey?
    func update(_ survey: Survey) async throws
    /// An agency's surveys, newest first; every agency's published ones when `agencyID` is nil.
    func list(agencyID: Int64?) async throws -> [Survey]

    /// Stores a response; a second response from the same respondent is a conflict.
    func addResponse(_ response: SurveyResponse) async throws -> SurveyResponse
    func response(id: Int64) async throws -> SurveyResponse?
    func response(surveyID: Int64, respondent: String) async throws -> SurveyResponse?
    func updateResponse(_ response: SurveyResponse) async throws
    /// Responses in the order received.
    func responses(surveyID: Int64) async throws -> [SurveyResponse]
    /// How many responses (confirmed or not) a survey has: its questions are fixed from the first.
    func responseCount(surveyID: Int64) async throws -> Int
}
