import Domain
import Plot
import Services

/// The drafting form (起草), used for a new document and to change a draft, a returned
/// document or a revision.
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
        var subject = ""
        var expiresOn = ""
        var interprets = ""
        var interpretationForm = ""
        var validity = ""
        var effectiveFrom = ""
        var effectiveUntil = ""
        var supersededBy = ""
        var columns: [String] = []
    }

    /// Where the form posts and what it is called.
    var action = Routes.Console.newDocument.path()
    var heading = "起草文件"
    var values = Values()
    var errors: [String: String] = [:]
    var categories: [CatalogCategory]
    /// The agency's 专题专栏, offered as checkboxes.
    var specialColumns: [SpecialColumn] = []
    /// A note shown above the form (e.g. after an import).
    var notice: String?

    /// The fields the drafter filled in, as the JSON API would take them.
    static func input(_ v: Values) throws(DomainError) -> DocumentInput {
        func id(_ text: String, _ field: String) throws(DomainError) -> Int64? {
            let t = text.trimmingCharacters(in: .whitespaces).trimmingPrefix("#")
            if t.isEmpty { return nil }
            guard let n = Int64(t), n > 0 else { throw .invalid(field, "请填写文件编号（数字）") }
            return n
        }
        return DocumentInput(
            title: v.title, body: v.body, category: v.category, disclosure: v.disclosure, documentNumber: v.documentNumber,
            writtenOn: try CivilDate.parse(optional: v.writtenOn, field: "writtenOn"),
            formedOn: try CivilDate.parse(optional: v.formedOn, field: "formedOn"),
            expiresOn: try CivilDate.parse(optional: v.expiresOn, field: "expiresOn"), kind: v.kind,
            exemption: v.exemption.isEmpty ? nil : v.exemption, legalBasis: v.legalBasis, keywords: v.keywords, subject: v.subject,
            important: v.important, needsInterpretation: v.needsInterpretation, interprets: try id(v.interprets, "interprets"),
            interpretationForm: v.interpretationForm.isEmpty ? nil : v.interpretationForm,
            validity: v.validity.isEmpty
                ? nil
                : .init(
                    status: v.validity, effectiveFrom: try CivilDate.parse(optional: v.effectiveFrom, field: "effectiveFrom"),
                    effectiveUntil: try CivilDate.parse(optional: v.effectiveUntil, field: "effectiveUntil"),
                    supersededBy: try id(v.supersededBy, "supersededBy")),
            columns: v.columns)
    }

    static func values(_ form: FormBody) -> Values {
        Values(
            title: form["title"], body: form.raw("body"), category: form["category"],
            kind: form["kind"], disclosure: form["disclosure"], exemption: form["exemption"], legalBasis: form["legalBasis"],
            documentNumber: form["documentNumber"], writtenOn: form["writtenOn"], keywords: form["keywords"],
            important: form["important"] == "1", needsInterpretation: form["needsInterpretation"] == "1", formedOn: form["formedOn"],
            subject: form["subject"], expiresOn: form["expiresOn"], interprets: form["interprets"],
            interpretationForm: form["interpretationForm"], validity: form["validity"], effectiveFrom: form["effectiveFrom"],
            effectiveUntil: form["effectiveUntil"], supersededBy: form["supersededBy"], columns: form.all("columns"))
    }

    static func values(_ d: CatalogDocument) -> Values {
        Values(
            title: d.title, body: d.body, category: d.categoryCode, kind: d.kind.rawValue, disclosure: d.disclosure.attribute.rawValue,
            exemption: d.disclosure.exemption?.rawValue ?? "", legalBasis: d.disclosure.legalBasis, documentNumber: d.documentNumber,
            writtenOn: d.writtenOn?.description ?? "", keywords: d.keywords, important: d.important,
            needsInterpretation: d.needsInterpretation, formedOn: d.formedOn?.description ?? "", subject: d.subject,
            expiresOn: d.expiresOn?.description ?? "", interprets: d.interpretsID.map(String.init) ?? "",
            interpretationForm: d.interpretationForm?.rawValue ?? "", validity: d.validity?.status.rawValue ?? "",
            effectiveFrom: d.validity?.effectiveFrom?.description ?? "", effectiveUntil: d.validity?.effectiveUntil?.description ?? "",
            supersededBy: d.validity?.supersededBy.map(String.init) ?? "", columns: d.columns)
    }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text(heading)),
            Fragments.alert(errors.isEmpty ? nil : "请修改标出的问题后重新提交。" + unplacedErrors),
            Fragments.alert(notice, kind: "ok"),
            .if(action == Routes.Console.newDocument.path(), importForm(chrome)),
            .form(
                .method(.post), .action(action),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    Fragments.textField("标题", name: "title", value: values.title, errors: errors),
                    .div(
                        .class(errors["body"] == nil ? "field" : "field has-error"),
                        .label(.for("body"), .text("正文")),
                        .p(
                            .id("body-hint"), .class("hint"),
                            .text(
                                "每段一行。“# ”开头为标题（“## ”“### ”为下级标题），“- ”开头为列表，“1. ”开头为编号列表，“| 单元格 | 单元格 |”为表格行（表头下加一行“|---|---|”）。提交审核时将自动检查身份证号、手机号、银行卡号、密级标志等内容。"
                            )),
                        Fragments.fieldError(errors, "body"),
                        .textarea(
                            .id("body"), .name("body"), .rows(14), .attribute(named: "aria-describedby", value: "body-hint"),
                            .text(values.body))
                    ),
                    select("目录分类", name: "category", options: categories.map { ($0.code, $0.name) }, selected: values.category),
                    select(
                        "文件类型", name: "kind", options: DocumentKind.allCases.map { ($0.rawValue, $0.label) }, selected: values.kind),
                    select(
                        "公开属性", name: "disclosure", options: DisclosureAttribute.allCases.map { ($0.rawValue, $0.label) },
                        selected: values.disclosure),
                    .p(.class("hint"), .text("删减后公开：在正文中用【删减】不公开的内容【/删减】标出要删去的部分，网站只显示删减后的版本，原文留存内部。")),
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
                    Fragments.textField(
                        "主题分类", name: "subject", value: values.subject, errors: errors, hint: "如 医政医管、疾病预防控制、妇幼健康",
                        required: false),
                    Fragments.textField("关键词", name: "keywords", value: values.keywords, errors: errors, required: false),
                    .if(
                        !specialColumns.isEmpty,
                        .fieldset(
                            .element(named: "legend", nodes: [.text("同时发布到专题专栏")]),
                            Fragments.fieldError(errors, "columns"),
                            .forEach(specialColumns) { c in
                                .label(
                                    .class("choice"),
                                    .input(
                                        .type(.checkbox), .name("columns"), .value(attr(c.code)), .checked(values.columns.contains(c.code))),
                                    .text(" " + c.name))
                            })),
                    Fragments.textField(
                        "自动下线日期", name: "expiresOn", value: values.expiresOn, type: .date, errors: errors,
                        hint: "如活动通知，过了这一天自动从网站下线；长期有效的文件留空", required: false),
                    .fieldset(
                        .element(named: "legend", nodes: [.text("政策解读（仅文件类型为政策解读时填写）")]),
                        Fragments.textField(
                            "被解读文件的编号", name: "interprets", value: values.interprets, errors: errors,
                            hint: "控制台中文件页地址末尾的数字", required: false),
                        select(
                            "解读形式", name: "interpretationForm",
                            options: [("", "（不适用）")] + InterpretationForm.allCases.map { ($0.rawValue, $0.label) },
                            selected: values.interpretationForm)
                    ),
                    .fieldset(
                        .element(named: "legend", nodes: [.text("有效性（仅规范性文件填写）")]),
                        select(
                            "有效性", name: "validity", options: [("", "（不适用）")] + ValidityStatus.allCases.map { ($0.rawValue, $0.label) },
                            selected: values.validity),
                        Fragments.textField(
                            "生效日期", name: "effectiveFrom", value: values.effectiveFrom, type: .date, errors: errors, required: false),
                        Fragments.textField(
                            "失效日期", name: "effectiveUntil", value: values.effectiveUntil, type: .date, errors: errors, required: false),
                        Fragments.textField(
                            "替代它的文件编号", name: "supersededBy", value: values.supersededBy, errors: errors,
                            hint: "已废止或已修订时填写", required: false)
                    ),
                    .div(
                        .class("field"),
                        .label(
                            .class("choice"), .input(.type(.checkbox), .name("important"), .value("1"), .checked(values.important)),
                            .text(" 重要文件（增加主要领导签发）")),
                        .label(
                            .class("choice"),
                            .input(.type(.checkbox), .name("needsInterpretation"), .value("1"), .checked(values.needsInterpretation)),
                            .text(" 需要配套解读（谁起草谁解读）"))
                    ),
                    .button(.type(.submit), .text("保存草稿"))
                )
            )
        )
    }

    /// Filling the form from a Word, web or text file.
    private func importForm(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(Routes.Console.importDocument.path()), .enctype(.multipartData), .class("import"),
            .div(
                Fragments.csrfField(chrome.csrf),
                .div(
                    .class(errors["file"] == nil ? "field" : "field has-error"),
                    .label(.for("import-file"), .text("从文件导入正文（可选）")),
                    .p(.id("import-hint"), .class("hint"), .text("支持 .docx、.html、.txt，保留标题、列表和表格；导入后可继续修改。")),
                    Fragments.fieldError(errors, "file"),
                    .input(
                        .type(.file), .id("import-file"), .name("file"), .attribute(named: "accept", value: ".docx,.html,.htm,.txt"),
                        .attribute(named: "aria-describedby", value: "import-hint"))
                ),
                .button(.type(.submit), .class("secondary"), .text("导入"))
            )
        )
    }

    static let fieldNames: Set<String> = [
        "title", "body", "category", "kind", "disclosure", "exemption", "legalBasis", "documentNumber", "writtenOn", "formedOn",
        "subject", "keywords", "expiresOn", "interprets", "interpretationForm", "validity", "effectiveFrom", "effectiveUntil",
        "supersededBy", "file", "columns",
    ]

    /// Errors about fields the form has no place for (e.g. a rule spanning several fields).
    var unplacedErrors: String {
        errors.filter { !Self.fieldNames.contains($0.key) }.map { "（\($0.value)）" }.sorted().joined()
    }

    private func select<C: HTML.BodyContext>(_ label: String, name: String, options: [(String, String)], selected: String) -> Node<C> {
        Fragments.select(label, name: name, options: options, selected: selected, errors: errors)
    }
}
