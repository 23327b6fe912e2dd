public import Domain
import Plot

/// A reply letter as a standalone A4 page: the copy kept when it is sent, printed to PDF, and
/// shown to staff. No site chrome: it is a document, not a page of the site.
public enum LetterView {
    public static func render(_ letter: ReplyLetter, agencyName: String) -> String {
        let css = """
            @page { size: A4; margin: 30mm 26mm 28mm 28mm; }
            body { font-family: "FangSong", "STFangsong", "WenQuanYi Micro Hei", "Noto Serif CJK SC", serif; font-size: 16pt;
              line-height: 1.75; color: #000; max-width: 160mm; margin: 2em auto; }
            h1 { font-family: "SimHei", "WenQuanYi Micro Hei", sans-serif; font-size: 22pt; text-align: center; margin: 0 0 .3em; }
            .number { text-align: center; margin: 0 0 1.5em; }
            p { margin: 0; text-indent: 2em; }
            p.addressee { text-indent: 0; }
            p.sign { text-align: right; text-indent: 0; }
            .draft { color: #a00; text-align: center; border: 2px solid #a00; padding: .2em; margin-bottom: 1em; }
            """
        let paragraphs = letter.paragraphs
        // The last two paragraphs are the agency and the date when the template wrote them.
        let signed = paragraphs.count >= 2 && paragraphs[paragraphs.count - 2] == agencyName ? 2 : 0
        var body: [Node<HTML.BodyContext>] = []
        if letter.status == .draft { body.append(.p(.class("draft"), .text("草稿 · 未编号，尚未发出"))) }
        body.append(.h1(.text(letter.title)))
        body.append(.p(.class("number"), .text(letter.number ?? "（发出时编号）")))
        for (i, text) in paragraphs.enumerated() {
            let cls = i == 0 ? "addressee" : (i >= paragraphs.count - signed ? "sign" : "")
            body.append(cls.isEmpty ? .p(.text(text)) : .p(.class(cls), .text(text)))
        }
        let html = HTML(
            .attribute(named: "lang", value: "zh-CN"),
            .head(
                .meta(.charset(.utf8)),
                .element(named: "title", text: "\(letter.title) \(letter.number ?? "")"),
                .element(named: "style", nodes: [.raw(css)])
            ),
            .body(.group(body))
        )
        return html.render()
    }
}
