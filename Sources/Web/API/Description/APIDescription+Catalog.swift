import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `catalog` operations.
    static var catalogPaths: [PathEntry] {
        [
            path(
                Routes.API.catalogSettings,
                (
                    .get,
                    op(
                        "本机关的目录与审核设置（审核链、按分类的审核链、自设分类、公开时限、索引号规则、每级审核时限）及生效的分类表", tag: "catalog",
                        responses: [.json(200, "设置", CatalogSettingsController.Body.self)])
                ),
                (
                    .put,
                    op(
                        "替换本机关的目录与审核设置（政务公开办公室）；审核链须含每次都经过的保密审查层级", tag: "catalog", body: .json(.component("CatalogSettings")),
                        responses: [.json(200, "已保存", CatalogSettingsController.Body.self), .error(422, "设置无效")])
                ))
        ]
    }
}
