import Domain
import Foundation
import Logging
import SQLKit
import Storage
import Testing

@testable import StorageSQL

/// Runs on a fresh SQLite file always, and on PostgreSQL when GONGKAI_TEST_POSTGRES_URL is set.
@Suite(.serialized) struct StorageTests {
    static var locations: [String] {
        var all = ["sqlite"]
        if ProcessInfo.processInfo.environment["GONGKAI_TEST_POSTGRES_URL"] != nil { all.append("postgres") }
        return all
    }

    /// A database with every migration applied and nothing else in it.
    func freshDatabase(_ kind: String) async throws -> SQLDatabaseHandle {
        let location: DatabaseLocation
        if kind == "postgres" {
            location = .postgres(url: ProcessInfo.processInfo.environment["GONGKAI_TEST_POSTGRES_URL"]!)
        } else {
            location = .sqlite(path: NSTemporaryDirectory() + "gongkai-test-\(UUID().uuidString).sqlite")
        }
        let db = try SQLDatabaseHandle(location: location, logger: Logger(label: "test"))
        let runner = MigrationRunner(database: db)
        try await runner.revert(to: 0)
        try await runner.migrate()
        return db
    }

    func makeAgency(_ stores: any Stores) async throws -> Agency {
        try await stores.agencies.create(
            parentID: nil, name: "测试市卫生健康委员会", creditCode: "11370812004339255B", kind: .commission, contact: AgencyContact(phone: "0000"))
    }

    @Test(arguments: locations) func migrationsApplyRevertAndReapply(_ kind: String) async throws {
        // setup
        let db = try await freshDatabase(kind)
        let runner = MigrationRunner(database: db)
        // MUT
        #expect(try await runner.applied() == Array(1...runner.latest))
        #expect(try await runner.revert(to: 0) == Array((1...runner.latest).reversed()))
        #expect(try await runner.applied().isEmpty)
        #expect(try await runner.migrate() == Array(1...runner.latest))
        // validate: a second run has nothing to do
        #expect(try await runner.migrate().isEmpty)
        #expect(await db.isReachable())
        await db.shutdown()
    }

    @Test(arguments: locations) func agenciesUsersAndConflicts(_ kind: String) async throws {
        let db = try await freshDatabase(kind)
        let agency = try await makeAgency(db.stores)
        #expect(try await db.stores.agencies.root() == agency)
        await #expect(throws: DomainError.self) { _ = try await makeAgency(db.stores) }
        let dept = try await db.stores.agencies.createDepartment(agencyID: agency.id, name: "办公室")
        await #expect(throws: DomainError.self) { _ = try await db.stores.agencies.createDepartment(agencyID: agency.id, name: "办公室") }
        let user = try await db.stores.users.create(
            agencyID: agency.id, departmentID: dept.id, username: "zhang", displayName: "张三", roles: [.drafter, .reviewer],
            passwordHash: "h")
        #expect(try await db.stores.users.find(username: "zhang") == user)
        await #expect(throws: DomainError.self) {
            _ = try await db.stores.users.create(
                agencyID: agency.id, departmentID: nil, username: "zhang", displayName: "x", roles: [.drafter], passwordHash: "h")
        }
        try await db.stores.users.setLoginState(id: user.id, failedLogins: 0, lockedUntil: 1_900_000_000.5)
        #expect(try await db.stores.users.find(id: user.id)?.lockedUntil == 1_900_000_000.5)
        await db.shutdown()
    }

    @Test(arguments: locations) func failedTransactionWritesNothing(_ kind: String) async throws {
        let db = try await freshDatabase(kind)
        let agency = try await makeAgency(db.stores)
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await db.transaction { stores in
                _ = try await stores.users.create(
                    agencyID: agency.id, departmentID: nil, username: "li", displayName: "李四", roles: [.drafter], passwordHash: "h")
                try await stores.audit.append(
                    AuditEvent(
                        agencyID: agency.id, actorID: nil, actorName: "t", remoteAddress: "-", action: "user.create", recordType: "user",
                        recordID: "1"), atMillis: 1)
                throw Boom()
            }
        }
        #expect(try await db.stores.users.count() == 0)
        #expect(try await db.stores.audit.count(AuditFilter()) == 0)
        await db.shutdown()
    }

    @Test(arguments: locations) func auditChainVerifiesAndDetectsTampering(_ kind: String) async throws {
        let db = try await freshDatabase(kind)
        // Concurrent appenders must still produce one unbroken chain.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 1...20 {
                group.addTask {
                    _ = try await db.transaction { stores in
                        try await stores.audit.append(
                            AuditEvent(
                                agencyID: nil, actorID: Int64(i), actorName: "user\(i)", remoteAddress: "127.0.0.1",
                                action: "login.success",
                                recordType: "session", recordID: "\(i)", after: "{\"i\":\(i)}"), atMillis: Int64(i)
                        ).seq
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await AuditVerifier.verify(db.stores.audit, pageSize: 7) == .intact(count: 20))
        #expect(try await db.stores.audit.count(AuditFilter(actorName: "user3")) == 1)

        // Alter one entry behind the application's back.
        try await db.sql.update("audit_log").set("detail", to: SQLBind("forged")).where("seq", .equal, SQLBind(Int64(5))).run()
        #expect(try await AuditVerifier.verify(db.stores.audit, pageSize: 7) == .altered(seq: 5))
        // Remove one entry.
        try await db.sql.delete(from: "audit_log").where("seq", .equal, SQLBind(Int64(5))).run()
        #expect(try await AuditVerifier.verify(db.stores.audit, pageSize: 7) == .broken(seq: 6, expectedSeq: 5))
        await db.shutdown()
    }

    @Test(arguments: locations) func calendarNoticesRoundTrip(_ kind: String) async throws {
        let db = try await freshDatabase(kind)
        let notice = HolidayNotice(
            year: 2027, holidays: [CivilDate(iso: "2027-01-01")!], workdays: [CivilDate(iso: "2027-01-09")!], source: "国办发明电〔2026〕测试")
        try notice.validate()
        try await db.stores.calendar.save(notice, atMillis: 1)
        try await db.stores.calendar.save(notice, atMillis: 2)
        #expect(try await db.stores.calendar.notices() == [notice])
        await db.shutdown()
    }

    @Test(arguments: locations) func postgresConnectionsTurnParallelQueryOff(_ kind: String) async throws {
        guard kind != "sqlite" else { return }
        let db = try await freshDatabase(kind)
        let row = try await db.sql.raw("SHOW max_parallel_workers_per_gather").first()
        #expect(try row?.decode(column: "max_parallel_workers_per_gather", as: String.self) == "0")
        await db.shutdown()
    }

    @Test(arguments: locations) func fullTextEngineKeepsChineseTerms(_ kind: String) async throws {
        let db = try await freshDatabase(kind)
        #expect(try await db.indexesChinese())
        await db.shutdown()
    }

    /// Outlines (one text field per row) carry the same fields as the full documents.
    @Test(arguments: locations) func outlinesMatchTheDocuments(_ kind: String) async throws {
        let db = try await freshDatabase(kind)
        let agency = try await makeAgency(db.stores)
        let department = try await db.stores.agencies.createDepartment(agencyID: agency.id, name: "办公室")
        let policy = try await db.stores.catalog.create(
            CatalogDocument(
                id: 0, agencyID: agency.id, departmentID: department.id, kind: .policy, title: "政策", body: "正文", categoryCode: "policy",
                disclosure: .init(attribute: .redacted), publishedOn: CivilDate(iso: "2026-03-20"), formedOn: CivilDate(iso: "2026-03-18"),
                needsInterpretation: true, workflow: WorkflowState(status: .published), redactedBody: "正文", columns: ["covid", "topic-2"]))
        let reading = try await db.stores.catalog.create(
            CatalogDocument(
                id: 0, agencyID: agency.id, kind: .interpretation, title: "解读", body: "图解", categoryCode: "interpretation",
                interpretsID: policy.id, interpretationForm: .graphic))
        let outlines = try await db.stores.catalog.outlines(agencyID: agency.id).sorted { $0.id < $1.id }
        #expect(outlines.count == 2)
        for (o, d) in zip(outlines, [policy, reading]) {
            #expect(o.id == d.id && o.departmentID == d.departmentID && o.kind == d.kind && o.categoryCode == d.categoryCode)
            #expect(o.disclosure.attribute == d.disclosure.attribute && o.publishedOn == d.publishedOn && o.formedOn == d.formedOn)
            #expect(o.interpretsID == d.interpretsID && o.interpretationForm == d.interpretationForm)
            #expect(o.needsInterpretation == d.needsInterpretation && o.workflow.status == d.workflow.status && o.columns == d.columns)
        }
        await db.shutdown()
    }

    /// Ranking in the newest window, counting up to the limit, and pages stopping there.
    @Test(arguments: locations) func searchRanksTheNewestWindowAndCountsUpToTheLimit(_ kind: String) async throws {
        let db = try await freshDatabase(kind)
        let agency = try await makeAgency(db.stores)
        var texts: [SearchRanking.Candidate] = []
        func add(_ title: String, _ body: String, redacted: String? = nil) async throws -> Int64 {
            let d = try await db.stores.catalog.create(
                CatalogDocument(
                    id: 0, agencyID: agency.id, title: title, body: body, categoryCode: "policy",
                    disclosure: .init(attribute: redacted == nil ? .public : .redacted),
                    publishedOn: CivilDate(year: 2025, month: 3, day: 1),
                    workflow: WorkflowState(status: .published), redactedBody: redacted))
            try await db.stores.search.put(documentID: d.id, title: d.title, body: d.publicBody)
            texts.append(.init(id: d.id, title: d.title, body: d.publicBody, publishedOn: "2025-03-01"))
            return d.id
        }
        var ids: [Int64] = []
        for i in 0..<10 { ids.append(try await add("第\(i)号通知", "关于托育服务的安排。")) }
        let titled = try await add("托育机构备案的通知", "备案要求。")
        let dense = try await add("第十一号通知", "托育服务，托育机构，托育补贴。")
        // The original of a redacted document says 托育 many times; only the public copy counts.
        let redacted = try await add(
            "第十二号通知", "托育托育托育托育托育【删减】内部【/删减】", redacted: "关于托育服务的安排。（此处依法删减）")

        let all = try await SQLSearchIndex(db: db.sql).search("托育", .none, limit: 3, offset: 0)
        #expect(all.total == 13 && all.totalIsExact)
        #expect(all.hits.map(\.documentID).prefix(2) == [titled, dense])
        #expect(all.hits[0].titleMatched && !all.hits[1].titleMatched)
        #expect(all.hits[2].documentID != redacted)

        // A window of four: the newest four matches are ranked, the count goes on to 13.
        // PostgreSQL estimates the total from how far back the window reached (here exactly).
        let windowed = try await SQLSearchIndex(db: db.sql, window: 4).search("托育", .none, limit: 2, offset: 0)
        #expect(windowed.total == 13 && windowed.totalIsExact == (kind == "sqlite"))
        #expect(windowed.hits.map(\.documentID) == [titled, dense])
        let past = try await SQLSearchIndex(db: db.sql, window: 4).search("托育", .none, limit: 3, offset: 3)
        #expect(past.hits.map(\.documentID) == [ids[9], ids[8], ids[7]])  // newest first past the window

        // Counting stops at eight: the reader is told there are more, and pages stop there.
        let capped = SQLSearchIndex(db: db.sql, window: 4, countLimit: 8)
        let first = try await capped.search("托育", .none, limit: 5, offset: 0)
        #expect(first.total == 8 && !first.totalIsExact)
        #expect(try await capped.search("托育", .none, limit: 5, offset: 5).hits.count == 3)
        #expect(try await capped.search("托育", .none, limit: 5, offset: 10).hits.isEmpty)
        let filtered = try await capped.search("托育", CatalogFilter(year: 2025), limit: 5, offset: 0)
        #expect(filtered.total == 8 && !filtered.totalIsExact)
        let one = try await capped.search("备案", .none, limit: 3, offset: 0)
        #expect(one == SearchResults(total: 1, hits: [SearchHit(documentID: titled, titleMatched: true)]))
        // However the database counts (PostgreSQL counts the parts itself), the order is the one
        // the ranking gives from the texts.
        for q in ["托育", "托育服务", "服务 托育", "备案要求"] {
            let parts = ChineseSegmenter.query(q)
            let matching = texts.filter { t in parts.allSatisfy { SearchRanking.occurrences(of: $0, in: t.title + "\n" + t.body) > 0 } }
            let expected = SearchRanking.rank(parts, matching).map(\.id)
            let found = try await SQLSearchIndex(db: db.sql).search(q, .none, limit: 20, offset: 0).hits.map(\.documentID)
            #expect(found == expected, "\(q)")
        }
        await db.shutdown()
    }

    @Test(arguments: locations) func requestsRoundTripWithTheirClock(_ kind: String) async throws {
        let db = try await freshDatabase(kind)
        let agency = try await makeAgency(db.stores)
        let store = db.stores.requests
        var clock = RequestClock(receivedOn: CivilDate(year: 2025, month: 11, day: 3)!)
        clock.consultations = [.init(party: "某医院", sentOn: CivilDate(year: 2025, month: 11, day: 5)!)]
        let request = DisclosureRequest(
            agencyID: agency.id, trackingCode: "2025-ABCDEFGH-K", channel: .online,
            applicant: Applicant(type: .naturalPerson, name: "张三", idNumber: "11010519491231002X", phone: "13800000000"),
            description: "2024年某医院的院感检查结果", delivery: .email, clock: clock, dueOn: CivilDate(year: 2025, month: 12, day: 22),
            createdAtMillis: 1, updatedAtMillis: 1)
        var stored = try await store.create(request)
        #expect(stored.id > 0)
        #expect(try await store.find(id: stored.id) == stored)
        #expect(try await store.find(trackingCode: "2025-ABCDEFGH-K") == stored)
        #expect(try await store.find(trackingCode: "2025-XXXXXXXX-X") == nil)
        await #expect(throws: DomainError.conflict("查询码已被使用")) { _ = try await store.create(request) }

        stored.clock.consultations[0].repliedOn = CivilDate(year: 2025, month: 11, day: 10)
        stored.status = .replied
        stored.outcome = .partiallyDisclosed
        stored.repliedOn = CivilDate(year: 2025, month: 11, day: 20)
        try await store.update(stored)
        #expect(try await store.find(id: stored.id) == stored)

        var second = request
        second.trackingCode = "2025-BCDEFGHJ-L"
        second.dueOn = CivilDate(year: 2025, month: 11, day: 28)
        let other = try await store.create(second)
        #expect(try await store.list(agencyID: agency.id, statuses: [.open], limit: 10, offset: 0).map(\.id) == [other.id])
        #expect(
            try await store.list(agencyID: agency.id, statuses: [.open, .replied], limit: 10, offset: 0).map(\.id) == [other.id, stored.id])
        await db.shutdown()
    }
}
