import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// An HTTPS server on 127.0.0.1 with the test certificate. It records each request and answers
/// with `body`, written in pieces of `chunkBytes` bytes so that a Chinese character (three bytes
/// in UTF-8) is split between two network writes.
final class HTTPSTestServer: Sendable {
    struct Received: Sendable {
        var method: String
        var uri: String
        var host: String?
        var authorization: String?
        var body: String
    }

    let port: Int
    private let channel: any Channel
    private let log = Mutex<[Received]>([])

    var requests: [Received] { log.withLock { $0 } }

    /// `pause`: the time between two pieces of the body (a server that trickles its answer).
    init(status: HTTPResponseStatus = .ok, body: String, chunkBytes: Int = 4, pause: TimeAmount = .zero) async throws {
        let context = try TLSFixtures.serverContext()
        let box = LogBox()
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    try child.pipeline.syncOperations.addHandler(
                        Responder(
                            status: status, body: Array(body.utf8), chunkBytes: chunkBytes, pause: pause, record: { r in box.append(r) }))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = channel.localAddress?.port ?? 0
        box.server.withLock { $0 = self }
    }

    func stop() async {
        try? await channel.close()
    }

    fileprivate func append(_ r: Received) { log.withLock { $0.append(r) } }

    final class LogBox: Sendable {
        let server = Mutex<HTTPSTestServer?>(nil)
        func append(_ r: Received) { server.withLock { $0?.append(r) } }
    }

    final class Responder: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let status: HTTPResponseStatus
        let body: [UInt8]
        let chunkBytes: Int
        let pause: TimeAmount
        let record: @Sendable (Received) -> Void
        var head: HTTPRequestHead?
        var received = ""

        init(
            status: HTTPResponseStatus, body: [UInt8], chunkBytes: Int, pause: TimeAmount, record: @escaping @Sendable (Received) -> Void
        ) {
            self.status = status
            self.body = body
            self.chunkBytes = chunkBytes
            self.pause = pause
            self.record = record
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let h): head = h
            case .body(var b): received += b.readString(length: b.readableBytes) ?? ""
            case .end:
                record(
                    Received(
                        method: head?.method.rawValue ?? "", uri: head?.uri ?? "", host: head?.headers["Host"].first,
                        authorization: head?.headers["Authorization"].first, body: received))
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: "text/html; charset=utf-8")
                headers.add(name: "Content-Length", value: String(body.count))
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
                let pieces =
                    head?.method == .HEAD
                    ? []
                    : stride(from: 0, to: body.count, by: chunkBytes).map {
                        Array(body[$0..<min($0 + chunkBytes, body.count)])
                    }
                if pause == .zero {
                    for piece in pieces {
                        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: piece)))), promise: nil)
                    }
                    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                } else {
                    let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
                    for (i, piece) in pieces.enumerated() {
                        context.eventLoop.scheduleTask(in: pause * Int64(i + 1)) {
                            bound.value.writeAndFlush(
                                NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: piece)))), promise: nil)
                        }
                    }
                }
                received = ""
            }
        }
    }
}
