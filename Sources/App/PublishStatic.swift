import ArgumentParser
import Foundation
import Services
import StorageSQL
import Web

/// `gongkai publish-static`: write the public site as static files.
struct PublishStatic: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish-static", abstract: "Write the public site as static HTML; re-run after publishing or withdrawing.")
    @Option(help: "Directory to write; replaced whole on each run.") var out: String
    @Option(help: "Public address of the static site, for sitemap.xml and feeds.") var siteURL = "http://127.0.0.1:8080"
    @Option(help: "Address of the live server that search, sign-in and forms point to; empty for the same host.") var server = ""

    func run() async throws {
        let (site, server) = (siteURL.trimmingSuffix("/"), server.trimmingSuffix("/"))
        let out = out
        let report = try await withDatabase { db in
            try await StaticSite.publish(
                try commandEnvironment(db), to: out, siteOrigin: site, serverOrigin: server)
        }
        print("wrote \(report.files) files (\(report.documents) documents) to \(out); \(report.removed) withdrawn pages removed")
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var s = self
        while s.hasSuffix(suffix) { s.removeLast(suffix.count) }
        return s
    }
}
