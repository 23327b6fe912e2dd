import Services

extension OpenAPIDocument {
    static var annualReportSchema: Object {
        let int: Object = ["type": "integer"]
        let counts: Object = ["type": "object", "additionalProperties": int]
        return [
            "type": "object",
            "required": ["year", "agency", "locked", "activeDisclosure", "requests", "reviewLitigation", "checks"],
            "properties": [
                "year": int, "agencyId": int, "agency": string, "format": ["type": "string", "enum": ["2019", "2021"]],
                "state": ["type": "string", "enum": ["draft", "locked", "published", "imported"]], "locked": ["type": "boolean"],
                "published": ["type": "boolean"], "rollup": ["type": "boolean"],
                "activeDisclosure": ["type": "object", "description": "表二：各项（第二十条第（一）（五）（六）（八）项）的行、列和数值"],
                "requests": [
                    "type": "object",
                    "properties": [
                        "columns": ["type": "array", "items": string], "columnLabels": ["type": "array", "items": string],
                        "rows": [
                            "type": "array",
                            "items": [
                                "type": "object",
                                "properties": [
                                    "label": string, "code": string, "group": ["type": "string", "nullable": true], "counts": counts,
                                ],
                            ],
                        ],
                    ],
                ],
                "reviewLitigation": ["type": "object", "description": "表四：行政复议、未经复议直接起诉、复议后起诉，各含结果维持、结果纠正、其他结果、尚未审结、总计"],
                "checks": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "properties": [
                            "name": string, "ok": ["type": "boolean"], "message": string, "cell": ["type": "string", "nullable": true],
                        ],
                    ],
                ],
                "narrative": ["type": "object", "description": "overview（一、总体情况）、problems（五）、other（六）"],
                "entered": ["type": "array", "items": string], "missingEntries": ["type": "array", "items": string],
                "corrections": ["type": "array", "items": ["type": "object"]], "drift": ["type": "array", "items": ["type": "object"]],
                "digest": ["type": "string", "nullable": true], "units": ["type": "array", "items": ["type": "object"]],
            ],
        ]
    }

    static var annualReportPaths: Object {
        let year: Object = ["name": "year", "in": "path", "required": true, "schema": ["type": "integer"]]
        let report = annualReportSchema
        let answered: Object = [
            "200": answer("年度报告", report), "404": answer("不存在", ref("Error")), "409": answer("当前状态下不能这样办理", ref("Error")),
            "422": answer("内容有误或勾稽关系检查未通过（message 指明单元格）", ref("Error")),
        ]
        let files: Object = [
            "200": [
                "description": "文件",
                "content": [
                    "text/html": ["schema": string], "application/pdf": ["schema": ["type": "string", "format": "binary"]],
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [
                        "schema": ["type": "string", "format": "binary"]
                    ],
                    "text/csv": ["schema": string], "application/json": ["schema": report],
                ],
            ],
            "404": answer("不存在", ref("Error")), "422": answer("格式无效", ref("Error")),
        ]
        let format: Object = ["type": "string", "enum": ["html", "pdf", "docx", "csv", "json"]]
        return [
            "/api/v1/reports/annual/{year}": [
                "get": op(
                    "政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）：表二至表四由平台数据生成，含勾稽关系检查；agency 查看下属单位，rollup=true 汇总本单位及下属单位",
                    tag: "reports", secured: true,
                    parameters: [
                        year, query("agency", ["type": "integer"], required: false, "下属单位编号"),
                        query("rollup", ["type": "string", "enum": ["true", "false"]], required: false, "汇总下属单位"),
                    ], responses: answered),
                "put": op(
                    "保存说明部分（narrative）和手工填报数据（entries：单元格 → 数值，null 删除）；锁定后拒绝（409）", tag: "reports", secured: true,
                    parameters: [year],
                    body: jsonBody([
                        "type": "object",
                        "properties": [
                            "narrative": ["type": "object", "additionalProperties": string],
                            "entries": ["type": "object", "additionalProperties": ["type": "number", "nullable": true]],
                        ],
                    ]), responses: answered),
            ],
            "/api/v1/reports/annual/{year}/lock": [
                "post": op("锁定本年度数据（次年起；手工数据须填全、勾稽关系须通过）", tag: "reports", secured: true, parameters: [year], responses: answered)
            ],
            "/api/v1/reports/annual/{year}/publish": [
                "post": op("在门户网站发布已锁定的年度报告", tag: "reports", secured: true, parameters: [year], responses: answered)
            ],
            "/api/v1/reports/annual/{year}/corrections": [
                "post": op(
                    "记录对已锁定数据的更正（随报告公开）", tag: "reports", secured: true, parameters: [year],
                    body: jsonBody(["type": "object", "properties": ["cell": string, "value": ["type": "number"], "reason": string]]),
                    responses: answered.merging(["201": answer("已更正的年度报告", report)]) { a, _ in a })
            ],
            "/api/v1/reports/annual/{year}/import": [
                "post": op(
                    "导入往年报告数据（CSV：本平台导出格式，或“表、行、列、数值”四列照报告原文；识别2019年试行格式）", tag: "reports", secured: true,
                    parameters: [year], body: jsonBody(["type": "object", "properties": ["csv": string, "problems": string]]),
                    responses: answered.merging(["201": answer("导入的年度数据", report)]) { a, _ in a })
            ],
            "/api/v1/reports/annual/{year}/export": [
                "get": op(
                    "下载年度报告（含编制中的草稿）", tag: "reports", secured: true,
                    parameters: [year, query("format", format, "文件格式"), query("agency", ["type": "integer"], required: false, "下属单位编号")],
                    responses: files)
            ],
            "/api/v1/public/reports/annual/{year}": [
                "get": op(
                    "已发布的年度报告数据（公众）", tag: "reports", secured: false,
                    parameters: [year, query("agency", ["type": "integer"], required: false, "单位编号，缺省为本站机关")],
                    responses: ["200": answer("年度报告", report), "404": answer("未发布或不存在", ref("Error"))])
            ],
        ]
    }
}
