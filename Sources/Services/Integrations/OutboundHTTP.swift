public import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1
public import NIOSSL
import Synchronization

/// One HTTP request the platform sends out: to the SMS gateway, or to a page the link checker
/// reads. Redirects are not followed (the caller decides where they may lead).
public struct OutboundRequest: Sendable {
    public var url: String
    public var method: String
    public var headers: [(String, String)]
    public var body: [UInt8]?
    public var timeout: Duration
    /// How many bytes of the answer's body to keep; 0 reads none.
    public var keep: Int

    public init(
        url: String, method: String = "GET", headers: [(String, String)] = [], body: [UInt8]? = nil, timeout: Duration = .seconds(20),
        keep: Int = 300
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.keep = keep
    }
}

/// The answer: status, headers, and the kept part of the body, decoded once as UTF-8 (so a
/// character split between two network reads arrives whole).
public struct OutboundResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: String

    public init(status: Int, headers: [(String, String)], body: String) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
}

/// Where outbound HTTP goes: `HTTPClientTransport` on async-http-client, or a test's stand-in.
public protocol OutboundHTTP: Sendable {
    func send(_ request: OutboundRequest) async throws -> OutboundResponse
}

/// A request that could not be sent or answered: refused, timed out, a TLS failure.
public struct OutboundFailure: Error, CustomStringConvertible {
    public var description: String
}

/// Outbound HTTP on swift-server/async-http-client: one client for the process, its connections
/// pooled and bounded per host, TLS verified against the system's roots (and an agency's own
/// CA when `GONGKAI_OUTBOUND_CA_FILE` names one). A host given as an IP address is reached over
/// HTTPS without a server name (SNI takes names only) and checked against the certificate's
/// IP addresses.
public struct HTTPClientTransport: OutboundHTTP {
    let client: HTTPClient

    public init(client: HTTPClient) {
        self.client = client
    }

    /// The configuration every outbound client uses: no redirects, no decompression, at most
    /// `connectionsPerHost` connections to one host, and `tls` (the system's roots by default).
    public static func configuration(tls: TLSConfiguration = .makeClientConfiguration(), connectionsPerHost: Int = 8)
        -> HTTPClient.Configuration
    {
        HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10), read: .seconds(60)),
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connectionsPerHost),
            decompression: .disabled)
    }

    /// The process's client, made on first use and never shut down (like `HTTPClient.shared`,
    /// with this configuration). `caFile` adds an agency's CA to the system's roots.
    public static func shared(caFile: String? = ProcessInfo.processInfo.environment["GONGKAI_OUTBOUND_CA_FILE"]) -> HTTPClientTransport {
        sharedClients.client(caFile: caFile)
    }

    /// Sends `r` and reads the part of the body it keeps, all within `r.timeout`: the client's
    /// own deadline ends when the head arrives, so a server that trickles its body out one byte
    /// a minute would otherwise hold the request for ever.
    public func send(_ r: OutboundRequest) async throws -> OutboundResponse {
        let seconds = r.timeout.components.seconds
        return try await withThrowingTaskGroup(of: OutboundResponse?.self) { group in
            group.addTask { try await exchange(r) }
            group.addTask {
                try await Task.sleep(for: r.timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let answer = first else {
                throw OutboundFailure(description: "\(r.url) 在 \(seconds) 秒内没有应答")
            }
            return answer
        }
    }

    func exchange(_ r: OutboundRequest) async throws -> OutboundResponse {
        var request = HTTPClientRequest(url: r.url)
        request.method = HTTPMethod(rawValue: r.method)
        for (name, value) in r.headers { request.headers.add(name: name, value: value) }
        if let body = r.body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let seconds = r.timeout.components.seconds
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: .seconds(seconds))
        } catch {
            throw OutboundFailure(description: Self.describe(error, url: r.url, seconds: seconds))
        }
        var kept: [UInt8] = []
        if r.keep > 0 && r.method != "HEAD" {
            do {
                for try await chunk in response.body {
                    kept += chunk.readableBytesView.prefix(r.keep - kept.count)
                    if kept.count >= r.keep { break }
                }
            } catch {
                throw OutboundFailure(description: Self.describe(error, url: r.url, seconds: seconds))
            }
        }
        return OutboundResponse(
            status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
            body: String(decoding: kept, as: UTF8.self))
    }

    static func describe(_ error: any Error, url: String, seconds: Int64) -> String {
        if let e = error as? HTTPClientError, e == .deadlineExceeded || e == .readTimeout || e == .connectTimeout {
            return "\(url) 在 \(seconds) 秒内没有应答"
        }
        return "\(error)"
    }
}

/// The shared clients, one per CA file (normally just one).
private let sharedClients = SharedClients()

private final class SharedClients: Sendable {
    private let clients = Mutex<[String: HTTPClientTransport]>([:])

    func client(caFile: String?) -> HTTPClientTransport {
        let key = caFile ?? ""
        return clients.withLock { all in
            if let made = all[key] { return made }
            var tls = TLSConfiguration.makeClientConfiguration()
            if let caFile, !caFile.isEmpty { tls.additionalTrustRoots = [.file(caFile)] }
            let made = HTTPClientTransport(
                client: HTTPClient(
                    eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: HTTPClientTransport.configuration(tls: tls)))
            all[key] = made
            return made
        }
    }
}
