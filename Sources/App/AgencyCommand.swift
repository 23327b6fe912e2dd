import ArgumentParser
import Domain
import Foundation
import Services
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
                try await AgencySettingsService(env: try commandEnvironment(db)).createAgency(
                    name: name, creditCode: code, kind: kind, parentCreditCode: parentCode, by: .commandLine)
            }
            print("created agency \(agency.name) (#\(agency.id))")
        }
    }
}
