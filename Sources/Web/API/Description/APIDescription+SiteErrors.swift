import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `site-errors` operations.
    static var siteerrorsPaths: [PathEntry] {
        [
            path(
                Routes.API.publicSiteErrors,
                (
                    .post,
                    op(
                        "我为网站找错：报告网页的错误", tag: "site-errors", secured: false,
                        body: .json(
                            .object(properties: [
                                "category": .enumeration(SiteErrorReport.Category.self, required: false),
                                "contact": .string(required: false), "description": .string, "pageUrl": .string,
                            ])),
                        responses: [.json(201, "已收到", SiteErrorsController.ReportDTO.self), .error(422, "内容有误"), .error(429, "提交过于频繁")])
                )),
            path(
                Routes.API.siteErrors,
                (
                    .get,
                    op(
                        "本机关收到的找错报告和按月统计", tag: "site-errors", parameters: [.query("year", .integer, required: false, "年度，缺省为今年")],
                        responses: [.json(200, "报告和统计", SiteErrorsController.ReportList.self)])
                )),
            path(
                Routes.API.siteErrorResolve,
                (
                    .post,
                    op(
                        "处理报告：resolved 已整改，rejected 经核实无误（须写处理情况）", tag: "site-errors", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "note": .string(required: false),
                                "status": .string(required: false, allowedValues: ["resolved", "rejected"]),
                            ])),
                        responses: [
                            .json(200, "报告", SiteErrorsController.ReportDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.importSiteErrors,
                (
                    .post,
                    op(
                        "导入全国政府网站找错平台的报告（请求体为 CSV 文本；已导入的编号跳过）", tag: "site-errors", body: .raw([("text/csv", .string)]),
                        responses: [.json(200, "导入结果", SiteErrorsController.ImportDTO.self), .error(422, "文件有误")])
                )),
        ]
    }
}
