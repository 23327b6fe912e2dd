import Domain
import Plot
import Services

/// The staff sign-in form (工作人员登录).
struct LoginPage {
    var username = ""
    var next = ""
    var policy = LoginPolicy.standard
    var message: String?

    /// What the form tells staff about the lock and the idle limit, in this installation's figures.
    var hint: String {
        let idle = policy.idleSeconds >= 60 ? "\(Int(policy.idleSeconds / 60)) 分钟" : "\(Int(policy.idleSeconds)) 秒"
        return "连续输错 \(policy.maxFailures) 次密码，账号将锁定 \(Int(policy.lockSeconds / 60)) 分钟。\(idle)无操作将自动退出。"
    }

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .class("login"),
            .h1(.text("工作人员登录")),
            Fragments.alert(message),
            .form(
                .method(.post), .action(Routes.Portal.login.path()),
                .div(
                    Fragments.csrfField(chrome.csrf),
                    .input(.type(.hidden), .name("next"), .value(attr(next))),
                    Fragments.textField("用户名", name: "username", value: username, autocomplete: "username"),
                    Fragments.textField("密码", name: "password", type: .password, autocomplete: "current-password"),
                    .p(.class("hint"), .text(hint)),
                    .button(.type(.submit), .text("登录"))
                )
            )
        )
    }
}
