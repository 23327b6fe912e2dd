import Foundation

/// An agency's own site on the shared installation (集约化平台): the host name its portal answers
/// on, the title in its header and its accent colour. Everything is optional: an agency without
/// a host is reached through the installation's main portal.
public struct AgencySite: Hashable, Sendable, Codable {
    /// Lower-case host name without port (`wjw.example.gov.cn`), or nil.
    public var host: String?
    /// The site's name in the header; empty means the agency's name.
    public var title: String
    /// `#rrggbb` for the header, footer rule and headings; empty means the default red.
    public var color: String
    /// The filings and marks the footer shows (see `SiteRegistration`).
    public var registration: SiteRegistration
    /// The header's main navigation; empty means the usual shape (首页 / 机构概况 / 政务公开 /
    /// 政务服务 / 互动交流).
    public var navigation: [SiteLink]
    /// The masthead's emblem (`SiteEmblem.tag`), or empty.
    public var emblem: String

    public init(
        host: String? = nil, title: String = "", color: String = "", registration: SiteRegistration = SiteRegistration(),
        navigation: [SiteLink] = [], emblem: String = ""
    ) {
        self.emblem = emblem
        self.host = host
        self.title = title
        self.color = color
        self.registration = registration
        self.navigation = navigation
    }

    /// The default accent (#8c1c13, white on it 9.2:1).
    public static let defaultColor = "#8c1c13"

    /// Checks and normalises the three fields; errors name the field.
    public static func make(host: String, title: String, color: String) throws(DomainError) -> AgencySite {
        let t = title.trimmingCharacters(in: .whitespaces)
        if t.count > 60 { throw .invalid("title", "网站名称不超过 60 个字") }
        return AgencySite(host: try normalizedHost(host), title: t, color: try normalizedColor(color))
    }

    /// A DNS host name (letters, digits, hyphens, dots; labels of 1-63 characters), lower-cased,
    /// without scheme, port or path. Empty gives nil.
    public static func normalizedHost(_ text: String) throws(DomainError) -> String? {
        let h = text.trimmingCharacters(in: .whitespaces).lowercased()
        if h.isEmpty { return nil }
        let labels = h.split(separator: ".", omittingEmptySubsequences: false)
        let valid =
            h.count <= 253 && labels.count >= 2
            && labels.allSatisfy { label in
                (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                    && label.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            }
        if !valid { throw .invalid("host", "域名格式不正确（如 wjw.example.gov.cn，不含 http:// 和端口）") }
        return h
    }

    /// `#rrggbb`, lower-cased, dark enough that white header text on it reads at 4.5:1 or
    /// better (WCAG 2.1 AA). Empty stays empty.
    public static func normalizedColor(_ text: String) throws(DomainError) -> String {
        let c = text.trimmingCharacters(in: .whitespaces).lowercased()
        if c.isEmpty { return "" }
        guard c.count == 7, c.first == "#", let value = UInt32(c.dropFirst(), radix: 16) else {
            throw .invalid("color", "颜色应为 #rrggbb 形式，如 #0b4f9c")
        }
        let ratio = contrastWithWhite(value)
        if ratio < 4.5 {
            throw .invalid(
                "color", "该颜色上的白色文字对比度为 \(String(format: "%.1f", ratio)):1，低于无障碍要求的 4.5:1，请选用更深的颜色")
        }
        return c
    }

    /// WCAG 2.1 contrast ratio of white against an sRGB colour `0xRRGGBB`.
    public static func contrastWithWhite(_ rgb: UInt32) -> Double {
        func channel(_ shift: UInt32) -> Double {
            let v = Double((rgb >> shift) & 0xff) / 255
            return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
        return 1.05 / (luminance + 0.05)
    }
}
