import Domain
import Foundation

/// Sends one text message through the configured HTTP gateway (see `SMSSettings`).
public struct SMSClient: Sendable {
    let settings: SMSSettings
    var timeout: Duration = .seconds(20)

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Payload: Encodable {
        var phone: String
        var text: String
    }

    func send(to number: String, text: String) async throws {
        guard CheckDigits.isMobile(number) else { throw Failure(description: "手机号码无效：\(number)") }
        let body = try JSONEncoder().encode(Payload(phone: number, text: settings.signature + text))
        var headers = [("Content-Type", "application/json; charset=utf-8")]
        if let token = settings.token, !token.isEmpty { headers.append(("Authorization", "Bearer \(token)")) }
        let exchange = HTTPExchange(
            host: settings.host, port: settings.port, tls: settings.tls, method: .POST, target: settings.path, headers: headers, body: body,
            timeout: timeout)
        let answer: HTTPExchange.Answer
        do {
            answer = try await exchange.run()
        } catch let failure as HTTPExchange.Failure {
            throw Failure(description: "短信网关：" + failure.description)
        }
        guard (200..<300).contains(answer.status) else {
            throw Failure(description: "短信网关返回 \(answer.status) \(answer.body.prefix(200))")
        }
    }
}
