/// A category of the disclosure catalog (政府信息公开目录). Agencies may add, rename or hide
/// categories; every agency starts from `defaults`, which covers the Art. 20 statutory items
/// and the health-specific columns the seeds name.
public struct CatalogCategory: Hashable, Sendable, Codable {
    /// A stable short code, used in URLs and the API (`policy`, `licensing`, ...).
    public var code: String
    public var name: String
    /// The Art. 20 item (1-15) the category answers, when it answers one.
    public var statutoryItem: Int?
    /// Art. 26: working days between the information being formed or changed and its
    /// publication. 20 by default; 7 for 行政许可 and 行政处罚 results (双公示).
    public var publishWithinWorkdays: Int

    public init(code: String, name: String, statutoryItem: Int? = nil, publishWithinWorkdays: Int = 20) {
        self.code = code
        self.name = name
        self.statutoryItem = statutoryItem
        self.publishWithinWorkdays = publishWithinWorkdays
    }

    public static let defaults: [CatalogCategory] = [
        .init(code: "organization", name: "机构信息", statutoryItem: 2),
        .init(code: "policy", name: "政策文件", statutoryItem: 1),
        .init(code: "interpretation", name: "政策解读"),
        .init(code: "planning", name: "规划计划", statutoryItem: 3),
        .init(code: "statistics", name: "统计信息", statutoryItem: 4),
        .init(code: "finance", name: "财政信息", statutoryItem: 7),
        .init(code: "fees", name: "行政事业性收费", statutoryItem: 8),
        .init(code: "licensing", name: "行政许可", statutoryItem: 5, publishWithinWorkdays: 7),
        .init(code: "penalty", name: "行政处罚", statutoryItem: 6, publishWithinWorkdays: 7),
        .init(code: "random-inspection", name: "双随机一公开", statutoryItem: 13),
        .init(code: "supervision", name: "卫生监督执法", statutoryItem: 13),
        .init(code: "medical-services", name: "医疗服务", statutoryItem: 11),
        .init(code: "disease-control", name: "疾病防控", statutoryItem: 13),
        .init(code: "emergency", name: "突发公共卫生事件", statutoryItem: 12),
        .init(code: "personnel", name: "人事信息", statutoryItem: 14),
        .init(code: "proposals", name: "建议提案办理"),
        .init(code: "public-resources", name: "公共资源配置", statutoryItem: 9),
        .init(code: "procurement", name: "政府采购", statutoryItem: 9),
        .init(code: "major-projects", name: "重大建设项目", statutoryItem: 10),
        .init(code: "participation", name: "公众参与"),
        .init(code: "other", name: "其他", statutoryItem: 15),
    ]
}
