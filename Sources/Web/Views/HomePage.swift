import Domain
import Plot

/// The portal's home page: the newest published documents and the 公开指南 contact block
/// (Art. 12: the office's name, address, hours, phone, fax and e-mail).
struct HomePage {
    var agency: Agency?
    var documents: [PublishedDocument]

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .div(
            .h1(.text(agency.map { "\($0.name)政府信息公开" } ?? "政府信息公开")),
            .section(
                .attribute(named: "aria-labelledby", value: "latest"),
                .h2(.id("latest"), .text("最新公开")),
                documents.isEmpty
                    ? .p(.class("empty"), .text("暂无公开文件。"))
                    : .ul(
                        .class("doc-list"),
                        .forEach(documents) { doc in
                            .li(
                                .a(.href(SiteRoute.document(doc.id).path), .text(doc.title)),
                                .span(
                                    .class("doc-meta"),
                                    .text(
                                        [doc.documentNumber, doc.publishedOn.description].filter { !$0.isEmpty }.joined(separator: " · ")))
                            )
                        })
            ),
            .unwrap(agency) { agency in Self.guide(agency) }
        )
    }

    static func guide(_ agency: Agency) -> Node<HTML.BodyContext> {
        let c = agency.contact
        let rows: [(String, String)] = [
            ("公开工作机构", c.office), ("办公地址", c.address), ("办公时间", c.officeHours), ("咨询电话", c.phone), ("传真", c.fax),
            ("电子邮箱", c.email),
        ].filter { !$0.1.isEmpty }
        return .section(
            .attribute(named: "aria-labelledby", value: "guide"),
            .h2(.id("guide"), .text("政府信息公开指南")),
            .p(.text("公民、法人或者其他组织可以向本机关申请获取政府信息。申请、咨询可通过以下方式联系：")),
            rows.isEmpty
                ? .p(.class("empty"), .text("联系方式尚未填写。"))
                : .dl(.class("guide"), .forEach(rows) { row in .group(.dt(.text(row.0)), .dd(.text(row.1))) })
        )
    }
}

/// One published document with its catalog metadata.
struct DocumentPage {
    var document: PublishedDocument
    var agency: Agency?

    func content(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        let d = document
        return .article(
            .h1(.text(d.title)),
            .table(
                .class("doc-info"),
                .caption(.text("文件信息")),
                .tbody(
                    .tr(.th(.text("发布机关")), .td(.text(agency?.name ?? ""))),
                    .tr(.th(.text("文号")), .td(.text(d.documentNumber.isEmpty ? "无" : d.documentNumber))),
                    .tr(.th(.text("成文日期")), .td(.text(d.writtenOn.chinese))),
                    .tr(.th(.text("发布日期")), .td(.text(d.publishedOn.chinese)))
                )
            ),
            .div(
                .class("doc-body"),
                .forEach(d.body.split(separator: "\n", omittingEmptySubsequences: true)) { para in .p(.text(String(para))) })
        )
    }
}
