import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `assessments` operations.
    static var assessmentsPaths: [PathEntry] {
        [
            path(
                Routes.API.assessments,
                (.get, op("本机关组织的考核，及本单位参加的上级考核", tag: "assessments", responses: [.json(200, "考核", AssessmentsController.ListDTO.self)])),
                (
                    .post,
                    op(
                        "新建考核（草稿，政务公开办公室）", tag: "assessments",
                        body: .json(
                            .object(properties: [
                                "excellent": .number(required: false), "from": .string(description: "YYYY-MM"),
                                "good": .number(required: false), "minimumVolume": .integer(required: false),
                                "pass": .number(required: false),
                                "scheme": .string(description: "考核指标，每行一个，下级缩进两格；末级写分值和“=指标代码”（监测指标代码、standard 或 manual）；“否决：”开头为一票否决事项"),
                                "title": .string, "to": .string(description: "YYYY-MM"),
                            ])), responses: [.json(201, "已创建", AssessmentsController.AssessmentDTO.self), .error(422, "方案有误（错误说明行号）")])
                )),
            path(
                Routes.API.assessment,
                (
                    .get,
                    op(
                        "考核方案和结果：组织单位看到全部下级单位（进行中为实时计算，结束后为固定结果），被考核单位只看到本单位", tag: "assessments", parameters: [.pathID("id")],
                        responses: [.json(200, "考核", AssessmentsController.AssessmentDTO.self), .error(404, "没有该考核")])
                ),
                (
                    .put,
                    op(
                        "修改草稿的考核方案", tag: "assessments", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "excellent": .number(required: false), "from": .string(description: "YYYY-MM"),
                                "good": .number(required: false), "minimumVolume": .integer(required: false),
                                "pass": .number(required: false),
                                "scheme": .string(description: "考核指标，每行一个，下级缩进两格；末级写分值和“=指标代码”（监测指标代码、standard 或 manual）；“否决：”开头为一票否决事项"),
                                "title": .string, "to": .string(description: "YYYY-MM"),
                            ])),
                        responses: [
                            .json(200, "已保存", AssessmentsController.AssessmentDTO.self), .error(404, "没有该考核或单位"), .error(409, "当前状态不允许"),
                            .error(422, "输入有误"),
                        ])
                )),
            path(
                Routes.API.assessmentClose,
                (
                    .post,
                    op(
                        "结束考核并固定结果（各单位自评须审核完成）", tag: "assessments", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "已结束", AssessmentsController.AssessmentDTO.self), .error(404, "没有该考核或单位"), .error(409, "当前状态不允许"),
                            .error(422, "输入有误"),
                        ])
                )),
            path(
                Routes.API.assessmentNotice,
                (
                    .post,
                    op(
                        "按固定结果形成考核通报草稿，进入主动公开的审核发布流程", tag: "assessments", parameters: [.pathID("id")],
                        responses: [
                            .json(201, "通报草稿", AssessmentsController.NoticeDTO.self), .error(404, "没有该考核或单位"), .error(409, "当前状态不允许"),
                            .error(422, "输入有误"),
                        ])
                )),
            path(
                Routes.API.assessmentOpen,
                (
                    .post,
                    op(
                        "开始考核：下级单位可以填写自评", tag: "assessments", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "已开始", AssessmentsController.AssessmentDTO.self), .error(404, "没有该考核或单位"), .error(409, "当前状态不允许"),
                            .error(422, "输入有误"),
                        ])
                )),
            path(
                Routes.API.assessmentSelf,
                (
                    .post,
                    op(
                        "被考核单位填写自评分和佐证材料；submit 为 true 时提交审核（初审退回后可补充再提交）", tag: "assessments", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "scores": .list(
                                    .object(properties: ["code": .string, "evidence": .string(required: false), "score": .number])),
                                "submit": .boolean(required: false),
                            ])),
                        responses: [
                            .json(200, "已保存", AssessmentsController.MarksDTO.self), .error(403, "不是被考核单位"), .error(404, "没有该考核或单位"),
                            .error(409, "当前状态不允许"), .error(422, "输入有误"),
                        ])
                )),
            path(
                Routes.API.assessmentUnitDeductions,
                (
                    .post,
                    op(
                        "对单位扣分并写明原因", tag: "assessments", parameters: [.pathID("id"), .pathID("unit")],
                        body: .json(.object(properties: ["points": .number, "reason": .string])),
                        responses: [
                            .json(201, "已记录", AssessmentsController.MarksDTO.self), .error(404, "没有该考核或单位"), .error(409, "当前状态不允许"),
                            .error(422, "输入有误"),
                        ])
                )),
            path(
                Routes.API.assessmentUnitReview,
                (
                    .post,
                    op(
                        "审核单位自评：每个自评指标给出审核分；初审可 returnForEvidence 退回补充材料，复审为最终审核", tag: "assessments",
                        parameters: [.pathID("id"), .pathID("unit")],
                        body: .json(
                            .object(properties: [
                                "returnForEvidence": .boolean(required: false),
                                "scores": .list(
                                    .object(properties: ["code": .string, "comment": .string(required: false), "score": .number])),
                            ])),
                        responses: [
                            .json(200, "已审核", AssessmentsController.MarksDTO.self), .error(404, "没有该考核或单位"), .error(409, "当前状态不允许"),
                            .error(422, "输入有误"),
                        ])
                )),
            path(
                Routes.API.assessmentUnitVetoes,
                (
                    .post,
                    op(
                        "认定单位触及一票否决事项（等次为不合格，不参与排名）", tag: "assessments", parameters: [.pathID("id"), .pathID("unit")],
                        body: .json(.object(properties: ["item": .string, "reason": .string])),
                        responses: [
                            .json(201, "已记录", AssessmentsController.MarksDTO.self), .error(404, "没有该考核或单位"), .error(409, "当前状态不允许"),
                            .error(422, "输入有误"),
                        ])
                )),
        ]
    }
}
