import Foundation
import Services

/// A horizontal bar chart drawn on the server as SVG: readable without JavaScript, printable,
/// with the figures written beside each bar and a text alternative for screen readers.
struct BarChart {
    struct Bar {
        var label: String
        var count: Int
    }

    var title: String
    var bars: [Bar]
    /// What shares are taken of (respondents who answered); the longest bar when zero.
    var base: Int

    static let width = 440
    static let labelWidth = 160
    static let rowHeight = 30

    /// The SVG markup (every text escaped).
    var svg: String {
        let top = bars.map(\.count).max() ?? 0
        let scale = max(base, top, 1)
        let barSpace = Self.width - Self.labelWidth - 120
        let height = bars.count * Self.rowHeight + 10
        let summary = bars.map { "\($0.label) \($0.count)" }.joined(separator: "，")
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Self.width) \(height)\" role=\"img\" "
            + "preserveAspectRatio=\"xMinYMin meet\"><title>\(attr(title))：\(attr(summary))</title>"
        for (i, bar) in bars.enumerated() {
            let y = 5 + i * Self.rowHeight
            let length = Int((Double(bar.count) / Double(scale) * Double(barSpace)).rounded())
            let share = base > 0 ? String(format: "%.1f%%", Double(bar.count) * 100 / Double(base)) : ""
            let shown = bar.label.count > 10 ? String(bar.label.prefix(9)) + "…" : bar.label
            out +=
                "<g><title>\(attr(bar.label))：\(bar.count)</title>"
                + "<text x=\"\(Self.labelWidth - 8)\" y=\"\(y + 19)\" text-anchor=\"end\" font-size=\"15\">\(attr(shown))</text>"
                + "<rect x=\"\(Self.labelWidth)\" y=\"\(y + 4)\" width=\"\(max(length, bar.count > 0 ? 2 : 0))\" height=\"20\" fill=\"#1f5fa8\"/>"
                + "<text x=\"\(Self.labelWidth + length + 6)\" y=\"\(y + 19)\" font-size=\"15\">\(bar.count)"
                + (share.isEmpty ? "" : "（\(share)）") + "</text></g>"
        }
        return out + "</svg>"
    }
}
