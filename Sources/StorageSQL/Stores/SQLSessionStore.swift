import Domain
import SQLKit
import Storage

struct SQLSessionStore: SessionStore {
    let db: any SQLDatabase

    func create(
        userID: Int64, kind: StaffSession.Kind, tokenDigest: String, csrfToken: String, now: Double, expiresAt: Double,
        remoteAddress: String
    ) async throws -> StaffSession {
        let row = try await db.insert(into: "sessions")
            .columns(
                "user_id", "kind", "token_digest", "csrf_token", "created_ms", "last_seen_ms", "expires_ms", "revoked", "remote_address"
            )
            .values(
                SQLBind(userID), SQLBind(kind.rawValue), SQLBind(tokenDigest), SQLBind(csrfToken), SQLBind(now.millis),
                SQLBind(now.millis), SQLBind(expiresAt.millis), SQLBind(0), SQLBind(remoteAddress)
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("会话创建失败") }
        return StaffSession(
            id: id, userID: userID, kind: kind, tokenDigest: tokenDigest, csrfToken: csrfToken, createdAt: now,
            lastSeenAt: now, expiresAt: expiresAt, remoteAddress: remoteAddress)
    }

    func find(tokenDigest: String) async throws -> StaffSession? {
        try await db.select()
            .columns(
                "id", "user_id", "kind", "token_digest", "csrf_token", "created_ms", "last_seen_ms", "expires_ms", "revoked",
                "remote_address"
            )
            .from("sessions").where("token_digest", .equal, SQLBind(tokenDigest)).first()
            .map { row in
                StaffSession(
                    id: try row.decode(column: "id"), userID: try row.decode(column: "user_id"),
                    kind: StaffSession.Kind(rawValue: try row.decode(column: "kind")) ?? .console,
                    tokenDigest: try row.decode(column: "token_digest"), csrfToken: try row.decode(column: "csrf_token"),
                    createdAt: try row.decode(column: "created_ms", as: Int64.self).seconds,
                    lastSeenAt: try row.decode(column: "last_seen_ms", as: Int64.self).seconds,
                    expiresAt: try row.decode(column: "expires_ms", as: Int64.self).seconds,
                    revoked: try row.decode(column: "revoked", as: Int.self) != 0,
                    remoteAddress: try row.decode(column: "remote_address"))
            }
    }

    func touch(id: Int64, at: Double) async throws {
        try await db.update("sessions").set("last_seen_ms", to: SQLBind(at.millis)).where("id", .equal, SQLBind(id)).run()
    }

    func revoke(id: Int64) async throws {
        try await db.update("sessions").set("revoked", to: SQLBind(1)).where("id", .equal, SQLBind(id)).run()
    }

    func revokeAll(userID: Int64) async throws {
        try await db.update("sessions").set("revoked", to: SQLBind(1)).where("user_id", .equal, SQLBind(userID)).run()
    }
}
