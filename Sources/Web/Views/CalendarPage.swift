import Domain
import Foundation
import Plot
import Services

/// The office's page for the working-day calendar: the years loaded and a form for the next
/// year's State Council notice (国务院办公厅关于节假日安排的通知).
struct CalendarPage {
    struct Form {
        var year = ""
        var holidays = ""
        var workdays = ""
        var source = ""

        /// Parses the form into a notice; dates may be listed one by one or as ranges
        /// (2027-01-01~2027-01-03), separated by spaces, commas, 、 or new lines.
        func notice() throws(DomainError) -> HolidayNotice {
            guard let y = Int(year), (2000...2100).contains(y) else { throw .invalid("year", "年份须为 2000-2100 之间的整数") }
            let h = try Self.dates(holidays, field: "holidays")
            let w = try Self.dates(workdays, field: "workdays")
            if h.isEmpty { throw .invalid("holidays", "请至少填写一个放假日期") }
            try CalendarController.checkSource(source)
            let notice = HolidayNotice(year: y, holidays: h, workdays: w, source: source)
            do { try notice.validate() } catch {
                let field = error.field ?? "holidays"
                throw .invalid(["holidays", "workdays", "year"].contains(field) ? field : "holidays", error.message)
            }
            return notice
        }

        static func dates(_ text: String, field: String) throws(DomainError) -> [CivilDate] {
            let separators = CharacterSet(charactersIn: " ,，、;；\n\r\t")
            var out: [CivilDate] = []
            for token in text.components(separatedBy: separators) where !token.isEmpty {
                let ends = token.components(separatedBy: CharacterSet(charactersIn: "~～至"))
                guard ends.count <= 2, let first = CivilDate(iso: ends[0]) else { throw .invalid(field, "无法识别的日期“\(token)”，应为 YYYY-MM-DD") }
                let last = ends.count == 2 ? CivilDate(iso: ends[1]) : first
                guard let last, last >= first, last.daysSinceEpoch - first.daysSinceEpoch < 31 else {
                    throw .invalid(field, "日期范围“\(token)”有误")
                }
                for d in first.daysSinceEpoch...last.daysSinceEpoch { out.append(CivilDate(daysSinceEpoch: d)) }
            }
            return Array(Set(out)).sorted()
        }
    }

    var form: Form
    var errors: [String: String] = [:]
    var saved: String?
    var notices: [HolidayNotice] = []

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("工作日历（法定节假日与调休）")),
            Fragments.alert(saved, kind: "ok"),
            Fragments.alert(errors.isEmpty ? nil : "请修改标出的问题后重新提交。"),
            .p(.text("依申请公开等期限按工作日计算：起算日当天不计，调休上班的周末计为工作日。尚未录入通知的年份按仅周末休息计算，并标注“暂定”。")),
            .h2(.text("录入新一年的节假日安排")),
            .form(
                .method(.post), .action(Routes.Console.calendar.path()),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    Fragments.textField("年份", name: "year", value: form.year, type: .number, errors: errors),
                    textArea("放假日期", name: "holidays", value: form.holidays, hint: "逐日或按范围填写，如 2027-01-01~2027-01-03，以空格、逗号或换行分隔"),
                    textArea("调休上班日期", name: "workdays", value: form.workdays, hint: "周六、周日上班的日期；没有可留空"),
                    Fragments.textField("通知来源", name: "source", value: form.source, errors: errors, hint: "通知标题或文号"),
                    .button(.type(.submit), .text("保存并重新计算期限"))
                )
            ),
            .h2(.text("已载入的年份")),
            .table(
                .thead(.tr(.th(.text("年份")), .th(.text("放假天数")), .th(.text("调休上班天数")), .th(.text("来源")))),
                .tbody(
                    .forEach(notices) { n in
                        .tr(
                            .td(.text(String(n.year))), .td(.text(String(n.holidays.count))), .td(.text(String(n.workdays.count))),
                            .td(.text(n.source)))
                    })
            )
        )
    }

    private func textArea<C: HTML.BodyContext>(_ label: String, name: String, value: String, hint: String) -> Node<C> {
        .div(
            .class(errors[name] == nil ? "field" : "field has-error"),
            .label(.for(name), .text(label)),
            .p(.id("\(name)-hint"), .class("hint"), .text(hint)),
            Fragments.fieldError(errors, name),
            .textarea(.id(name), .name(name), .rows(4), .attribute(named: "aria-describedby", value: "\(name)-hint"), .text(value))
        )
    }
}
