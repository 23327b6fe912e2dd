import Domain
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Sends one text message through the configured HTTP gateway (see `SMSSettings`).
struct SMSClient: Sendable {
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
        let settings = settings
        let timeout = timeout
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await Self.post(settings, body: body) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw Failure(description: "短信网关在 \(timeout) 内没有应答")
            }
            try await group.next()
            group.cancelAll()
        }
    }

    private static func post(_ s: SMSSettings, body: Data) async throws {
        let tlsContext = s.tls ? try NIOSSLContext(configuration: .makeClientConfiguration()) : nil
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: s.host, port: s.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tlsContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tlsContext, serverHostname: s.host))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: s.path)
            head.headers.add(name: "Host", value: s.port == (s.tls ? 443 : 80) ? s.host : "\(s.host):\(s.port)")
            head.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
            head.headers.add(name: "Content-Length", value: String(body.count))
            head.headers.add(name: "Connection", value: "close")
            if let token = s.token, !token.isEmpty { head.headers.add(name: "Authorization", value: "Bearer \(token)") }
            try await outbound.write(.head(head))
            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body))))
            try await outbound.write(.end(nil))
            var status: HTTPResponseStatus?
            var text = ""
            reading: for try await part in inbound {
                switch part {
                case .head(let h): status = h.status
                case .body(let b): if text.count < 300 { text += String(buffer: b) }
                case .end: break reading
                }
            }
            guard let status else { throw Failure(description: "短信网关没有应答") }
            guard (200..<300).contains(status.code) else {
                throw Failure(description: "短信网关返回 \(status.code) \(text.prefix(200))")
            }
        }
    }
}
