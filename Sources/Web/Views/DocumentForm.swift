import Domain
import Plot

/// The drafting form for a new document (起草).
struct DocumentForm {
    struct Values {
        var title = ""
        var body = ""
        var category = "policy"
        var kind = DocumentKind.policy.rawValue
        var disclosure = DisclosureAttribute.public.rawValue
        var exemption = ""
        var legalBasis = ""
        var documentNumber = ""
        var writtenOn = ""
        var keywords = ""
        var important = false
        var needsInterpretation = false
        var formedOn = ""
    }

    var values = Values()
    var errors: [String: String] = [:]
    var categories: [CatalogCategory]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("起草文件")),
            Fragments.alert(errors.isEmpty ? nil : "请修改标出的问题后重新提交。"),
            .form(
                .method(.post), .action(SiteRoute.newDocument.path),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    Fragments.textField("标题", name: "title", value: values.title, errors: errors),
                    .div(
                        .class(errors["body"] == nil ? "field" : "field has-error"),
                        .label(.for("body"), .text("正文")),
                        .p(.id("body-hint"), .class("hint"), .text("每段一行。提交审核时将自动检查身份证号、手机号、银行卡号、密级标志等内容。")),
                        Fragments.fieldError(errors, "body"),
                        .textarea(
                            .id("body"), .name("body"), .rows(12), .attribute(named: "aria-describedby", value: "body-hint"),
                            .text(values.body))
                    ),
                    select("目录分类", name: "category", options: categories.map { ($0.code, $0.name) }, selected: values.category),
                    select(
                        "文件类型", name: "kind", options: [DocumentKind.general, .policy, .normative].map { ($0.rawValue, $0.label) },
                        selected: values.kind),
                    select(
                        "公开属性", name: "disclosure", options: DisclosureAttribute.allCases.map { ($0.rawValue, $0.label) },
                        selected: values.disclosure),
                    select(
                        "不予公开理由（仅不予公开时选择）", name: "exemption",
                        options: [("", "（不适用）")] + ExemptionReason.allCases.map { ($0.rawValue, "\($0.label)（\($0.article)）") },
                        selected: values.exemption),
                    Fragments.textField("不予公开的法律依据", name: "legalBasis", value: values.legalBasis, errors: errors, required: false),
                    Fragments.textField(
                        "文号", name: "documentNumber", value: values.documentNumber, errors: errors,
                        hint: "如 示卫发〔2026〕12号；[ ] 与（ ）会自动改为〔 〕；没有文号可留空", required: false),
                    Fragments.textField("成文日期", name: "writtenOn", value: values.writtenOn, type: .date, errors: errors, required: false),
                    Fragments.textField(
                        "信息形成或变更日期", name: "formedOn", value: values.formedOn, type: .date, errors: errors,
                        hint: "用于计算第二十六条规定的 20 个工作日公开时限；不填则按成文日期", required: false),
                    Fragments.textField("关键词", name: "keywords", value: values.keywords, errors: errors, required: false),
                    .div(
                        .class("field"),
                        .label(
                            .class("choice"), .input(.type(.checkbox), .name("important"), .value("1"), .checked(values.important)),
                            .text(" 重要文件（增加主要领导签发）"))
                    ),
                    .button(.type(.submit), .text("保存草稿"))
                )
            )
        )
    }

    private func select<C: HTML.BodyContext>(_ label: String, name: String, options: [(String, String)], selected: String) -> Node<C> {
        .div(
            .class(errors[name] == nil ? "field" : "field has-error"),
            .label(.for(name), .text(label)),
            Fragments.fieldError(errors, name),
            .select(
                .attribute(named: "id", value: name), .attribute(named: "name", value: name),
                .group(
                    options.map { option -> Node<HTML.SelectContext> in
                        .element(
                            named: "option",
                            nodes: [
                                .attribute(named: "value", value: attr(option.0), ignoreIfValueIsEmpty: false),
                                .attribute(named: "selected", value: option.0 == selected ? "selected" : nil),
                                .text(option.1),
                            ])
                    })
            )
        )
    }
}
