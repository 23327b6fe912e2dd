import Domain
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Sends one message to an SMTP server (RFC 5321): plain, STARTTLS or TLS from the start, with
/// AUTH PLAIN when a username is set. The message is UTF-8 text, base64 encoded.
public struct SMTPClient: Sendable {
    let settings: SMTPSettings
    var timeout: Duration = .seconds(30)

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func send(to recipient: String, subject: String, body: String, date: Date = Date()) async throws {
        guard Applicant.isEmail(recipient) else { throw Failure(description: "收件地址无效：\(recipient)") }
        let settings = settings
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await Self.session(settings, recipient: recipient, message: Self.message(settings, recipient, subject, body, date))
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

    private static func session(_ s: SMTPSettings, recipient: String, message: String) async throws {
        let tlsContext = s.security == .none ? nil : try NIOSSLContext(configuration: .makeClientConfiguration())
        let host = s.host
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
                let raw = channel.channel
                try await raw.eventLoop.submit {
                    try raw.pipeline.syncOperations.addHandler(
                        try NIOSSLClientHandler(context: tlsContext, serverHostname: host), position: .first)
                }.get()
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

    /// Reads SMTP replies ("250-first\r\n250 last\r\n") from the inbound byte stream.
    struct ReplyReader {
        var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        var pending: [UInt8] = []

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
