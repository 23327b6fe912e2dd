public import HTTPTypes
import Services

/// A request the web layer refuses before it reaches the domain (bad JSON, a stale form, a
/// missing page). `ErrorMiddleware` turns it into JSON or a page.
public struct APIFailure: Error, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String

    public init(_ status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    static func badJSON(_ message: String) -> APIFailure { APIFailure(.badRequest, code: "malformed_json", message: message) }
    static func unavailable(_ message: String) -> APIFailure { APIFailure(.serviceUnavailable, code: "unavailable", message: message) }
    static let staleForm = APIFailure(.forbidden, code: "csrf", message: "表单已失效（可能停留过久或来自其他网站），请返回刷新页面后重新提交")
    static let crossSite = APIFailure(.forbidden, code: "cross_site", message: "拒绝来自其他网站的提交")
}
