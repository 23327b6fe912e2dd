import Plot

/// The staff sign-in form (工作人员登录).
struct LoginPage {
    var username = ""
    var next = ""
    var message: String?

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .class("login"),
            .h1(.text("工作人员登录")),
            Fragments.alert(message),
            .form(
                .method(.post), .action("/login"),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    .input(.type(.hidden), .name("next"), .value(attr(next))),
                    Fragments.textField("用户名", name: "username", value: username, autocomplete: "username"),
                    Fragments.textField("密码", name: "password", type: .password, autocomplete: "current-password"),
                    .p(.class("hint"), .text("连续输错 5 次密码，账号将锁定 15 分钟。30 分钟无操作将自动退出。")),
                    .button(.type(.submit), .text("登录"))
                )
            )
        )
    }
}
