import Foundation
public import Hummingbird
import OpenAPIKit

/// Encodes the API's JSON bodies. When the tests ask for it (`WebSettings.checkResponses`), it
/// also checks each body against the description before it leaves: its type must have a schema
/// (`APISchema`), the body must match that schema, and the operation the request reached must
/// document that schema among its answers. A body that does not conform becomes a 500 naming
/// the problem, so a test that meets it fails: the description cannot drift from the code on any
/// route the tests exercise.
public struct APIResponseEncoder: ResponseEncoder {
    public init() {}

    /// Hummingbird's default: dates as ISO 8601.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    public func encode(_ value: some Encodable, from request: Request, context: some RequestContext) throws -> Response {
        let response = try Self.encoder.encode(value, from: request, context: context)
        if let gongkai = context as? GongkaiRequestContext, gongkai.checksResponses {
            let problems = APIConformance.problems(value, method: request.method.rawValue, path: context.endpointPath ?? request.uri.path)
            if !problems.isEmpty {
                throw APIFailure(.internalServerError, code: "undocumented_response", message: problems.joined(separator: "; "))
            }
        }
        return response
    }
}

enum APIConformance {
    /// The component names each operation documents for its JSON answers, by "METHOD /path".
    static let documented: [String: Set<String>] = {
        var out: [String: Set<String>] = [:]
        for (path, item) in APIDescription.document.paths {
            guard let item = item.b else { continue }
            for endpoint in item.endpoints {
                var names: Set<String> = []
                for (_, response) in endpoint.operation.responses {
                    guard let schema = response.b?.content[.json]?.b?.schema, let ref = schema.reference?.name else { continue }
                    names.insert(ref)
                }
                out[endpoint.method.rawValue.uppercased() + " " + path.rawValue] = names
            }
        }
        return out
    }()

    static let validator = SchemaValidator(components: APIDescription.document.components.schemas)

    /// What is wrong with `value` as the body of `method path` (nothing, when it conforms).
    static func problems(_ value: some Encodable, method: String, path: String) -> [String] {
        guard let type = type(of: value) as? any APISchema.Type else {
            return ["\(method) \(path): \(String(reflecting: type(of: value))) has no schema in the API description"]
        }
        let template = path.hasPrefix("/") ? path : "/" + path
        var problems: [String] = []
        if let names = documented[method + " " + template], !names.contains(type.schemaName) {
            problems.append("\(method) \(template) documents \(names.sorted()) but answered \(type.schemaName)")
        } else if documented[method + " " + template] == nil {
            problems.append("\(method) \(template) is not in the API description")
        }
        do {
            let json = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
            problems += validator.problems(json, against: type.schema, at: type.schemaName)
        } catch {
            problems.append("\(type.schemaName): \(error)")
        }
        return problems
    }
}
