import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `agencies` operations.
    static var agenciesPaths: [PathEntry] {
        [
            path(
                Routes.API.agencySite,
                (.get, op("本机关在集约化平台上的网站：域名、名称和主色", tag: "agencies", responses: [.json(200, "网站设置", AgencySiteController.Body.self)])),
                (
                    .put,
                    op(
                        "设置本机关的网站（系统管理员）：访问该域名即进入本机关的门户", tag: "agencies",
                        body: .json(
                            .object(properties: [
                                "color": .string(required: false, description: "#rrggbb；白色文字对比度须不低于 4.5:1；空则用默认色"),
                                "host": .string(required: false, description: "域名，如 cdc.example.gov.cn；空则不设"),
                                "title": .string(required: false, description: "页眉名称；空则用机关名称"),
                                "registration": .ref(SiteRegistration.self, required: false),
                                "navigation": .list(.ref(SiteLink.self), required: false),
                            ])),
                        responses: [.json(200, "已保存", AgencySiteController.Body.self), .error(409, "域名已由其他机关使用"), .error(422, "域名或颜色无效")])
                ))
        ]
    }
}
