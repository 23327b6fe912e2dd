import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `public` operations.
    static var publicPaths: [PathEntry] {
        [
            path(
                Routes.API.publicDocuments,
                (
                    .get,
                    op(
                        "公开文件列表与全文检索", tag: "public", secured: false,
                        parameters: [
                            .query("q", .string, required: false, "检索词，中文任意长度"), .query("category", .string, required: false, "分类名称或代码"),
                            .query("year", .integer, required: false, "发布年份"), .query("agency", .integer, required: false, "发布机关编号"),
                            .query("validity", .enumeration(ValidityStatus.self), required: false, "有效性"),
                            .query("subject", .string, required: false, "主题分类"), .query("column", .string, required: false, "专题专栏代码或名称"),
                            .query("page", .integer(minimum: (1, exclusive: false)), required: false, "页码"),
                            .query(
                                "per", .integer(maximum: (100, exclusive: false), minimum: (1, exclusive: false)), required: false, "每页条数"),
                        ], responses: [.json(200, "结果", DocumentsController.PublicList.self)])
                )),
            path(
                Routes.API.publicDocument,
                (
                    .get,
                    op(
                        "公开文件；未发布或不公开的一律 404", tag: "public", secured: false, parameters: [.pathID("id")],
                        responses: [.json(200, "文件", DocumentsController.PublicDocument.self), .error(404, "不存在")])
                )),
            path(
                Routes.API.publicLedger,
                (
                    .get,
                    op(
                        "公开的台账进展：任务、时限、状态和审核通过的进展（不含未审核的内容）", tag: "public", secured: false, parameters: [.pathID("id")],
                        responses: [.json(200, "台账进展", LedgersController.PublicPlan.self), .error(404, "不存在")])
                )),
        ]
    }
}
