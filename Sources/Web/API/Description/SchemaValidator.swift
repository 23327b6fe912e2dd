import Foundation
import OpenAPIKit

/// A JSON value as decoded, with booleans, integers and other numbers told apart.
enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int64.self) {
            self = .integer(i)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }
}

/// Checks a JSON value against a schema of the API
/// description, resolving `$ref`s through its components: types, required and unknown
/// properties, enumerations, dates, array items and map values. It covers what the description
/// uses, no more; every problem is named by its path (`items[2].dueOn`).
struct SchemaValidator {
    let components: OpenAPI.ComponentDictionary<JSONSchema>

    func problems(_ value: JSONValue, against schema: JSONSchema, at path: String = "$") -> [String] {
        if case .null = value { return schema.nullable ? [] : ["\(path): null where \(Self.kind(schema)) is expected"] }
        switch schema.value {
        case .reference(let ref, _):
            guard let name = ref.name, let key = OpenAPI.ComponentKey(rawValue: name), let target = components[key] else {
                return ["\(path): unknown reference \(ref.absoluteString)"]
            }
            return problems(value, against: target, at: path)
        case .boolean:
            if case .bool = value { return [] }
            return ["\(path): expected a boolean, got \(Self.shown(value))"]
        case .integer:
            if case .integer = value { return [] }
            return ["\(path): expected an integer, got \(Self.shown(value))"]
        case .number:
            switch value {
            case .integer, .number: return []
            default: return ["\(path): expected a number, got \(Self.shown(value))"]
            }
        case .string(let core, let string):
            guard case .string(let s) = value else { return ["\(path): expected a string, got \(Self.shown(value))"] }
            if let allowed = core.allowedValues, !allowed.contains(where: { ($0.value as? String) == s }) {
                return ["\(path): \"\(s)\" is not one of \(allowed.compactMap { $0.value as? String })"]
            }
            if core.format == .date, !Self.isDate(s) { return ["\(path): \"\(s)\" is not a date (YYYY-MM-DD)"] }
            if let pattern = string.pattern, s.range(of: pattern, options: .regularExpression) == nil {
                return ["\(path): \"\(s)\" does not match \(pattern)"]
            }
            return []
        case .array(_, let array):
            guard case .array(let list) = value else { return ["\(path): expected an array, got \(Self.shown(value))"] }
            guard let items = array.items else { return [] }
            return list.enumerated().flatMap { i, item in problems(item, against: items, at: "\(path)[\(i)]") }
        case .object(_, let object):
            guard case .object(let dict) = value else { return ["\(path): expected an object, got \(Self.shown(value))"] }
            var found: [String] = []
            for (key, property) in object.properties {
                if let v = dict[key] {
                    found += problems(v, against: property, at: "\(path).\(key)")
                } else if property.required {
                    found.append("\(path).\(key): missing")
                }
            }
            for (key, v) in dict.sorted(by: { $0.key < $1.key }) where object.properties[key] == nil {
                switch object.additionalProperties {
                case .b(let values): found += problems(v, against: values, at: "\(path).\(key)")
                case .a(true): break
                default:
                    // An object that says nothing of other keys: a key the schema does not name
                    // is a field the description forgot (a free-form object says `true`).
                    found.append("\(path).\(key): not in the schema")
                }
            }
            return found
        case .one(let of, _), .any(let of, _):
            return of.contains { problems(value, against: $0, at: path).isEmpty } ? [] : ["\(path): matches none of the alternatives"]
        case .all(let of, _):
            return of.flatMap { problems(value, against: $0, at: path) }
        case .null:
            return ["\(path): expected null"]
        case .not, .fragment:
            return []
        }
    }

    static func isDate(_ s: String) -> Bool {
        s.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil
    }

    static func shown(_ value: JSONValue) -> String { String(String(describing: value).prefix(60)) }

    static func kind(_ schema: JSONSchema) -> String { schema.jsonType?.rawValue ?? "a value" }
}
