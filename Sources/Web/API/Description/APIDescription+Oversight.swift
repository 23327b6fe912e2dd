import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `oversight` operations.
    static var oversightPaths: [PathEntry] {
        [
            path(
                Routes.API.freshness,
                (
                    .get,
                    op(
                        "栏目更新情况：各分类和专栏的信息数、最近发布日期、应更新日期和状态（fresh、stale、long、empty），及是否触及“栏目不更新”单项否决指标", tag: "oversight",
                        responses: [.json(200, "栏目", FreshnessController.Body.self)])
                )),
            path(
                Routes.API.selfCheck,
                (
                    .get,
                    op(
                        "单项否决自查：本机关及所属单位网站的单项否决指标（站点无法访问、首页长期未更新、栏目不更新、空白栏目、互动回应差），每项的规则、结果、情况和涉及的栏目或留言",
                        tag: "oversight", responses: [.json(200, "自查结果", SelfCheckController.Body.self)])
                )),
            path(
                Routes.API.linkChecks,
                (
                    .post,
                    op(
                        "开始检查本机关门户的链接（政务公开办公室）：从首页和网站地图读取全部页面，检查站内页面、附件和外部链接；在后台进行，同时只进行一次", tag: "oversight",
                        body: .json(.object(properties: ["origin": .string(required: false, description: "网站地址；缺省为本机关网站")])),
                        responses: [.json(202, "已开始", LinkChecksController.RunBody.self), .error(409, "上一次检查尚未结束"), .error(422, "网站地址无效")])
                )),
            path(
                Routes.API.linkChecksLatest,
                (
                    .get,
                    op(
                        "最近一次链接检查：打不开的链接及所在页面、责任科室；内网地址只列出不访问", tag: "oversight",
                        responses: [.json(200, "检查结果", LinkChecksController.RunBody.self), .error(404, "尚未检查过")])
                )),
            path(
                Routes.API.oversight,
                (
                    .get,
                    op(
                        "政务公开监测：本机关及所属单位逐月的指标（主动公开及时率、解读同步率、按期答复率、征集反馈、信箱、台账、纠错、复议诉讼），上级机关只读查看所属单位", tag: "oversight",
                        parameters: [
                            .query("from", .string(pattern: "^[0-9]{4}-[0-9]{2}$"), required: false, "起始月份，缺省为结束月份前 11 个月"),
                            .query("to", .string(pattern: "^[0-9]{4}-[0-9]{2}$"), required: false, "结束月份，缺省为本月"),
                            .query("unit", .string, required: false, "单位编号（本机关或所属单位）；缺省为全部"),
                        ], responses: [.json(200, "指标", OversightController.Body.self), .error(404, "不是本机关或所属单位"), .error(422, "月份无效")])
                )),
            path(
                Routes.API.standardCatalog,
                (
                    .get,
                    op(
                        "本机关执行的政务公开标准目录（本机关导入的，或沿用上级机关的）及各事项的公开时限和对应栏目", tag: "oversight",
                        responses: [.json(200, "标准目录", StandardCatalogController.CatalogDTO.self), .error(404, "尚未导入")])
                ),
                (
                    .post,
                    op(
                        "导入标准目录（政务公开办公室）：请求体为文件本身（.xlsx 或 UTF-8/GBK 编码的 CSV），表头须有“公开内容”“公开时限”；替换本机关原有目录，仍在目录中的事项保留对应栏目", tag: "oversight",
                        parameters: [.query("title", .string, required: true, "目录名称")],
                        body: .raw([("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", .binary), ("text/csv", .string)]),
                        responses: [.json(201, "已导入", StandardCatalogController.CatalogDTO.self), .error(422, "文件无法读取、缺少表头或某行有误（错误说明行号）")])
                )),
            path(
                Routes.API.standardCatalogCoverage,
                (
                    .get,
                    op(
                        "对照标准目录的公开情况：各单位按状态计数，及所选单位每个事项的状态（covered 按时、gap 周期内未公开、overdue 逾期、no_record 暂无记录、unmapped 未对应栏目、unchecked 不检查）",
                        tag: "oversight", parameters: [.query("unit", .string, required: false, "单位编号（本机关或所属单位）；缺省为本机关")],
                        responses: [.json(200, "公开情况", StandardCatalogController.CoverageDTO.self), .error(404, "不是本机关或所属单位")])
                )),
            path(
                Routes.API.standardCatalogMapping,
                (
                    .put,
                    op(
                        "设置本机关标准目录事项对应的目录分类或专题专栏（代码或名称）；任一项有误则不保存", tag: "oversight",
                        body: .json(
                            .object(properties: ["items": .list(.object(properties: ["categories": .list(.string), "id": .integer]))])),
                        responses: [
                            .json(200, "已保存", StandardCatalogController.CatalogDTO.self), .error(409, "本机关没有自己的目录"),
                            .error(422, "分类不存在或事项编号无效"),
                        ])
                )),
            path(
                Routes.API.websiteReport,
                (
                    .get,
                    op(
                        "政府网站工作年度报表草稿：当年 1 月至所选月份的各项数据（取自目录、信箱、征集调查、纠错、舆情、新媒体和链接检查），value 为 null 的项目由办公室填写；另有逐月计数", tag: "oversight",
                        parameters: [
                            .query("year", .string, required: false, "年度，缺省为今年"),
                            .query("month", .string, required: false, "截至月份（1-12），缺省为本月或 12 月"),
                        ], responses: [.json(200, "报表", WebsiteReportController.Body.self), .error(422, "年度或月份无效")])
                )),
        ]
    }
}
