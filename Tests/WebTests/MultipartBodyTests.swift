import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Services
@testable import Web

@Suite struct MultipartBodyTests {
    static func parts(_ text: String, boundary: String = "xYz") throws -> [MultipartBody.Part] {
        try MultipartBody.parts(Array(text.utf8), boundary: boundary)
    }

    @Test func fieldsFilesAndUTF8FileNames() throws {
        let body =
            "preamble\r\n--xYz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n关于\r\n托育\r\n"
            + "--xYz\r\ncontent-disposition: form-data; name=\"file\"; filename=\"公开指南.docx\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            + "--xY not the boundary\r\n--xYz--\r\nepilogue"
        let parts = try Self.parts(body)
        #expect(parts.count == 2)
        #expect(String(decoding: parts[0].body, as: UTF8.self) == "关于\r\n托育")
        #expect(parts[1].header("content-disposition") == "form-data; name=\"file\"; filename=\"公开指南.docx\"")
        #expect(parts[1].header("content-type") == "application/octet-stream")
        #expect(String(decoding: parts[1].body, as: UTF8.self) == "--xY not the boundary")
        // An empty part and a form that starts with the delimiter.
        #expect(try Self.parts("--xYz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\r\n--xYz--").first?.body.isEmpty == true)
    }

    @Test func malformedBodiesAreRefused() {
        let bad = [
            "--xYz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno closing delimiter",
            "--xYz\r\n\u{C3}h: x\r\n\r\nv\r\n--xYz--",  // a header name byte above 0x7F stopped MultipartKit's server
            "--xYz\r\nno colon here\r\n\r\nv\r\n--xYz--",
            "--xYz\r\n: empty name\r\n\r\nv\r\n--xYz--",
            "--xYz\r\nContent-Disposition: form-data; name=\"a\"",
            "nothing but a preamble",
            "--xYzjunk",
        ]
        for text in bad {
            #expect(throws: MultipartBody.Malformed.self, "\(text.debugDescription)") { try Self.parts(text) }
        }
        var raw = Array("--xYz\r\n".utf8) + [0xF2, 0x95, 0x91, 0xAA] + Array(": v\r\n\r\nbody\r\n--xYz--".utf8)
        #expect(throws: MultipartBody.Malformed.self) { try MultipartBody.parts(raw, boundary: "xYz") }
        raw = Array(("--xYz\r\n" + String(repeating: "A: b\r\n", count: 21) + "\r\nv\r\n--xYz--").utf8)
        #expect(throws: MultipartBody.Malformed.self) { try MultipartBody.parts(raw, boundary: "xYz") }
    }

    /// The request schemathesis sent that stopped the server: now a 400, and the server answers on.
    @Test(arguments: Harness.kinds) func theFuzzersUploadIsA400(_ kind: String) async throws {
        let h = try await Harness.make(kind)
        try await h.run { client in
            let token = try await client.token("drafter")
            var body = ByteBuffer(string: "--25525e\r\n")
            body.writeBytes([0xC2, 0xB3, 0xF2, 0x95, 0x91, 0xAA, 0xC2, 0x8D, 0x4D])
            body.writeString("--25525e--\r\n")
            let r = try await client.execute(
                uri: "/api/v1/documents/1/attachments", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=25525e", .authorization: "Bearer \(token)"], body: body)
            #expect(r.status == .badRequest)
            #expect(String(buffer: r.body).contains("bad_request"))
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
    }
}
