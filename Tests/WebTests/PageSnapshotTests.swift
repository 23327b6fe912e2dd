import Foundation
import HummingbirdTesting
import SnapshotTesting
import Testing

@testable import Web

/// The main page types, rendered from the demo content on the test clock and kept as HTML under
/// `__Snapshots__`, so that a change to a page shows in review as a change to its file. Tokens
/// that differ on every run (the form token) are blanked before comparing.
/// To accept a deliberate change, run with `SNAPSHOT_TESTING_RECORD=all` and review the diff.
@Suite(.serialized) struct PageSnapshotTests {
    static func stable(_ html: String) -> String {
        var text = html
        for pattern in [#"name="_csrf" value="[^"]*""#, #"name="csrf" value="[^"]*""#, #"content="[A-Za-z0-9_-]{40,}""#] {
            text = text.replacingOccurrences(of: pattern, with: "TOKEN", options: .regularExpression)
        }
        // One tag per line, so that a change shows as the lines it touches.
        return text.replacingOccurrences(of: "><", with: ">\n<")
    }

    @Test func publicPages() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            for (name, path) in [
                ("home", Routes.Portal.home.path()), ("catalog", Routes.Portal.catalog(category: "policy", page: 1)),
                ("document", Routes.Portal.document.path(1)), ("search", Routes.Portal.search(query: "卫生", page: 1)),
                ("request-form", Routes.Portal.newRequest.path()),
            ] {
                let page = try await client.getPage(path)
                #expect(page.status == .ok, "\(path)")
                assertSnapshot(of: Self.stable(page.text), as: .lines, named: name)
            }
        }
    }

    @Test func consoleReviewPage() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let cookies = try await client.signInWithForm("reviewer")
            let page = try await client.getPage(Routes.Console.document.path(1), cookies: cookies)
            #expect(page.status == .ok)
            assertSnapshot(of: Self.stable(page.text), as: .lines, named: "console-document")
        }
    }
}
