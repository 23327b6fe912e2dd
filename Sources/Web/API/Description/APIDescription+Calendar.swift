import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `calendar` operations.
    static var calendarPaths: [PathEntry] {
        [
            path(
                Routes.API.calendarAddWorkdays,
                (
                    .get,
                    op(
                        "起算日加 N 个工作日（起算日不计）", tag: "calendar", secured: false,
                        parameters: [
                            .query("from", .date, required: true, "起算日"),
                            .query(
                                "days", .integer(maximum: (400, exclusive: false), minimum: (0, exclusive: false)), required: true, "工作日数"),
                        ], responses: [.json(200, "到期日；所跨年份未录入节假日通知时 provisional 为 true", CalendarController.AddWorkdaysResponse.self)])
                )),
            path(
                Routes.API.calendarNotices,
                (
                    .get,
                    op("已载入的节假日通知", tag: "calendar", secured: false, responses: [.json(200, "通知列表", CalendarController.NoticeList.self)])
                ),
                (
                    .post,
                    op("录入或替换一年的节假日通知（政务公开办公室）", tag: "calendar", body: .json(.component("Notice")), responses: [.empty(201, "已保存并重新计算")])
                )),
            path(
                Routes.API.calendarWorkdaysBetween,
                (
                    .get,
                    op(
                        "两个日期之间的工作日数（不计起始日，计截止日）", tag: "calendar", secured: false,
                        parameters: [.query("from", .date, required: true, "起始日"), .query("to", .date, required: true, "截止日")],
                        responses: [.json(200, "工作日数", CalendarController.WorkdaysBetweenResponse.self)])
                )),
        ]
    }
}
