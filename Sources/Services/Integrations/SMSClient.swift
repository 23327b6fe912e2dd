import Domain
import Foundation

/// Sends one text message through the configured HTTP gateway (see `SMSSettings`).
public struct SMSClient: TextMessageTransport {
    let settings: SMSSettings
    let http: any OutboundHTTP
    var timeout: Duration = .seconds(20)

    public init(settings: SMSSettings, http: any OutboundHTTP) {
        self.settings = settings
        self.http = http
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Payload: Encodable {
        var phone: String
        var text: String
    }

    public func send(to number: String, text: String) async throws {
        guard CheckDigits.isMobile(number) else { throw Failure(description: "手机号码无效：\(number)") }
        let body = try JSONEncoder().encode(Payload(phone: number, text: settings.signature + text))
        var headers = [("Content-Type", "application/json; charset=utf-8")]
        if let token = settings.token, !token.isEmpty { headers.append(("Authorization", "Bearer \(token)")) }
        let answer: OutboundResponse
        do {
            answer = try await http.send(
                OutboundRequest(url: settings.url, method: "POST", headers: headers, body: Array(body), timeout: timeout))
        } catch let failure as OutboundFailure {
            throw Failure(description: "短信网关：" + failure.description)
        }
        guard (200..<300).contains(answer.status) else {
            throw Failure(description: "短信网关返回 \(answer.status) \(answer.body.prefix(200))")
        }
    }
}
