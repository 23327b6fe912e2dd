import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// An SMTP server on 127.0.0.1 that speaks TLS: from the first byte (port 465 style) or after
/// STARTTLS. It records each message and, for each command, whether it arrived encrypted. For
/// the injection test it can append plaintext after its 220 reply to STARTTLS, in the same
/// write or in a second one, as a man in the middle would.
final class TLSSMTPServer: Sendable {
    enum Mode: Sendable { case implicitTLS, startTLS }

    struct Received: Sendable {
        var to: String
        var data: String
    }

    let port: Int
    private let channel: any Channel
    private let state = Mutex<(messages: [Received], commands: [(String, Bool)])>(([], []))

    var messages: [Received] { state.withLock { $0.messages } }
    /// Each command and whether it came over TLS.
    var commands: [(command: String, encrypted: Bool)] { state.withLock { $0.commands.map { ($0.0, $0.1) } } }

    init(_ mode: Mode, inject: String? = nil, injectSeparately: Bool = false) async throws {
        let context = try TLSFixtures.serverContext()
        let recorder = Recorder(server: nil)
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    if mode == .implicitTLS { try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context)) }
                    try child.pipeline.syncOperations.addHandler(
                        Session(
                            context: context, encrypted: mode == .implicitTLS, inject: inject, injectSeparately: injectSeparately,
                            recorder: recorder))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = channel.localAddress?.port ?? 0
        recorder.server.withLock { $0 = self }
    }

    func stop() async {
        try? await channel.close()
    }

    func record(command: String, encrypted: Bool) { state.withLock { $0.commands.append((command, encrypted)) } }
    func record(_ message: Received) { state.withLock { $0.messages.append(message) } }

    final class Recorder: Sendable {
        let server: Mutex<TLSSMTPServer?>
        init(server: TLSSMTPServer?) { self.server = Mutex(server) }
        func command(_ c: String, _ encrypted: Bool) { server.withLock { $0?.record(command: c, encrypted: encrypted) } }
        func message(_ m: Received) { server.withLock { $0?.record(m) } }
    }

    /// One connection, line by line.
    final class Session: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let context: NIOSSLContext
        var encrypted: Bool
        let inject: String?
        let injectSeparately: Bool
        let recorder: Recorder
        var pending = ""
        var to = ""
        var inData = false
        var data: [String] = []

        init(context: NIOSSLContext, encrypted: Bool, inject: String?, injectSeparately: Bool, recorder: Recorder) {
            self.context = context
            self.encrypted = encrypted
            self.inject = inject
            self.injectSeparately = injectSeparately
            self.recorder = recorder
        }

        func channelActive(context: ChannelHandlerContext) {
            say("220 tls.smtp ready", context)
        }

        func say(_ line: String, _ context: ChannelHandlerContext) {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: line + "\r\n")), promise: nil)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            pending += buffer.readString(length: buffer.readableBytes) ?? ""
            while let range = pending.range(of: "\r\n") {
                let line = String(pending[..<range.lowerBound])
                pending.removeSubrange(..<range.upperBound)
                handle(line, context)
            }
        }

        func handle(_ line: String, _ context: ChannelHandlerContext) {
            if inData {
                if line == "." {
                    inData = false
                    recorder.message(Received(to: to, data: data.joined(separator: "\r\n")))
                    data = []
                    say("250 queued", context)
                } else {
                    data.append(line)
                }
                return
            }
            let verb = String(line.prefix(4)).uppercased()
            recorder.command(verb == "STAR" ? "STARTTLS" : verb, encrypted)
            switch verb {
            case "EHLO": say(encrypted ? "250-tls.smtp\r\n250 AUTH PLAIN" : "250-tls.smtp\r\n250 STARTTLS", context)
            case "STAR":
                let ready = ByteBuffer(string: "220 2.0.0 ready to start TLS\r\n" + (injectSeparately ? "" : inject ?? ""))
                // The TLS handler goes in before the reply leaves, so the client's handshake finds it;
                // the reply itself is written below it, in plaintext.
                let ssl = NIOSSLServerHandler(context: self.context)
                guard (try? context.pipeline.syncOperations.addHandler(ssl, position: .first)) != nil,
                    let below = try? context.pipeline.syncOperations.context(handler: ssl)
                else { return }
                below.writeAndFlush(NIOAny(ready), promise: nil)
                if injectSeparately, let inject {
                    let bound = NIOLoopBound(below, eventLoop: context.eventLoop)
                    context.eventLoop.scheduleTask(in: .milliseconds(20)) {
                        bound.value.writeAndFlush(NIOAny(ByteBuffer(string: inject)), promise: nil)
                    }
                }
                encrypted = true
            case "AUTH": say("235 ok", context)
            case "MAIL": say("250 ok", context)
            case "RCPT":
                to = line
                say("250 ok", context)
            case "DATA":
                inData = true
                say("354 go ahead", context)
            case "QUIT":
                say("221 bye", context)
                context.close(promise: nil)
            default: say("502 not implemented", context)
            }
        }
    }
}
