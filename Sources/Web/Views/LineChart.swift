import Foundation
import Services

/// A monthly trend of a rate (0-100 %) drawn on the server as SVG, like `BarChart`: no script,
/// printable, the figures in a `<title>` for screen readers and a table beside it. Months
/// without cases leave a gap in the line and a hollow mark on the axis.
struct LineChart {
    struct Point {
        var label: String
        /// 0...1, or nil when the month had no cases.
        var value: Double?
        var detail: String
    }

    var title: String
    var points: [Point]
    /// A target line (e.g. 0.9), drawn dashed.
    var goal: Double?

    static let width = 440
    static let height = 200
    static let left = 44
    static let bottom = 28
    static let top = 10

    var svg: String {
        let plotWidth = Double(Self.width - Self.left - 12)
        let plotHeight = Double(Self.height - Self.bottom - Self.top)
        let step = points.count > 1 ? plotWidth / Double(points.count - 1) : 0
        func x(_ i: Int) -> Double { Double(Self.left) + (points.count > 1 ? Double(i) * step : plotWidth / 2) }
        func y(_ v: Double) -> Double { Double(Self.top) + (1 - v) * plotHeight }
        func f(_ d: Double) -> String { String(format: "%.1f", d) }
        let summary = points.map { "\($0.label) \($0.detail)" }.joined(separator: "，")
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart line-chart\" viewBox=\"0 0 \(Self.width) \(Self.height)\" role=\"img\" "
            + "preserveAspectRatio=\"xMinYMin meet\"><title>\(attr(title))：\(attr(summary))</title>"
        for v in [0.0, 0.5, 1.0] {
            out +=
                "<line x1=\"\(Self.left)\" x2=\"\(Self.width - 12)\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>"
                + "<text x=\"\(Self.left - 6)\" y=\"\(f(y(v) + 5))\" text-anchor=\"end\" font-size=\"13\">\(Int(v * 100))%</text>"
        }
        if let goal {
            out +=
                "<line x1=\"\(Self.left)\" x2=\"\(Self.width - 12)\" y1=\"\(f(y(goal)))\" y2=\"\(f(y(goal)))\" stroke=\"#4a4a4a\" "
                + "stroke-width=\"1.5\" stroke-dasharray=\"6 4\"><title>目标 \(Int(goal * 100))%</title></line>"
        }
        // The line, broken where a month has no cases.
        var run: [String] = []
        func flush() {
            if run.count > 1 {
                out += "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2.5\" points=\"\(run.joined(separator: " "))\"/>"
            }
            run = []
        }
        for (i, p) in points.enumerated() {
            if let v = p.value { run.append("\(f(x(i))),\(f(y(v)))") } else { flush() }
        }
        flush()
        let labelEvery = max(1, (points.count + 5) / 6)
        for (i, p) in points.enumerated() {
            if let v = p.value {
                out +=
                    "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"4\" fill=\"#1f5fa8\"><title>\(attr(p.label))：\(attr(p.detail))</title></circle>"
            } else {
                out +=
                    "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(0)))\" r=\"3\" fill=\"#fff\" stroke=\"#767676\"><title>\(attr(p.label))：无数据</title></circle>"
            }
            if i % labelEvery == 0 || i == points.count - 1 {
                out += "<text x=\"\(f(x(i)))\" y=\"\(Self.height - 8)\" text-anchor=\"middle\" font-size=\"13\">\(attr(p.label))</text>"
            }
        }
        return out + "</svg>"
    }
}
