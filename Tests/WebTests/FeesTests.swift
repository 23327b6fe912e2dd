import Domain
import Foundation
import HummingbirdTesting
import Testing
import Web

@testable import Services

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

/// The unconfirmed figures are settings, read from the environment with a message for a bad value.
@Suite struct RequestSettingsTests {
    @Test func unconfirmedFiguresComeFromTheEnvironment() async throws {
        let settings = try ServiceSettings.fromEnvironment([
            "GONGKAI_FEE_PERIOD_EXCLUDED": "0", "GONGKAI_COUNT_RECEIPT_DAY": "1", "GONGKAI_FEE_BAND_STEP_YUAN": "50",
            "GONGKAI_CORRECTION_REPLY_WORKDAYS": "10",
        ])
        #expect(!settings.clockRules.feePeriodExcluded && settings.clockRules.countReceiptDay)
        #expect(settings.clockRules.correctionReplyWorkdays == 10)
        #expect(try settings.fees.perRequestYuan(ordinal: 31) == 150)
        #expect(throws: DomainError.self) { try ServiceSettings.fromEnvironment(["GONGKAI_FEE_PERIOD_EXCLUDED": "yes"]) }
        #expect(try ServiceSettings.fromEnvironment(["GONGKAI_LEDGER_MISSING_POINTS": "0.5"]).ledgerScoring.missingReport == 0.5)
        #expect(throws: DomainError.self) { try ServiceSettings.fromEnvironment(["GONGKAI_LEDGER_LATE_POINTS": "-1"]) }
        #expect(throws: DomainError.self) { try ServiceSettings.fromEnvironment(["GONGKAI_FEE_PAYMENT_WORKDAYS": "0"]) }
        #expect(throws: DomainError.self) { try ServiceSettings.fromEnvironment(["GONGKAI_SMTP_HOST": "mail.example.org"]) }
        let smtp = try ServiceSettings.fromEnvironment([
            "GONGKAI_SMTP_HOST": "mail.example.org", "GONGKAI_SMTP_SECURITY": "starttls", "GONGKAI_SMTP_FROM": "gk@example.org",
        ]).smtp
        #expect(smtp?.port == 587 && smtp?.security == .starttls)

        // The quote and the request's clock follow the settings.
        var custom = ServiceSettings(bcryptCost: 4)
        custom.fees = settings.fees
        custom.clockRules = settings.clockRules
        let h = try await Harness.make("sqlite", rules: custom)
        try await h.run { client in
            let handler = try await client.token("handler")
            let quote = try await client.getJSON("/api/v1/fees/quote?basis=per_request&ordinal=31", token: handler)
            #expect(try quote.json()["amountYuan"] as? Int == 150)
            let created = try await client.postJSON(
                "/api/v1/requests",
                #"{"applicant":{"type":"natural_person","name":"张三","idNumber":"11010519491231002X","phone":"13800000000"},"description":"名单","delivery":"pickup","channel":"in_person","receivedOn":"2025-11-03"}"#,
                token: handler)
            #expect(try created.json()["dueOn"] as? String == "2025-11-28")  // the receipt day counted
        }
    }
}
