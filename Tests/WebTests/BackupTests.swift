import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import StorageSQL
import Testing

@testable import Services
@testable import Web

/// `gongkai backup` and `gongkai restore`: a backup taken while the audit archive is being
/// written restores into a new database of either kind with every row and an intact chain.
@Suite struct BackupTests {
    @Test(arguments: Harness.kinds) func restoresIntoAnEmptyDatabaseOfEitherKind(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        let file = URL(fileURLWithPath: NSTemporaryDirectory() + "gongkai-backup-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: file) }
        // The demo's records plus an attachment, then a backup with audit entries being written meanwhile.
        let stores = h.db.stores
        let document = try #require(try await stores.documents.recent(agencyID: 1, limit: 1).first)
        let pdf = Data("%PDF-1.4\n附件内容\n%%EOF".utf8)
        let env = h.env
        let writer = Task {
            let actor = AuditActor(agencyID: 1, userID: nil, name: "writer", address: "local")
            for i in 0..<30 {
                try await env.database.transaction { stores in
                    _ = try await stores.audit.append(
                        AuditEvent(
                            agencyID: actor.agencyID, actorID: actor.userID, actorName: actor.name, remoteAddress: actor.address,
                            action: "test.write", recordType: "test", recordID: "\(i)"), atMillis: Int64(i))
                }
            }
        }
        _ = try await stores.attachments.add(
            Attachment(
                documentID: document.id, fileName: "附件.pdf", kind: "pdf", contentType: "application/pdf", size: pdf.count, sha256: "",
                removedMetadata: [], text: nil, uploadedBy: "test", createdAtMillis: 0), original: pdf, publicCopy: pdf)
        let manifest = try await DatabaseBackup.write(h.db, to: file, nowMillis: 0)
        try await writer.value
        #expect(manifest.rows("agencies") == 3 && manifest.rows("attachments") == 1 && (manifest.rows("catalog_documents") ?? 0) >= 3)
        #expect(!manifest.tables.contains { $0.name.hasPrefix("document_search") || $0.name == "schema_migrations" })
        #expect(try DatabaseBackup.manifest(of: file) == manifest)
        await h.close()

        for target in Harness.kinds {
            let (db, cleanup) = try await Harness.emptyDatabase(target)
            do {
                let restored = try await DatabaseBackup.restore(from: file, into: db)
                #expect(restored == manifest)
                let summary = try await DatabaseBackup.verify(db, against: manifest)
                #expect(summary.hasPrefix("各表行数与备份一致，审计链完整"), "\(kind) → \(target): \(summary)")
                // Attachments come back byte for byte; the search index is rebuilt.
                let attachment = try #require(try await db.stores.attachments.list(documentID: document.id).first)
                #expect(try await db.stores.attachments.original(id: attachment.id) == pdf)
                let found = try await db.stores.search.search("依法执业", CatalogFilter(), limit: 10, offset: 0)
                #expect(found.total >= 1, "\(kind) → \(target)")
                // New rows get new IDs (PostgreSQL sequences follow the restored rows).
                let agency = try await db.stores.agencies.create(
                    parentID: 1, name: "恢复后新建单位", creditCode: "12100000400012345X", kind: .subordinate, contact: AgencyContact())
                #expect(agency.id == 4)
                // A database with data is refused.
                await #expect(throws: DatabaseBackup.RestoreError.self) { _ = try await DatabaseBackup.restore(from: file, into: db) }
            } catch {
                await db.shutdown()
                await cleanup()
                throw error
            }
            await db.shutdown()
            await cleanup()
        }
    }

    @Test func aTamperedBackupFailsVerification() async throws {
        let h = try await Harness.make("sqlite")
        let file = URL(fileURLWithPath: NSTemporaryDirectory() + "gongkai-backup-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: file) }
        let manifest = try await DatabaseBackup.write(h.db, to: file, nowMillis: 0)
        await h.close()
        let (db, cleanup) = try await Harness.emptyDatabase("sqlite")
        _ = try await DatabaseBackup.restore(from: file, into: db)
        #expect(try await DatabaseBackup.verify(db, against: manifest).hasPrefix("各表行数与备份一致"))
        // A count that differs from the manifest is reported.
        var lying = manifest
        lying.tables[0].rows += 1
        await #expect(throws: DatabaseBackup.RestoreError.self) { _ = try await DatabaseBackup.verify(db, against: lying) }
        await db.shutdown()
        await cleanup()
    }
}
