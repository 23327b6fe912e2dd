import Domain
import Services

extension OpenAPIDocument {
    static var participationPaths: Object {
        let id = pathID("id")
        let cid = pathID("cid")
        let identity = Self.identity
        let int: Object = ["type": "integer"]
        let consultation: Object = [
            "type": "object",
            "properties": [
                "id": int, "title": string, "kind": ["type": "string", "enum": ["rules", "normative", "normative_market", "other"]],
                "summary": string, "body": string, "paragraphs": ["type": "array", "items": string], "version": int,
                "opensOn": date, "closesOn": date, "status": ["type": "string", "enum": ["draft", "open", "closed"]],
                "identity": identity,
                "documentId": ["type": "integer", "nullable": true], "reportDocumentId": ["type": "integer", "nullable": true],
                "comments": ["type": "array", "items": ["type": "object"]],
            ],
        ]
        let input = jsonBody([
            "type": "object",
            "properties": [
                "title": string, "kind": ["type": "string", "enum": ["rules", "normative", "normative_market", "other"]], "summary": string,
                "body": string, "opensOn": date, "closesOn": date,
                "identity": identity,
            ],
        ])
        let answered = object("征求意见")
        let changed: Object = ["type": "object", "properties": ["changed": int]]
        // A confirmation sent again after moderation answers with the comment's status as it now is.
        let receipt: Object = [
            "type": "object",
            "properties": [
                "id": int, "status": ["type": "string", "enum": PublicComment.Status.allCases.map(\.rawValue)], "message": string,
            ],
        ]
        return [
            "/api/v1/consultations": [
                "get": op("本机关的征求意见稿", tag: "participation", secured: true, responses: ["200": answer("列表", ["type": "object"])]),
                "post": op(
                    "新建征求意见稿（检查最短征求意见期限）", tag: "participation", secured: true, body: input,
                    responses: object("征求意见稿", "201")),
            ],
            "/api/v1/consultations/{id}": [
                "get": op("征求意见稿及收到的全部意见（含待审核、筛查结果、处理结果）", tag: "participation", secured: true, parameters: [id], responses: answered),
                "put": op("修改未发布的征求意见稿", tag: "participation", secured: true, parameters: [id], body: input, responses: answered),
            ],
            "/api/v1/consultations/{id}/publish": [
                "post": op("发布征求意见稿（政务公开办公室）", tag: "participation", secured: true, parameters: [id], responses: answered)
            ],
            "/api/v1/consultations/{id}/revisions": [
                "post": op(
                    "发布修改稿（新版本，须写修改说明）或推迟截止日期", tag: "participation", secured: true, parameters: [id],
                    body: jsonBody(["type": "object", "properties": ["body": string, "note": string, "closesOn": date]]),
                    responses: answered)
            ],
            "/api/v1/consultations/{id}/moderation": [
                "post": op(
                    "批量审核意见：publish 公开、reject 不予公开（政务公开办公室）", tag: "participation", secured: true, parameters: [id],
                    body: jsonBody([
                        "type": "object",
                        "properties": [
                            "ids": ["type": "array", "items": int], "action": ["type": "string", "enum": ["publish", "reject"]],
                        ],
                    ]), responses: ["200": answer("改变的条数", changed), "422": answer("内容有误", ref("Error"))])
            ],
            "/api/v1/consultations/{id}/dispositions": [
                "post": op(
                    "批量记录处理结果（按主题）；不予采纳、部分采纳须写理由", tag: "participation", secured: true, parameters: [id],
                    body: jsonBody([
                        "type": "object",
                        "properties": [
                            "ids": ["type": "array", "items": int],
                            "disposition": ["type": "string", "enum": ["adopted", "partly_adopted", "not_adopted", "irrelevant"]],
                            "reason": string,
                            "theme": string,
                        ],
                    ]), responses: ["200": answer("改变的条数", changed), "422": answer("内容有误", ref("Error"))])
            ],
            "/api/v1/consultations/{id}/feedback": [
                "get": op("意见采纳情况的统计和说明文字", tag: "participation", secured: true, parameters: [id], responses: object("统计"))
            ],
            "/api/v1/consultations/{id}/report": [
                "post": op(
                    "征集结束、意见全部处理后，生成意见采纳情况说明（公众参与栏目的文件草稿，送审后发布）", tag: "participation", secured: true,
                    parameters: [id], responses: object("文件草稿", "201"))
            ],
            "/api/v1/consultations/{id}/document": [
                "post": op(
                    "关联正式印发的文件", tag: "participation", secured: true, parameters: [id],
                    body: jsonBody(["type": "object", "properties": ["documentId": int]]), responses: answered)
            ],
            "/api/v1/public/consultations": [
                "get": op("已发布的意见征集（公众）", tag: "participation", secured: false, responses: ["200": answer("列表", ["type": "object"])])
            ],
            "/api/v1/public/consultations/{id}": [
                "get": op(
                    "征求意见稿和已公开的意见（公众）", tag: "participation", secured: false, parameters: [id],
                    responses: ["200": answer("征求意见稿", consultation), "404": answer("不存在或未发布", ref("Error"))])
            ],
            "/api/v1/public/consultations/{id}/comments": [
                "post": op(
                    "对全文或某一段（paragraph，从 1 起）提意见；经审核后公开", tag: "participation", secured: false, parameters: [id],
                    body: jsonBody([
                        "type": "object", "required": ["text"],
                        "properties": ["paragraph": int, "text": string, "name": string, "email": string, "phone": string],
                    ]),
                    responses: [
                        "201": answer("已收到", receipt), "404": answer("不存在或未发布", ref("Error")), "409": answer("征集已结束", ref("Error")),
                        "422": answer("内容有误", ref("Error")), "429": answer("提交过于频繁", ref("Error")),
                    ])
            ],
            "/api/v1/public/consultations/{id}/comments/{cid}/confirm": [
                "post": op(
                    "输入邮箱验证码，意见进入审核", tag: "participation", secured: false, parameters: [id, cid],
                    body: jsonBody(["type": "object", "properties": ["code": string]]),
                    responses: [
                        "200": answer("已验证", receipt), "404": answer("不存在", ref("Error")), "422": answer("验证码不正确", ref("Error")),
                        "429": answer("尝试过多", ref("Error")),
                    ])
            ],
        ]
    }

    static var mailboxPaths: Object {
        let id = pathID("id")
        let code: Object = ["name": "code", "in": "path", "required": true, "schema": string]
        let int: Object = ["type": "integer"]
        let message = object("来信")
        let faqBody = jsonBody([
            "type": "object",
            "properties": [
                "question": string, "answer": string, "topic": string, "sources": ["type": "array", "items": int],
                "published": ["type": "boolean"],
            ],
        ])
        return [
            "/api/v1/public/mailbox": [
                "post": op(
                    "给领导信箱写信或咨询；返回查询码和答复期限", tag: "mailbox", secured: false,
                    body: jsonBody([
                        "type": "object", "required": ["subject", "body", "name", "phone"],
                        "properties": [
                            "kind": ["type": "string", "enum": ["leader", "inquiry"]], "subject": string, "body": string, "name": string,
                            "phone": string, "email": string, "mayPublish": ["type": "boolean"],
                        ],
                    ]),
                    responses: [
                        "201": answer(
                            "已受理",
                            ["type": "object", "properties": ["id": int, "trackingCode": string, "receivedOn": date, "dueOn": date]]),
                        "422": answer("内容有误", ref("Error")), "429": answer("提交过于频繁", ref("Error")),
                    ]),
                "get": op("公开的来信和答复（个人信息已隐去）", tag: "mailbox", secured: false, responses: ["200": answer("列表", ["type": "object"])]),
            ],
            "/api/v1/public/mailbox/{code}": [
                "get": op(
                    "凭查询码查看办理情况和答复", tag: "mailbox", secured: false, parameters: [code],
                    responses: [
                        "200": answer("办理情况", ["type": "object"]), "404": answer("查询码不存在", ref("Error")),
                        "429": answer("输错过多", ref("Error")),
                    ])
            ],
            "/api/v1/public/mailbox/{code}/rating": [
                "post": op(
                    "对答复评价（满意、基本满意、不满意），每封信一次", tag: "mailbox", secured: false, parameters: [code],
                    body: jsonBody([
                        "type": "object",
                        "properties": ["rating": ["type": "string", "enum": ["satisfied", "fairly", "unsatisfied"]], "comment": string],
                    ]),
                    responses: [
                        "200": answer("已评价", ["type": "object"]), "404": answer("查询码不存在", ref("Error")),
                        "409": answer("未答复或已评价", ref("Error")),
                        "422": answer("内容有误", ref("Error")),
                    ])
            ],
            "/api/v1/public/faq": [
                "get": op(
                    "常见问题解答（q 为检索词，中文分词与目录检索相同）", tag: "mailbox", secured: false,
                    parameters: [query("q", string, required: false, "检索词")], responses: ["200": answer("列表", ["type": "object"])])
            ],
            "/api/v1/mailbox": [
                "get": op(
                    "本机关的来信（政务公开办公室看全部，科室看交办给本科室的）", tag: "mailbox", secured: true, responses: ["200": answer("列表", ["type": "object"])])
            ],
            "/api/v1/mailbox/{id}": ["get": op("来信及办理过程", tag: "mailbox", secured: true, parameters: [id], responses: message)],
            "/api/v1/mailbox/{id}/assign": [
                "post": op(
                    "交办给科室（departmentId）或转办给下属单位（agencyId），受理日期和答复期限不变", tag: "mailbox", secured: true, parameters: [id],
                    body: jsonBody(["type": "object", "properties": ["departmentId": int, "agencyId": int, "note": string]]),
                    responses: message)
            ],
            "/api/v1/mailbox/{id}/answer": [
                "post": op(
                    "承办科室提交答复（送政务公开办公室审核）", tag: "mailbox", secured: true, parameters: [id],
                    body: jsonBody(["type": "object", "properties": ["reply": string]]), responses: message)
            ],
            "/api/v1/mailbox/{id}/review": [
                "post": op(
                    "审核答复：approve=true 答复来信人，false 退回修改（须写意见）", tag: "mailbox", secured: true, parameters: [id],
                    body: jsonBody(["type": "object", "properties": ["approve": ["type": "boolean"], "comment": string]]),
                    responses: message)
            ],
            "/api/v1/mailbox/{id}/supervise": [
                "post": op(
                    "督办", tag: "mailbox", secured: true, parameters: [id],
                    body: jsonBody(["type": "object", "properties": ["note": string]]),
                    responses: message)
            ],
            "/api/v1/mailbox/{id}/publish": [
                "post": op(
                    "公开或取消公开来信和答复（来信人同意公开的）", tag: "mailbox", secured: true, parameters: [id],
                    body: jsonBody(["type": "object", "properties": ["published": ["type": "boolean"]]]), responses: message)
            ],
            "/api/v1/faq/candidates": [
                "get": op("相似的已答复来信（可转为常见问题）", tag: "mailbox", secured: true, responses: ["200": answer("分组", ["type": "object"])])
            ],
            "/api/v1/faq": ["post": op("新增常见问题", tag: "mailbox", secured: true, body: faqBody, responses: object("常见问题", "201"))],
            "/api/v1/faq/{id}": [
                "put": op("修改常见问题", tag: "mailbox", secured: true, parameters: [id], body: faqBody, responses: object("常见问题"))
            ],
        ]
    }

    static var siteErrorPaths: Object {
        let int: Object = ["type": "integer"]
        let categories: Object = ["type": "string", "enum": ["content", "link", "typo", "stale", "service", "other"]]
        return [
            "/api/v1/public/site-errors": [
                "post": op(
                    "我为网站找错：报告网页的错误", tag: "site-errors", secured: false,
                    body: jsonBody([
                        "type": "object", "required": ["pageUrl", "description"],
                        "properties": ["pageUrl": string, "category": categories, "description": string, "contact": string],
                    ]),
                    responses: [
                        "201": answer("已收到", ["type": "object", "properties": ["id": int, "dueOn": date]]),
                        "422": answer("内容有误", ref("Error")),
                        "429": answer("提交过于频繁", ref("Error")),
                    ])
            ],
            "/api/v1/site-errors": [
                "get": op(
                    "本机关收到的找错报告和按月统计", tag: "site-errors", secured: true,
                    parameters: [query("year", int, required: false, "年度，缺省为今年")], responses: ["200": answer("报告和统计", ["type": "object"])])
            ],
            "/api/v1/site-errors/{id}/resolve": [
                "post": op(
                    "处理报告：resolved 已整改，rejected 经核实无误（须写处理情况）", tag: "site-errors", secured: true, parameters: [pathID("id")],
                    body: jsonBody([
                        "type": "object", "properties": ["status": ["type": "string", "enum": ["resolved", "rejected"]], "note": string],
                    ]),
                    responses: object("报告"))
            ],
            "/api/v1/site-errors/import": [
                "post": op(
                    "导入全国政府网站找错平台的报告（请求体为 CSV 文本；已导入的编号跳过）", tag: "site-errors", secured: true,
                    body: ["required": true, "content": ["text/csv": ["schema": string]]],
                    responses: [
                        "200": answer("导入结果", ["type": "object", "properties": ["added": int, "skipped": int]]),
                        "422": answer("文件有误", ref("Error")),
                    ])
            ],
        ]
    }

    static var proposalPaths: Object {
        let int: Object = ["type": "integer"]
        let id = pathID("id")
        let item = object("建议提案")
        return [
            "/api/v1/proposals": [
                "get": op(
                    "本机关承办的建议提案；给出 year 时附按类别的件数（承办、答复、按期答复）", tag: "proposals", secured: true,
                    parameters: [query("year", int, required: false, "年度")], responses: ["200": answer("列表", ["type": "object"])]),
                "post": op(
                    "登记人大代表建议（suggestion）或政协委员提案（proposal）；答复期限为交办后 3 个月，复杂事项 6 个月", tag: "proposals", secured: true,
                    body: jsonBody([
                        "type": "object",
                        "properties": [
                            "kind": ["type": "string", "enum": ["suggestion", "proposal"]], "year": int, "number": string,
                            "proposer": string,
                            "title": string, "content": string, "assignedOn": date, "leadUnit": string,
                            "coUnits": ["type": "array", "items": string],
                            "complex": ["type": "boolean"], "publishReply": ["type": "boolean"],
                        ],
                    ]), responses: object("建议提案", "201")),
            ],
            "/api/v1/proposals/{id}": ["get": op("建议提案及沟通、答复", tag: "proposals", secured: true, parameters: [id], responses: item)],
            "/api/v1/proposals/{id}/contacts": [
                "post": op(
                    "记录与代表、委员的沟通", tag: "proposals", secured: true, parameters: [id],
                    body: jsonBody(["type": "object", "properties": ["on": date, "way": string, "note": string]]), responses: item)
            ],
            "/api/v1/proposals/{id}/reply": [
                "post": op(
                    "答复（outcome：a/b/c 类）；除标明不公开的外，全文形成“建议提案办理”栏目的文件送审发布", tag: "proposals", secured: true,
                    parameters: [id],
                    body: jsonBody([
                        "type": "object", "properties": ["reply": string, "outcome": ["type": "string", "enum": ["a", "b", "c"]]],
                    ]),
                    responses: item)
            ],
        ]
    }

    static var opinionPaths: Object {
        let id = pathID("id")
        let item = object("舆情")
        let time: Object = ["type": "string", "example": "2026-09-21 09:30", "description": "北京时间 YYYY-MM-DD HH:MM"]
        return [
            "/api/v1/opinions": [
                "get": op("舆情台账（含首次回应用时）", tag: "opinions", secured: true, responses: ["200": answer("列表", ["type": "object"])]),
                "post": op(
                    "登记舆情", tag: "opinions", secured: true,
                    body: jsonBody([
                        "type": "object",
                        "properties": [
                            "source": string, "link": string, "foundAt": time, "topic": string, "summary": string,
                            "risk": ["type": "string", "enum": ["low", "medium", "high"]],
                        ],
                    ]), responses: object("舆情", "201")),
            ],
            "/api/v1/opinions/{id}": ["get": op("舆情及回应", tag: "opinions", secured: true, parameters: [id], responses: item)],
            "/api/v1/opinions/{id}/assign": [
                "post": op(
                    "交负责科室", tag: "opinions", secured: true, parameters: [id],
                    body: jsonBody(["type": "object", "properties": ["departmentId": ["type": "integer"]]]), responses: item)
            ],
            "/api/v1/opinions/{id}/responses": [
                "post": op(
                    "记录已发布的回应（可关联回应的公开文件 documentId 或已公开的来信答复 mailboxId）", tag: "opinions", secured: true, parameters: [id],
                    body: jsonBody([
                        "type": "object",
                        "properties": [
                            "text": string, "channel": string, "publishedAt": time, "documentId": ["type": "integer"],
                            "mailboxId": ["type": "integer"],
                        ],
                    ]), responses: item)
            ],
            "/api/v1/opinions/{id}/close": ["post": op("办结（须已回应）", tag: "opinions", secured: true, parameters: [id], responses: item)],
        ]
    }

    static var openDayPaths: Object {
        let id = pathID("id")
        let int: Object = ["type": "integer"]
        let day = object("开放日活动")
        return [
            "/api/v1/public/open-days": [
                "get": op("已发布公告的政府开放日活动（公众）", tag: "open-days", secured: false, responses: ["200": answer("列表", ["type": "object"])])
            ],
            "/api/v1/public/open-days/{id}/registrations": [
                "post": op(
                    "报名（每个电话号码一次，每次 1-5 人，名额以内）", tag: "open-days", secured: false, parameters: [id],
                    body: jsonBody([
                        "type": "object", "required": ["name", "phone"], "properties": ["name": string, "phone": string, "people": int],
                    ]),
                    responses: [
                        "201": answer("已报名", ["type": "object", "properties": ["registration": int, "people": int, "placesLeft": int]]),
                        "404": answer("不存在或未发布", ref("Error")), "409": answer("已截止、名额不足或已报名", ref("Error")),
                        "422": answer("内容有误", ref("Error")), "429": answer("提交过于频繁", ref("Error")),
                    ])
            ],
            "/api/v1/open-days": [
                "get": op("本机关的开放日活动（含报名名单）", tag: "open-days", secured: true, responses: ["200": answer("列表", ["type": "object"])]),
                "post": op(
                    "制定方案", tag: "open-days", secured: true,
                    body: jsonBody([
                        "type": "object",
                        "properties": [
                            "title": string, "date": date, "place": string, "plan": string, "capacity": int, "registrationClosesOn": date,
                        ],
                    ]), responses: object("开放日活动", "201")),
            ],
            "/api/v1/open-days/{id}/announce": [
                "post": op("发布公告（门户可见并开始报名）", tag: "open-days", secured: true, parameters: [id], responses: day)
            ],
            "/api/v1/open-days/{id}/report": [
                "post": op(
                    "报送结果：活动情况形成公众参与栏目的文件草稿（照片作为附件上传）", tag: "open-days", secured: true, parameters: [id],
                    body: jsonBody(["type": "object", "properties": ["record": string]]), responses: day)
            ],
        ]
    }

    /// How participants identify themselves (consultations and surveys).
    static var identity: Object { ["type": "string", "enum": ["anonymous_allowed", "email_confirmed", "phone_confirmed"]] }

    static var surveyPaths: Object {
        let id = pathID("id")
        let rid = pathID("rid")
        let int: Object = ["type": "integer"]
        let condition: Object = [
            "type": "object", "description": "仅当第 question 题的回答为 values 之一（选项序号或分值）时显示",
            "properties": ["question": int, "values": ["type": "array", "items": int]],
        ]
        let kind: Object = ["type": "string", "enum": ["single", "multiple", "scale", "text"]]
        let question: Object = [
            "type": "object",
            "properties": [
                "number": int, "kind": kind, "title": string, "options": ["type": "array", "items": string],
                "required": ["type": "boolean"],
                "scaleMin": int, "scaleMax": int, "showIf": condition,
            ],
        ]
        let survey: Object = [
            "type": "object",
            "properties": [
                "id": int, "title": string, "intro": string, "opensOn": date, "closesOn": date,
                "status": ["type": "string", "enum": ["draft", "not_yet_open", "open", "closed"]], "identity": identity,
                "resultsPublic": ["type": "boolean"], "questions": ["type": "array", "items": question],
            ],
        ]
        let input = jsonBody([
            "type": "object",
            "description": "题目二选一：questions（结构化）或 outline（文本大纲，每题一行【单选】【多选】【量表 1-5】【填空】，选项以“-”开头）",
            "properties": [
                "title": string, "intro": string, "opensOn": date, "closesOn": date, "identity": identity,
                "questions": ["type": "array", "items": question], "outline": string,
            ],
        ])
        let count: Object = ["type": "object", "properties": ["label": string, "count": int]]
        let results: Object = [
            "type": "object",
            "properties": [
                "results": [
                    "type": "object",
                    "properties": [
                        "responses": int,
                        "questions": [
                            "type": "array",
                            "items": [
                                "type": "object",
                                "properties": [
                                    "number": int, "title": string, "kind": kind, "answered": int,
                                    "counts": ["type": "array", "items": count], "mean": ["type": "number"],
                                    "texts": ["type": "array", "items": string],
                                ],
                            ],
                        ],
                    ],
                ]
            ],
        ]
        let receipt: Object = ["type": "object", "properties": ["id": int, "confirmed": ["type": "boolean"], "message": string]]
        let one: Object = [
            "200": answer("问卷", survey), "404": answer("不存在", ref("Error")), "409": answer("状态不允许", ref("Error")),
            "422": answer("内容有误", ref("Error")),
        ]
        return [
            "/api/v1/public/surveys": [
                "get": op("已发布的问卷（公众）", tag: "surveys", secured: false, responses: ["200": answer("列表", ["type": "object"])])
            ],
            "/api/v1/public/surveys/{id}": [
                "get": op("问卷及题目（公众）", tag: "surveys", secured: false, parameters: [id], responses: one)
            ],
            "/api/v1/public/surveys/{id}/results": [
                "get": op(
                    "公开的调查结果（不含文字回答）", tag: "surveys", secured: false, parameters: [id],
                    responses: ["200": answer("结果", results), "404": answer("不存在或结果未公开", ref("Error"))])
            ],
            "/api/v1/public/surveys/{id}/responses": [
                "post": op(
                    "提交答卷；须验证身份的问卷先发送验证码，每个邮箱或手机号一份", tag: "surveys", secured: false, parameters: [id],
                    body: jsonBody([
                        "type": "object",
                        "properties": [
                            "answers": [
                                "type": "array",
                                "items": [
                                    "type": "object", "required": ["question"],
                                    "properties": [
                                        "question": int, "choices": ["type": "array", "items": int], "value": int, "text": string,
                                    ],
                                ],
                            ],
                            "email": string, "phone": string,
                        ],
                    ]),
                    responses: [
                        "201": answer("已收到", receipt), "404": answer("不存在或未发布", ref("Error")),
                        "409": answer("未开始、已结束或已提交过", ref("Error")), "422": answer("内容有误（field 为 q 加题号）", ref("Error")),
                        "429": answer("提交过于频繁", ref("Error")),
                    ])
            ],
            "/api/v1/public/surveys/{id}/responses/{rid}/confirm": [
                "post": op(
                    "输入验证码，答卷生效", tag: "surveys", secured: false, parameters: [id, rid],
                    body: jsonBody(["type": "object", "properties": ["code": string]]),
                    responses: [
                        "200": answer("已生效", receipt), "404": answer("不存在", ref("Error")), "409": answer("问卷已结束", ref("Error")),
                        "422": answer("验证码不正确", ref("Error")), "429": answer("尝试次数过多", ref("Error")),
                    ])
            ],
            "/api/v1/surveys": [
                "get": op("本机关的问卷", tag: "surveys", secured: true, responses: ["200": answer("列表", ["type": "object"])]),
                "post": op("新建问卷草稿", tag: "surveys", secured: true, body: input, responses: object("问卷", "201")),
            ],
            "/api/v1/surveys/{id}": [
                "get": op("问卷", tag: "surveys", secured: true, parameters: [id], responses: one),
                "put": op("修改未发布的问卷", tag: "surveys", secured: true, parameters: [id], body: input, responses: one),
            ],
            "/api/v1/surveys/{id}/publish": ["post": op("发布问卷", tag: "surveys", secured: true, parameters: [id], responses: one)],
            "/api/v1/surveys/{id}/close": ["post": op("提前结束问卷", tag: "surveys", secured: true, parameters: [id], responses: one)],
            "/api/v1/surveys/{id}/results-public": [
                "post": op(
                    "在门户公开或不再公开调查结果", tag: "surveys", secured: true, parameters: [id],
                    body: jsonBody(["type": "object", "required": ["shown"], "properties": ["shown": ["type": "boolean"]]]), responses: one)
            ],
            "/api/v1/surveys/{id}/results": [
                "get": op(
                    "调查结果（含文字回答）", tag: "surveys", secured: true, parameters: [id],
                    responses: ["200": answer("结果", results), "404": answer("不存在", ref("Error"))])
            ],
            "/api/v1/surveys/{id}/export.csv": [
                "get": op(
                    "导出答卷（CSV，每份答卷一行）", tag: "surveys", secured: true, parameters: [id],
                    responses: [
                        "200": ["description": "CSV", "content": ["text/csv": ["schema": string]]], "404": answer("不存在", ref("Error")),
                    ])
            ],
        ]
    }
}
