import Domain
import SQLKit
import Storage

struct SQLCatalogStore: CatalogStore {
    let db: any SQLDatabase

    static let columns = [
        "id", "agency_id", "department_id", "drafter_id", "kind", "title", "body", "document_number", "category_code", "disclosure",
        "exemption", "legal_basis", "index_number", "written_on", "published_on", "formed_on", "keywords", "subject", "validity_status",
        "effective_from", "effective_until", "superseded_by", "interprets_id", "interpretation_form", "needs_interpretation", "important",
        "status", "review_level", "revision", "redacted_body", "created_at_ms", "updated_at_ms", "scheduled_at_ms", "expires_on",
        "revision_of", "special_columns",
    ]

    /// Column values of a document, in `columns` order without the id.
    static func values(_ d: CatalogDocument) -> [any SQLExpression] {
        let v = d.validity
        return [
            SQLBind(d.agencyID), SQLBind(d.departmentID), SQLBind(d.drafterID), SQLBind(d.kind.rawValue), SQLBind(d.title), SQLBind(d.body),
            SQLBind(d.documentNumber), SQLBind(d.categoryCode), SQLBind(d.disclosure.attribute.rawValue),
            SQLBind(d.disclosure.exemption?.rawValue), SQLBind(d.disclosure.legalBasis), SQLBind(d.indexNumber),
            SQLBind(d.writtenOn?.description), SQLBind(d.publishedOn?.description), SQLBind(d.formedOn?.description), SQLBind(d.keywords),
            SQLBind(d.subject), SQLBind(v?.status.rawValue), SQLBind(v?.effectiveFrom?.description),
            SQLBind(v?.effectiveUntil?.description),
            SQLBind(v?.supersededBy), SQLBind(d.interpretsID), SQLBind(d.interpretationForm?.rawValue),
            SQLBind(d.needsInterpretation ? 1 : 0),
            SQLBind(d.important ? 1 : 0), SQLBind(d.workflow.status.rawValue), SQLBind(d.workflow.level), SQLBind(d.revision),
            SQLBind(d.redactedBody), SQLBind(d.createdAtMillis), SQLBind(d.updatedAtMillis), SQLBind(d.scheduledAtMillis),
            SQLBind(d.expiresOn?.description), SQLBind(d.revisionOf), SQLBind(Self.encodeColumns(d.columns)),
        ]
    }

    /// Column codes as `|covid|flu|`, so one LIKE finds a code without matching part of another.
    static func encodeColumns(_ codes: [String]) -> String { codes.isEmpty ? "" : "|" + codes.joined(separator: "|") + "|" }

    static func decode(_ row: any SQLRow) throws -> CatalogDocument {
        func text(_ c: String) throws -> String { try row.decode(column: c, as: String.self) }
        func optText(_ c: String) throws -> String? { try row.decode(column: c, as: String?.self) }
        func date(_ c: String) throws -> CivilDate? { try optText(c).flatMap { CivilDate(iso: $0) } }
        func enumValue<E: RawRepresentable>(_ c: String, _: E.Type) throws -> E where E.RawValue == String {
            guard let e = E(rawValue: try text(c)) else { throw DomainError.invalid(c, "数据库中的 \(c) 取值无效") }
            return e
        }
        var validity: Validity?
        if let status = try optText("validity_status").flatMap(ValidityStatus.init(rawValue:)) {
            validity = Validity(
                status: status, effectiveFrom: try date("effective_from"), effectiveUntil: try date("effective_until"),
                supersededBy: try row.decode(column: "superseded_by", as: Int64?.self))
        }
        return CatalogDocument(
            id: try row.decode(column: "id"), agencyID: try row.decode(column: "agency_id"),
            departmentID: try row.decode(column: "department_id", as: Int64?.self),
            drafterID: try row.decode(column: "drafter_id", as: Int64?.self),
            kind: try enumValue("kind", DocumentKind.self), title: try text("title"), body: try text("body"),
            documentNumber: try text("document_number"), categoryCode: try text("category_code"),
            disclosure: DisclosureDecision(
                attribute: try enumValue("disclosure", DisclosureAttribute.self),
                exemption: try optText("exemption").flatMap(ExemptionReason.init(rawValue:)), legalBasis: try text("legal_basis")),
            indexNumber: try optText("index_number"), writtenOn: try date("written_on"), publishedOn: try date("published_on"),
            formedOn: try date("formed_on"), keywords: try text("keywords"), subject: try text("subject"), validity: validity,
            interpretsID: try row.decode(column: "interprets_id", as: Int64?.self),
            interpretationForm: try optText("interpretation_form").flatMap(InterpretationForm.init(rawValue:)),
            needsInterpretation: try row.decode(column: "needs_interpretation", as: Int.self) != 0,
            important: try row.decode(column: "important", as: Int.self) != 0,
            workflow: WorkflowState(status: try enumValue("status", DocumentStatus.self), level: try row.decode(column: "review_level")),
            revision: try row.decode(column: "revision"), redactedBody: try optText("redacted_body"),
            createdAtMillis: try row.decode(column: "created_at_ms"), updatedAtMillis: try row.decode(column: "updated_at_ms"),
            scheduledAtMillis: try row.decode(column: "scheduled_at_ms", as: Int64?.self), expiresOn: try date("expires_on"),
            revisionOf: try row.decode(column: "revision_of", as: Int64?.self),
            columns: (try row.decode(column: "special_columns", as: String?.self) ?? "").split(separator: "|").map(String.init))
    }

    func columnActivity(agencyID: Int64) async throws -> [String: (count: Int, last: CivilDate?)] {
        let portal = DisclosureAttribute.allCases.filter(\.reachesPortal).map(\.rawValue)
        let rows = try await db.raw(
            """
            SELECT category_code, special_columns, COUNT(*) AS n, MAX(published_on) AS last FROM catalog_documents
            WHERE agency_id = \(bind: agencyID) AND status = 'published' AND disclosure IN (\(binds: portal))
            GROUP BY category_code, special_columns
            """
        ).all()
        var out: [String: (count: Int, last: CivilDate?)] = [:]
        for row in rows {
            let n = try row.decode(column: "n", as: Int.self)
            let last = try row.decode(column: "last", as: String?.self).flatMap { CivilDate(iso: $0) }
            let columns = (try row.decode(column: "special_columns", as: String?.self) ?? "").split(separator: "|").map(String.init)
            for code in [try row.decode(column: "category_code", as: String.self)] + columns {
                let before = out[code]
                out[code] = ((before?.count ?? 0) + n, [before?.last ?? nil, last].compactMap { $0 }.max())
            }
        }
        return out
    }

    /// Every document in outline. Each row comes back as one text field ("~"-separated; none of
    /// the fields can hold a "~": IDs, codes, enum values, ISO dates, "|"-joined column codes),
    /// because decoding twelve columns through SQLKit's generic decoder was half the time of a
    /// 100,000-document dashboard and one field per row is a twelfth of it.
    func outlines(agencyID: Int64) async throws -> [CatalogDocument] {
        let fields = [
            "id", "department_id", "kind", "category_code", "disclosure", "published_on", "formed_on", "interprets_id",
            "interpretation_form",
            "needs_interpretation", "status", "special_columns",
        ]
        let joined = fields.map { "COALESCE(CAST(\($0) AS TEXT), '')" }.joined(separator: " || '~' || ")
        let rows = try await db.raw("SELECT \(unsafeRaw: joined) AS o FROM catalog_documents WHERE agency_id = \(bind: agencyID)").all()
        return try rows.compactMap { row in
            // Split on bytes: splitting on Characters was a sixth of the dashboard's time.
            let f = try row.decode(column: "o", as: String.self).utf8.split(separator: UInt8(ascii: "~"), omittingEmptySubsequences: false)
                .map { Substring($0) }
            guard f.count == fields.count, let id = Int64(f[0]) else { return nil }
            func text(_ i: Int) -> String? { f[i].isEmpty ? nil : String(f[i]) }
            return CatalogDocument(
                id: id, agencyID: agencyID, departmentID: Int64(f[1]), kind: DocumentKind(rawValue: String(f[2])) ?? .general, title: "",
                body: "", categoryCode: String(f[3]),
                disclosure: DisclosureDecision(attribute: DisclosureAttribute(rawValue: String(f[4])) ?? .public),
                publishedOn: CivilDate(iso: f[5]), formedOn: CivilDate(iso: f[6]), interpretsID: Int64(f[7]),
                interpretationForm: text(8).flatMap(InterpretationForm.init(rawValue:)),
                needsInterpretation: (Int(f[9]) ?? 0) != 0,
                workflow: WorkflowState(status: DocumentStatus(rawValue: String(f[10])) ?? .draft),
                columns: f[11].split(separator: "|").map(String.init))
        }
    }

    private func select() -> SQLSelectBuilder { db.select().columns(Self.columns.map { SQLColumn($0) }).from("catalog_documents") }

    func create(_ document: CatalogDocument) async throws -> CatalogDocument {
        let row = try await db.insert(into: "catalog_documents").columns(Self.columns.dropFirst().map { SQLColumn($0) })
            .values(Self.values(document)).returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw DomainError.conflict("文件创建失败") }
        var created = document
        created.id = id
        return created
    }

    func find(id: Int64) async throws -> CatalogDocument? {
        try await select().where("id", .equal, SQLBind(id)).first().map(Self.decode)
    }

    func update(_ document: CatalogDocument, expecting expected: WorkflowState) async throws {
        var update = db.update("catalog_documents")
        for (column, value) in zip(Self.columns.dropFirst(), Self.values(document)) { update = update.set(SQLColumn(column), to: value) }
        let rows = try await update.where("id", .equal, SQLBind(document.id))
            .where("status", .equal, SQLBind(expected.status.rawValue)).where("review_level", .equal, SQLBind(expected.level))
            .returning("id").all()
        if rows.isEmpty { throw DomainError.conflict("文件状态已被他人改变，请刷新后重试") }
    }

    func nextIndexSerial(agencyID: Int64, year: Int) async throws -> Int {
        let row = try await db.raw(
            """
            INSERT INTO index_serials (agency_id, year, last_serial) VALUES (\(bind: agencyID), \(bind: year), 1)
            ON CONFLICT (agency_id, year) DO UPDATE SET last_serial = index_serials.last_serial + 1 RETURNING last_serial
            """
        ).first()
        guard let serial = try row?.decode(column: "last_serial", as: Int.self) else { throw DomainError.conflict("索引号分配失败") }
        return serial
    }

    func appendStep(_ s: ReviewStep) async throws {
        try await db.insert(into: "review_steps")
            .columns("document_id", "revision", "action", "level_name", "actor_id", "actor_name", "comment", "at_ms")
            .values(
                SQLBind(s.documentID), SQLBind(s.revision), SQLBind(s.action), SQLBind(s.levelName), SQLBind(s.actorID),
                SQLBind(s.actorName),
                SQLBind(s.comment), SQLBind(s.atMillis)
            ).run()
    }

    func steps(documentID: Int64) async throws -> [ReviewStep] {
        try await db.select().columns("document_id", "revision", "action", "level_name", "actor_id", "actor_name", "comment", "at_ms")
            .from("review_steps").where("document_id", .equal, SQLBind(documentID)).orderBy("id").all()
            .map { row in
                ReviewStep(
                    documentID: try row.decode(column: "document_id"), revision: try row.decode(column: "revision"),
                    action: try row.decode(column: "action"), levelName: try row.decode(column: "level_name"),
                    actorID: try row.decode(column: "actor_id", as: Int64?.self), actorName: try row.decode(column: "actor_name"),
                    comment: try row.decode(column: "comment"), atMillis: try row.decode(column: "at_ms"))
            }
    }

    func replaceOpenFindings(documentID: Int64, with findings: [ScreeningFinding]) async throws -> [StoredFinding] {
        try await db.delete(from: "screening_findings").where("document_id", .equal, SQLBind(documentID))
            .where("resolution", .equal, SQLBind(StoredFinding.Resolution.open.rawValue)).run()
        for f in findings {
            try await db.insert(into: "screening_findings")
                .columns(
                    "document_id", "kind", "match_text", "match_offset", "match_length", "masked", "context", "suggestion", "resolution",
                    "resolved_by", "reason", "source"
                )
                .values(
                    SQLBind(documentID), SQLBind(f.kind.rawValue), SQLBind(f.match), SQLBind(f.offset), SQLBind(f.length),
                    SQLBind(f.masked),
                    SQLBind(f.context), SQLBind(f.suggestion), SQLBind(StoredFinding.Resolution.open.rawValue), SQLBind(""), SQLBind(""),
                    SQLBind(f.source)
                ).run()
        }
        return try await self.findings(documentID: documentID)
    }

    func findings(documentID: Int64) async throws -> [StoredFinding] {
        try await db.select().column("*").from("screening_findings").where("document_id", .equal, SQLBind(documentID)).orderBy("id").all()
            .map { row in
                guard let kind = ScreeningFinding.Kind(rawValue: try row.decode(column: "kind")),
                    let resolution = StoredFinding.Resolution(rawValue: try row.decode(column: "resolution"))
                else { throw DomainError.invalid("kind", "数据库中的审查结果取值无效") }
                let finding = ScreeningFinding(
                    kind: kind, match: try row.decode(column: "match_text"), offset: try row.decode(column: "match_offset"),
                    length: try row.decode(column: "match_length"), masked: try row.decode(column: "masked"),
                    context: try row.decode(column: "context"), suggestion: try row.decode(column: "suggestion", as: String?.self),
                    source: try row.decode(column: "source", as: String?.self) ?? "")
                return StoredFinding(
                    id: try row.decode(column: "id"), documentID: documentID, finding: finding, resolution: resolution,
                    resolvedBy: try row.decode(column: "resolved_by"), reason: try row.decode(column: "reason"))
            }
    }

    func resolveFinding(id: Int64, documentID: Int64, resolution: StoredFinding.Resolution, by: String, reason: String) async throws {
        let rows = try await db.update("screening_findings").set("resolution", to: SQLBind(resolution.rawValue))
            .set("resolved_by", to: SQLBind(by)).set("reason", to: SQLBind(reason))
            .where("id", .equal, SQLBind(id)).where("document_id", .equal, SQLBind(documentID)).returning("id").all()
        if rows.isEmpty { throw DomainError.notFound("审查结果 #\(id)") }
    }

    func list(agencyID: Int64, statuses: Set<DocumentStatus>, limit: Int, offset: Int) async throws -> [CatalogDocument] {
        try await select().where("agency_id", .equal, SQLBind(agencyID))
            .where("status", .in, SQLBind.group(statuses.map(\.rawValue).sorted()))
            .orderBy("updated_at_ms", .descending).orderBy("id", .descending).limit(limit).offset(offset).all().map(Self.decode)
    }

    func sensitiveWords(agencyID: Int64) async throws -> [SensitiveWord] {
        try await db.select().columns("word", "replacement").from("sensitive_words").where("agency_id", .equal, SQLBind(agencyID))
            .orderBy("word").all()
            .map { SensitiveWord(word: try $0.decode(column: "word"), replacement: try $0.decode(column: "replacement", as: String?.self)) }
    }

    func addSensitiveWord(agencyID: Int64, _ word: SensitiveWord, atMillis: Int64) async throws {
        do {
            try await db.insert(into: "sensitive_words").columns("agency_id", "word", "replacement", "created_at_ms")
                .values(SQLBind(agencyID), SQLBind(word.word), SQLBind(word.replacement), SQLBind(atMillis)).run()
        } catch  where isUniqueViolation(error) {
            throw DomainError.conflict("词库中已有“\(word.word)”")
        }
    }

    func removeSensitiveWord(agencyID: Int64, word: String) async throws {
        try await db.delete(from: "sensitive_words").where("agency_id", .equal, SQLBind(agencyID)).where("word", .equal, SQLBind(word))
            .run()
    }

    func dueForPublication(atMillis: Int64, limit: Int) async throws -> [CatalogDocument] {
        try await select().where("status", .equal, SQLBind(DocumentStatus.scheduled.rawValue))
            .where("scheduled_at_ms", .lessThanOrEqual, SQLBind(atMillis)).orderBy("scheduled_at_ms").limit(limit).all().map(Self.decode)
    }

    func dueForExpiry(today: CivilDate, limit: Int) async throws -> [CatalogDocument] {
        try await select().where("status", .equal, SQLBind(DocumentStatus.published.rawValue))
            .where("expires_on", .lessThan, SQLBind(today.description)).orderBy("id").limit(limit).all().map(Self.decode)
    }

    func openRevision(of id: Int64) async throws -> CatalogDocument? {
        let open: [DocumentStatus] = [.draft, .inReview, .returned, .approved, .scheduled]
        return try await select().where("revision_of", .equal, SQLBind(id)).where("status", .in, SQLBind.group(open.map(\.rawValue)))
            .orderBy("id", .descending).first().map(Self.decode)
    }

    func appendVersion(_ v: DocumentVersion) async throws {
        try await db.insert(into: "document_versions")
            .columns("document_id", "revision", "title", "body", "public_body", "published_at_ms", "published_by")
            .values(
                SQLBind(v.documentID), SQLBind(v.revision), SQLBind(v.title), SQLBind(v.body), SQLBind(v.publicBody),
                SQLBind(v.publishedAtMillis), SQLBind(v.publishedBy)
            ).run()
    }

    func versions(documentID: Int64) async throws -> [DocumentVersion] {
        try await db.select().columns("document_id", "revision", "title", "body", "public_body", "published_at_ms", "published_by")
            .from("document_versions").where("document_id", .equal, SQLBind(documentID)).orderBy("revision").all()
            .map { row in
                DocumentVersion(
                    documentID: try row.decode(column: "document_id"), revision: try row.decode(column: "revision"),
                    title: try row.decode(column: "title"), body: try row.decode(column: "body"),
                    publicBody: try row.decode(column: "public_body"), publishedAtMillis: try row.decode(column: "published_at_ms"),
                    publishedBy: try row.decode(column: "published_by"))
            }
    }
}
