import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `users` operations.
    static var usersPaths: [PathEntry] {
        [
            path(
                Routes.API.users, (.get, op("本机关账号（系统管理员）", tag: "users", responses: [.json(200, "账号列表", UsersController.UserList.self)])),
                (
                    .post,
                    op(
                        "新建账号（系统管理员）", tag: "users",
                        body: .json(
                            .object(properties: [
                                "departmentID": .integer(required: false), "displayName": .string, "password": .string,
                                "roles": .list(.component("Role")), "username": .string,
                            ])), responses: [.json(201, "已创建", UsersController.UserDTO.self), .error(409, "用户名已被占用")])
                )),
            path(
                Routes.API.userRoles,
                (
                    .post,
                    op(
                        "更换账号角色（系统管理员；该账号的会话随即失效）", tag: "users", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["roles": .list(.component("Role"))])),
                        responses: [.json(200, "已更换", UsersController.UserDTO.self), .error(404, "账号不存在"), .error(409, "不能撤销自己的管理员角色")])
                )),
        ]
    }
}
