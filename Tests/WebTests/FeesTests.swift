import Foundation
import HummingbirdTesting
import Testing

/// 信息处理费 quotes through the API: who may ask, the tiers, and refusals.
@Suite struct FeesTests {
    @Test func quotesPerRequestAndPerVolume() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let handler = try await client.token("handler")
            func amount(_ query: String) async throws -> Int? {
                try await client.getJSON("/api/v1/fees/quote?" + query, token: handler).json()["amountYuan"] as? Int
            }
            #expect(try await amount("basis=per_request&ordinal=10") == 0)
            #expect(try await amount("basis=per_request&ordinal=11") == 100)
            #expect(try await amount("basis=per_request&ordinal=35") == 200)
            #expect(try await amount("basis=per_volume&pages=250") == 4_700)

            let missing = try await client.getJSON("/api/v1/fees/quote?basis=per_volume", token: handler)
            #expect(missing.status == .unprocessableContent)
            #expect(missing.errorField == "pages")
            #expect(try await client.getJSON("/api/v1/fees/quote?basis=both&pages=3", token: handler).errorField == "basis")
            #expect(try await client.getJSON("/api/v1/fees/quote?basis=per_request&ordinal=-2", token: handler).errorField == "ordinal")
            // Staff with another role, and the public, are refused.
            #expect(
                try await client.getJSON("/api/v1/fees/quote?basis=per_request&ordinal=1", token: try await client.token("drafter")).status
                    == .forbidden)
            #expect(try await client.getJSON("/api/v1/fees/quote?basis=per_request&ordinal=1").status == .unauthorized)
        }
    }
}
