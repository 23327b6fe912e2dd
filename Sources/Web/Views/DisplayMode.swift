/// The reader's display preference, remembered in a cookie per browser (适老化模式).
import Services

enum DisplayMode: String {
    case standard
    case elderly

    static let cookieName = "gk_display"
}
