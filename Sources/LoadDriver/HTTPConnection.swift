import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// One answer: its status and body.
struct Answer {
    var status: Int
    var body: ByteBuffer

    var text: String { String(buffer: body) }
    /// The body as a JSON object, nil when it is not one.
    var object: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] }
}

/// A keep-alive HTTP/1.1 connection to the server under test, used by one simulated client at a
/// time: send a request, read the whole answer, send the next on the same socket.
final class HTTPConnection {
    private let host: String
    private var inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>

    init(
        host: String, inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>
    ) {
        self.host = host
        self.inbound = inbound
        self.outbound = outbound
    }

    /// Opens a connection, runs `body` with it and closes it, whatever `body` throws.
    static func with(
        host: String, port: Int, group: any EventLoopGroup, _ body: (HTTPConnection) async throws -> Void
    ) async throws {
        let channel = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            try await body(HTTPConnection(host: host, inbound: inbound.makeAsyncIterator(), outbound: outbound))
        }
    }

    struct Closed: Error {}

    func send(_ method: HTTPMethod, _ path: String, headers extra: [(String, String)] = [], json: String? = nil) async throws -> Answer {
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: path)
        head.headers.add(name: "Host", value: host)
        head.headers.add(name: "User-Agent", value: "gongkai-load")
        for (name, value) in extra { head.headers.add(name: name, value: value) }
        var buffer: ByteBuffer?
        if let json {
            let b = ByteBuffer(string: json)
            head.headers.add(name: "Content-Type", value: "application/json")
            head.headers.add(name: "Content-Length", value: String(b.readableBytes))
            buffer = b
        } else if method == .POST || method == .PUT {
            head.headers.add(name: "Content-Length", value: "0")
        }
        try await outbound.write(.head(head))
        if let buffer { try await outbound.write(.body(.byteBuffer(buffer))) }
        try await outbound.write(.end(nil))
        var status = 0
        var body = ByteBuffer()
        while let part = try await inbound.next() {
            switch part {
            case .head(let h): status = Int(h.status.code)
            case .body(var b): body.writeBuffer(&b)
            case .end: return Answer(status: status, body: body)
            }
        }
        throw Closed()
    }
}
