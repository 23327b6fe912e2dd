import Foundation
import Hummingbird
import Prometheus
import Services

/// Health, metrics and the API description.
struct SystemController: Sendable {
    let env: WebEnvironment

    func register(on router: Router<GongkaiRequestContext>) {
        router.get(Routes.Portal.healthz, use: health)
        router.get(Routes.Portal.metrics, use: metrics)
        router.get(Routes.API.openAPIDocument, use: openAPI)
    }

    @Sendable func health(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let up = await env.database.isReachable()
        let body = #"{"status":"\#(up ? "ok" : "unavailable")","database":"\#(env.database.kind)"}"#
        return Response(
            status: up ? .ok : .serviceUnavailable,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    @Sendable func metrics(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: env.metrics.emitToBuffer())))
    }

    @Sendable func openAPI(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: APIDescription.json)))
    }
}
