import Domain
import Foundation
import HummingbirdTesting
import Testing
import Web
import ZIPFoundation

@testable import Services

/// Attachments: formats, metadata stripping, screening of their text, what the public and
/// staff get, and body import.
@Suite struct AttachmentTests {
    static func docx(text: String, author: String) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#
        let entries = [
            ("word/document.xml", #"<w:document \#(w)><w:body><w:p><w:r><w:t>\#(text)</w:t></w:r></w:p></w:body></w:document>"#),
            ("docProps/core.xml", #"<cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:creator>\#(author)</dc:creator></cp:coreProperties>"#),
        ]
        for (path, content) in entries {
            let data = Data(content.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { (position: Int64, size: Int) in data.subdata(in: Int(position)..<(Int(position) + size)) })
        }
        return archive.data!
    }

    static let pdf = Data("%PDF-1.4\n1 0 obj\n<< /Author (Wang Wu) /Producer (WPS) >>\nendobj\ntrailer\n<< /Info 1 0 R >>\n%%EOF\n".utf8)

    @Test(arguments: Harness.kinds) func attachmentsAreScreenedStrippedAndServed(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let t = try await RevisionTests.tokens(client)
            let created = try await client.postJSON(
                "/api/v1/documents", #"{"title":"体检结果公示","body":"详见附件。","category":"政策文件","kind":"policy","writtenOn":"2026-09-18"}"#,
                token: t["drafter"])
            let id = try #require(try created.json()["id"] as? Int)
            // Formats outside the list are refused with the reason; nothing is stored.
            let exe = try await client.postFile(
                "/api/v1/documents/\(id)/attachments", fileName: "a.exe", data: Data([0x4D, 0x5A, 0, 1]), token: t["drafter"])
            #expect(exe.status == .unprocessableContent)
            #expect(exe.errorField == "file")
            let missing = try await client.postJSON("/api/v1/documents/\(id)/attachments", "{}", token: t["drafter"])
            #expect(missing.status == .unprocessableContent || missing.status == .badRequest)
            // A Word file with an ID number, and a PDF whose text we cannot read.
            let word = try await client.postFile(
                "/api/v1/documents/\(id)/attachments", fileName: "名单.docx",
                data: try Self.docx(text: "张三 11010519491231002X", author: "李起草"), token: t["drafter"])
            #expect(word.status == .created, "\(word.text)")
            let wordID = try #require(try word.json()["id"] as? Int)
            #expect((try word.json()["removedMetadata"] as? [String]) == ["作者"])
            #expect(try word.json()["textReadable"] as? Bool == true)
            let pdf = try await client.postFile(
                "/api/v1/documents/\(id)/attachments", fileName: "../../通知.pdf", data: Self.pdf, token: t["drafter"])
            #expect(pdf.status == .created)
            let pdfID = try #require(try pdf.json()["id"] as? Int)
            #expect(try pdf.json()["fileName"] as? String == "通知.pdf")
            // Submission screens the attachments too.
            let submitted = try await client.postJSON("/api/v1/documents/\(id)/submit", "", token: t["drafter"])
            let findings = try #require(try submitted.json()["findings"] as? [[String: Any]])
            #expect(Set(findings.compactMap { $0["kind"] as? String }) == ["id_number", "unreadable_attachment"])
            #expect(findings.allSatisfy { ($0["source"] as? String)?.hasPrefix("attachment:") == true })
            // In review, the attachments are frozen.
            #expect(
                try await client.execute(
                    uri: "/api/v1/documents/\(id)/attachments/\(pdfID)", method: .delete,
                    headers: [.authorization: "Bearer \(t["drafter"]!)"]
                ).status == .conflict)
            for (who, body) in [("reviewer", "{}"), ("office", #"{"confidentialityCleared":true}"#)] {
                #expect(try await client.postJSON("/api/v1/documents/\(id)/approve", body, token: t[who]).status == .ok)
            }
            // Text in an attachment cannot be cut automatically; the reviewer keeps it with a reason after checking.
            for f in findings {
                let fid = try #require(f["id"] as? Int)
                let cut = try await client.postJSON(
                    "/api/v1/documents/\(id)/findings/\(fid)", #"{"resolution":"redacted"}"#, token: t["reviewer"])
                #expect(cut.status == .unprocessableContent)
                let kept = try await client.postJSON(
                    "/api/v1/documents/\(id)/findings/\(fid)", #"{"resolution":"accepted","reason":"已人工核对，为公示所需"}"#, token: t["reviewer"])
                #expect(kept.status == .ok)
            }
            // Accepted findings bring the principal leader in.
            #expect(try await client.postJSON("/api/v1/documents/\(id)/approve", "{}", token: t["leader"]).status == .ok)
            #expect(try await client.postJSON("/api/v1/documents/\(id)/approve", "{}", token: t["leader"]).status == .ok)
            // Not public yet: the download is a 404 like the page.
            #expect(try await client.getPage("/documents/\(id)/attachments/\(pdfID)/a.pdf").status == .notFound)
            let published = try await client.postJSON("/api/v1/documents/\(id)/publish", "", token: t["publisher"])
            #expect(published.status == .ok, "\(published.text)")
            // The public page lists both; downloads are the stripped copies.
            let page = try await client.getPage("/documents/\(id)").text
            #expect(page.contains("名单.docx") && page.contains("通知.pdf"))
            let publicPDF = try await client.getPage("/documents/\(id)/attachments/\(pdfID)/x")
            #expect(publicPDF.status == .ok)
            #expect(publicPDF.headers[.contentType] == "application/pdf")
            #expect(!publicPDF.text.contains("Wang Wu") && publicPDF.text.contains("/Info 1 0 R"))
            let publicWord = try await client.getPage("/documents/\(id)/attachments/\(wordID)/x")
            #expect(publicWord.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            let words = try Archive(data: Data(publicWord.body.readableBytesView), accessMode: .read)
            var core = Data()
            _ = try words.extract(words["docProps/core.xml"]!) { core.append($0) }
            #expect(!String(decoding: core, as: UTF8.self).contains("李起草"))
            // Staff can fetch the original; the public cannot reach it.
            let cookies = try await client.signInWithForm("office")
            let original = try await client.getPage("/console/documents/\(id)/attachments/\(pdfID)", cookies: cookies)
            #expect(original.text.contains("Wang Wu"))
            #expect(try await client.getPage("/console/documents/\(id)/attachments/\(pdfID)").status != .ok)
            // Another document's id in the path does not unlock it.
            #expect(try await client.getPage("/documents/1/attachments/\(pdfID)/x").status == .notFound)
            // The static export carries the stripped copy at the same path.
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gk-static-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: dir) }
            _ = try await StaticSite.publish(h.env, to: dir, siteOrigin: "https://gk.example.org", serverOrigin: "")
            let exported = try Data(contentsOf: URL(fileURLWithPath: dir + "/documents/\(id)/attachments/\(pdfID)/通知.pdf"))
            #expect(!String(decoding: exported, as: UTF8.self).contains("Wang Wu"))
        }
    }

    @Test(arguments: Harness.kinds) func importFillsTheForm(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let drafter = try await client.token("drafter")
            let html = Data("<h1>关于举办健康讲座的通知</h1><p>时间：周六上午</p><ul><li>带好身份证</li></ul>".utf8)
            let r = try await client.postFile("/api/v1/imports", fileName: "n.html", data: html, token: drafter)
            #expect(r.status == .ok, "\(r.text)")
            #expect(try r.json()["title"] as? String == "关于举办健康讲座的通知")
            #expect(try r.json()["body"] as? String == "时间：周六上午\n- 带好身份证")
            let bad = try await client.postFile("/api/v1/imports", fileName: "n.pdf", data: Self.pdf, token: drafter)
            #expect(bad.status == .unprocessableContent)
            // The console form comes back filled, nothing saved.
            let cookies = try await client.signInWithForm("drafter")
            let csrf = try await client.csrfToken(on: "/console/documents/new", cookies: cookies)
            let form = try await client.postFile(
                "/console/documents/import", fileName: "n.html", data: html, fields: [("_csrf", csrf)], cookies: cookies)
            #expect(form.status == .ok, "\(form.text)")
            #expect(form.text.contains("关于举办健康讲座的通知") && form.text.contains("- 带好身份证"))
        }
    }
}
