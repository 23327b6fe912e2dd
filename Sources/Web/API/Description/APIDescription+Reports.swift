import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `reports` operations.
    static var reportsPaths: [PathEntry] {
        [
            path(
                Routes.API.publicAnnualReport,
                (
                    .get,
                    op(
                        "已发布的年度报告数据（公众）", tag: "reports", secured: false,
                        parameters: [.pathID("year"), .query("agency", .integer, required: false, "单位编号，缺省为本站机关")],
                        responses: [.json(200, "年度报告", AnnualReportDTO.self), .error(404, "未发布或不存在")])
                )),
            path(
                Routes.API.annualReport,
                (
                    .get,
                    op(
                        "政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）：表二至表四由平台数据生成，含勾稽关系检查；agency 查看下属单位，rollup=true 汇总本单位及下属单位", tag: "reports",
                        parameters: [
                            .pathID("year"), .query("agency", .integer, required: false, "下属单位编号"),
                            .query("rollup", .string(allowedValues: ["true", "false"]), required: false, "汇总下属单位"),
                        ],
                        responses: [
                            .json(200, "年度报告", AnnualReportDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误或勾稽关系检查未通过（message 指明单元格）"),
                        ])
                ),
                (
                    .put,
                    op(
                        "保存说明部分（narrative）和手工填报数据（entries：单元格 → 数值，null 删除）；锁定后拒绝（409）", tag: "reports", parameters: [.pathID("year")],
                        body: .json(
                            .object(properties: ["entries": .map(.number, required: false), "narrative": .map(.string, required: false)])),
                        responses: [
                            .json(200, "年度报告", AnnualReportDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误或勾稽关系检查未通过（message 指明单元格）"),
                        ])
                )),
            path(
                Routes.API.annualReportCorrections,
                (
                    .post,
                    op(
                        "记录对已锁定数据的更正（随报告公开）", tag: "reports", parameters: [.pathID("year")],
                        body: .json(
                            .object(properties: [
                                "cell": .string(required: false), "reason": .string(required: false), "value": .number(required: false),
                            ])),
                        responses: [
                            .json(200, "年度报告", AnnualReportDTO.self), .json(201, "已更正的年度报告", AnnualReportDTO.self), .error(404, "不存在"),
                            .error(409, "当前状态下不能这样办理"), .error(422, "内容有误或勾稽关系检查未通过（message 指明单元格）"),
                        ])
                )),
            path(
                Routes.API.annualReportExport,
                (
                    .get,
                    op(
                        "下载年度报告（含编制中的草稿）", tag: "reports",
                        parameters: [
                            .pathID("year"),
                            .query("format", .enumeration(AnnualReportsController.FileFormat.self), required: true, "文件格式"),
                            .query("agency", .integer, required: false, "下属单位编号"),
                        ],
                        responses: [
                            .file(
                                200, "文件",
                                [
                                    "application/json", "application/pdf",
                                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/csv", "text/html",
                                ]), .error(404, "不存在"), .error(422, "格式无效"),
                        ])
                )),
            path(
                Routes.API.annualReportImport,
                (
                    .post,
                    op(
                        "导入往年报告数据（CSV：本平台导出格式，或“表、行、列、数值”四列照报告原文；识别2019年试行格式）", tag: "reports", parameters: [.pathID("year")],
                        body: .json(.object(properties: ["csv": .string(required: false), "problems": .string(required: false)])),
                        responses: [
                            .json(200, "年度报告", AnnualReportDTO.self), .json(201, "导入的年度数据", AnnualReportDTO.self), .error(404, "不存在"),
                            .error(409, "当前状态下不能这样办理"), .error(422, "内容有误或勾稽关系检查未通过（message 指明单元格）"),
                        ])
                )),
            path(
                Routes.API.annualReportLock,
                (
                    .post,
                    op(
                        "锁定本年度数据（次年起；手工数据须填全、勾稽关系须通过）", tag: "reports", parameters: [.pathID("year")],
                        responses: [
                            .json(200, "年度报告", AnnualReportDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误或勾稽关系检查未通过（message 指明单元格）"),
                        ])
                )),
            path(
                Routes.API.annualReportPublish,
                (
                    .post,
                    op(
                        "在门户网站发布已锁定的年度报告", tag: "reports", parameters: [.pathID("year")],
                        responses: [
                            .json(200, "年度报告", AnnualReportDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误或勾稽关系检查未通过（message 指明单元格）"),
                        ])
                )),
        ]
    }
}
