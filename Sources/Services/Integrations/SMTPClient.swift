import Domain
public import Foundation
import NIOCore
import NIOPosix
public import NIOSSL

/// Sends one message to an SMTP server (RFC 5321): plain, STARTTLS (RFC 3207) or TLS from the
/// start, with AUTH PLAIN when a username is set. The message is UTF-8 text, base64 encoded.
///
/// After STARTTLS, whatever the server sent in plaintext beyond its 220 reply is thrown away
/// before the TLS session speaks: a man in the middle who appends replies to the 220 (the
/// response injection of CVE-2011-0411) cannot have them read as the encrypted session's. A
/// host given as an IP address is reached without a server name (SNI takes names only) and
/// its certificate is checked against that address.
public struct SMTPClient: MailTransport {
    let settings: SMTPSettings
    /// How the server's certificate is checked: the system's roots (and an agency's own CA, see
    /// `GONGKAI_OUTBOUND_CA_FILE`) unless a test hands in its own.
    var tls: TLSConfiguration
    var timeout: Duration = .seconds(30)

    public init(settings: SMTPSettings, tls: TLSConfiguration? = nil) {
        self.settings = settings
        self.tls = tls ?? Self.defaultTLS()
    }

    /// The system's roots, and the CA in `GONGKAI_OUTBOUND_CA_FILE` when set.
    static func defaultTLS(caFile: String? = ProcessInfo.processInfo.environment["GONGKAI_OUTBOUND_CA_FILE"]) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile, !caFile.isEmpty { tls.additionalTrustRoots = [.file(caFile)] }
        return tls
    }

    /// The name sent for SNI and checked against the certificate: nil for an IP address, which
    /// is checked against the certificate's IP entries instead.
    static func serverName(_ host: String) -> String? {
        host.contains(":") || host.split(separator: ".").count == 4 && host.split(separator: ".").allSatisfy { UInt8($0) != nil }
            ? nil : host
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    public func send(to recipient: String, subject: String, body: String, date: Date) async throws {
        guard Applicant.isEmail(recipient) else { throw Failure(description: "收件地址无效：\(recipient)") }
        let (settings, tls) = (settings, tls)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await Self.session(
                    settings, tls: tls, recipient: recipient, message: Self.message(settings, recipient, subject, body, date))
            }
            let timeout = timeout
            group.addTask {
                try await Task.sleep(for: timeout)
                throw Failure(description: "邮件服务器在 \(timeout) 内没有完成会话")
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// The message text: headers (the subject in RFC 2047 form) and a base64 body in 76-column lines.
    static func message(_ s: SMTPSettings, _ to: String, _ subject: String, _ body: String, _ date: Date) -> String {
        let encodedSubject = "=?UTF-8?B?" + Data(subject.utf8).base64EncodedString() + "?="
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let domain = s.from.split(separator: "@").last.map(String.init) ?? "localhost"
        let text = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let b64 = Data(text.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return [
            "From: \(s.from)", "To: \(to)", "Subject: \(encodedSubject)", "Date: \(formatter.string(from: date))",
            "Message-ID: <\(UUID().uuidString.lowercased())@\(domain)>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64", "", b64,
        ].joined(separator: "\r\n")
    }

    private static func session(_ s: SMTPSettings, tls: TLSConfiguration, recipient: String, message: String) async throws {
        let tlsContext = s.security == .none ? nil : try NIOSSLContext(configuration: tls)
        let host = serverName(s.host)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: s.host, port: s.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if s.security == .tls, let tlsContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tlsContext, serverHostname: host))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var reader = ReplyReader(iterator: inbound.makeAsyncIterator())
            func command(_ line: String, expect codes: Set<Int>) async throws {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                let reply = try await reader.reply()
                guard codes.contains(reply.code) else {
                    let shown = line.hasPrefix("AUTH") ? "AUTH" : line
                    throw Failure(description: "\(shown) → \(reply.code) \(reply.text)")
                }
            }
            let greeting = try await reader.reply()
            guard greeting.code == 220 else { throw Failure(description: "问候 → \(greeting.code) \(greeting.text)") }
            let me = "gongkai.local"
            try await command("EHLO \(me)", expect: [250])
            if s.security == .starttls, let tlsContext {
                try await command("STARTTLS", expect: [220])
                // On the event loop, so that every plaintext byte already read is ahead of it:
                // TLS goes in front, and a marker is passed up behind the plaintext. Reading up to
                // the marker drops what a man in the middle appended to the 220.
                let raw = channel.channel
                let marker = ByteBuffer(bytes: (0..<32).map { _ in UInt8.random(in: 0...255) })
                try await raw.eventLoop.submit {
                    let ssl = try NIOSSLClientHandler(context: tlsContext, serverHostname: host)
                    try raw.pipeline.syncOperations.addHandler(ssl, position: .first)
                    let stamp = PlaintextMarker()
                    try raw.pipeline.syncOperations.addHandler(stamp, position: .after(ssl))
                    let context = try raw.pipeline.syncOperations.context(handler: stamp)
                    context.fireChannelRead(NIOAny(marker))
                    context.fireChannelReadComplete()
                }.get()
                try await reader.discardPlaintext(until: marker)
                try await command("EHLO \(me)", expect: [250])
            }
            if let user = s.username, !user.isEmpty {
                let token = Data(([0] + Array(user.utf8) + [0] + Array((s.password ?? "").utf8))).base64EncodedString()
                try await command("AUTH PLAIN \(token)", expect: [235])
            }
            try await command("MAIL FROM:<\(s.from)>", expect: [250])
            try await command("RCPT TO:<\(recipient)>", expect: [250, 251])
            try await command("DATA", expect: [354])
            try await command(message + "\r\n.", expect: [250])
            try? await command("QUIT", expect: [221])
        }
    }

    /// Passes decrypted bytes through; it is there to fire the marker from the right place.
    final class PlaintextMarker: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        typealias InboundOut = ByteBuffer
    }

    /// Reads SMTP replies ("250-first\r\n250 last\r\n") from the inbound byte stream.
    struct ReplyReader {
        var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        var pending: [UInt8] = []

        /// Drops what is left of the plaintext session: the unread part of the last read and
        /// every read queued before `marker`.
        mutating func discardPlaintext(until marker: ByteBuffer) async throws {
            pending = []
            while true {
                guard let buffer = try await iterator.next() else { throw Failure(description: "邮件服务器断开了连接") }
                if buffer == marker { return }
            }
        }

        mutating func line() async throws -> String {
            while true {
                if let i = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    var bytes = Array(pending[..<i])
                    pending.removeFirst(i + 1)
                    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
                    return String(decoding: bytes, as: UTF8.self)
                }
                guard var buffer = try await iterator.next() else { throw Failure(description: "邮件服务器断开了连接") }
                pending += buffer.readBytes(length: buffer.readableBytes) ?? []
                guard pending.count < 65_536 else { throw Failure(description: "邮件服务器的应答过长") }
            }
        }

        mutating func reply() async throws -> (code: Int, text: String) {
            var text: [String] = []
            while true {
                let l = try await line()
                guard l.count >= 3, let code = Int(l.prefix(3)) else { throw Failure(description: "无法识别的应答：\(l.prefix(80))") }
                text.append(String(l.dropFirst(4)))
                if l.count == 3 || l[l.index(l.startIndex, offsetBy: 3)] == " " { return (code, text.joined(separator: " ")) }
            }
        }
    }
}
