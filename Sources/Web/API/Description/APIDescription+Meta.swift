import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `meta` operations.
    static var metaPaths: [PathEntry] {
        [
            path(
                Routes.API.openAPIDocument,
                (
                    .get,
                    op(
                        "本文档", tag: "meta", secured: false,
                        responses: [
                            .schema(
                                200, "OpenAPI 3.1",
                                .object(properties: [
                                    "openapi": .string, "info": .object(properties: ["title": .string, "version": .string]),
                                    "paths": .map(.object(additionalProperties: .a(true))),
                                    "components": .object(properties: ["schemas": .map(.object(additionalProperties: .a(true)))]),
                                ]))
                        ])
                ))
        ]
    }
}
