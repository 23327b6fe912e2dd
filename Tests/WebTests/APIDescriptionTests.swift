import Foundation
import HummingbirdTesting
import OpenAPIKit
import Testing

@testable import Web

/// The API description is a valid OpenAPI 3.1 document whose every answer with a body has a
/// schema with its properties, and every body the code sends conforms to it: the test harness
/// turns on `WebSettings.checkResponses`, so every JSON body of every test is checked against
/// the schema of its type and the operation it answers (see `APIConformance`).
@Suite struct APIDescriptionTests {
    @Test func theDocumentValidatesAndEveryReferenceResolves() throws {
        let document = APIDescription.document
        _ = try document.validate()
        // Every reference names a component (the schemas are recursive, so OpenAPIKit cannot
        // dereference the whole document; each reference is looked up once instead).
        let json = String(decoding: APIDescription.json, as: UTF8.self)
        let names = Set(document.components.schemas.keys.map(\.rawValue))
        let refs = json.matches(of: /"#\/components\/schemas\/([A-Za-z0-9_.]+)"/).map { String($0.1) }
        #expect(!refs.isEmpty)
        #expect(Set(refs).subtracting(names).sorted() == [])
        #expect(document.paths.count >= 150)
    }

    /// Walks a schema for objects that say nothing of their contents.
    static func bareObjects(_ schema: JSONSchema, at path: String, seen: inout Set<String>) -> [String] {
        let components = APIDescription.document.components.schemas
        switch schema.value {
        case .reference(let ref, _):
            guard let name = ref.name, seen.insert(name).inserted, let target = components[.init(rawValue: name)!] else { return [] }
            return bareObjects(target, at: name, seen: &seen)
        case .object(_, let object):
            var found = object.properties.isEmpty && object.additionalProperties == nil ? [path] : []
            for (key, p) in object.properties { found += bareObjects(p, at: path + "." + key, seen: &seen) }
            if case .b(let values) = object.additionalProperties { found += bareObjects(values, at: path + ".*", seen: &seen) }
            return found
        case .array(_, let array):
            return array.items.map { bareObjects($0, at: path + "[]", seen: &seen) } ?? []
        case .one(let of, _), .any(let of, _), .all(let of, _):
            return of.flatMap { bareObjects($0, at: path, seen: &seen) }
        default:
            return []
        }
    }

    @Test func noAnswerIsABareObject() {
        var seen: Set<String> = []
        var bare: [String] = []
        var typed = 0
        for (path, item) in APIDescription.document.paths {
            for endpoint in item.b?.endpoints ?? [] {
                for (status, response) in endpoint.operation.responses {
                    guard let schema = response.b?.content[.json]?.b?.schema else { continue }
                    if schema.reference != nil { typed += 1 }
                    bare += Self.bareObjects(schema, at: "\(endpoint.method.rawValue) \(path.rawValue) \(status.rawValue)", seen: &seen)
                }
            }
        }
        #expect(bare == [])
        #expect(typed > 500)  // success bodies by type, and the errors' shared schema
    }

    @Test func everyTypedSchemaIsUsedAndNamedOnce() {
        let names = APISchemas.all.map { $0.schemaName }
        #expect(Set(names).count == names.count)
        let json = String(decoding: APIDescription.json, as: UTF8.self)
        for name in names { #expect(json.contains("#/components/schemas/\(name)\""), "\(name) is never referenced") }
    }

    /// The routes the other suites do not reach, called once each, so that their bodies are
    /// checked too.
    @Test func routesTheOtherTestsMissConformToo() async throws {
        let h = try await Harness.make("sqlite")
        try await h.run { client in
            let office = try await client.token("office")
            #expect(try await client.getJSON(Routes.API.calendarNotices.path()).status == .ok)
            #expect(try await client.getJSON(Routes.API.users.path(), token: try await client.token("admin")).status == .ok)
            #expect(try await client.getJSON(Routes.API.publicConsultations.path()).status == .ok)
            let surveys = try await client.getJSON(Routes.API.publicSurveys.path())
            #expect(surveys.status == .ok)
            if let first = (try surveys.json()["items"] as? [[String: Any]])?.first?["id"] as? Int {
                #expect(try await client.getJSON(Routes.API.publicSurvey.path(Int64(first))).status == .ok)
                #expect(try await client.getJSON(Routes.API.survey.path(Int64(first)), token: office).status == .ok)
            }
            let letters = try await client.getJSON(Routes.API.mailbox.path(), token: office)
            if let first = (try letters.json()["items"] as? [[String: Any]])?.first?["id"] as? Int {
                #expect(try await client.getJSON(Routes.API.mailboxLetter.path(Int64(first)), token: office).status == .ok)
            }
        }
    }
}
