import Domain
import Testing

@Suite struct AccountRulesTests {
    @Test(arguments: [
        ("Abcdef12", true), ("abcdef12", false), ("abc!ef12", true), ("Ab1!", false), ("ABCDEFGH", false), ("密码abcD1234", true),
    ])
    func passwordPolicy(_ password: String, _ ok: Bool) {
        #expect(((try? PasswordPolicy.validate(password)) != nil) == ok)
    }

    @Test func exclusiveRoles() throws {
        try Role.validate([.drafter, .reviewer])
        #expect(throws: DomainError.self) { try Role.validate([.systemAdmin, .drafter]) }
        #expect(throws: DomainError.self) { try Role.validate([.auditor, .leader]) }
        #expect(throws: DomainError.self) { try Role.validate([]) }
        try Role.validate([.auditor])
    }

    @Test func lockoutAfterFiveFailures() {
        let policy = LoginPolicy.standard
        var user = StaffUser(id: 1, agencyID: 1, departmentID: nil, username: "a", displayName: "a", roles: [.drafter], passwordHash: "")
        for i in 1...4 {
            let r = policy.afterFailure(of: user, at: 100)
            #expect(r.failures == i && r.lockedUntil == nil)
            user.failedLogins = r.failures
        }
        let r = policy.afterFailure(of: user, at: 100)
        #expect(r.lockedUntil == Optional(1000.0))
        user.lockedUntil = r.lockedUntil
        #expect(user.isLocked(at: 101))
        #expect(!user.isLocked(at: 100 + 15 * 60 + 1))
    }

    @Test func creditCodeCheckDigit() {
        #expect(CreditCode.isValid("11370812004339255B"))
        #expect(CreditCode.isValid("11620622013933539B"))
        #expect(!CreditCode.isValid("11370812004339255C"))
        #expect(!CreditCode.isValid("1137081200433925"))
    }

    @Test func auditChainDetectsAlteration() {
        func h(_ s: String) -> String { String(s.hashValue) }
        var entries: [AuditEntry] = []
        var prev = AuditEntry.genesisHash
        for i in 1...3 {
            var e = AuditEntry(
                seq: Int64(i), atMillis: 1, agencyID: 1, actorID: 1, actorName: "a", remoteAddress: "x", action: "t",
                recordType: "r", recordID: "\(i)", beforeDigest: "", afterDigest: "", detail: "", previousHash: prev, hash: "")
            e.hash = h(e.canonicalText)
            prev = e.hash
            entries.append(e)
        }
        #expect(AuditChain.verify(entries, hash: h) == .intact(count: 3))
        var altered = entries
        altered[1].detail = "changed"
        #expect(AuditChain.verify(altered, hash: h) == .altered(seq: 2))
        #expect(AuditChain.verify([entries[0], entries[2]], hash: h) == .broken(seq: 3, expectedSeq: 2))
    }
}
