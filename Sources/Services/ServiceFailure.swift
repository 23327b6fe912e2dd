/// A service cannot do what was asked, for a reason that is neither bad input to one field nor a
/// missing record (`DomainError` covers those): an annual report whose checks fail, a missing
/// PDF printer, a platform not yet set up. The web layer maps each kind to one HTTP status.
public struct ServiceFailure: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The request was understood but the record is not in a state to allow it (HTTP 422).
        case unprocessable
        /// Something this installation lacks (HTTP 503).
        case unavailable
    }

    public var kind: Kind
    public var code: String
    public var message: String

    public init(_ kind: Kind, code: String, message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    public static func unavailable(_ message: String) -> ServiceFailure {
        ServiceFailure(.unavailable, code: "unavailable", message: message)
    }
}
