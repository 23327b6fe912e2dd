import Domain
import Foundation
import Services

/// The OpenAPI 3.1 description of every JSON route. `WebTests` compares its paths with the
/// router's, so a route added without a description fails the build's tests.
enum OpenAPIDocument {
    typealias Object = [String: Any]

    static let json: Data = {
        (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
    }()

    static func ref(_ name: String) -> Object { ["$ref": "#/components/schemas/\(name)"] }

    static func jsonBody(_ schema: Object) -> Object { ["required": true, "content": ["application/json": ["schema": schema]]] }

    static func fileBody(_ description: String) -> Object {
        [
            "required": true,
            "content": [
                "multipart/form-data": [
                    "schema": [
                        "type": "object", "required": ["file"],
                        "properties": ["file": ["type": "string", "format": "binary", "description": description]],
                    ]
                ]
            ],
        ]
    }

    static func answer(_ description: String, _ schema: Object? = nil) -> Object {
        guard let schema else { return ["description": description] }
        return ["description": description, "content": ["application/json": ["schema": schema]]]
    }

    static var errors: Object {
        [
            "400": answer("请求体不是有效的 JSON", ref("Error")), "401": answer("未登录或令牌无效", ref("Error")),
            "403": answer("角色不允许", ref("Error")), "413": answer("请求体超过上限", ref("Error")),
            "422": answer("字段缺失、类型或取值无效", ref("Error")),
        ]
    }

    static func op(
        _ summary: String, tag: String, secured: Bool, parameters: [Object] = [], body: Object? = nil,
        responses: Object
    ) -> Object {
        var o: Object = ["summary": summary, "tags": [tag], "responses": responses.merging(errors) { a, _ in a }]
        if !parameters.isEmpty { o["parameters"] = parameters }
        if let body { o["requestBody"] = body }
        o["security"] = secured ? [["bearer": [String]()]] : [Object]()
        return o
    }

    static func query(_ name: String, _ schema: Object, required: Bool = true, _ description: String) -> Object {
        ["name": name, "in": "query", "required": required, "schema": schema, "description": description]
    }

    static func pathID(_ name: String) -> Object { ["name": name, "in": "path", "required": true, "schema": ["type": "integer"]] }

    static var date: Object { ["type": "string", "format": "date", "example": "2026-09-30"] }
    static var string: Object { ["type": "string"] }

    static var document: Object {
        var d = baseDocument
        var paths = d["paths"] as? Object ?? [:]
        paths.merge(requestHandlingPaths) { a, _ in a }
        paths.merge(ledgerPaths) { a, _ in a }
        paths.merge(annualReportPaths) { a, _ in a }
        paths.merge(participationPaths) { a, _ in a }
        paths.merge(mailboxPaths) { a, _ in a }
        paths.merge(siteErrorPaths) { a, _ in a }
        paths.merge(proposalPaths) { a, _ in a }
        paths.merge(opinionPaths) { a, _ in a }
        paths.merge(openDayPaths) { a, _ in a }
        paths.merge(surveyPaths) { a, _ in a }
        paths.merge(oversightPaths) { a, _ in a }
        paths.merge(assessmentPaths) { a, _ in a }
        d["paths"] = paths
        return d
    }

    /// A step on a request: its fields, and the new state and due date it answers with.
    static func step(_ summary: String, _ properties: Object, path: [Object] = [pathID("id")], created: Bool = false) -> Object {
        [
            "post": op(
                summary, tag: "requests", secured: true, parameters: path, body: jsonBody(["type": "object", "properties": properties]),
                responses: [
                    created ? "201" : "200": answer("新的状态与答复期限", ref("RequestChange")), "404": answer("申请不存在", ref("Error")),
                    "409": answer("当前状态下不能这样办理", ref("Error")), "422": answer("内容有误", ref("Error")),
                ])
        ]
    }

    static func object(_ description: String, _ code: String = "200") -> Object {
        [
            code: answer(description, ["type": "object"]), "404": answer("不存在", ref("Error")), "409": answer("当前状态下不能这样办理", ref("Error")),
            "422": answer("内容有误", ref("Error")),
        ]
    }

    static var requestHandlingPaths: Object {
        let text = string
        let int: Object = ["type": "integer"]
        let outcome: Object = ["type": "string", "enum": RequestOutcome.allCases.map(\.rawValue)]
        let letterFields: Object = ["outcome": outcome, "publishedAt": text, "responsibleAgency": text, "note": text]
        return [
            "/api/v1/requests/{id}/deferral": step("依第三十五条确定延迟答复期限（须晚于现有期限）", ["deferredTo": date, "reason": text]),
            "/api/v1/requests/{id}/internal-consultations": step(
                "内部会商：向本机关科室征求意见", ["department": text, "question": text, "askedOn": date]),
            "/api/v1/requests/{id}/internal-consultations/{n}/answer": step(
                "登记第 n 次内部会商的意见", ["answer": text, "answeredOn": date], path: [pathID("id"), pathID("n")]),
            "/api/v1/requests/{id}/fee-notice": step(
                "发出收费通知：按件（申请人当月第几件由系统计算）或按量（页数）；免费范围内的不能发出",
                ["basis": ["type": "string", "enum": ["per_request", "per_volume"]], "pages": int, "noticeOn": date]),
            "/api/v1/requests/{id}/fee-paid": step(
                "登记缴费（须在缴费期限内，金额与通知一致）", ["paidOn": date, "paidYuan": int, "receiptNumber": text]),
            "/api/v1/requests/{id}/deliveries": step(
                "登记送达：邮寄须有单号，当面领取须有签收人，电子邮件须有地址",
                [
                    "method": ["type": "string", "enum": DeliveryMethod.allCases.map(\.rawValue)], "on": date, "item": text,
                    "trackingNumber": text, "signedBy": text, "address": text,
                ]),
            "/api/v1/requests/{id}/assign": [
                "post": op(
                    "分办：承办科室和承办人（须为本机关有办理权限的账号）", tag: "requests", secured: true, parameters: [pathID("id")],
                    body: jsonBody(["type": "object", "properties": ["departmentId": int, "handlerId": int]]), responses: object("分办结果"))
            ],
            "/api/v1/requests/{id}/transfer": [
                "post": op(
                    "转本平台上的其他机关办理：收到申请日期和答复期限不变，本机关不再可见", tag: "requests", secured: true, parameters: [pathID("id")],
                    body: jsonBody(["type": "object", "properties": ["agency": int, "reason": text]]), responses: object("转办结果"))
            ],
            "/api/v1/requests/{id}/letter": [
                "get": op(
                    "该申请最近的答复告知书（草稿或已发出）", tag: "requests", secured: true, parameters: [pathID("id")],
                    responses: object("告知书")),
                "post": op(
                    "按办理结果生成（或重新生成）告知书草稿：依据、救济途径自动写入", tag: "requests", secured: true, parameters: [pathID("id")],
                    body: jsonBody(["type": "object", "properties": letterFields]), responses: object("告知书草稿", "201")),
                "put": op(
                    "修改告知书草稿（须保留行政复议、行政诉讼的告知）", tag: "requests", secured: true, parameters: [pathID("id")],
                    body: jsonBody(["type": "object", "properties": ["title": text, "body": text]]), responses: object("告知书草稿")),
            ],
            "/api/v1/letters/{lid}/html": [
                "get": op(
                    "告知书网页版（已发出的为发出时保存的版本）", tag: "requests", secured: true, parameters: [pathID("lid")],
                    responses: [
                        "200": ["description": "HTML", "content": ["text/html": ["schema": text]]], "404": answer("不存在", ref("Error")),
                    ])
            ],
            "/api/v1/letters/{lid}/pdf": [
                "get": op(
                    "告知书 PDF（无头 Chromium 打印；已发出的首次打印后保存）", tag: "requests", secured: true, parameters: [pathID("lid")],
                    responses: [
                        "200": ["description": "PDF", "content": ["application/pdf": ["schema": ["type": "string", "format": "binary"]]]],
                        "404": answer("不存在", ref("Error")), "503": answer("服务器未安装 chromium", ref("Error")),
                    ])
            ],
            "/api/v1/requests/{id}/similar": [
                "get": op(
                    "第四十四条：近一年其他申请人申请相近信息的申请，以及是否建议纳入主动公开", tag: "requests", secured: true,
                    parameters: [pathID("id")], responses: object("相近的申请"))
            ],
            "/api/v1/requests/{id}/proactive": [
                "post": op(
                    "第四十四条：把该申请及相近申请关联到已主动公开的文件", tag: "requests", secured: true, parameters: [pathID("id")],
                    body: jsonBody(["type": "object", "properties": ["documentId": int]]), responses: object("已关联的申请"))
            ],
            "/api/v1/requests/{id}/appeals": [
                "post": op(
                    "登记行政复议或行政诉讼案件", tag: "requests", secured: true, parameters: [pathID("id")],
                    body: jsonBody([
                        "type": "object",
                        "properties": [
                            "kind": ["type": "string", "enum": RequestAppeal.Kind.allCases.map(\.rawValue)], "forum": text, "filedOn": date,
                            "note": text,
                        ],
                    ]), responses: object("案件", "201"))
            ],
            "/api/v1/appeals/{aid}": [
                "post": op(
                    "登记案件结果（维持、纠正、其他；审结后不能再改）", tag: "requests", secured: true, parameters: [pathID("aid")],
                    body: jsonBody([
                        "type": "object",
                        "properties": [
                            "result": ["type": "string", "enum": RequestAppeal.Result.allCases.map(\.rawValue)], "decidedOn": date,
                            "note": text,
                        ],
                    ]), responses: object("案件"))
            ],
            "/api/v1/appeals": [
                "get": op(
                    "年度报告表四：某年的行政复议、行政诉讼案件数（按审结年度，未审结的按立案年度）", tag: "requests", secured: true,
                    parameters: [query("year", int, required: false, "年份，缺省为今年")], responses: object("表四与案件"))
            ],
            "/api/v1/fees/collected": [
                "get": op(
                    "某年收取的信息处理费（按缴费日期）：件数与金额", tag: "requests", secured: true,
                    parameters: [query("year", int, required: false, "年份，缺省为今年")],
                    responses: [
                        "200": answer(
                            "收费合计",
                            ["type": "object", "properties": ["year": int, "requests": int, "amountYuan": int]])
                    ])
            ],
            "/api/v1/outbox": [
                "get": op(
                    "发件箱：待发送、已发送和发送失败（将重试）的邮件（政务公开办公室）", tag: "requests", secured: true,
                    responses: ["200": answer("邮件", ["type": "object"])])
            ],
        ]
    }

    static var ledgerPaths: Object {
        let text = string
        let int: Object = ["type": "integer"]
        let plan = pathID("id")
        return [
            "/api/v1/ledgers/import": [
                "post": op(
                    "导入工作要点或任务落实台账（请求体为文件本身：text/plain; charset=utf-8 或 .docx）；返回板块、任务和未能对应的责任单位（政务公开办公室）",
                    tag: "ledgers", secured: true,
                    parameters: [query("year", int, "计划年度"), query("title", text, required: false, "台账名称")],
                    body: [
                        "required": true,
                        "content": [
                            "text/plain": ["schema": text],
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [
                                "schema": ["type": "string", "format": "binary"]
                            ],
                        ],
                    ],
                    responses: ["201": answer("导入的台账", ["type": "object"]), "422": answer("没有读出任务、年份无效或文件无法读取", ref("Error"))])
            ],
            "/api/v1/ledgers": ["get": op("本机关的工作台账", tag: "ledgers", secured: true, responses: ["200": answer("台账", ["type": "object"])])],
            "/api/v1/ledgers/{id}": [
                "get": op(
                    "台账：板块、任务（含子任务、进度、是否超期）、报送轮次和进展报送", tag: "ledgers", secured: true, parameters: [plan],
                    responses: object("台账"))
            ],
            "/api/v1/ledgers/{id}/rounds": [
                "post": op(
                    "设置报送轮次（如 7 月 31 日、11 月 30 日）", tag: "ledgers", secured: true, parameters: [plan],
                    body: jsonBody(["type": "object", "properties": ["title": text, "dueOn": date]]), responses: object("报送轮次", "201"))
            ],
            "/api/v1/ledgers/{id}/export": [
                "get": op(
                    "导出任务落实台账（打印签字用）：与导入相同的版式，含审核通过的进展", tag: "ledgers", secured: true,
                    parameters: [plan, query("format", ["type": "string", "enum": ["xlsx", "docx"]], required: false, "缺省 xlsx")],
                    responses: [
                        "200": [
                            "description": "文件",
                            "content": [
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [
                                    "schema": ["type": "string", "format": "binary"]
                                ],
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [
                                    "schema": ["type": "string", "format": "binary"]
                                ],
                            ],
                        ],
                        "422": answer("格式无效", ref("Error")),
                    ])
            ],
            "/api/v1/ledgers/{id}/units": [
                "post": op(
                    "把导入时未能对应的单位名称对应到本机关的科室（departmentId）或委属单位（agencyId）", tag: "ledgers", secured: true,
                    parameters: [plan],
                    body: jsonBody(["type": "object", "properties": ["name": text, "departmentId": int, "agencyId": int]]),
                    responses: object("涉及的任务数"))
            ],
            "/api/v1/ledgers/{id}/document": [
                "post": op(
                    "关联目录中公开的工作要点原文", tag: "ledgers", secured: true, parameters: [plan],
                    body: jsonBody(["type": "object", "properties": ["documentId": int]]), responses: object("台账"))
            ],
            "/api/v1/ledgers/{id}/deductions": [
                "get": op(
                    "按规则计算各责任单位的扣分（逾期报送、未报送、逾期未完成）", tag: "ledgers", secured: true, parameters: [plan],
                    responses: object("扣分"))
            ],
            "/api/v1/ledgers/{id}/carry-over": [
                "post": op("回头看：把未销号的任务结转到下一年度的台账", tag: "ledgers", secured: true, parameters: [plan], responses: object("结转结果"))
            ],
            "/api/v1/ledgers/{id}/summary": [
                "get": op("年度落实情况（供年度报告引用）", tag: "ledgers", secured: true, parameters: [plan], responses: object("落实情况"))
            ],
            "/api/v1/ledger-tasks/{tid}/reports": [
                "post": op(
                    "责任科室报送进展（文字、完成进度、状态、佐证链接）；报“已完成”须附佐证", tag: "ledgers", secured: true,
                    parameters: [pathID("tid")],
                    body: jsonBody([
                        "type": "object",
                        "properties": [
                            "roundId": int, "text": text, "percent": int,
                            "state": ["type": "string", "enum": ProgressReport.State.allCases.map(\.rawValue)],
                            "evidence": ["type": "array", "items": text],
                        ],
                    ]), responses: object("进展报送", "201"))
            ],
            "/api/v1/ledger-reports/{rid}/files": [
                "post": op(
                    "为待审核的进展报送补充佐证材料（请求体为文件本身，文件名在 name 中；PDF、Word、Excel、OFD、图片）", tag: "ledgers",
                    secured: true, parameters: [pathID("rid"), query("name", text, "文件名")],
                    body: ["required": true, "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]]],
                    responses: object("已保存的文件", "201"))
            ],
            "/api/v1/ledger-tasks/{tid}": [
                "put": op(
                    "调整任务：名称、量化指标、完成时限（YYYY-MM-DD、ongoing 或空）、在上级任务中的权重", tag: "ledgers", secured: true,
                    parameters: [pathID("tid")],
                    body: jsonBody([
                        "type": "object", "properties": ["title": text, "indicator": text, "deadline": text, "weight": int],
                    ]), responses: object("任务"))
            ],
            "/api/v1/ledger-tasks/{tid}/supervise": [
                "post": op(
                    "督办", tag: "ledgers", secured: true, parameters: [pathID("tid")],
                    body: jsonBody(["type": "object", "properties": ["text": text]]), responses: object("督办", "201"))
            ],
            "/api/v1/ledger-reports/{rid}/review": [
                "post": op(
                    "审核进展报送：通过（“已完成”的任务随即销号）或退回（须写意见）", tag: "ledgers", secured: true, parameters: [pathID("rid")],
                    body: jsonBody([
                        "type": "object", "properties": ["decision": ["type": "string", "enum": ["accept", "return"]], "comment": text],
                    ]), responses: object("审核结果"))
            ],
            "/api/v1/public/ledgers/{id}": [
                "get": op(
                    "公开的台账进展：任务、时限、状态和审核通过的进展（不含未审核的内容）", tag: "public", secured: false, parameters: [plan],
                    responses: ["200": answer("台账进展", ["type": "object"]), "404": answer("不存在", ref("Error"))])
            ],
        ]
    }

    static var baseDocument: Object {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "Gongkai 政务公开平台 API", "version": "1.0.0",
                "description": "错误统一返回 {\"error\": {\"code\", \"message\"}}，message 为中文。",
            ],
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": [
                    "RequestIntake": [
                        "type": "object", "required": ["applicant", "description", "delivery"],
                        "properties": [
                            "applicant": [
                                "type": "object", "required": ["type", "name", "idNumber"],
                                "properties": [
                                    "type": [
                                        "type": "string",
                                        "enum": ["natural_person", "business", "research", "public_interest", "legal_service", "other"],
                                    ],
                                    "name": string, "idNumber": ["type": "string", "description": "自然人为身份证号码，组织为统一社会信用代码"],
                                    "phone": string, "email": string, "address": string,
                                ],
                            ],
                            "description": ["type": "string", "description": "所需政府信息的名称、文号或便于查询的其他特征"],
                            "purpose": string, "delivery": ["type": "string", "enum": ["email", "post", "pickup"]],
                            "channel": [
                                "type": "string", "enum": ["online", "in_person", "letter", "registered_post", "fax", "email"],
                                "description": "工作人员登记时必填",
                            ],
                            "receivedOn": date, "agency": ["type": "integer", "description": "受理机关（网上申请；缺省为本平台的主管机关）"],
                        ],
                    ],
                    "RequestChange": [
                        "type": "object",
                        "properties": [
                            "id": ["type": "integer"], "status": ["type": "string", "enum": ["open", "awaiting_correction", "replied"]],
                            "dueOn": date, "dueExplanation": string, "consultationID": ["type": "integer"], "outcome": string,
                        ],
                    ],
                    "RequestReceipt": [
                        "type": "object",
                        "properties": [
                            "id": ["type": "integer"], "trackingCode": string, "receivedOn": date, "dueOn": date, "dueExplanation": string,
                        ],
                    ],
                    "Error": [
                        "type": "object", "required": ["error"],
                        "properties": [
                            "error": [
                                "type": "object", "required": ["code", "message"],
                                "properties": [
                                    "code": string, "message": string, "field": string,
                                ],
                            ]
                        ],
                    ],
                    "Notice": [
                        "type": "object", "required": ["year", "holidays", "workdays", "source"],
                        "properties": [
                            "year": ["type": "integer"], "holidays": ["type": "array", "items": date],
                            "workdays": ["type": "array", "items": date],
                            "source": string,
                        ],
                    ],
                    "User": [
                        "type": "object",
                        "properties": [
                            "id": ["type": "integer"], "username": string, "displayName": string,
                            "departmentID": ["type": ["integer", "null"]], "roles": ["type": "array", "items": ref("Role")],
                            "locked": ["type": "boolean"],
                        ],
                    ],
                    "DocumentInput": [
                        "type": "object", "required": ["title", "body", "category"],
                        "properties": [
                            "title": string, "body": string, "category": ["type": "string", "description": "分类名称或代码"],
                            "disclosure": ["type": "string", "enum": ["public", "on_request", "redacted", "not_public"]],
                            "documentNumber": string, "writtenOn": date, "formedOn": date, "expiresOn": date,
                            "kind": ["type": "string", "enum": ["general", "policy", "normative", "interpretation"]],
                            "exemption": [
                                "type": "string",
                                "enum": [
                                    "state_secret", "prohibited_by_law", "security_stability", "third_party",
                                    "internal_affairs", "process_information", "enforcement_file",
                                ],
                            ],
                            "legalBasis": string, "keywords": string, "subject": string, "important": ["type": "boolean"],
                            "needsInterpretation": ["type": "boolean"], "interprets": ["type": "integer"],
                            "interpretationForm": [
                                "type": "string", "enum": ["text", "graphic", "audio_video", "qa", "press_conference"],
                            ],
                            "validity": [
                                "type": "object",
                                "properties": [
                                    "status": ["type": "string", "enum": ["effective", "expired", "repealed", "revised"]],
                                    "effectiveFrom": date,
                                    "effectiveUntil": date, "supersededBy": ["type": "integer"],
                                ],
                            ],
                        ],
                    ],
                    "Document": [
                        "type": "object",
                        "properties": [
                            "id": ["type": "integer"],
                            "status": [
                                "type": "string",
                                "enum": [
                                    "draft", "in_review", "returned", "approved", "scheduled",
                                    "published", "withdrawn", "expired",
                                ],
                            ],
                            "statusLabel": string, "reviewLevel": string, "title": string, "body": string, "kind": string,
                            "category": string,
                            "disclosure": string, "documentNumber": string, "indexNumber": string, "writtenOn": date, "publishedOn": date,
                            "revision": ["type": "integer"], "history": ["type": "array", "items": ["type": "object"]],
                            "findings": ["type": "array", "items": ["type": "object"]],
                        ],
                    ],
                    "ReviewLevel": [
                        "type": "object", "required": ["name", "role", "condition", "confidentialityReview"],
                        "properties": [
                            "name": string, "role": ref("Role"),
                            "condition": ["type": "string", "enum": ["always", "important", "important_or_flagged"]],
                            "confidentialityReview": ["type": "boolean"],
                        ],
                    ],
                    "Category": [
                        "type": "object", "required": ["code", "name", "publishWithinWorkdays"],
                        "properties": [
                            "code": string, "name": string, "statutoryItem": ["type": ["integer", "null"]],
                            "publishWithinWorkdays": ["type": "integer"],
                        ],
                    ],
                    "CatalogSettings": [
                        "type": "object",
                        "required": ["extraCategories", "deadlineOverrides", "chain", "categoryChains", "indexRule", "reviewDueWorkdays"],
                        "properties": [
                            "extraCategories": ["type": "array", "items": ref("Category")],
                            "deadlineOverrides": ["type": "object", "additionalProperties": ["type": "integer"]],
                            "chain": ["type": "array", "items": ref("ReviewLevel")],
                            "categoryChains": ["type": "object", "additionalProperties": ["type": "array", "items": ref("ReviewLevel")]],
                            "indexRule": ["type": "object", "properties": ["template": string]],
                            "reviewDueWorkdays": ["type": "integer"],
                            "categories": ["type": "array", "items": ref("Category"), "description": "生效的分类表（只读）"],
                        ],
                    ],
                    "Decision": [
                        "type": "object",
                        "properties": [
                            "comment": string, "reason": string,
                            "confidentialityCleared": ["type": "boolean", "description": "保密审查结论（含保密审查的层级必填 true）"],
                        ],
                    ],
                    "Role": [
                        "type": "string",
                        "enum": [
                            "system-admin", "office-admin", "drafter", "reviewer", "leader", "publisher",
                            "request-handler", "auditor",
                        ],
                    ],
                    "AuditEntry": [
                        "type": "object",
                        "properties": [
                            "seq": ["type": "integer"], "atMillis": ["type": "integer"], "agencyID": ["type": ["integer", "null"]],
                            "actorID": ["type": ["integer", "null"]], "actorName": string, "remoteAddress": string, "action": string,
                            "recordType": string, "recordID": string, "beforeDigest": string, "afterDigest": string, "detail": string,
                            "previousHash": string, "hash": string,
                        ],
                    ],
                ],
            ],
            "paths": [
                "/api/v1/auth/login": [
                    "post": op(
                        "登录，取得访问令牌", tag: "auth", secured: false,
                        body: jsonBody([
                            "type": "object", "required": ["username", "password"], "properties": ["username": string, "password": string],
                        ]),
                        responses: [
                            "200": answer(
                                "令牌",
                                [
                                    "type": "object",
                                    "properties": ["token": string, "expiresAt": ["type": "string", "format": "date-time"]],
                                ]),
                            "423": answer("账号已锁定 15 分钟", ref("Error")),
                            "429": answer("本地址登录失败次数过多（10 分钟内 20 次），请稍后再试", ref("Error")),
                        ])
                ],
                "/api/v1/auth/logout": ["post": op("吊销当前令牌", tag: "auth", secured: true, responses: ["204": answer("已吊销")])],
                "/api/v1/me": ["get": op("当前账号", tag: "auth", secured: true, responses: ["200": answer("账号、机关与角色", ["type": "object"])])],
                "/api/v1/calendar/add-workdays": [
                    "get": op(
                        "起算日加 N 个工作日（起算日不计）", tag: "calendar", secured: false,
                        parameters: [
                            query("from", date, "起算日"), query("days", ["type": "integer", "minimum": 0, "maximum": 400], "工作日数"),
                        ],
                        responses: [
                            "200": answer(
                                "到期日；所跨年份未录入节假日通知时 provisional 为 true",
                                [
                                    "type": "object",
                                    "properties": [
                                        "from": date, "days": ["type": "integer"], "due": date, "provisional": ["type": "boolean"],
                                    ],
                                ])
                        ])
                ],
                "/api/v1/calendar/workdays-between": [
                    "get": op(
                        "两个日期之间的工作日数（不计起始日，计截止日）", tag: "calendar", secured: false,
                        parameters: [query("from", date, "起始日"), query("to", date, "截止日")],
                        responses: [
                            "200": answer(
                                "工作日数",
                                [
                                    "type": "object",
                                    "properties": [
                                        "from": date, "to": date, "workdays": ["type": "integer"], "provisional": ["type": "boolean"],
                                    ],
                                ])
                        ])
                ],
                "/api/v1/calendar/notices": [
                    "get": op(
                        "已载入的节假日通知", tag: "calendar", secured: false,
                        responses: [
                            "200": answer(
                                "通知列表", ["type": "object", "properties": ["notices": ["type": "array", "items": ref("Notice")]]])
                        ]),
                    "post": op(
                        "录入或替换一年的节假日通知（政务公开办公室）", tag: "calendar", secured: true, body: jsonBody(ref("Notice")),
                        responses: ["201": answer("已保存并重新计算")]),
                ],
                "/api/v1/users": [
                    "get": op(
                        "本机关账号（系统管理员）", tag: "users", secured: true,
                        responses: [
                            "200": answer("账号列表", ["type": "object", "properties": ["users": ["type": "array", "items": ref("User")]]])
                        ]),
                    "post": op(
                        "新建账号（系统管理员）", tag: "users", secured: true,
                        body: jsonBody([
                            "type": "object", "required": ["username", "displayName", "password", "roles"],
                            "properties": [
                                "username": string, "displayName": string, "password": string,
                                "roles": ["type": "array", "items": ref("Role")],
                                "departmentID": ["type": ["integer", "null"]],
                            ],
                        ]),
                        responses: ["201": answer("已创建", ref("User")), "409": answer("用户名已被占用", ref("Error"))]),
                ],
                "/api/v1/users/{id}/roles": [
                    "post": op(
                        "更换账号角色（系统管理员；该账号的会话随即失效）", tag: "users", secured: true,
                        parameters: [["name": "id", "in": "path", "required": true, "schema": ["type": "integer"]]],
                        body: jsonBody([
                            "type": "object", "required": ["roles"], "properties": ["roles": ["type": "array", "items": ref("Role")]],
                        ]),
                        responses: [
                            "200": answer("已更换", ref("User")), "404": answer("账号不存在", ref("Error")),
                            "409": answer("不能撤销自己的管理员角色", ref("Error")),
                        ])
                ],
                "/api/v1/documents": [
                    "post": op(
                        "起草文件（起草人、政务公开办公室）", tag: "documents", secured: true, body: jsonBody(ref("DocumentInput")),
                        responses: ["201": answer("草稿", ref("Document"))])
                ],
                "/api/v1/documents/{id}": [
                    "get": op(
                        "文件及其审核记录、审查结果（本机关工作人员）", tag: "documents", secured: true, parameters: [pathID("id")],
                        responses: ["200": answer("文件", ref("Document")), "404": answer("不存在或属于其他机关", ref("Error"))]),
                    "put": op(
                        "修改草稿或退回的文件（起草人、政务公开办公室）；已发布的文件须发起修订", tag: "documents", secured: true,
                        parameters: [pathID("id")], body: jsonBody(ref("DocumentInput")),
                        responses: ["200": answer("已保存", ref("Document")), "409": answer("当前状态不能修改", ref("Error"))]),
                ],
                "/api/v1/documents/{id}/attachments": [
                    "post": op(
                        "上传附件（草稿或退回的文件）：PDF、DOCX、XLSX、OFD、JPEG、PNG；公开版清除文件属性，原件内部留存", tag: "documents", secured: true,
                        parameters: [pathID("id")], body: fileBody("附件文件"),
                        responses: [
                            "201": answer(
                                "已上传",
                                [
                                    "type": "object",
                                    "properties": [
                                        "id": ["type": "integer"], "fileName": string, "kind": string, "size": ["type": "integer"],
                                        "sha256": string, "removedMetadata": ["type": "array", "items": string],
                                        "textReadable": ["type": "boolean"],
                                    ],
                                ]),
                            "422": answer("格式不支持或文件损坏", ref("Error")),
                        ])
                ],
                "/api/v1/documents/{id}/attachments/{attachment}": [
                    "delete": op(
                        "移除附件（存档保留）", tag: "documents", secured: true, parameters: [pathID("id"), pathID("attachment")],
                        responses: ["204": answer("已移除"), "404": answer("附件不存在", ref("Error"))])
                ],
                "/api/v1/catalog/settings": [
                    "get": op(
                        "本机关的目录与审核设置（审核链、按分类的审核链、自设分类、公开时限、索引号规则、每级审核时限）及生效的分类表", tag: "catalog",
                        secured: true, responses: ["200": answer("设置", ref("CatalogSettings"))]),
                    "put": op(
                        "替换本机关的目录与审核设置（政务公开办公室）；审核链须含每次都经过的保密审查层级", tag: "catalog", secured: true,
                        body: jsonBody(ref("CatalogSettings")),
                        responses: ["200": answer("已保存", ref("CatalogSettings")), "422": answer("设置无效", ref("Error"))]),
                ],
                "/api/v1/public/requests": [
                    "post": op(
                        "提交政府信息公开申请（网上）：立即返回查询码、收到日期和答复期限（回执）；同一地址每小时至多 10 次", tag: "requests",
                        secured: false, body: jsonBody(ref("RequestIntake")),
                        responses: [
                            "201": answer("回执", ref("RequestReceipt")), "422": answer("申请内容不完整或有误", ref("Error")),
                            "429": answer("提交过于频繁", ref("Error")),
                        ])
                ],
                "/api/v1/public/requests/{code}": [
                    "get": op(
                        "按查询码查看办理进度（不含申请人信息）；输错过多会被暂时限制", tag: "requests", secured: false,
                        parameters: [["name": "code", "in": "path", "required": true, "schema": string]],
                        responses: [
                            "200": answer(
                                "办理进度",
                                [
                                    "type": "object",
                                    "properties": [
                                        "trackingCode": string, "status": string, "statusLabel": string, "receivedOn": date, "dueOn": date,
                                        "dueExplanation": string, "outcomeLabel": string, "repliedOn": date,
                                    ],
                                ]),
                            "404": answer("查询码不存在", ref("Error")), "429": answer("输错次数过多", ref("Error")),
                        ])
                ],
                "/api/v1/requests": [
                    "get": op(
                        "本机关的申请，答复期限最近的在前；标出已逾期和三个工作日内到期的（缺省为未答复的）", tag: "requests", secured: true,
                        parameters: [
                            query(
                                "status", ["type": "string", "enum": ["open", "awaiting_correction", "replied"]], required: false, "状态")
                        ],
                        responses: [
                            "200": answer(
                                "申请列表",
                                [
                                    "type": "object",
                                    "properties": [
                                        "items": [
                                            "type": "array",
                                            "items": [
                                                "type": "object",
                                                "properties": [
                                                    "id": ["type": "integer"], "trackingCode": string, "applicantName": string,
                                                    "description": string, "status": string, "receivedOn": date, "dueOn": date,
                                                    "overdue": ["type": "boolean"], "dueSoon": ["type": "boolean"],
                                                ],
                                            ],
                                        ]
                                    ],
                                ]),
                            "422": answer("状态无效", ref("Error")),
                        ]),
                    "post": op(
                        "登记信件、当面、传真、电子邮件等渠道收到的申请（依申请公开承办人、政务公开办公室）；须注明 channel，receivedOn 按第三十一条确定",
                        tag: "requests", secured: true, body: jsonBody(ref("RequestIntake")),
                        responses: ["201": answer("回执（含 id）", ref("RequestReceipt")), "422": answer("申请内容不完整或有误", ref("Error"))]),
                ],
                "/api/v1/requests/{id}": [
                    "get": op(
                        "申请记录：申请人、所需信息、状态、答复期限及其计算说明", tag: "requests", secured: true, parameters: [pathID("id")],
                        responses: ["200": answer("申请", ["type": "object"]), "404": answer("申请不存在", ref("Error"))])
                ],
                "/api/v1/requests/{id}/correction": [
                    "post": op(
                        "发出补正通知（只能一次；超过收到后 7 个工作日会标出）；答复期限暂停，等待补正", tag: "requests", secured: true, parameters: [pathID("id")],
                        body: jsonBody(["type": "object", "properties": ["noticeOn": date]]),
                        responses: [
                            "200": answer("新的状态与答复期限", ref("RequestChange")), "404": answer("申请不存在", ref("Error")),
                            "409": answer("当前状态下不能这样办理", ref("Error")), "422": answer("内容有误", ref("Error")),
                        ])
                ],
                "/api/v1/requests/{id}/correction-received": [
                    "post": op(
                        "收到补正后的申请：答复期限自该日重新计算", tag: "requests", secured: true, parameters: [pathID("id")],
                        body: jsonBody(["type": "object", "properties": ["receivedOn": date]]),
                        responses: [
                            "200": answer("新的状态与答复期限", ref("RequestChange")), "404": answer("申请不存在", ref("Error")),
                            "409": answer("当前状态下不能这样办理", ref("Error")), "422": answer("内容有误", ref("Error")),
                        ])
                ],
                "/api/v1/requests/{id}/extension": [
                    "post": op(
                        "延长答复期限（合计不超过 20 个工作日），记录批准的负责人与理由", tag: "requests", secured: true, parameters: [pathID("id")],
                        body: jsonBody([
                            "type": "object",
                            "properties": ["workdays": ["type": "integer"], "reason": string, "approvedBy": string, "approvedOn": date],
                        ]),
                        responses: [
                            "200": answer("新的状态与答复期限", ref("RequestChange")), "404": answer("申请不存在", ref("Error")),
                            "409": answer("当前状态下不能这样办理", ref("Error")), "422": answer("内容有误", ref("Error")),
                        ])
                ],
                "/api/v1/requests/{id}/consultations": [
                    "post": op(
                        "征求第三方（第三十二条）或共同制作机关（第三十四条）意见；所用时间不计入答复期限", tag: "requests", secured: true, parameters: [pathID("id")],
                        body: jsonBody(["type": "object", "properties": ["party": string, "agency": ["type": "boolean"], "sentOn": date]]),
                        responses: [
                            "201": answer("新的状态与答复期限", ref("RequestChange")), "404": answer("申请不存在", ref("Error")),
                            "409": answer("当前状态下不能这样办理", ref("Error")), "422": answer("内容有误", ref("Error")),
                        ])
                ],
                "/api/v1/requests/{id}/consultations/{cid}/close": [
                    "post": op(
                        "征求意见结束（收到答复之日）", tag: "requests", secured: true, parameters: [pathID("id"), pathID("cid")],
                        body: jsonBody(["type": "object", "properties": ["repliedOn": date]]),
                        responses: [
                            "200": answer("新的状态与答复期限", ref("RequestChange")), "404": answer("申请不存在", ref("Error")),
                            "409": answer("当前状态下不能这样办理", ref("Error")), "422": answer("内容有误", ref("Error")),
                        ])
                ],
                "/api/v1/requests/{id}/reply": [
                    "post": op(
                        "答复：记录办理结果代码（对应年度报告的一行）和答复日期；告知书草稿（没有时按模板生成）随即编号、保存并发给申请人（letterNumber）",
                        tag: "requests", secured: true, parameters: [pathID("id")],
                        body: jsonBody([
                            "type": "object",
                            "properties": [
                                "outcome": ["type": "string", "enum": RequestOutcome.allCases.map(\.rawValue)], "repliedOn": date,
                                "publishedAt": string, "responsibleAgency": string, "note": string,
                            ],
                        ]),
                        responses: [
                            "200": answer("新的状态与答复期限", ref("RequestChange")), "404": answer("申请不存在", ref("Error")),
                            "409": answer("当前状态下不能这样办理", ref("Error")), "422": answer("内容有误", ref("Error")),
                        ])
                ],
                "/api/v1/fees/quote": [
                    "get": op(
                        "信息处理费试算（国办函〔2020〕109号）：按件计收为申请人当月第 ordinal 件申请的收费，按量计收为 pages 页的收费（依申请公开承办人、政务公开办公室）",
                        tag: "requests", secured: true,
                        parameters: [
                            query("basis", ["type": "string", "enum": ["per_request", "per_volume"]], "计收方式"),
                            query("ordinal", ["type": "integer", "minimum": 1], required: false, "按件：当月第几件申请"),
                            query("pages", ["type": "integer", "minimum": 0], required: false, "按量：页数"),
                        ],
                        responses: [
                            "200": answer(
                                "收费金额（元）",
                                [
                                    "type": "object",
                                    "properties": ["basis": string, "basisLabel": string, "amountYuan": ["type": "integer"]],
                                ]),
                            "422": answer("参数无效", ref("Error")),
                        ])
                ],
                "/api/v1/imports": [
                    "post": op(
                        "把 .docx、.html、.txt 转为正文（保留标题、列表、表格），第一个标题作为建议标题；不保存任何内容", tag: "documents",
                        secured: true, body: fileBody("要导入的文件"),
                        responses: [
                            "200": answer("正文", ["type": "object", "properties": ["title": string, "body": string]]),
                            "422": answer("无法导入", ref("Error")),
                        ])
                ],
                "/api/v1/documents/{id}/revise": [
                    "post": op(
                        "发起修订：生成一份修订稿，重新走审核；发布后替换原文件内容，原文件在此期间保持在线", tag: "documents", secured: true,
                        parameters: [pathID("id")],
                        responses: ["201": answer("修订稿（revisionOf 指向原文件）", ref("Document")), "409": answer("已有进行中的修订稿", ref("Error"))])
                ],
                "/api/v1/documents/{id}/versions": [
                    "get": op(
                        "文件上线过的各个版本", tag: "documents", secured: true, parameters: [pathID("id")],
                        responses: [
                            "200": answer(
                                "版本列表",
                                [
                                    "type": "object",
                                    "properties": [
                                        "items": [
                                            "type": "array",
                                            "items": [
                                                "type": "object",
                                                "properties": [
                                                    "revision": ["type": "integer"], "title": string, "publishedAt": string,
                                                    "publishedBy": string,
                                                ],
                                            ],
                                        ]
                                    ],
                                ])
                        ])
                ],
                "/api/v1/documents/{id}/diff": [
                    "get": op(
                        "修订对照：修订稿对现行版本；或两个已上线版本（from、to 为版本号）", tag: "documents", secured: true,
                        parameters: [
                            pathID("id"), query("from", ["type": "integer"], required: false, "旧版本号"),
                            query("to", ["type": "integer"], required: false, "新版本号"),
                        ],
                        responses: [
                            "200": answer(
                                "逐行对照，lines[].kind 为 same、added、removed，segments 标出行内改动",
                                [
                                    "type": "object",
                                    "properties": [
                                        "from": string, "to": string, "added": ["type": "integer"], "removed": ["type": "integer"],
                                        "title": ["type": "array", "items": string],
                                        "lines": ["type": "array", "items": ["type": "object"]],
                                    ],
                                ]),
                            "404": answer("没有可对照的版本", ref("Error")),
                        ])
                ],
                "/api/v1/documents/{id}/submit": [
                    "post": op(
                        "提交审核（并做发布前审查）", tag: "documents", secured: true, parameters: [pathID("id")],
                        responses: ["200": answer("审核中", ref("Document")), "409": answer("当前状态不能提交", ref("Error"))])
                ],
                "/api/v1/documents/{id}/approve": [
                    "post": op(
                        "当前层级审核通过；最后一级通过后生成索引号", tag: "documents", secured: true, parameters: [pathID("id")],
                        body: jsonBody(ref("Decision")), responses: ["200": answer("下一层级或待发布", ref("Document"))])
                ],
                "/api/v1/documents/{id}/reject": [
                    "post": op(
                        "退回起草人（须填写意见）", tag: "documents", secured: true, parameters: [pathID("id")], body: jsonBody(ref("Decision")),
                        responses: ["200": answer("已退回", ref("Document"))])
                ],
                "/api/v1/documents/{id}/publish": [
                    "post": op(
                        "发布（发布人；再次审查，未处理的审查发现将阻止发布）", tag: "documents", secured: true, parameters: [pathID("id")],
                        responses: ["200": answer("已发布", ref("Document")), "422": answer("sensitive_content：附 findings 列表", ref("Error"))])
                ],
                "/api/v1/documents/{id}/schedule": [
                    "post": op(
                        "定时发布（发布人）；到时自动发布，届时仍须通过发布前审查", tag: "documents", secured: true, parameters: [pathID("id")],
                        body: jsonBody([
                            "type": "object", "required": ["at"], "properties": ["at": ["type": "string", "format": "date-time"]],
                        ]),
                        responses: ["200": answer("定时发布", ref("Document"))])
                ],
                "/api/v1/documents/{id}/withdraw": [
                    "post": op(
                        "撤回（从门户、搜索中移除，存档保留）", tag: "documents", secured: true, parameters: [pathID("id")],
                        body: jsonBody(ref("Decision")), responses: ["200": answer("已撤回", ref("Document"))])
                ],
                "/api/v1/documents/{id}/findings/{finding}": [
                    "post": op(
                        "处理审查发现：redacted 删除，accepted 保留并说明理由", tag: "documents", secured: true,
                        parameters: [pathID("id"), pathID("finding")],
                        body: jsonBody([
                            "type": "object", "required": ["resolution"],
                            "properties": [
                                "resolution": ["type": "string", "enum": ["redacted", "accepted"]], "reason": string,
                            ],
                        ]),
                        responses: ["200": answer("文件", ref("Document"))])
                ],
                "/api/v1/public/documents": [
                    "get": op(
                        "公开文件列表与全文检索", tag: "public", secured: false,
                        parameters: [
                            query("q", string, required: false, "检索词，中文任意长度"), query("category", string, required: false, "分类名称或代码"),
                            query("year", ["type": "integer"], required: false, "发布年份"),
                            query("agency", ["type": "integer"], required: false, "发布机关编号"),
                            query(
                                "validity", ["type": "string", "enum": ["effective", "expired", "repealed", "revised"]], required: false,
                                "有效性"),
                            query("subject", string, required: false, "主题分类"),
                            query("column", string, required: false, "专题专栏代码或名称"),
                            query("page", ["type": "integer", "minimum": 1], required: false, "页码"),
                            query("per", ["type": "integer", "minimum": 1, "maximum": 100], required: false, "每页条数"),
                        ],
                        responses: [
                            "200": answer(
                                "结果",
                                [
                                    "type": "object",
                                    "properties": [
                                        "total": ["type": "integer"], "page": ["type": "integer"], "per": ["type": "integer"],
                                        "items": [
                                            "type": "array",
                                            "items": [
                                                "type": "object",
                                                "properties": [
                                                    "id": ["type": "integer"], "title": string, "indexNumber": string,
                                                    "documentNumber": string, "publishedOn": date,
                                                    "category": string, "snippet": string,
                                                ],
                                            ],
                                        ],
                                    ],
                                ])
                        ])
                ],
                "/api/v1/public/documents/{id}": [
                    "get": op(
                        "公开文件；未发布或不公开的一律 404", tag: "public", secured: false, parameters: [pathID("id")],
                        responses: ["200": answer("文件", ["type": "object"]), "404": answer("不存在", ref("Error"))])
                ],
                "/api/v1/audit": [
                    "get": op(
                        "审计档案（安全审计员）", tag: "audit", secured: true,
                        parameters: [
                            query("actor", string, required: false, "操作人"), query("action", string, required: false, "操作"),
                            query("type", string, required: false, "对象类型"), query("record", string, required: false, "对象ID"),
                            query("from", date, required: false, "起始日期"), query("to", date, required: false, "截止日期"),
                            query("page", ["type": "integer", "minimum": 1], required: false, "页码，每页 50 条"),
                        ],
                        responses: [
                            "200": answer(
                                "记录",
                                [
                                    "type": "object",
                                    "properties": [
                                        "total": ["type": "integer"], "entries": ["type": "array", "items": ref("AuditEntry")],
                                    ],
                                ])
                        ])
                ],
                "/api/v1/openapi.json": [
                    "get": op("本文档", tag: "meta", secured: false, responses: ["200": answer("OpenAPI 3.1", ["type": "object"])])
                ],
            ],
        ]
    }
}
