import Domain
import Foundation
import Plot
import Services

/// The portal's list of questionnaires.
struct SurveyIndexPage {
    var items: [Survey]
    var today: CivilDate

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("问卷调查")),
            items.isEmpty
                ? .p(.class("empty"), .text("暂无问卷调查。"))
                : .ul(
                    .class("doc-list"),
                    .forEach(items) { s in
                        .li(
                            .a(.href(Routes.Portal.survey.path(s.id)), .text(s.title)),
                            .span(
                                .class("doc-meta"),
                                .text(" \(s.status(today: today).label) · \(s.opensOn.chinese)至\(s.closesOn.chinese)")),
                            .if(s.resultsPublic, .span(.text(" · "), .a(.href(Routes.Portal.surveyResults.path(s.id)), .text("查看结果")))))
                    })
        )
    }
}

/// A questionnaire on the portal: the questions (conditional ones say when to answer them and
/// are hidden by a small script where scripts run), or the code form after sending.
struct SurveyFormPage {
    var survey: Survey
    var today: CivilDate
    var message: String?
    var errors: [String: String] = [:]
    /// The answers given, to show the form again after an error.
    var given: [Int: SurveyAnswer] = [:]
    var email = ""
    var phone = ""
    /// A response waiting for its code.
    var pending: SurveyResponse?
    var done = false

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let s = survey
        let status = s.status(today: today)
        return .div(
            .class("survey request-form"),
            .h1(.text(s.title)),
            .p(
                .class("doc-meta"),
                .text("\(status.label) · \(s.opensOn.chinese)至\(s.closesOn.chinese) · 共 \(s.questions.count) 题，带“必答”的题目须作答")),
            Fragments.alert(message, kind: errors.isEmpty ? "success" : "error"),
            .if(!s.intro.isEmpty, .div(.class("intro"), .forEach(s.intro.split(separator: "\n")) { .p(.text(String($0))) })),
            .if(s.resultsPublic, .p(.a(.href(Routes.Portal.surveyResults.path(s.id)), .text("查看调查结果")))),
            pending.map { confirmForm(chrome, $0) }
                ?? (done
                    ? .p(.a(.href(Routes.Portal.surveys.path()), .text("返回问卷列表")))
                    : status == .open ? form(chrome) : .p(.text(status == .notYetOpen ? "问卷尚未开始。" : "问卷调查已结束，感谢关注。")))
        )
    }

    func form(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let s = survey
        return .form(
            .method(.post), .action(chrome.serverOrigin + Routes.Portal.surveyResponses.path(s.id)), .class("survey-form"),
            .attribute(named: "novalidate", value: "novalidate"),
            .div(
                Fragments.csrfField(chrome.csrf),
                .div(
                    .class("trap"), .attribute(named: "aria-hidden", value: "true"), .label(.for("website"), .text("请勿填写此项")),
                    .input(.type(.text), .id("website"), .name("website"), .attribute(named: "tabindex", value: "-1"))),
                .forEach(s.questions) { question($0) },
                .if(
                    s.identity == .emailConfirmed,
                    Fragments.textField(
                        "电子邮箱（用于接收验证码，每个邮箱只能提交一次，不公开）", name: "email", value: email, type: .email, errors: errors,
                        autocomplete: "email")),
                .if(
                    s.identity == .phoneConfirmed,
                    Fragments.textField(
                        "手机号码（用于接收短信验证码，每个号码只能提交一次，不公开）", name: "phone", value: phone, type: .tel, errors: errors,
                        autocomplete: "tel")),
                .button(.type(.submit), .text("提交问卷"))),
            .element(
                named: "script",
                nodes: [.attribute(named: "src", value: Routes.Portal.surveyScript.path()), .attribute(named: "defer", value: "defer")])
        )
    }

    func question(_ q: Survey.Question) -> Node<HTML.FormContext> {
        let name = "q\(q.number)"
        let a = given[q.number] ?? SurveyAnswer()
        let hasError = errors[name] != nil
        let control: Node<HTML.FormContext>
        switch q.kind {
        case .single, .multiple:
            control = .div(
                .class("choices"),
                .forEach(Array(q.options.enumerated())) { i, option in
                    .label(
                        .class("choice"),
                        .input(
                            .type(q.kind == .single ? .radio : .checkbox), .name(name), .value(String(i + 1)),
                            .attribute(named: "checked", value: a.choices.contains(i + 1) ? "checked" : nil)),
                        .text(" " + option))
                })
        case .scale:
            control = .div(
                .class("choices scale"),
                .forEach(Array(q.scaleMin...q.scaleMax)) { v in
                    .label(
                        .class("choice"),
                        .input(
                            .type(.radio), .name(name), .value(String(v)),
                            .attribute(named: "checked", value: a.value == v ? "checked" : nil)),
                        .text(" \(v)"))
                },
                .p(.class("hint"), .text("\(q.scaleMin) 分最低，\(q.scaleMax) 分最高")))
        case .text:
            control = .textarea(
                .id("\(name)-text"), .name(name), .rows(4), .attribute(named: "aria-label", value: attr(q.title)),
                .attribute(named: "maxlength", value: "2000"), .text(a.text))
        }
        return .element(
            named: "fieldset",
            nodes: [
                .attribute(named: "id", value: name),
                .attribute(named: "class", value: hasError ? "survey-q has-error" : "survey-q"),
                .attribute(
                    named: "data-show-if", value: q.condition.map { "\($0.question):" + $0.values.map(String.init).joined(separator: ",") }),
                .attribute(named: "aria-invalid", value: hasError ? "true" : nil),
                .element(
                    named: "legend",
                    nodes: [.text("\(q.number). \(q.title)"), .if(q.required, .span(.class("required-mark"), .text("（必答）")))]),
                .unwrap(q.condition) { .p(.class("hint"), .text(SurveyOutline.describe($0, in: survey))) },
                .if(q.kind == .multiple, .p(.class("hint"), .text("可多选"))),
                .unwrap(errors[name]) { .p(.id("\(name)-error"), .class("field-error"), .text("错误：\($0)")) },
                control,
            ])
    }

    func confirmForm(_ chrome: PageChrome, _ r: SurveyResponse) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(chrome.serverOrigin + Routes.Portal.surveyResponseConfirm.path(survey.id, r.id)),
            .class("confirm-form"),
            .div(
                Fragments.csrfField(chrome.csrf),
                Fragments.textField(
                    "验证码", name: "code", id: "code", value: "", errors: errors, hint: "验证码已发送到您的\(survey.identity.channel)，请在下方输入",
                    autocomplete: "one-time-code"),
                .button(.type(.submit), .text("确认提交")))
        )
    }
}

/// The results of a questionnaire: for each question a bar chart with a table beside it;
/// free-text answers are listed for staff only.
struct SurveyResultsView {
    var survey: Survey
    var results: SurveyResults

    func content() -> Node<HTML.BodyContext> {
        .div(
            .class("survey-results"),
            .p(.text("有效答卷 \(results.responses) 份。")),
            .forEach(results.questions) { t in
                .section(
                    .class("result-q"),
                    .h3(.text("\(t.number). \(t.title)（\(t.kind.label)）")),
                    .p(
                        .class("doc-meta"),
                        .text(
                            "作答 \(t.answered) 人" + (t.mean.map { String(format: "，平均 %.2f 分", $0) } ?? "")
                                + (t.kind == .multiple ? "，比例按作答人数计算（可多选，合计可超过 100%）" : ""))),
                    .if(
                        t.kind != .text,
                        .div(
                            .class("chart-pair"),
                            .raw(
                                BarChart(title: t.title, bars: t.counts.map { .init(label: $0.label, count: $0.count) }, base: t.answered)
                                    .svg),
                            table(t))),
                    .if(
                        t.kind == .text,
                        t.texts.isEmpty
                            ? .p(.class("hint"), .text(t.answered == 0 ? "暂无回答。" : "文字回答不对外公开。"))
                            : .ol(.class("texts"), .forEach(t.texts) { .li(.text($0)) }))
                )
            }
        )
    }

    func table(_ t: SurveyResults.Tally) -> Node<HTML.BodyContext> {
        .table(
            .class("compact"),
            .thead(.tr(.th(.text(t.kind == .scale ? "分值" : "选项")), .th(.text("人数")), .th(.text("比例")))),
            .tbody(
                .forEach(t.counts) { c in
                    .tr(
                        .td(.text(c.label)), .td(.text(String(c.count))),
                        .td(.text(t.answered > 0 ? String(format: "%.1f%%", Double(c.count) * 100 / Double(t.answered)) : "—")))
                }))
    }
}

/// The script that hides conditional questions until their condition holds. Without it every
/// question shows, with a line saying when to answer it; the server ignores answers to
/// questions whose condition does not hold.
enum SurveyScript {
    static let js = """
        (function () {
          var form = document.querySelector('form.survey-form');
          if (!form) return;
          var conditional = form.querySelectorAll('[data-show-if]');
          function chosen(n) {
            var out = [];
            form.querySelectorAll('[name="q' + n + '"]').forEach(function (i) { if (i.checked) out.push(i.value); });
            return out;
          }
          function update() {
            conditional.forEach(function (fs) {
              var c = fs.getAttribute('data-show-if').split(':');
              var source = document.getElementById('q' + c[0]);
              var wanted = c[1].split(',');
              var shown = !(source && source.hidden) && chosen(c[0]).some(function (v) { return wanted.indexOf(v) >= 0; });
              fs.hidden = !shown;
            });
          }
          form.addEventListener('change', update);
          update();
        })();
        """
}
