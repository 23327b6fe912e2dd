import Foundation
import NIOCore
import NIOPosix
import Synchronization

@testable import Services

/// A small SMTP server on 127.0.0.1 for the outbox tests: it speaks enough of RFC 5321 for a
/// client to deliver a message, records what it received, and can refuse recipients.
final class FakeSMTPServer: Sendable {
    struct Received: Sendable {
        var from: String
        var to: String
        var data: String
    }

    let port: Int
    private let channel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    final class Log: Sendable {
        let items = Mutex<[Received]>([])
    }

    private let log = Log()
    private let task: Task<Void, Never>

    var messages: [Received] { log.items.withLock { $0 } }

    /// `refuseRecipients`: answer 451 to RCPT, as a server that cannot take mail now.
    init(refuseRecipients: Bool = false) async throws {
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child) }
            }
        port = channel.channel.localAddress?.port ?? 0
        let server = channel
        let log = log
        task = Task {
            try? await server.executeThenClose { inbound in
                for try await connection in inbound {
                    try? await Self.serve(connection, refuse: refuseRecipients) { message in log.items.withLock { $0.append(message) } }
                }
            }
        }
    }

    func stop() async {
        try? await channel.channel.close()
        task.cancel()
    }

    private static func serve(
        _ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>, refuse: Bool, record: @Sendable (Received) -> Void
    ) async throws {
        try await connection.executeThenClose { inbound, outbound in
            func say(_ line: String) async throws { try await outbound.write(ByteBuffer(string: line + "\r\n")) }
            try await say("220 fake.smtp ready")
            var pending = ""
            var from = ""
            var to = ""
            var inData = false
            var data: [String] = []
            for try await var buffer in inbound {
                pending += buffer.readString(length: buffer.readableBytes) ?? ""
                while let range = pending.range(of: "\r\n") {
                    let line = String(pending[..<range.lowerBound])
                    pending.removeSubrange(..<range.upperBound)
                    if inData {
                        if line == "." {
                            inData = false
                            record(Received(from: from, to: to, data: data.joined(separator: "\r\n")))
                            data = []
                            try await say("250 queued")
                        } else {
                            data.append(line)
                        }
                        continue
                    }
                    let verb = line.prefix(4).uppercased()
                    switch verb {
                    case "EHLO", "HELO": try await say("250-fake.smtp\r\n250 8BITMIME")
                    case "MAIL":
                        from = line
                        try await say("250 ok")
                    case "RCPT":
                        to = line
                        try await say(refuse ? "451 4.3.0 mailbox temporarily unavailable" : "250 ok")
                    case "DATA":
                        inData = true
                        try await say("354 go ahead")
                    case "QUIT":
                        try await say("221 bye")
                        return
                    default: try await say("502 not implemented")
                    }
                }
            }
        }
    }
}
