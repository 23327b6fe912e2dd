import Domain
import Plot
import Services

extension Fragments {
    /// A document body in HTML: headings under the page's title, lists, and tables with a
    /// header row where the drafter marked one. All text is escaped.
    static func richText(_ body: String) -> Node<HTML.BodyContext> {
        .div(
            .class("doc-body"),
            .forEach(RichText.parse(body)) { block -> Node<HTML.BodyContext> in
                switch block {
                case .heading(let level, let text):
                    switch level {
                    case 1: return .h2(.text(text))
                    case 2: return .h3(.text(text))
                    default: return .h4(.text(text))
                    }
                case .paragraph(let text): return .p(.text(text))
                case .list(let ordered, let items):
                    let lis = items.map { item -> Node<HTML.ListContext> in .li(.text(item)) }
                    return ordered ? .ol(.group(lis)) : .ul(.group(lis))
                case .table(let header, let rows):
                    let head = header ? rows.first : nil
                    let bodyRows = header ? Array(rows.dropFirst()) : rows
                    return .div(
                        .class("table-wrap"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                        .attribute(named: "aria-label", value: "表格，可左右滚动"),
                        .table(
                            .unwrap(head) { cells in .thead(.tr(.forEach(cells) { .th(.text($0)) })) },
                            .tbody(.forEach(bodyRows) { cells in .tr(.forEach(cells) { .td(.text($0)) }) })
                        ))
                }
            })
    }
}
