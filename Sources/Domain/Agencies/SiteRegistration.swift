/// What the inspection of government websites looks for at the foot of every page (《政府网站
/// 发展指引》国办发〔2017〕47号 and its 网页设计规范): who runs the site, its 网站标识码, the ICP
/// filing, the public-security filing with its link, and the 党政机关网站开办单位标识 with its
/// certificate link. Each is the agency's own, entered once in its site settings.
public struct SiteRegistration: Hashable, Sendable, Codable {
    /// 主办单位 (by default the agency itself).
    public var sponsor: String
    /// 网站标识码, issued with the national government website directory (e.g. `3700000001`).
    public var siteCode: String
    /// ICP备案编号 (e.g. `鲁ICP备12345678号-1`), linked to the MIIT filing system.
    public var icp: String
    /// 公安机关备案号 (e.g. `鲁公网安备 37010202000001号`).
    public var psb: String
    /// Its page on the public-security filing site.
    public var psbLink: String
    /// The 党政机关网站开办单位标识 image (issued by the CONAC, `https://dcs.conac.cn/…`).
    public var conacImage: String
    /// Its certificate page.
    public var conacLink: String

    public init(
        sponsor: String = "", siteCode: String = "", icp: String = "", psb: String = "", psbLink: String = "", conacImage: String = "",
        conacLink: String = ""
    ) {
        self.sponsor = sponsor
        self.siteCode = siteCode
        self.icp = icp
        self.psb = psb
        self.psbLink = psbLink
        self.conacImage = conacImage
        self.conacLink = conacLink
    }

    /// Every field may be missing from what is stored (an older or partial record): it is empty then.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func field(_ key: CodingKeys) throws -> String { try c.decodeIfPresent(String.self, forKey: key) ?? "" }
        self.init(
            sponsor: try field(.sponsor), siteCode: try field(.siteCode), icp: try field(.icp), psb: try field(.psb),
            psbLink: try field(.psbLink), conacImage: try field(.conacImage), conacLink: try field(.conacLink))
    }

    /// The MIIT filing system the ICP number links to.
    public static let icpLink = "https://beian.miit.gov.cn/"

    /// Checks and trims every field; errors name the field.
    public func checked() throws(DomainError) -> SiteRegistration {
        func text(_ value: String, _ field: String, _ label: String, limit: Int) throws(DomainError) -> String {
            let t = value.trimmingCharacters(in: .whitespaces)
            if t.count > limit { throw .invalid(field, "\(label)不超过 \(limit) 个字") }
            return t
        }
        func link(_ value: String, _ field: String, _ label: String) throws(DomainError) -> String {
            let t = value.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return t }
            guard t.count <= 300, t.hasPrefix("https://") || t.hasPrefix("http://"), !t.contains(" "), !t.contains("\"") else {
                throw .invalid(field, "\(label)应为 http:// 或 https:// 开头的网址")
            }
            return t
        }
        let code = try text(siteCode, "siteCode", "网站标识码", limit: 20)
        if !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            throw .invalid("siteCode", "网站标识码只含字母和数字（如 3700000001）")
        }
        return SiteRegistration(
            sponsor: try text(sponsor, "sponsor", "主办单位", limit: 60), siteCode: code, icp: try text(icp, "icp", "ICP备案编号", limit: 40),
            psb: try text(psb, "psb", "公安机关备案号", limit: 40), psbLink: try link(psbLink, "psbLink", "公安机关备案链接"),
            conacImage: try link(conacImage, "conacImage", "党政机关网站标识图片"), conacLink: try link(conacLink, "conacLink", "党政机关网站标识证书链接"))
    }
}
