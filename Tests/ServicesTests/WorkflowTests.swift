import Domain
import Foundation
import Storage
import Testing

@testable import Services

/// The application layer's workflows, run without HTTP: each step's effect, the audit entries it
/// archives in its own transaction, and what it tells the portal.
@Suite struct WorkflowTests {
    @Test(arguments: ServiceHarness.kinds) func aDocumentGoesThroughReviewToThePortal(_ kind: String) async throws {
        try await ServiceHarness.with(kind) { h in
            let catalog = try await CatalogService.load(h.env, agencyID: 1)
            let (drafter, reviewer, office, leader, publisher) = (
                try await h.identity("drafter"), try await h.identity("reviewer"), try await h.identity("office"),
                try await h.identity("leader"), try await h.identity("publisher")
            )
            let since = try await h.lastSeq()
            let draft = try await catalog.create(
                CatalogDocument(
                    id: 0, agencyID: 0, title: "关于开展家庭医生签约服务的通知", body: "各区县卫生健康局：现将有关事项通知如下。", categoryCode: "other",
                    writtenOn: CivilDate(iso: "2026-09-18")),
                by: drafter, from: "10.0.0.1")
            #expect(draft.workflow.status == .draft && draft.agencyID == 1)
            _ = try await catalog.apply(.submit, to: draft.id, by: drafter, from: "10.0.0.1")
            _ = try await catalog.apply(.approve(comment: "", confidentialityCleared: false), to: draft.id, by: reviewer, from: "10.0.0.2")
            _ = try await catalog.apply(.approve(comment: "", confidentialityCleared: true), to: draft.id, by: office, from: "10.0.0.3")
            let approved = try await catalog.apply(
                .approve(comment: "同意", confidentialityCleared: false), to: draft.id, by: leader, from: "10.0.0.4")
            #expect(approved.indexNumber != nil)  // assigned on the last approval
            #expect(h.listener.changes.isEmpty)  // nothing public has changed yet
            let published = try await catalog.apply(.publish, to: draft.id, by: publisher, from: "10.0.0.5")
            #expect(published.workflow.status == .published)
            #expect(h.listener.changes == [.documents([draft.id])])
            #expect(try await h.db.stores.documents.find(id: draft.id)?.title == "关于开展家庭医生签约服务的通知")

            let entries = try await h.audit(after: since)
            #expect(
                entries.map(\.action) == [
                    "document.create", "document.submit", "document.approve", "document.approve", "document.approve", "document.publish",
                ])
            #expect(entries.map(\.actorName) == ["drafter", "drafter", "reviewer", "office", "leader", "publisher"])
            #expect(entries.allSatisfy { $0.recordType == "document" && $0.recordID == String(draft.id) && $0.agencyID == 1 })
            #expect(entries.last?.remoteAddress == "10.0.0.5")
        }
    }

    @Test(arguments: ServiceHarness.kinds) func aRefusedStepWritesNothing(_ kind: String) async throws {
        try await ServiceHarness.with(kind) { h in
            let catalog = try await CatalogService.load(h.env, agencyID: 1)
            let drafter = try await h.identity("drafter")
            let publisher = try await h.identity("publisher")
            let draft = try await catalog.create(
                CatalogDocument(id: 0, agencyID: 0, title: "草稿", body: "正文", categoryCode: "other"), by: drafter, from: "10.0.0.1")
            let since = try await h.lastSeq()
            // Nobody reviews their own draft, and a draft cannot be published: each refusal leaves
            // the document and the archive as they were.
            _ = try await catalog.apply(.submit, to: draft.id, by: drafter, from: "10.0.0.1")
            let afterSubmit = try await h.lastSeq()
            await #expect(throws: DomainError.self) {
                _ = try await catalog.apply(
                    .approve(comment: "", confidentialityCleared: false), to: draft.id, by: drafter, from: "10.0.0.1")
            }
            await #expect(throws: DomainError.self) {
                _ = try await catalog.apply(.publish, to: draft.id, by: publisher, from: "10.0.0.5")
            }
            #expect(try await h.lastSeq() == afterSubmit)
            #expect(try await h.audit(after: since).map(\.action) == ["document.submit"])
            #expect(try await h.db.stores.catalog.find(id: draft.id)?.workflow.status == .inReview)
        }
    }

    @Test(arguments: ServiceHarness.kinds) func agencySettingsAreArchivedWithWhatTheyReplace(_ kind: String) async throws {
        try await ServiceHarness.with(kind) { h in
            let office = try await h.identity("office")
            let service = AgencySettingsService(env: h.env)
            let since = try await h.lastSeq()
            try await service.addSensitiveWord("卫计委", replacement: "卫生健康委", by: office, address: "10.0.0.3")
            #expect(try await service.sensitiveWords(of: 1).map(\.word) == ["卫计委"])
            await #expect(throws: DomainError.self) {
                try await service.addSensitiveWord("", replacement: "", by: office, address: "10.0.0.3")
            }
            try await service.removeSensitiveWord("卫计委", by: office, address: "10.0.0.3")
            let agency = try await service.saveSite(host: "", title: "示范市卫健委", color: "#1f4e79", by: office, address: "10.0.0.3")
            #expect(agency.site.title == "示范市卫健委")
            #expect(h.listener.changes == [.everything])
            let entries = try await h.audit(after: since)
            #expect(entries.map(\.action) == ["wordlist.add", "wordlist.remove", "agency.site"])
            #expect(entries.first?.detail == "卫生健康委" && entries.first?.recordType == "sensitive-word")
            #expect(entries.last?.beforeDigest != entries.last?.afterDigest)
        }
    }

    @Test(arguments: ServiceHarness.kinds) func aRequestIsRegisteredOnTheClockAndArchived(_ kind: String) async throws {
        try await ServiceHarness.with(kind) { h in
            let service = RequestService(env: h.env)
            let intake = RequestService.Intake(
                applicant: .init(type: "natural_person", name: "张三", idNumber: "110105198001010016", email: "zhang@example.com"),
                description: "2025年本市医疗机构名单", delivery: "email")
            let since = try await h.lastSeq()
            let prepared = try service.prepare(intake, agencyID: 1, channel: .online, receivedOn: h.env.today)
            let stored = try await service.register(prepared, actor: AuditActor(name: "公众", address: "10.1.1.1"))
            #expect(stored.trackingCode.count > 8)
            #expect(stored.dueOn == RequestClock(receivedOn: h.env.today).compute(h.env.clocks).dueOn)
            let entries = try await h.audit(after: since)
            #expect(entries.map(\.action) == ["request.receive"])
            #expect(entries.first?.detail.contains(stored.trackingCode) == true && entries.first?.agencyID == 1)
        }
    }

    @Test func everyAuditActionHasOneStoredName() {
        let names = AuditAction.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.split(separator: ".").count >= 2 })
    }
}
