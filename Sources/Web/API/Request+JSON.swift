import Domain
import Foundation
import Hummingbird
import Services

extension Request {
    /// Decodes a JSON body, turning every decoding problem into a 4xx with a Chinese message
    /// that names the offending field.
    func decodeJSON<T: Decodable>(_ type: T.Type, context: GongkaiRequestContext) async throws -> T {
        var request = self
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { throw APIFailure.badJSON("请求体为空，需要 JSON 对象") }
        let data = Data(buffer.readableBytesView)
        if APIFailure.hasNulEscape(data) { throw APIFailure.nulCharacter }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw Self.describe(error)
        }
    }

    static func describe(_ error: DecodingError) -> any Error {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            let field = path(ctx.codingPath + [key])
            return DomainError.invalid(field, "缺少字段“\(field)”")
        case .typeMismatch(_, let ctx):
            let field = path(ctx.codingPath)
            return DomainError.invalid(field, "字段“\(field)”的类型不正确")
        case .valueNotFound(_, let ctx):
            let field = path(ctx.codingPath)
            return DomainError.invalid(field, "字段“\(field)”不能为空")
        case .dataCorrupted(let ctx) where ctx.codingPath.isEmpty:
            return APIFailure.badJSON("请求体不是有效的 JSON")
        case .dataCorrupted(let ctx):
            let field = path(ctx.codingPath)
            return DomainError.invalid(field, "字段“\(field)”的值无效")
        @unknown default:
            return APIFailure.badJSON("请求体无法解析")
        }
    }
}
