/// Escapes text for an HTML attribute value. Plot escapes text nodes but writes attribute values
import Services

/// as given, so every value that can carry user input goes through here.
func attr(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for ch in text {
        switch ch {
        case "&": out += "&amp;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        default: out.append(ch)
        }
    }
    return out
}
