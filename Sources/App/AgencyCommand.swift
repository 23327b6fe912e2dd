import ArgumentParser
import Domain
import Foundation
import Services
import Storage
import StorageSQL

struct AgencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agency", abstract: "Agencies.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an agency; the first one created is the root.")
        @Option var name: String
        @Option var creditCode: String
        @Option(help: "Credit code of the parent agency.") var parent: String?
        @Option(help: "commission, subordinate, county or hospital.") var kind: String = "commission"

        func run() async throws {
            try Agency.validate(name: name, creditCode: creditCode)
            guard let kind = AgencyKind(rawValue: kind) else { throw ValidationError("未知机关类型 \(kind)") }
            let (name, code, parentCode) = (name, creditCode, parent)
            let agency = try await withDatabase { db in
                try await db.transaction { stores in
                    var parentID: Int64?
                    if let parentCode {
                        guard let p = try await stores.agencies.find(creditCode: parentCode) else {
                            throw DomainError.notFound("上级机关 \(parentCode)")
                        }
                        parentID = p.id
                    } else if try await stores.agencies.root() != nil {
                        throw DomainError.conflict("已有根机关，请用 --parent 指定上级机关")
                    }
                    let agency = try await stores.agencies.create(
                        parentID: parentID, name: name, creditCode: code, kind: kind, contact: AgencyContact())
                    try await stores.audit.append(
                        AuditActor.commandLine.event(
                            "agency.create", recordType: "agency", recordID: String(agency.id), agencyID: agency.id,
                            after: "\(agency.name) \(agency.creditCode)"),
                        atMillis: Int64(Date().timeIntervalSince1970 * 1000))
                    return agency
                }
            }
            print("created agency \(agency.name) (#\(agency.id))")
        }
    }
}
