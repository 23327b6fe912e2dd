/// The reader's display preference, remembered in a cookie per browser (适老化模式).
import Services

enum DisplayMode: String {
    case standard
    case elderly
    /// 纯文本: no pictures, no colours, only the text and its links; kept apart from the
    /// standard/elderly choice (`textCookieName`), so the two combine.
    case text
    case graphic

    static let cookieName = "gk_display"
    static let textCookieName = "gk_text"
}
