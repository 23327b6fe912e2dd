import Crypto
import Foundation
import Hummingbird
import NIOCore

/// HTTP done right in front of everything else:
/// - **HEAD** on every GET route: the request is answered as a GET and the body left off, with
///   the headers (the length among them) a GET would have.
/// - **Validators**: a public page (anonymous, no cookie set, not `no-store`) carries an ETag,
///   taken from the page cache when the page came from it and hashed from the body otherwise, and
///   `Cache-Control: public, no-cache` with `Vary: Cookie`: nginx or a CDN may keep it, and must
///   ask again each time, so a withdrawal is never served from a shared cache.
/// - **Conditional GET**: `If-None-Match` naming the current ETag is answered 304 with no body.
struct HTTPSemanticsResponder<Next: HTTPResponder<GongkaiRequestContext>>: HTTPResponder {
    typealias Context = GongkaiRequestContext
    let next: Next

    /// Bodies larger than this are not hashed for an ETag (files set their own).
    static var hashLimit: Int { 2 * 1024 * 1024 }

    func respond(to request: Request, context: Context) async throws -> Response {
        let isHead = request.method == .head
        var forwarded = request
        if isHead {
            var head = request.head
            head.method = .get
            forwarded = Request(head: head, body: request.body)
        }
        var response = try await next.respond(to: forwarded, context: context)
        if forwarded.method == .get, response.status == .ok {
            response = try await Self.validated(response, request: request)
            if let match = request.headers[.ifNoneMatch], let tag = response.headers[.eTag], Self.matches(match, tag) {
                var headers = HTTPFields()
                for name in [HTTPFields.Element.Name.eTag, .cacheControl, .vary, .lastModified, .expires, .contentLocation] {
                    if let value = response.headers[name] { headers[name] = value }
                }
                return Response(status: .notModified, headers: headers, body: .init())
            }
        }
        if isHead {
            // The length a GET would send, and nothing written.
            let length = response.body.contentLength
            response.body = ResponseBody(contentLength: length) { writer in try await writer.finish(nil) }
        }
        return response
    }

    /// The response with an ETag and public caching headers, when it is a public page.
    static func validated(_ response: Response, request: Request) async throws -> Response {
        var response = response
        let cacheControl = response.headers[.cacheControl]
        let isPrivate =
            cacheControl?.contains("no-store") == true || cacheControl?.contains("private") == true
            || response.headers[.setCookie] != nil || request.headers[.authorization] != nil
            || request.cookies[SessionAuthMiddleware.cookieName] != nil
        guard !isPrivate else { return response }
        if cacheControl == nil {
            response.headers[.cacheControl] = "public, no-cache"
            response.headers[.vary] = "Cookie"
        }
        guard response.headers[.eTag] == nil else { return response }
        guard let length = response.body.contentLength, length <= hashLimit else { return response }
        let collector = PageCacheResponder<Next>.Collector()
        try await response.body.write(collector.writer)
        let body = collector.buffer.withLock { $0 }
        response.headers[.eTag] = etag(body)
        response.body = .init(byteBuffer: body)
        return response
    }

    /// A strong validator of these bytes.
    static func etag(_ body: ByteBuffer) -> String {
        "\"" + SHA256.hash(data: body.readableBytesView).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
    }

    /// Whether an `If-None-Match` value names `tag` (weak comparison, as RFC 9110 asks for GET).
    static func matches(_ header: String, _ tag: String) -> Bool {
        if header.trimmingCharacters(in: .whitespaces) == "*" { return true }
        func opaque(_ t: Substring) -> Substring {
            let s = t.trimmingCharacters(in: .whitespaces)
            return Substring(s.hasPrefix("W/") ? String(s.dropFirst(2)) : s)
        }
        let wanted = opaque(Substring(tag))
        return header.split(separator: ",").contains { opaque($0) == wanted }
    }
}
