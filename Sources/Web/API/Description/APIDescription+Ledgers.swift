import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `ledgers` operations.
    static var ledgersPaths: [PathEntry] {
        [
            path(
                Routes.API.ledgerReportFiles,
                (
                    .post,
                    op(
                        "为待审核的进展报送补充佐证材料（请求体为文件本身，文件名在 name 中；PDF、Word、Excel、OFD、图片）", tag: "ledgers",
                        parameters: [.pathID("rid"), .query("name", .string, required: true, "文件名")],
                        body: .raw([("application/octet-stream", .binary)]),
                        responses: [
                            .json(201, "已保存的文件", LedgersController.FileDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.ledgerReportReview,
                (
                    .post,
                    op(
                        "审核进展报送：通过（“已完成”的任务随即销号）或退回（须写意见）", tag: "ledgers", parameters: [.pathID("rid")],
                        body: .json(
                            .object(properties: [
                                "comment": .string(required: false),
                                "decision": .string(required: false, allowedValues: ["accept", "return"]),
                            ])),
                        responses: [
                            .json(200, "审核结果", LedgersController.ReportDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.ledgerTask,
                (
                    .put,
                    op(
                        "调整任务：名称、量化指标、完成时限（YYYY-MM-DD、ongoing 或空）、在上级任务中的权重", tag: "ledgers", parameters: [.pathID("tid")],
                        body: .json(
                            .object(properties: [
                                "deadline": .string(required: false), "indicator": .string(required: false),
                                "title": .string(required: false), "weight": .integer(required: false),
                            ])),
                        responses: [
                            .json(200, "任务", LedgersController.TaskOut.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.ledgerTaskReports,
                (
                    .post,
                    op(
                        "责任科室报送进展（文字、完成进度、状态、佐证链接）；报“已完成”须附佐证", tag: "ledgers", parameters: [.pathID("tid")],
                        body: .json(
                            .object(properties: [
                                "evidence": .list(.string, required: false), "percent": .integer(required: false),
                                "roundId": .integer(required: false), "state": .enumeration(ProgressReport.State.self, required: false),
                                "text": .string(required: false),
                            ])),
                        responses: [
                            .json(201, "进展报送", LedgersController.ReportDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.ledgerTaskSupervise,
                (
                    .post,
                    op(
                        "督办", tag: "ledgers", parameters: [.pathID("tid")],
                        body: .json(.object(properties: ["text": .string(required: false)])),
                        responses: [
                            .json(201, "督办", LedgersController.Created.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(Routes.API.ledgers, (.get, op("本机关的工作台账", tag: "ledgers", responses: [.json(200, "台账", LedgersController.Plans.self)]))),
            path(
                Routes.API.ledger,
                (
                    .get,
                    op(
                        "台账：板块、任务（含子任务、进度、是否超期）、报送轮次和进展报送", tag: "ledgers", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "台账", LedgersController.PlanDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.ledgerCarryOver,
                (
                    .post,
                    op(
                        "回头看：把未销号的任务结转到下一年度的台账", tag: "ledgers", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "结转结果", LedgersController.CarriedDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.ledgerDeductions,
                (
                    .get,
                    op(
                        "按规则计算各责任单位的扣分（逾期报送、未报送、逾期未完成）", tag: "ledgers", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "扣分", LedgersController.Deductions.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.ledgerDocument,
                (
                    .post,
                    op(
                        "关联目录中公开的工作要点原文", tag: "ledgers", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["documentId": .integer(required: false)])),
                        responses: [
                            .json(200, "台账", LedgersController.Linked.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.ledgerExport,
                (
                    .get,
                    op(
                        "导出任务落实台账（打印签字用）：与导入相同的版式，含审核通过的进展", tag: "ledgers",
                        parameters: [
                            .pathID("id"), .query("format", .string(allowedValues: ["xlsx", "docx"]), required: false, "缺省 xlsx"),
                        ],
                        responses: [
                            .file(
                                200, "文件",
                                [
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                ]), .error(422, "格式无效"),
                        ])
                )),
            path(
                Routes.API.ledgerRounds,
                (
                    .post,
                    op(
                        "设置报送轮次（如 7 月 31 日、11 月 30 日）", tag: "ledgers", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["dueOn": .date.optional, "title": .string(required: false)])),
                        responses: [
                            .json(201, "报送轮次", LedgersController.RoundDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.ledgerSummary,
                (
                    .get,
                    op(
                        "年度落实情况（供年度报告引用）", tag: "ledgers", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "落实情况", LedgersController.Summary.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.ledgerUnits,
                (
                    .post,
                    op(
                        "把导入时未能对应的单位名称对应到本机关的科室（departmentId）或委属单位（agencyId）", tag: "ledgers", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "agencyId": .integer(required: false), "departmentId": .integer(required: false),
                                "name": .string(required: false),
                            ])),
                        responses: [
                            .json(200, "涉及的任务数", LedgersController.Changed.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.importLedger,
                (
                    .post,
                    op(
                        "导入工作要点或任务落实台账（请求体为文件本身：text/plain; charset=utf-8 或 .docx）；返回板块、任务和未能对应的责任单位（政务公开办公室）", tag: "ledgers",
                        parameters: [.query("year", .integer, required: true, "计划年度"), .query("title", .string, required: false, "台账名称")],
                        body: .raw([
                            ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", .binary), ("text/plain", .string),
                        ]), responses: [.json(201, "导入的台账", LedgersController.ImportedDTO.self), .error(422, "没有读出任务、年份无效或文件无法读取")])
                )),
        ]
    }
}
