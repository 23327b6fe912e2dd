import Domain
import Plot
import Services

/// The outline editor's fields, shared by the new-survey form and the draft's edit form.
enum SurveyEditor {
    static let example = """
        1. 【单选】您的年龄段 *
        - 18 岁以下
        - 18 至 60 岁
        - 60 岁以上
        2. 【多选】您通过哪些渠道了解卫生健康政策？
        - 政府网站
        - 微信公众号
        - 电视广播
        3. 【量表 1-5】您对我委政务公开工作的总体满意度 *
        4. 【填空】请说明不满意的原因（当第 3 题选 1、2 时显示）
        """

    static func fields(_ values: [String: String], errors: [String: String], today: CivilDate) -> Node<HTML.FormContext> {
        .div(
            Fragments.textField("问卷标题", name: "title", value: values["title"] ?? "", errors: errors),
            Fragments.textArea("说明（选填）", name: "intro", value: values["intro"] ?? "", rows: 3, errors: errors, required: false),
            Fragments.textField("开始日期", name: "opensOn", value: values["opensOn"] ?? today.description, type: .date, errors: errors),
            Fragments.textField("截止日期", name: "closesOn", value: values["closesOn"] ?? "", type: .date, errors: errors),
            Fragments.select(
                "答卷人身份", name: "identity",
                options: CommentIdentity.allCases.map { ($0.rawValue, $0 == .anonymousAllowed ? "可匿名填写" : "\($0.label)（每人一份）") },
                selected: values["identity"] ?? CommentIdentity.anonymousAllowed.rawValue, errors: errors),
            Fragments.textArea(
                "题目", name: "outline", value: values["outline"] ?? "", rows: 14, errors: errors,
                hint: "每道题一行：【单选】【多选】【量表 1-5】或【填空】加题干，必答题末尾加 *；选项写在题目下面，每行以“-”开头；"
                    + "只在某个回答后才显示的题目，末尾写“（当第 3 题选 1、2 时显示）”。"),
            .element(named: "details", nodes: [.element(named: "summary", text: "示例"), .pre(.text(example))])
        )
    }
}

/// The console's list of surveys with the form for a new one.
struct SurveyConsoleListPage {
    var items: [Survey]
    var counts: [Int64: Int]
    var today: CivilDate
    var message: String?
    var errors: [String: String]
    var values: [String: String]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("问卷调查")),
            Fragments.alert(message ?? errors.values.first.map { _ in "有 1 处需要修改，已在下方标出。" }, kind: errors.isEmpty ? "success" : "error"),
            items.isEmpty
                ? .p(.class("empty"), .text("尚无问卷。"))
                : .table(
                    .thead(.tr(.th(.text("标题")), .th(.text("期限")), .th(.text("状态")), .th(.text("答卷")))),
                    .tbody(
                        .forEach(items) { s in
                            .tr(
                                .td(.a(.href(Routes.Console.survey.path(s.id)), .text(s.title))),
                                .td(.text("\(s.opensOn) 至 \(s.closesOn)")), .td(.text(s.status(today: today).label)),
                                .td(.text(String(counts[s.id] ?? 0))))
                        })),
            .section(
                .h2(.text("新建问卷")),
                .form(
                    .method(.post), .action(Routes.Console.surveys.path()),
                    .div(
                        Fragments.csrfField(chrome.csrf), SurveyEditor.fields(values, errors: errors, today: today),
                        .button(.type(.submit), .text("保存草稿")))))
        )
    }
}

/// One survey for staff: its state and actions, the draft's editor, and the results.
struct SurveyConsolePage {
    var survey: Survey
    var results: SurveyResults
    var unconfirmed: Int
    var today: CivilDate
    var message: String?
    var errors: [String: String]
    var values: [String: String]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let s = survey
        let base = Routes.Console.survey.path(s.id)
        let status = s.status(today: today)
        func action(_ route: Route<Int64>, _ label: String, hidden: [(String, String)] = []) -> Node<HTML.BodyContext> {
            .form(
                .method(.post), .action(route.path(s.id)), .class("inline"),
                .div(
                    Fragments.csrfField(chrome.csrf), .forEach(hidden) { .input(.type(.hidden), .name($0.0), .value($0.1)) },
                    .button(.type(.submit), .text(label))))
        }
        return .div(
            .h1(.text(s.title)),
            .p(
                .class("doc-meta"),
                .text(
                    "\(status.label) · \(s.opensOn) 至 \(s.closesOn) · \(s.identity == .anonymousAllowed ? "可匿名填写" : s.identity.label)"
                        + " · 有效答卷 \(results.responses) 份" + (unconfirmed > 0 ? "（另有 \(unconfirmed) 份待验证）" : ""))),
            Fragments.alert(message ?? errors.values.first, kind: errors.isEmpty ? "success" : "error"),
            .div(
                .class("actions"),
                .if(!s.published, action(Routes.Console.surveyPublish, "发布")),
                .if(status == .open || status == .notYetOpen, action(Routes.Console.surveyClose, "提前结束")),
                .if(
                    s.published,
                    action(
                        Routes.Console.surveyResultsPublic, s.resultsPublic ? "不再公开结果" : "公开结果",
                        hidden: [("shown", s.resultsPublic ? "0" : "1")])),
                .if(s.published, .a(.href(Routes.Portal.survey.path(s.id)), .text("门户页面"))),
                .a(.href(Routes.API.surveyExportCSV.path(s.id)), .text("导出答卷（CSV）"))),
            s.published
                ? .section(.h2(.text("题目")), .pre(.class("outline"), .text(SurveyOutline.text(s.questions))))
                : .section(
                    .h2(.text("修改草稿")),
                    .form(
                        .method(.post), .action(base),
                        .div(
                            Fragments.csrfField(chrome.csrf),
                            SurveyEditor.fields(values.isEmpty ? Self.values(s) : values, errors: errors, today: today),
                            .button(.type(.submit), .text("保存"))))),
            .section(.h2(.text("调查结果")), SurveyResultsView(survey: s, results: results).content())
        )
    }

    static func values(_ s: Survey) -> [String: String] {
        [
            "title": s.title, "intro": s.intro, "opensOn": s.opensOn.description, "closesOn": s.closesOn.description,
            "identity": s.identity.rawValue, "outline": SurveyOutline.text(s.questions),
        ]
    }
}
