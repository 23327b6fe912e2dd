import Domain
import Foundation
import Hummingbird
import Logging
import Plot
import Services

/// The one place where errors become responses. The JSON API answers
/// `{"error": {"code", "message"}}`; pages answer with the site frame and a message; a signed-out
/// visitor to the console is sent to the login form. Anything unexpected is a bug: it is logged
/// in full and answered 500 without detail.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = GongkaiRequestContext
    let renderer: PageRenderer

    struct Mapped {
        var status: HTTPResponse.Status
        var code: String
        var message: String
        var field: String?
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let mapped = Self.map(error, limit: context.maxUploadSize)
            if mapped.status == .internalServerError {
                context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            }
            if request.uri.path.hasPrefix("/api/") {
                return Self.json(mapped)
            }
            if mapped.status == .unauthorized, request.method == .get {
                // A session cookie that no longer signs anyone in: idle too long, or ended elsewhere.
                let ended = request.cookies[SessionAuthMiddleware.cookieName] != nil ? "&ended=1" : ""
                return .redirect(to: Routes.Portal.login(next: request.uri.description) + ended, type: .normal)
            }
            do {
                return try await renderer.respond(
                    Self.title(mapped.status), area: context.identity == nil ? .portal : .console,
                    request: request, context: context, status: mapped.status
                ) { _ in
                    .div(
                        .h1(.text(Self.title(mapped.status))),
                        .div(.class("alert"), .attribute(named: "role", value: "alert"), .p(.text(mapped.message))),
                        .p(.a(.href(Routes.Portal.home.path()), .text("返回首页")))
                    )
                }
            } catch {
                return PageRenderer.html(
                    "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>出错了</title><p>\(attr(mapped.message))</p>",
                    status: mapped.status)
            }
        }
    }

    static func title(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400, 422: "提交的内容有误"
        case 401: "请先登录"
        case 403: "无权访问"
        case 404: "页面不存在"
        case 409: "操作冲突"
        case 413: "内容过大"
        case 423: "账号已锁定"
        case 500...: "系统暂时无法处理"
        default: "请求未能完成"
        }
    }

    static func map(_ error: any Error, limit: Int) -> Mapped {
        switch error {
        case let e as DomainError:
            let status: HTTPResponse.Status =
                switch e {
                case .invalid: .unprocessableContent
                case .notFound: .notFound
                case .forbidden: .forbidden
                case .unauthenticated: .unauthorized
                case .locked: .init(code: 423, reasonPhrase: "Locked")
                case .conflict: .conflict
                }
            return Mapped(status: status, code: e.code, message: e.message, field: e.field)
        case let e as APIFailure:
            return Mapped(status: e.status, code: e.code, message: e.message)
        case let e as ServiceFailure:
            let status: HTTPResponse.Status =
                switch e.kind {
                case .unprocessable: .unprocessableContent
                case .unavailable: .serviceUnavailable
                }
            return Mapped(status: status, code: e.code, message: e.message)
        case let e as any HTTPResponseError where e.status == .contentTooLarge:
            // NIO's "too many bytes" while collecting a body arrives here.
            return Mapped(status: .contentTooLarge, code: "body_too_large", message: "请求内容超过 \(limit / 1024 / 1024) MB 上限")
        case let e as any HTTPResponseError:
            return Mapped(status: e.status, code: code(for: e.status), message: message(for: e.status))
        default:
            return Mapped(status: .internalServerError, code: "internal", message: "服务器内部错误，已记录，请稍后再试")
        }
    }

    static func code(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "bad_request"
        case 401: "unauthenticated"
        case 403: "forbidden"
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 413: "body_too_large"
        default: "http_\(status.code)"
        }
    }

    static func message(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "请求格式有误"
        case 401: "请先登录"
        case 403: "无权执行此操作"
        case 404: "未找到请求的页面或接口"
        case 405: "不支持该请求方法"
        case 413: "请求内容过大"
        default: "请求未能完成（\(status.code)）"
        }
    }

    static func json(_ m: Mapped) -> Response {
        struct Body: Encodable {
            struct Detail: Encodable { var code: String, message: String, field: String? }
            var error: Detail
        }
        let data = (try? JSONEncoder().encode(Body(error: .init(code: m.code, message: m.message, field: m.field)))) ?? Data()
        return Response(
            status: m.status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
