import Domain
import Foundation
import OpenAPIKit

/// The OpenAPI 3.1 description of every JSON route, built with OpenAPIKit's typed model: each
/// path is a route of `Routes.API`, each response that has a body names the Swift type it
/// encodes (whose schema is written beside it, see `APISchema`), and the document is validated
/// by OpenAPIKit in a test. `APIConformance` checks the bodies the tests see against it.
enum APIDescription {
    /// One path and its operations, by method.
    struct PathEntry {
        var template: String
        var operations: [(OpenAPI.HttpMethod, OpenAPI.Operation)]
    }

    /// A response: a typed JSON body, a hand-written schema, a file, an error, or none.
    enum Answer {
        case json(Int, String, any APISchema.Type)
        case schema(Int, String, JSONSchema)
        case file(Int, String, [String])
        case error(Int, String)
        case empty(Int, String)
    }

    /// A request body.
    enum Body {
        case json(JSONSchema)
        /// `multipart/form-data` with one `file` part.
        case file(String)
        /// The file itself, in one of these content types.
        case raw([(String, JSONSchema)])
    }

    static func path(_ route: any RouteDescription, _ operations: (OpenAPI.HttpMethod, OpenAPI.Operation)...) -> PathEntry {
        PathEntry(template: route.template, operations: operations)
    }

    /// The errors every operation can answer, unless it says otherwise.
    static let standardErrors: [(Int, String)] = [
        (400, "请求体不是有效的 JSON"), (401, "未登录或令牌无效"), (403, "角色不允许"), (413, "请求体超过上限"), (422, "字段缺失、类型或取值无效"),
    ]

    static func op(
        _ summary: String, tag: String, secured: Bool = true, parameters: [OpenAPI.Parameter] = [], body: Body? = nil,
        responses: [Answer]
    ) -> OpenAPI.Operation {
        var map: OpenAPI.Response.Map = [:]
        for answer in responses {
            let (code, response) = Self.response(answer)
            map[.status(code: code)] = .b(response)
        }
        for (code, text) in standardErrors where map[.status(code: code)] == nil {
            map[.status(code: code)] = .b(Self.response(.error(code, text)).1)
        }
        return OpenAPI.Operation(
            tags: [tag], summary: summary, parameters: parameters.map { .b($0) }, requestBody: body.map(Self.request),
            responses: map, security: secured ? [[.component(named: "bearer"): []]] : [])
    }

    static func response(_ answer: Answer) -> (Int, OpenAPI.Response) {
        switch answer {
        case .json(let code, let text, let type):
            (
                code,
                OpenAPI.Response(
                    description: text,
                    content: [.json: .b(OpenAPI.Content(schema: JSONSchema.reference(.component(named: type.schemaName))))])
            )
        case .schema(let code, let text, let schema):
            (code, OpenAPI.Response(description: text, content: [.json: .b(OpenAPI.Content(schema: schema))]))
        case .file(let code, let text, let types):
            (
                code,
                OpenAPI.Response(
                    description: text,
                    content: contentMap(types.map { ($0, .binary) }))
            )
        case .error(let code, let text):
            (code, OpenAPI.Response(description: text, content: [.json: .b(OpenAPI.Content(schema: JSONSchema.component("Error")))]))
        case .empty(let code, let text):
            (code, OpenAPI.Response(description: text))
        }
    }

    static func contentMap(_ types: [(String, JSONSchema)]) -> OpenAPI.Content.Map {
        var map = OpenAPI.Content.Map()
        for (type, schema) in types { map[OpenAPI.ContentType(rawValue: type)!] = .b(OpenAPI.Content(schema: schema)) }
        return map
    }

    static func request(_ body: Body) -> OpenAPI.Request {
        switch body {
        case .json(let schema):
            OpenAPI.Request(content: [.json: .b(OpenAPI.Content(schema: schema))], required: true)
        case .file(let description):
            OpenAPI.Request(
                content: [
                    .multipartForm: .b(
                        OpenAPI.Content(schema: .object(properties: ["file": .string(format: .other("binary"), description: description)])))
                ], required: true)
        case .raw(let types):
            OpenAPI.Request(
                content: contentMap(types),
                required: true)
        }
    }

    /// Every path, in the order the document lists them.
    static var entries: [PathEntry] {
        authPaths + agenciesPaths + catalogPaths + documentsPaths + requestsPaths + calendarPaths + reportsPaths + ledgersPaths
            + participationPaths + mailboxPaths + opinionsPaths + proposalsPaths + opendaysPaths + surveysPaths + siteerrorsPaths
            + oversightPaths + assessmentsPaths + mediaPaths + auditPaths + usersPaths + publicPaths + metaPaths
    }

    /// The error body every failure answers with.
    static let errorSchema = JSONSchema.object(
        description: "错误统一返回 {\"error\": {\"code\", \"message\"}}，message 为中文",
        properties: [
            "error": .object(properties: ["code": .string, "message": .string, "field": .string(required: false)])
        ])

    /// The document.
    static let document: OpenAPI.Document = {
        var paths = OpenAPI.PathItem.Map()
        for entry in entries {
            var item = paths[OpenAPI.Path(rawValue: entry.template)]?.b ?? OpenAPI.PathItem()
            for (method, operation) in entry.operations { item[method] = operation }
            paths[OpenAPI.Path(rawValue: entry.template)] = .b(item)
        }
        var schemas: OpenAPI.ComponentDictionary<JSONSchema> = ["Error": errorSchema]
        for (name, schema) in inputSchemas { schemas[OpenAPI.ComponentKey(rawValue: name)!] = schema }
        for type in APISchemas.all { schemas[OpenAPI.ComponentKey(rawValue: type.schemaName)!] = type.schema }
        return OpenAPI.Document(
            openAPIVersion: .v3_1_0,
            info: .init(
                title: "Gongkai 政务公开平台 API", description: "错误统一返回 {\"error\": {\"code\", \"message\"}}，message 为中文。", version: "1.0.0"),
            servers: [], paths: paths, components: .init(schemas: schemas, securitySchemes: ["bearer": .b(.http(scheme: "bearer"))]))
    }()

    /// The document as served at `/api/v1/openapi.json`.
    static let json: Data = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(document)) ?? Data()
    }()
}

extension OpenAPI.Parameter {
    /// An integer ID in the path.
    static func pathID(_ name: String) -> Self { .path(name: name, schema: .integer) }
    /// A text value in the path (a tracking code, a category).
    static func pathText(_ name: String) -> Self { .path(name: name, schema: .string) }
    /// A query parameter.
    static func query(_ name: String, _ schema: JSONSchema, required: Bool, _ description: String) -> Self {
        .init(name: name, context: .query(required: required, schema: schema), description: description.isEmpty ? nil : description)
    }
}
