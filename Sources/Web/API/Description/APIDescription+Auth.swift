import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `auth` operations.
    static var authPaths: [PathEntry] {
        [
            path(
                Routes.API.authLogin,
                (
                    .post,
                    op(
                        "登录，取得访问令牌", tag: "auth", secured: false,
                        body: .json(.object(properties: ["password": .string, "username": .string])),
                        responses: [
                            .json(200, "令牌", AuthController.TokenResponse.self), .error(423, "账号已锁定 15 分钟"),
                            .error(429, "本地址登录失败次数过多（10 分钟内 20 次），请稍后再试"),
                        ])
                )),
            path(Routes.API.authLogout, (.post, op("吊销当前令牌", tag: "auth", responses: [.empty(204, "已吊销")]))),
            path(Routes.API.me, (.get, op("当前账号", tag: "auth", responses: [.json(200, "账号、机关与角色", AuthController.MeResponse.self)]))),
        ]
    }
}
