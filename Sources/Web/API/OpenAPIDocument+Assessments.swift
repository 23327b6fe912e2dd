import Domain
import Services

extension OpenAPIDocument {
    /// Assessments (考核) of the units below an agency.
    static var assessmentPaths: Object {
        let id = pathID("id")
        let unit = pathID("unit")
        let int: Object = ["type": "integer"]
        let number: Object = ["type": "number"]
        let indicator: Object = [
            "type": "object",
            "properties": [
                "code": string, "name": string, "points": number, "rule": ["type": "string", "nullable": true], "guidance": string,
                "children": ["type": "array", "items": ["type": "object"]],
            ],
        ]
        let result: Object = [
            "type": "object",
            "properties": [
                "unitId": int, "unitName": string, "state": string,
                "leaves": [
                    "type": "array",
                    "items": [
                        "type": "object", "properties": ["code": string, "score": ["type": "number", "nullable": true], "basis": string],
                    ],
                ],
                "subtotal": number, "deducted": number, "total": number, "percent": number,
                "grade": ["type": "string", "enum": AssessmentResult.Grade.allCases.map(\.rawValue)], "vetoed": ["type": "boolean"],
                "volume": int, "pending": int, "rank": ["type": "integer", "nullable": true],
                "unranked": ["type": "string", "nullable": true],
            ],
        ]
        let assessment: Object = [
            "type": "object",
            "properties": [
                "id": int, "agencyId": int, "title": string, "from": string, "to": string,
                "status": ["type": "string", "enum": Assessment.Status.allCases.map(\.rawValue)], "fullMarks": number, "scheme": string,
                "indicators": ["type": "array", "items": indicator], "vetoes": ["type": "array", "items": string], "minimumVolume": int,
                "grades": ["type": "object", "additionalProperties": number], "noticeDocumentId": ["type": "integer", "nullable": true],
                "results": ["type": "array", "items": result],
            ],
        ]
        let draft: Object = [
            "type": "object", "required": ["title", "from", "to", "scheme"],
            "properties": [
                "title": string, "from": ["type": "string", "description": "YYYY-MM"], "to": ["type": "string", "description": "YYYY-MM"],
                "scheme": [
                    "type": "string",
                    "description": "考核指标，每行一个，下级缩进两格；末级写分值和“=指标代码”（监测指标代码、standard 或 manual）；“否决：”开头为一票否决事项",
                ],
                "minimumVolume": int, "excellent": number, "good": number, "pass": number,
            ],
        ]
        let marks: Object = [
            "type": "object",
            "properties": [
                "unitId": int, "state": ["type": "string", "enum": AssessmentMarks.State.allCases.map(\.rawValue)],
                "entries": ["type": "array", "items": ["type": "object"]], "deductions": ["type": "array", "items": ["type": "object"]],
                "vetoes": ["type": "array", "items": ["type": "object"]],
            ],
        ]
        let errors: Object = [
            "404": answer("没有该考核或单位", ref("Error")), "409": answer("当前状态不允许", ref("Error")), "422": answer("输入有误", ref("Error")),
        ]
        func scores(_ note: String) -> Object {
            [
                "type": "array",
                "items": [
                    "type": "object", "required": ["code", "score"], "properties": ["code": string, "score": number, note: string],
                ],
            ]
        }
        return [
            "/api/v1/assessments": [
                "get": op(
                    "本机关组织的考核，及本单位参加的上级考核", tag: "assessments", secured: true,
                    responses: [
                        "200": answer(
                            "考核",
                            [
                                "type": "object",
                                "properties": [
                                    "own": ["type": "array", "items": ["type": "object"]],
                                    "assessedIn": ["type": "array", "items": ["type": "object"]],
                                ],
                            ])
                    ]),
                "post": op(
                    "新建考核（草稿，政务公开办公室）", tag: "assessments", secured: true, body: jsonBody(draft),
                    responses: ["201": answer("已创建", assessment), "422": answer("方案有误（错误说明行号）", ref("Error"))]),
            ],
            "/api/v1/assessments/{id}": [
                "get": op(
                    "考核方案和结果：组织单位看到全部下级单位（进行中为实时计算，结束后为固定结果），被考核单位只看到本单位", tag: "assessments", secured: true,
                    parameters: [id], responses: ["200": answer("考核", assessment), "404": answer("没有该考核", ref("Error"))]),
                "put": op(
                    "修改草稿的考核方案", tag: "assessments", secured: true, parameters: [id], body: jsonBody(draft),
                    responses: errors.merging(["200": answer("已保存", assessment)]) { a, _ in a }),
            ],
            "/api/v1/assessments/{id}/open": [
                "post": op(
                    "开始考核：下级单位可以填写自评", tag: "assessments", secured: true, parameters: [id],
                    responses: errors.merging(["200": answer("已开始", assessment)]) { a, _ in a })
            ],
            "/api/v1/assessments/{id}/close": [
                "post": op(
                    "结束考核并固定结果（各单位自评须审核完成）", tag: "assessments", secured: true, parameters: [id],
                    responses: errors.merging(["200": answer("已结束", assessment)]) { a, _ in a })
            ],
            "/api/v1/assessments/{id}/notice": [
                "post": op(
                    "按固定结果形成考核通报草稿，进入主动公开的审核发布流程", tag: "assessments", secured: true, parameters: [id],
                    responses: errors.merging([
                        "201": answer(
                            "通报草稿", ["type": "object", "properties": ["documentId": int, "title": string, "status": string]])
                    ]) { a, _ in a })
            ],
            "/api/v1/assessments/{id}/self": [
                "post": op(
                    "被考核单位填写自评分和佐证材料；submit 为 true 时提交审核（初审退回后可补充再提交）", tag: "assessments", secured: true,
                    parameters: [id],
                    body: jsonBody([
                        "type": "object", "required": ["scores"],
                        "properties": ["scores": scores("evidence"), "submit": ["type": "boolean"]],
                    ]),
                    responses: errors.merging(["200": answer("已保存", marks), "403": answer("不是被考核单位", ref("Error"))]) { a, _ in a })
            ],
            "/api/v1/assessments/{id}/units/{unit}/review": [
                "post": op(
                    "审核单位自评：每个自评指标给出审核分；初审可 returnForEvidence 退回补充材料，复审为最终审核", tag: "assessments", secured: true,
                    parameters: [id, unit],
                    body: jsonBody([
                        "type": "object", "required": ["scores"],
                        "properties": ["scores": scores("comment"), "returnForEvidence": ["type": "boolean"]],
                    ]),
                    responses: errors.merging(["200": answer("已审核", marks)]) { a, _ in a })
            ],
            "/api/v1/assessments/{id}/units/{unit}/deductions": [
                "post": op(
                    "对单位扣分并写明原因", tag: "assessments", secured: true, parameters: [id, unit],
                    body: jsonBody([
                        "type": "object", "required": ["points", "reason"], "properties": ["points": number, "reason": string],
                    ]),
                    responses: errors.merging(["201": answer("已记录", marks)]) { a, _ in a })
            ],
            "/api/v1/assessments/{id}/units/{unit}/vetoes": [
                "post": op(
                    "认定单位触及一票否决事项（等次为不合格，不参与排名）", tag: "assessments", secured: true, parameters: [id, unit],
                    body: jsonBody(["type": "object", "required": ["item", "reason"], "properties": ["item": string, "reason": string]]),
                    responses: errors.merging(["201": answer("已记录", marks)]) { a, _ in a })
            ],
        ]
    }
}
