import Domain
import OpenAPIKit

/// A type the API encodes as a body, with its JSON Schema: the schema is written beside the
/// type (see `APISchemas.swift`), named in the API description's components, and checked
/// against every body of that type the tests see (`APIConformance`).
protocol APISchema: Encodable {
    /// The name under `#/components/schemas/`.
    static var schemaName: String { get }
    static var schema: JSONSchema { get }
}

extension APISchema {
    static var schemaName: String { String(describing: Self.self) }
}

extension JSONSchema {
    /// The schema of an `APISchema` type, by reference.
    static func ref<T: APISchema>(_ type: T.Type, required: Bool = true) -> JSONSchema {
        .reference(.component(named: T.schemaName), required: required)
    }

    /// A named component that is not a Swift type (a request body shared by operations).
    static func component(_ name: String, required: Bool = true) -> JSONSchema {
        .reference(.component(named: name), required: required)
    }

    /// An array of `items`.
    static func list(_ items: JSONSchema, required: Bool = true) -> JSONSchema {
        .array(required: required, items: items)
    }

    /// An object whose keys are data (a `[String: T]`), each value `values`.
    static func map(_ values: JSONSchema, required: Bool = true) -> JSONSchema {
        .object(required: required, additionalProperties: .b(values))
    }

    /// A string that is one of an enumeration's raw values.
    static func enumeration<E: CaseIterable & RawRepresentable>(_ type: E.Type, required: Bool = true) -> JSONSchema
    where E.RawValue == String {
        .string(required: required, allowedValues: E.allCases.map { AnyCodable($0.rawValue) })
    }

    /// A calendar date (`CivilDate`): `YYYY-MM-DD`.
    static let date = JSONSchema.string(format: .date, examples: ["2026-09-30"])
    /// A month (`YearMonth`): `YYYY-MM`.
    static let yearMonth = JSONSchema.string(pattern: "^[0-9]{4}-[0-9]{2}$")
    /// File contents.
    static let binary = JSONSchema.string(format: .other("binary"))

    /// The same schema, not required where it is a property.
    var optional: JSONSchema { optionalSchemaObject() }
}
