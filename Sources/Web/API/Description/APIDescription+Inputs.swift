import Domain
import OpenAPIKit

extension APIDescription {
    /// The request bodies several operations take, by name.
    static var inputSchemas: OrderedDictionary<String, JSONSchema> {
        [
            "DocumentInput": .object(properties: [
                "body": .string, "category": .string(description: "分类名称或代码"),
                "disclosure": .string(required: false, allowedValues: ["public", "on_request", "redacted", "not_public"]),
                "documentNumber": .string(required: false), "exemption": .enumeration(ExemptionReason.self, required: false),
                "expiresOn": .date.optional, "formedOn": .date.optional, "important": .boolean(required: false),
                "interpretationForm": .enumeration(InterpretationForm.self, required: false), "interprets": .integer(required: false),
                "keywords": .string(required: false), "kind": .enumeration(DocumentKind.self, required: false),
                "legalBasis": .string(required: false), "needsInterpretation": .boolean(required: false),
                "subject": .string(required: false), "title": .string,
                "validity": .object(
                    required: false,
                    properties: [
                        "effectiveFrom": .date.optional, "effectiveUntil": .date.optional,
                        "status": .enumeration(ValidityStatus.self, required: false), "supersededBy": .integer(required: false),
                    ]), "writtenOn": .date.optional,
            ]),
            "Decision": .object(properties: [
                "comment": .string(required: false),
                "confidentialityCleared": .boolean(required: false, description: "保密审查结论（含保密审查的层级必填 true）"),
                "reason": .string(required: false),
            ]),
            "RequestIntake": .object(properties: [
                "agency": .integer(required: false, description: "受理机关（网上申请；缺省为本平台的主管机关）"),
                "applicant": .object(properties: [
                    "address": .string(required: false), "email": .string(required: false),
                    "idNumber": .string(description: "自然人为身份证号码，组织为统一社会信用代码"), "name": .string, "phone": .string(required: false),
                    "type": .enumeration(ApplicantType.self),
                ]),
                "channel": .string(
                    required: false, description: "工作人员登记时必填",
                    allowedValues: ["online", "in_person", "letter", "registered_post", "fax", "email"]),
                "delivery": .enumeration(DeliveryMethod.self), "description": .string(description: "所需政府信息的名称、文号或便于查询的其他特征"),
                "purpose": .string(required: false), "receivedOn": .date.optional,
            ]),
            "Notice": .object(properties: ["holidays": .list(.date), "source": .string, "workdays": .list(.date), "year": .integer]),
            "CatalogSettings": .object(properties: [
                "categories": .list(.component("Category"), required: false), "categoryChains": .map(.list(.component("ReviewLevel"))),
                "chain": .list(.component("ReviewLevel")), "deadlineOverrides": .map(.integer),
                "extraCategories": .list(.component("Category")), "indexRule": .object(properties: ["template": .string(required: false)]),
                "reviewDueWorkdays": .integer,
            ]),
            "Category": .object(properties: [
                "code": .string, "name": .string, "publishWithinWorkdays": .integer, "statutoryItem": .integer(required: false),
            ]),
            "ReviewLevel": .object(properties: [
                "condition": .string(allowedValues: ["always", "important", "important_or_flagged"]), "confidentialityReview": .boolean,
                "name": .string, "role": .component("Role"),
            ]),
            "Role": .enumeration(Role.self),
        ]
    }
}
