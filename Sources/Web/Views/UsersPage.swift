import Domain
import Plot
import Services

/// The system administrator's account list with the forms to create, unlock and reset.
struct UsersPage {
    struct Form {
        var username = ""
        var displayName = ""
        var roles: Set<String> = []
        var department = ""
    }

    var form = Form()
    var errors: [String: String] = [:]
    var message: String?
    var users: [StaffUser] = []
    var departments: [Department] = []
    var now: Double = 0

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text("账号管理")),
            Fragments.alert(message, kind: "ok"),
            Fragments.alert(errors.isEmpty ? nil : "请修改标出的问题后重新提交。"),
            .table(
                .caption(.text("本机关账号")),
                .thead(.tr(.th(.text("用户名")), .th(.text("姓名")), .th(.text("科室")), .th(.text("角色")), .th(.text("状态")), .th(.text("操作")))),
                .tbody(.forEach(users) { user in row(user, chrome: chrome) })
            ),
            .h2(.text("新建账号")),
            .form(
                .method(.post), .action(Routes.Console.users.path()),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    Fragments.textField("用户名", name: "username", value: form.username, errors: errors, hint: "3-32 位字母、数字、点、下划线或连字符"),
                    Fragments.textField("姓名", name: "displayName", value: form.displayName, errors: errors),
                    Fragments.textField(
                        "初始密码", name: "password", type: .password, errors: errors,
                        hint: "至少 8 位，包含大写字母、小写字母、数字、特殊字符中的至少三类", autocomplete: "new-password"),
                    .fieldset(
                        .element(named: "legend", nodes: [.text("角色")]),
                        .p(.class("hint"), .text("系统管理员、安全审计员不能兼任其他角色（三员分立）。")),
                        Fragments.fieldError(errors, "role"),
                        .div(
                            .forEach(Role.allCases) { role in
                                .label(
                                    .class("choice"),
                                    .input(
                                        .type(.checkbox), .name("roles"), .value(role.rawValue),
                                        .checked(form.roles.contains(role.rawValue))),
                                    .text(" \(role.label)")
                                )
                            })
                    ),
                    .fieldset(
                        .element(named: "legend", nodes: [.text("科室")]),
                        Fragments.fieldError(errors, "department"),
                        .div(
                            .label(
                                .class("choice"), .input(.type(.radio), .name("department"), .value(""), .checked(form.department.isEmpty)),
                                .text(" 不指定")),
                            .forEach(departments) { d in
                                .label(
                                    .class("choice"),
                                    .input(
                                        .type(.radio), .name("department"), .value(String(d.id)), .checked(form.department == String(d.id))),
                                    .text(" \(d.name)")
                                )
                            }
                        )
                    ),
                    .button(.type(.submit), .text("创建账号"))
                )
            )
        )
    }

    private func row(_ user: StaffUser, chrome: PageChrome) -> Node<HTML.TableContext> {
        let locked = user.isLocked(at: now)
        let department = departments.first { $0.id == user.departmentID }?.name ?? ""
        let passwordField = "password-\(user.id)"
        return .tr(
            .td(.text(user.username)), .td(.text(user.displayName)), .td(.text(department)),
            .td(.text(user.roles.sorted().map(\.label).joined(separator: "、"))),
            .td(.text(locked ? "已锁定" : (user.disabled ? "已停用" : "正常"))),
            .td(
                .if(
                    locked,
                    .form(
                        .method(.post), .action(Routes.Console.userUnlock.path(user.id)), .class("inline"),
                        .div(Fragments.csrfField(chrome.csrf), .button(.type(.submit), .class("secondary"), .text("解锁 \(user.username)")))
                    )),
                .form(
                    .method(.post), .action(Routes.Console.userPassword.path(user.id)),
                    .div(
                        Fragments.csrfField(chrome.csrf),
                        Fragments.textField(
                            "\(user.username) 的新密码", name: passwordField, type: .password, errors: errors,
                            autocomplete: "new-password"),
                        .button(.type(.submit), .class("secondary"), .text("重置密码"))
                    )
                )
            )
        )
    }
}
