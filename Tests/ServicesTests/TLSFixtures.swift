import Foundation
import NIOSSL

/// The test certificate authority and a server certificate it issued for 127.0.0.1 and
/// localhost (valid until 2126), made once with openssl and kept in `Fixtures/`.
enum TLSFixtures {
    static func file(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: "pem", subdirectory: "Fixtures")!.path
    }

    /// What a test server presents.
    static func serverContext() throws -> NIOSSLContext {
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(file("server")).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: file("server-key"), format: .pem)))
        return try NIOSSLContext(configuration: configuration)
    }

    /// A client that trusts the test CA only.
    static func clientConfiguration() throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(file("ca")))
        return tls
    }
}
