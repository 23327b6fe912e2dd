import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

@testable import Services

/// An HTTP SMS gateway on 127.0.0.1 for the outbox tests: records each POST (path,
/// Authorization header, JSON body) and answers with the status it was given.
final class FakeSMSGateway: Sendable {
    struct Received: Sendable {
        var path: String
        var authorization: String?
        var body: String
    }

    let port: Int
    private let channel: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>
    final class Log: Sendable {
        let items = Mutex<[Received]>([])
    }

    private let log = Log()
    private let task: Task<Void, Never>

    var messages: [Received] { log.items.withLock { $0 } }

    init(status: HTTPResponseStatus = .ok) async throws {
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(wrappingChannelSynchronously: child)
                }
            }
        port = channel.channel.localAddress?.port ?? 0
        let server = channel
        let log = log
        let record: @Sendable (Received) -> Void = { r in log.items.withLock { $0.append(r) } }
        task = Task {
            try? await server.executeThenClose { inbound in
                for try await connection in inbound {
                    try? await connection.executeThenClose { requests, responses in
                        var head: HTTPRequestHead?
                        var body = ""
                        for try await part in requests {
                            switch part {
                            case .head(let h): head = h
                            case .body(let b): body += String(buffer: b)
                            case .end:
                                record(Received(path: head?.uri ?? "", authorization: head?.headers["Authorization"].first, body: body))
                                var headers = HTTPHeaders()
                                headers.add(name: "Content-Length", value: "2")
                                headers.add(name: "Connection", value: "close")
                                try await responses.write(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers)))
                                try await responses.write(.body(.byteBuffer(ByteBuffer(string: "{}"))))
                                try await responses.write(.end(nil))
                                return
                            }
                        }
                    }
                }
            }
        }
    }

    func stop() async {
        try? await channel.channel.close()
        task.cancel()
    }
}
