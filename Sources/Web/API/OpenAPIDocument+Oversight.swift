import Domain
import Services

extension OpenAPIDocument {
    /// Many agencies on one installation and the supervising level's view.
    static var oversightPaths: Object {
        let site: Object = [
            "type": "object",
            "properties": [
                "agencyId": ["type": "integer"], "host": ["type": "string", "nullable": true], "title": string, "color": string,
                "shownTitle": string,
            ],
        ]
        let input: Object = [
            "type": "object",
            "properties": [
                "host": ["type": "string", "description": "域名，如 cdc.example.gov.cn；空则不设"],
                "title": ["type": "string", "description": "页眉名称；空则用机关名称"],
                "color": ["type": "string", "description": "#rrggbb；白色文字对比度须不低于 4.5:1；空则用默认色"],
            ],
        ]
        let int: Object = ["type": "integer"]
        let standard: Object = [
            "type": "object",
            "properties": [
                "title": string, "owner": ["type": "object", "properties": ["id": int, "name": string]], "inherited": ["type": "boolean"],
                "sourceName": string, "loadedBy": string, "loadedAt": string,
                "items": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "properties": [
                            "id": int, "number": string, "group": string, "name": string, "content": string, "basis": string,
                            "timeLimit": string, "period": string, "subject": string, "channels": string, "audience": string,
                            "mode": string, "level": string, "categories": ["type": "array", "items": string],
                        ],
                    ],
                ],
            ],
        ]
        let rate: Object = ["type": "number", "nullable": true, "description": "符合件数 / 应计件数；无应计件数时为 null"]
        let indicator: Object = [
            "type": "object",
            "properties": [
                "code": string, "label": string, "met": int, "total": int, "rate": rate,
                "months": [
                    "type": "array",
                    "items": ["type": "object", "properties": ["month": string, "met": int, "total": int, "rate": rate]],
                ],
            ],
        ]
        let unit: Object = [
            "type": "object",
            "properties": [
                "agencyId": ["type": "integer", "nullable": true], "name": string,
                "indicators": ["type": "array", "items": indicator],
                "outcomes": ["type": "object", "additionalProperties": int, "description": "期间内答复的申请按答复结果计数"],
            ],
        ]
        let month: (String, String) -> Object = { name, what in
            [
                "name": name, "in": "query", "required": false, "schema": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"],
                "description": what,
            ]
        }
        let page: Object = ["type": "object", "properties": ["path": string, "title": string, "owner": string]]
        let finding: Object = [
            "type": "object",
            "properties": [
                "url": string, "status": ["type": "integer", "nullable": true], "problem": string,
                "pages": ["type": "array", "items": page],
            ],
        ]
        let run: Object = [
            "type": "object",
            "properties": [
                "id": int, "origin": string, "startedAt": string, "finishedAt": string, "running": ["type": "boolean"], "pagesRead": int,
                "linksChecked": int, "truncated": ["type": "boolean"], "broken": ["type": "array", "items": finding],
                "notChecked": ["type": "array", "items": finding],
            ],
        ]
        let id = pathID("id")
        let details: Object = [
            "type": "object",
            "properties": [
                "platform": ["type": "string", "enum": MediaAccount.Platform.allCases.map(\.rawValue)], "name": string, "handle": string,
                "sponsor": string, "operatorName": string, "contact": string,
            ],
        ]
        var opening = details
        opening["properties"] = (details["properties"] as? Object ?? [:]).merging(["reason": string]) { a, _ in a }
        let account: Object = [
            "type": "object",
            "properties": [
                "id": int, "agencyId": int, "platform": string, "name": string, "handle": string, "sponsor": string, "operatorName": string,
                "status": ["type": "string", "enum": MediaAccount.Status.allCases.map(\.rawValue)], "lastUpdatedOn": date,
                "averagePostsPerMonth": ["type": "number"], "idle": ["type": "boolean"], "pendingFiling": string,
                "filings": ["type": "array", "items": ["type": "object"]],
            ],
        ]
        let errors: Object = [
            "404": answer("账号不存在", ref("Error")), "409": answer("有待审批的备案或状态不允许", ref("Error")), "422": answer("内容有误", ref("Error")),
        ]
        return [
            "/api/v1/media-accounts": [
                "get": op(
                    "政务新媒体账号（本机关及所属单位），标出超期未更新的", tag: "media", secured: true,
                    responses: [
                        "200": answer(
                            "账号", ["type": "object", "properties": ["idleDays": int, "items": ["type": "array", "items": account]]])
                    ]),
                "post": op(
                    "申请开设账号（开设备案，待领导审批）", tag: "media", secured: true, body: jsonBody(opening),
                    responses: ["201": answer("已提交", account), "422": answer("内容有误", ref("Error"))]),
            ],
            "/api/v1/media-accounts/{id}/filings": [
                "post": op(
                    "变更、暂停、恢复或关停备案", tag: "media", secured: true, parameters: [id],
                    body: jsonBody([
                        "type": "object",
                        "properties": [
                            "kind": ["type": "string", "enum": ["change", "suspend", "resume", "close"]], "reason": string,
                            "details": details,
                        ],
                    ]), responses: errors.merging(["201": answer("已提交", account)]) { a, _ in a })
            ],
            "/api/v1/media-accounts/{id}/decision": [
                "post": op(
                    "审批待审的备案（签发领导）；同意即生效", tag: "media", secured: true, parameters: [id],
                    body: jsonBody(["type": "object", "properties": ["approve": ["type": "boolean"], "comment": string]]),
                    responses: errors.merging(["200": answer("已审批", account)]) { a, _ in a })
            ],
            "/api/v1/media-accounts/{id}/updates": [
                "post": op(
                    "记录最近一次发布日期和某月发布条数", tag: "media", secured: true, parameters: [id],
                    body: jsonBody(["type": "object", "properties": ["lastPost": date, "month": string, "posts": int]]),
                    responses: errors.merging(["200": answer("已记录", account)]) { a, _ in a })
            ],
            "/api/v1/link-checks": [
                "post": op(
                    "开始检查本机关门户的链接（政务公开办公室）：从首页和网站地图读取全部页面，检查站内页面、附件和外部链接；在后台进行，同时只进行一次",
                    tag: "oversight", secured: true,
                    body: jsonBody(["type": "object", "properties": ["origin": ["type": "string", "description": "网站地址；缺省为本机关网站"]]]),
                    responses: [
                        "202": answer("已开始", run), "409": answer("上一次检查尚未结束", ref("Error")), "422": answer("网站地址无效", ref("Error")),
                    ])
            ],
            "/api/v1/website-report": [
                "get": op(
                    "政府网站工作年度报表草稿：当年 1 月至所选月份的各项数据（取自目录、信箱、征集调查、纠错、舆情、新媒体和链接检查），value 为 null 的项目由办公室填写；另有逐月计数",
                    tag: "oversight", secured: true,
                    parameters: [
                        ["name": "year", "in": "query", "required": false, "schema": string, "description": "年度，缺省为今年"],
                        ["name": "month", "in": "query", "required": false, "schema": string, "description": "截至月份（1-12），缺省为本月或 12 月"],
                    ],
                    responses: [
                        "200": answer(
                            "报表",
                            [
                                "type": "object",
                                "properties": [
                                    "year": int, "through": string, "dueBy": string, "months": ["type": "array", "items": string],
                                    "rows": [
                                        "type": "array",
                                        "items": [
                                            "type": "object",
                                            "properties": [
                                                "section": string, "label": string, "value": ["type": "string", "nullable": true],
                                                "note": string,
                                            ],
                                        ],
                                    ],
                                    "monthly": [
                                        "type": "array",
                                        "items": [
                                            "type": "object",
                                            "properties": ["label": string, "counts": ["type": "array", "items": int], "total": int],
                                        ],
                                    ],
                                    "blanks": int,
                                ],
                            ]),
                        "422": answer("年度或月份无效", ref("Error")),
                    ])
            ],
            "/api/v1/standard-catalog": [
                "get": op(
                    "本机关执行的政务公开标准目录（本机关导入的，或沿用上级机关的）及各事项的公开时限和对应栏目", tag: "oversight", secured: true,
                    responses: ["200": answer("标准目录", standard), "404": answer("尚未导入", ref("Error"))]),
                "post": op(
                    "导入标准目录（政务公开办公室）：请求体为文件本身（.xlsx 或 UTF-8/GBK 编码的 CSV），表头须有“公开内容”“公开时限”；替换本机关原有目录，仍在目录中的事项保留对应栏目",
                    tag: "oversight", secured: true,
                    parameters: [["name": "title", "in": "query", "required": true, "schema": string, "description": "目录名称"]],
                    body: [
                        "required": true,
                        "content": [
                            "text/csv": ["schema": string],
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [
                                "schema": ["type": "string", "format": "binary"]
                            ],
                        ],
                    ],
                    responses: ["201": answer("已导入", standard), "422": answer("文件无法读取、缺少表头或某行有误（错误说明行号）", ref("Error"))]),
            ],
            "/api/v1/standard-catalog/mapping": [
                "put": op(
                    "设置本机关标准目录事项对应的目录分类或专题专栏（代码或名称）；任一项有误则不保存", tag: "oversight", secured: true,
                    body: jsonBody([
                        "type": "object", "required": ["items"],
                        "properties": [
                            "items": [
                                "type": "array",
                                "items": [
                                    "type": "object", "required": ["id", "categories"],
                                    "properties": ["id": int, "categories": ["type": "array", "items": string]],
                                ],
                            ]
                        ],
                    ]),
                    responses: [
                        "200": answer("已保存", standard), "409": answer("本机关没有自己的目录", ref("Error")),
                        "422": answer("分类不存在或事项编号无效", ref("Error")),
                    ])
            ],
            "/api/v1/standard-catalog/coverage": [
                "get": op(
                    "对照标准目录的公开情况：各单位按状态计数，及所选单位每个事项的状态（covered 按时、gap 周期内未公开、overdue 逾期、no_record 暂无记录、unmapped 未对应栏目、unchecked 不检查）",
                    tag: "oversight", secured: true,
                    parameters: [
                        ["name": "unit", "in": "query", "required": false, "schema": string, "description": "单位编号（本机关或所属单位）；缺省为本机关"]
                    ],
                    responses: [
                        "200": answer(
                            "公开情况",
                            [
                                "type": "object",
                                "properties": [
                                    "units": ["type": "array", "items": ["type": "object"]], "unit": ["type": "object"],
                                    "items": ["type": "array", "items": ["type": "object"]],
                                ],
                            ]),
                        "404": answer("不是本机关或所属单位", ref("Error")),
                    ])
            ],
            "/api/v1/freshness": [
                "get": op(
                    "栏目更新情况：各分类和专栏的信息数、最近发布日期、应更新日期和状态（fresh、stale、long、empty），及是否触及“栏目不更新”单项否决指标",
                    tag: "oversight", secured: true,
                    responses: [
                        "200": answer(
                            "栏目",
                            [
                                "type": "object",
                                "properties": [
                                    "passes": ["type": "boolean"], "failures": ["type": "array", "items": string],
                                    "columns": ["type": "array", "items": ["type": "object"]],
                                ],
                            ])
                    ])
            ],
            "/api/v1/link-checks/latest": [
                "get": op(
                    "最近一次链接检查：打不开的链接及所在页面、责任科室；内网地址只列出不访问", tag: "oversight", secured: true,
                    responses: ["200": answer("检查结果", run), "404": answer("尚未检查过", ref("Error"))])
            ],
            "/api/v1/oversight": [
                "get": op(
                    "政务公开监测：本机关及所属单位逐月的指标（主动公开及时率、解读同步率、按期答复率、征集反馈、信箱、台账、纠错、复议诉讼），上级机关只读查看所属单位",
                    tag: "oversight", secured: true,
                    parameters: [
                        month("from", "起始月份，缺省为结束月份前 11 个月"), month("to", "结束月份，缺省为本月"),
                        ["name": "unit", "in": "query", "required": false, "schema": string, "description": "单位编号（本机关或所属单位）；缺省为全部"],
                    ],
                    responses: [
                        "200": answer(
                            "指标",
                            [
                                "type": "object",
                                "properties": ["from": string, "to": string, "units": ["type": "array", "items": unit], "whole": unit],
                            ]),
                        "404": answer("不是本机关或所属单位", ref("Error")), "422": answer("月份无效", ref("Error")),
                    ])
            ],
            "/api/v1/agency/site": [
                "get": op(
                    "本机关在集约化平台上的网站：域名、名称和主色", tag: "agencies", secured: true, responses: ["200": answer("网站设置", site)]),
                "put": op(
                    "设置本机关的网站（系统管理员）：访问该域名即进入本机关的门户", tag: "agencies", secured: true, body: jsonBody(input),
                    responses: [
                        "200": answer("已保存", site), "409": answer("域名已由其他机关使用", ref("Error")), "422": answer("域名或颜色无效", ref("Error")),
                    ]),
            ],
        ]
    }
}
