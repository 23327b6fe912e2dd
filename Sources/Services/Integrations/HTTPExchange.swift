import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// One HTTP/1.1 request on a connection of its own, with a deadline: what the SMS gateway and
/// the link checker need, without a client library. The body of the answer is read up to
/// `keep` bytes and the connection is closed after the answer (or as soon as the head is in,
/// when `keep` is 0).
public struct HTTPExchange: Sendable {
    var host: String
    var port: Int
    var tls: Bool
    var method: HTTPMethod
    /// Path and query, percent-encoded.
    var target: String
    var headers: [(String, String)] = []
    var body: Data?
    var timeout: Duration = .seconds(20)
    var keep = 300

    struct Answer: Sendable {
        var status: Int
        var headers: [(String, String)]
        var body: String

        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `host` for the Host header: the port only when it is not the scheme's own.
    var authority: String { port == (tls ? 443 : 80) ? host : "\(host):\(port)" }

    func run() async throws -> Answer {
        let exchange = self
        return try await withThrowingTaskGroup(of: Answer?.self) { group in
            group.addTask { try await exchange.send() }
            group.addTask {
                try await Task.sleep(for: exchange.timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let answer = first else {
                throw Failure(description: "\(authority) 在 \(timeout) 内没有应答")
            }
            return answer
        }
    }

    private func send() async throws -> Answer {
        let tlsContext = tls ? try NIOSSLContext(configuration: .makeClientConfiguration()) : nil
        let host = host
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tlsContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tlsContext, serverHostname: host))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var head = HTTPRequestHead(version: .http1_1, method: method, uri: target)
            head.headers.add(name: "Host", value: authority)
            for (name, value) in headers { head.headers.add(name: name, value: value) }
            if let body { head.headers.add(name: "Content-Length", value: String(body.count)) }
            head.headers.add(name: "Connection", value: "close")
            try await outbound.write(.head(head))
            if let body { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
            try await outbound.write(.end(nil))
            var answer: Answer?
            var text = ""
            reading: for try await part in inbound {
                switch part {
                case .head(let h):
                    answer = Answer(status: Int(h.status.code), headers: h.headers.map { ($0.name, $0.value) }, body: "")
                    if keep == 0 { break reading }
                case .body(let b):
                    if text.utf8.count < keep { text += String(buffer: b) }
                case .end: break reading
                }
            }
            guard var answer else { throw Failure(description: "\(authority) 没有应答") }
            answer.body = String(text.prefix(keep))
            return answer
        }
    }
}
