import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `audit` operations.
    static var auditPaths: [PathEntry] {
        [
            path(
                Routes.API.audit,
                (
                    .get,
                    op(
                        "审计档案（安全审计员）", tag: "audit",
                        parameters: [
                            .query("actor", .string, required: false, "操作人"), .query("action", .string, required: false, "操作"),
                            .query("type", .string, required: false, "对象类型"), .query("record", .string, required: false, "对象ID"),
                            .query("from", .date, required: false, "起始日期"), .query("to", .date, required: false, "截止日期"),
                            .query("page", .integer(minimum: (1, exclusive: false)), required: false, "页码，每页 50 条"),
                        ], responses: [.json(200, "记录", AuditController.Listing.self)])
                ))
        ]
    }
}
