import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `surveys` operations.
    static var surveysPaths: [PathEntry] {
        [
            path(
                Routes.API.publicSurveys,
                (.get, op("已发布的问卷（公众）", tag: "surveys", secured: false, responses: [.json(200, "列表", SurveysController.SurveyList.self)]))),
            path(
                Routes.API.publicSurvey,
                (
                    .get,
                    op(
                        "问卷及题目（公众）", tag: "surveys", secured: false, parameters: [.pathID("id")],
                        responses: [
                            .json(200, "问卷", SurveysController.SurveyDTO.self), .error(404, "不存在"), .error(409, "状态不允许"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.publicSurveyResponses,
                (
                    .post,
                    op(
                        "提交答卷；须验证身份的问卷先发送验证码，每个邮箱或手机号一份", tag: "surveys", secured: false, parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "answers": .list(
                                    .object(properties: [
                                        "choices": .list(.integer, required: false), "question": .integer, "text": .string(required: false),
                                        "value": .integer(required: false),
                                    ]), required: false), "email": .string(required: false), "phone": .string(required: false),
                            ])),
                        responses: [
                            .json(201, "已收到", SurveysController.Receipt.self), .error(404, "不存在或未发布"), .error(409, "未开始、已结束或已提交过"),
                            .error(422, "内容有误（field 为 q 加题号）"), .error(429, "提交过于频繁"),
                        ])
                )),
            path(
                Routes.API.publicSurveyResponseConfirm,
                (
                    .post,
                    op(
                        "输入验证码，答卷生效", tag: "surveys", secured: false, parameters: [.pathID("id"), .pathID("rid")],
                        body: .json(.object(properties: ["code": .string(required: false)])),
                        responses: [
                            .json(200, "已生效", SurveysController.Receipt.self), .error(404, "不存在"), .error(409, "问卷已结束"),
                            .error(422, "验证码不正确"), .error(429, "尝试次数过多"),
                        ])
                )),
            path(
                Routes.API.publicSurveyResults,
                (
                    .get,
                    op(
                        "公开的调查结果（不含文字回答）", tag: "surveys", secured: false, parameters: [.pathID("id")],
                        responses: [.json(200, "结果", SurveysController.ResultsDTO.self), .error(404, "不存在或结果未公开")])
                )),
            path(
                Routes.API.surveys, (.get, op("本机关的问卷", tag: "surveys", responses: [.json(200, "列表", SurveysController.SurveyList.self)])),
                (
                    .post,
                    op(
                        "新建问卷草稿", tag: "surveys",
                        body: .json(
                            .object(
                                description: "题目二选一：questions（结构化）或 outline（文本大纲，每题一行【单选】【多选】【量表 1-5】【填空】，选项以“-”开头）",
                                properties: [
                                    "closesOn": .date.optional, "identity": .enumeration(CommentIdentity.self, required: false),
                                    "intro": .string(required: false), "opensOn": .date.optional, "outline": .string(required: false),
                                    "questions": .list(
                                        .object(properties: [
                                            "kind": .enumeration(Survey.QuestionKind.self, required: false),
                                            "number": .integer(required: false), "options": .list(.string, required: false),
                                            "required": .boolean(required: false), "scaleMax": .integer(required: false),
                                            "scaleMin": .integer(required: false),
                                            "showIf": .object(
                                                required: false, description: "仅当第 question 题的回答为 values 之一（选项序号或分值）时显示",
                                                properties: [
                                                    "question": .integer(required: false), "values": .list(.integer, required: false),
                                                ]), "title": .string(required: false),
                                        ]), required: false), "title": .string(required: false),
                                ])),
                        responses: [
                            .json(201, "问卷", SurveysController.SurveyDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.survey,
                (
                    .get,
                    op(
                        "问卷", tag: "surveys", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "问卷", SurveysController.SurveyDTO.self), .error(404, "不存在"), .error(409, "状态不允许"),
                            .error(422, "内容有误"),
                        ])
                ),
                (
                    .put,
                    op(
                        "修改未发布的问卷", tag: "surveys", parameters: [.pathID("id")],
                        body: .json(
                            .object(
                                description: "题目二选一：questions（结构化）或 outline（文本大纲，每题一行【单选】【多选】【量表 1-5】【填空】，选项以“-”开头）",
                                properties: [
                                    "closesOn": .date.optional, "identity": .enumeration(CommentIdentity.self, required: false),
                                    "intro": .string(required: false), "opensOn": .date.optional, "outline": .string(required: false),
                                    "questions": .list(
                                        .object(properties: [
                                            "kind": .enumeration(Survey.QuestionKind.self, required: false),
                                            "number": .integer(required: false), "options": .list(.string, required: false),
                                            "required": .boolean(required: false), "scaleMax": .integer(required: false),
                                            "scaleMin": .integer(required: false),
                                            "showIf": .object(
                                                required: false, description: "仅当第 question 题的回答为 values 之一（选项序号或分值）时显示",
                                                properties: [
                                                    "question": .integer(required: false), "values": .list(.integer, required: false),
                                                ]), "title": .string(required: false),
                                        ]), required: false), "title": .string(required: false),
                                ])),
                        responses: [
                            .json(200, "问卷", SurveysController.SurveyDTO.self), .error(404, "不存在"), .error(409, "状态不允许"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.surveyClose,
                (
                    .post,
                    op(
                        "提前结束问卷", tag: "surveys", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "问卷", SurveysController.SurveyDTO.self), .error(404, "不存在"), .error(409, "状态不允许"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.surveyExportCSV,
                (
                    .get,
                    op(
                        "导出答卷（CSV，每份答卷一行）", tag: "surveys", parameters: [.pathID("id")],
                        responses: [.file(200, "CSV", ["text/csv"]), .error(404, "不存在")])
                )),
            path(
                Routes.API.surveyPublish,
                (
                    .post,
                    op(
                        "发布问卷", tag: "surveys", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "问卷", SurveysController.SurveyDTO.self), .error(404, "不存在"), .error(409, "状态不允许"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.surveyResults,
                (
                    .get,
                    op(
                        "调查结果（含文字回答）", tag: "surveys", parameters: [.pathID("id")],
                        responses: [.json(200, "结果", SurveysController.ResultsDTO.self), .error(404, "不存在")])
                )),
            path(
                Routes.API.surveyResultsPublic,
                (
                    .post,
                    op(
                        "在门户公开或不再公开调查结果", tag: "surveys", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["shown": .boolean])),
                        responses: [
                            .json(200, "问卷", SurveysController.SurveyDTO.self), .error(404, "不存在"), .error(409, "状态不允许"),
                            .error(422, "内容有误"),
                        ])
                )),
        ]
    }
}
