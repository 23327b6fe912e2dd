import AsyncHTTPClient
import Foundation
import NIOSSL
import Testing

@testable import Services

/// Mail, text messages and outbound HTTP against real TLS servers on loopback, reached by IP
/// address: the server's certificate is checked against 127.0.0.1 (no SNI, which takes names
/// only), a STARTTLS session drops plaintext a man in the middle appends to the 220 reply, and
/// a body whose characters are split across network writes arrives whole.
@Suite(.serialized) struct IntegrationTests {
    static func smtp(_ port: Int, _ security: SMTPSettings.Security, username: String? = nil) -> SMTPSettings {
        SMTPSettings(host: "127.0.0.1", port: port, security: security, username: username, password: "pw", from: "gongkai@example.org")
    }

    @Test func mailGoesOverSTARTTLSToAnIPAddress() async throws {
        let server = try await TLSSMTPServer(.startTLS)
        let client = SMTPClient(settings: Self.smtp(server.port, .starttls, username: "office"), tls: try TLSFixtures.clientConfiguration())
        try await client.send(to: "zhang@example.com", subject: "答复告知书", body: "查询码 ABC", date: Date())
        await server.stop()
        #expect(server.messages.count == 1)
        #expect(server.messages.first?.to == "RCPT TO:<zhang@example.com>")
        // Everything after STARTTLS, the password above all, went encrypted.
        let commands = server.commands
        let upgrade = try #require(commands.firstIndex { $0.command == "STARTTLS" })
        #expect(commands[..<upgrade].allSatisfy { !$0.encrypted })
        #expect(commands[(upgrade + 1)...].allSatisfy { $0.encrypted })
        #expect(commands.map(\.command).contains("AUTH"))
    }

    @Test func mailGoesOverImplicitTLS() async throws {
        let server = try await TLSSMTPServer(.implicitTLS)
        let client = SMTPClient(settings: Self.smtp(server.port, .tls), tls: try TLSFixtures.clientConfiguration())
        try await client.send(to: "li@example.com", subject: "通知", body: "正文", date: Date())
        await server.stop()
        #expect(server.messages.count == 1)
        #expect(server.commands.allSatisfy { $0.encrypted })
    }

    /// CVE-2011-0411: replies injected after the 220 to STARTTLS must not be taken for the
    /// encrypted session's replies. Read as the reply to the next EHLO, "554" would fail the
    /// delivery; dropped, the delivery goes through.
    @Test func plaintextInjectedAfterSTARTTLSIsDropped() async throws {
        let server = try await TLSSMTPServer(.startTLS, inject: "554 5.7.0 injected\r\n250 injected too\r\n")
        let client = SMTPClient(settings: Self.smtp(server.port, .starttls), tls: try TLSFixtures.clientConfiguration())
        try await client.send(to: "wang@example.com", subject: "主题", body: "正文", date: Date())
        await server.stop()
        #expect(server.messages.count == 1)
        #expect(server.commands.map(\.command) == ["EHLO", "STARTTLS", "EHLO", "MAIL", "RCPT", "DATA", "QUIT"])
    }

    /// Injected plaintext that arrives after the client has started TLS is not a TLS record:
    /// the session fails, and nothing injected is read as a reply.
    @Test func plaintextArrivingAfterTheHandshakeBeganFailsTheSession() async throws {
        let server = try await TLSSMTPServer(.startTLS, inject: "250 injected\r\n", injectSeparately: true)
        let client = SMTPClient(settings: Self.smtp(server.port, .starttls), tls: try TLSFixtures.clientConfiguration())
        do {
            try await client.send(to: "wang@example.com", subject: "主题", body: "正文", date: Date())
            // The injection can also land before TLS started, and is then dropped.
            #expect(server.messages.count == 1)
        } catch {
            #expect(!"\(error)".contains("injected"))
            #expect(server.messages.isEmpty)
        }
        await server.stop()
    }

    @Test func aServerWithACertificateNobodyIssuedIsRefused() async throws {
        let server = try await TLSSMTPServer(.implicitTLS)
        let client = SMTPClient(settings: Self.smtp(server.port, .tls))  // the system's roots only
        await #expect(throws: (any Error).self) {
            try await client.send(to: "zhao@example.com", subject: "主题", body: "正文", date: Date())
        }
        await server.stop()
        #expect(server.messages.isEmpty)
    }

    @Test func httpsToAnIPAddressReadsTheWholeBody() async throws {
        let page = "<html><title>卫生健康委员会政务公开</title><p>疫苗接种</p></html>"
        let server = try await HTTPSTestServer(body: page, chunkBytes: 4)
        let client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: HTTPClientTransport.configuration(tls: try TLSFixtures.clientConfiguration(), connectionsPerHost: 2))
        let transport = HTTPClientTransport(client: client)
        let answer = try await transport.send(OutboundRequest(url: "https://127.0.0.1:\(server.port)/index.html", keep: 4096))
        #expect(answer.status == 200)
        #expect(answer.body == page)  // no character cut in two at a chunk boundary
        #expect(answer.header("content-type") == "text/html; charset=utf-8")
        // The link checker's HEAD reads no body.
        let head = try await transport.send(OutboundRequest(url: "https://127.0.0.1:\(server.port)/", method: "HEAD", keep: 0))
        #expect(head.status == 200 && head.body.isEmpty)
        try await client.shutdown()
        await server.stop()
        #expect(server.requests.map(\.method) == ["GET", "HEAD"])
        #expect(server.requests.first?.host == "127.0.0.1:\(server.port)")
    }

    /// The deadline covers the whole exchange: a server that sends its head at once and then
    /// trickles the body (a byte every half second here) is cut off at the deadline.
    @Test func aTricklingBodyEndsAtTheDeadline() async throws {
        let server = try await HTTPSTestServer(body: String(repeating: "慢", count: 40), chunkBytes: 3, pause: .milliseconds(500))
        let client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: HTTPClientTransport.configuration(tls: try TLSFixtures.clientConfiguration()))
        let started = ContinuousClock.now
        await #expect(throws: OutboundFailure.self) {
            _ = try await HTTPClientTransport(client: client).send(
                OutboundRequest(url: "https://127.0.0.1:\(server.port)/", timeout: .seconds(2), keep: 4096))
        }
        #expect(ContinuousClock.now - started < .seconds(6))
        try await client.shutdown()
        await server.stop()
    }

    @Test func textMessagesGoToAnHTTPSGatewayByIPAddress() async throws {
        let server = try await HTTPSTestServer(body: "{}")
        let client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: HTTPClientTransport.configuration(tls: try TLSFixtures.clientConfiguration()))
        let settings = try #require(
            try SMSSettings.fromEnvironment(["GONGKAI_SMS_URL": "https://127.0.0.1:\(server.port)/send?ch=1", "GONGKAI_SMS_TOKEN": "t0ken"])
        )
        let sms = SMSClient(settings: settings, http: HTTPClientTransport(client: client))
        try await sms.send(to: "13900139000", text: "验证码 123456")
        try await client.shutdown()
        await server.stop()
        let r = try #require(server.requests.first)
        #expect(r.uri == "/send?ch=1" && r.authorization == "Bearer t0ken")
        #expect(r.body.contains("13900139000") && r.body.contains("验证码 123456"))
    }

    /// A server that is not an HTTPS server fails the request as an `OutboundFailure` within its
    /// deadline, never a crash or a hang.
    @Test func aServerThatDoesNotSpeakHTTPSFailsCleanly() async throws {
        let silent = try await TLSSMTPServer(.startTLS)  // speaks SMTP, not TLS, on connect
        let transport = HTTPClientTransport.shared()
        let started = ContinuousClock.now
        await #expect(throws: OutboundFailure.self) {
            _ = try await transport.send(OutboundRequest(url: "https://127.0.0.1:\(silent.port)/", timeout: .seconds(2)))
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        await silent.stop()
    }
}
