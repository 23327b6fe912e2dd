import Domain
import Plot
import Services

/// The public application form (申请公开政府信息), phone-first: one column, large targets, every
/// problem marked at its field, nothing typed lost when the form comes back.
struct RequestFormPage {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    var message: String?
    /// Staff registering a letter, visit, fax or e-mail: the form posts to the console and asks
    /// for the channel and the receipt date.
    var staff = false
    /// The honeypot field's name: hidden from people, filled in by naive robots.
    static let trap = "website"

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let delivery = values["delivery"] ?? "email"
        return .div(
            .class("request-form"),
            .h1(.text(staff ? "登记申请" : "申请公开政府信息")),
            staff
                ? .p(.text("登记以信函、当面、传真、电子邮件提出的申请。收到日期按第三十一条确定：当面提交为提交之日，挂号信等为签收之日，平常信函、传真、电子邮件为双方确认之日。"))
                : .p(
                    .text("请填写下列内容。提交后立即得到查询码和答复期限（一般为收到申请之日起 20 个工作日）。"),
                    .text("书写确有困难的，可以到政务公开办公室当面口头提出，由工作人员代为填写。")),
            Fragments.alert(message ?? (errors.isEmpty ? nil : "有 \(errors.count) 处需要修改，已在下方标出。")),
            .form(
                .method(.post), .action(staff ? Routes.Console.newRequest.path() : Routes.Portal.newRequest.path()),
                .attribute(named: "novalidate", value: "novalidate"),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    .if(
                        staff,
                        .group(
                            Fragments.select(
                                "申请渠道", name: "channel", options: ConsoleRequestsController.channels.map { ($0.rawValue, $0.label) },
                                selected: values["channel"] ?? RequestChannel.letter.rawValue, errors: errors),
                            Fragments.textField(
                                "收到申请日期", name: "receivedOn", value: values["receivedOn"] ?? "", type: .date, errors: errors,
                                hint: "按第三十一条确定的收到日期。"))),
                    .div(
                        .class("trap"), .attribute(named: "aria-hidden", value: "true"),
                        .label(.for(Self.trap), .text("请勿填写此项")),
                        .input(
                            .type(.text), .id(Self.trap), .name(Self.trap), .attribute(named: "tabindex", value: "-1"),
                            .attribute(named: "autocomplete", value: "off"))
                    ),
                    Fragments.select(
                        "申请人类型", name: "applicant.type",
                        options: ApplicantType.allCases.map { ($0.rawValue, $0 == .naturalPerson ? "自然人（个人）" : "法人或其他组织：\($0.label)") },
                        selected: values["applicant.type"] ?? ApplicantType.naturalPerson.rawValue, errors: errors),
                    Fragments.textField(
                        "姓名或单位名称", name: "applicant.name", value: values["applicant.name"] ?? "", errors: errors, autocomplete: "name"),
                    Fragments.textField(
                        "身份证号码或统一社会信用代码", name: "applicant.idNumber", value: values["applicant.idNumber"] ?? "", errors: errors,
                        hint: "个人填写 18 位身份证号码，单位填写 18 位统一社会信用代码。"),
                    Fragments.textField(
                        "联系电话", name: "applicant.phone", value: values["applicant.phone"] ?? "", type: .tel, errors: errors,
                        autocomplete: "tel", required: false),
                    Fragments.textField(
                        "电子邮箱", name: "applicant.email", value: values["applicant.email"] ?? "", type: .email, errors: errors,
                        hint: "电话和邮箱至少填写一项；选择电子邮件送达时必须填写邮箱。", autocomplete: "email", required: false),
                    Fragments.textField(
                        "通信地址", name: "applicant.address", value: values["applicant.address"] ?? "", errors: errors,
                        hint: "选择邮寄送达时必须填写。", autocomplete: "address-line1", required: false),
                    Fragments.textArea(
                        "所需政府信息的名称、文号或其他特征", name: "description", value: values["description"] ?? "", errors: errors,
                        hint: "例如：文件名称、文号、形成的大致时间、涉及的事项，越具体越便于查找。"),
                    Fragments.textArea(
                        "用途（选填）", name: "purpose", value: values["purpose"] ?? "", rows: 3, errors: errors, required: false),
                    Fragments.select(
                        "获取信息的方式", name: "delivery", options: DeliveryMethod.allCases.map { ($0.rawValue, $0.label) }, selected: delivery,
                        errors: errors),
                    .button(.type(.submit), .text(staff ? "登记并生成回执" : "提交申请"))
                )
            ),
            .p(.a(.href(Routes.Portal.trackRequest.path()), .text("已经提交过？按查询码查看办理进度")))
        )
    }
}

/// The receipt (回执) shown at once after an online application.
struct RequestReceiptPage {
    var receipt: RequestsController.Receipt

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .class("receipt"),
            .h1(.text("申请已收到")),
            .div(
                .class("alert alert-success"), .attribute(named: "role", value: "status"),
                .p(.text("您的查询码：")), .p(.class("tracking-code"), .text(receipt.trackingCode)),
                .p(.text("请记下或截图保存查询码，凭它查看办理进度。"))
            ),
            .dl(
                .dt(.text("收到申请日期")), .dd(.text(receipt.receivedOn.chinese)),
                .dt(.text("答复期限")), .dd(.text(receipt.dueOn?.chinese ?? "—")),
                .dt(.text("说明")), .dd(.text(receipt.dueExplanation))
            ),
            .p(.a(.href(attr(Routes.Portal.trackRequest.path() + "?code=" + Routes.encode(receipt.trackingCode))), .text("查看办理进度")))
        )
    }
}

/// Tracking by code: status and due date, never the applicant's particulars.
struct RequestTrackPage {
    var code: String
    var found: RequestsController.Status?
    var message: String?

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .class("track"),
            .h1(.text("依申请公开办理进度查询")),
            .form(
                .method(.get), .action(Routes.Portal.trackRequest.path()),
                .div(
                    Fragments.textField(
                        "查询码", name: "code", value: code, errors: message.map { ["code": $0] } ?? [:],
                        hint: "提交申请时得到的查询码，例如 2026-7KQ3M9XD-P，大小写和短横线可以省略。"),
                    .button(.type(.submit), .text("查询"))
                )
            ),
            .unwrap(found) { s in
                .section(
                    .attribute(named: "aria-label", value: "办理进度"),
                    .dl(
                        .dt(.text("查询码")), .dd(.text(s.trackingCode)),
                        .dt(.text("状态")), .dd(.text(s.statusLabel + (s.outcomeLabel.map { "：\($0)" } ?? ""))),
                        .dt(.text("收到申请日期")), .dd(.text(s.receivedOn.chinese)),
                        .unwrap(s.dueOn) { .group(.dt(.text("答复期限")), .dd(.text($0.chinese))) },
                        .unwrap(s.repliedOn) { .group(.dt(.text("答复日期")), .dd(.text($0.chinese))) },
                        .dt(.text("说明")), .dd(.text(s.dueExplanation))
                    )
                )
            }
        )
    }
}

/// The console's registration form: the public form with the channel and the receipt date.
struct StaffRegistrationPage {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        RequestFormPage(values: values, errors: errors, staff: true).content(chrome)
    }
}
