import Domain
import Foundation
import Hummingbird
import OfficeFiles
import Services
import Storage

/// Attachments and body import: uploads by drafters (API and console), downloads of the
/// stripped public copy on the portal, and of the original for staff.
struct AttachmentsController: Sendable {
    let env: WebEnvironment
    let pages: PageRenderer
    /// The catalog service with the signed-in person's agency settings.
    func catalog(_ identity: StaffIdentity) async throws -> CatalogService {
        try await CatalogService.load(env.services, agencyID: identity.agency.id)
    }

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.post, Routes.API.documentAttachments, .roles([.drafter, .officeAdmin]), use: apiAttach)
        router.staff(.delete, Routes.API.documentAttachment, .roles([.drafter, .officeAdmin]), use: apiDetach)
        router.staff(.post, Routes.API.imports, .roles([.drafter, .officeAdmin]), use: apiImport)
        router.staff(.get, Routes.Console.documentAttachment, .roles(ConsoleDocumentsController.workers), use: original)
        router.staff(.post, Routes.Console.documentAttachments, .roles([.drafter, .officeAdmin]), use: consoleAttach)
        router.staff(.post, Routes.Console.documentAttachmentRemove, .roles([.drafter, .officeAdmin]), use: consoleDetach)
        router.staff(.post, Routes.Console.importDocument, .roles([.drafter, .officeAdmin]), use: consoleImport)
        router.get(Routes.Portal.documentAttachment, use: publicCopy)
    }

    struct AttachmentDTO: ResponseEncodable {
        var id: Int64
        var fileName: String
        var kind: String
        var size: Int
        var sha256: String
        var removedMetadata: [String]
        var textReadable: Bool

        init(_ a: Attachment) {
            id = a.id
            fileName = a.fileName
            kind = a.kind
            size = a.size
            sha256 = a.sha256
            removedMetadata = a.removedMetadata
            textReadable = a.text != nil
        }
    }

    func ids(_ context: GongkaiRequestContext) throws -> (document: Int64, attachment: Int64?) {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DomainError.notFound("该文件") }
        return (id, context.parameters.get("attachment", as: Int64.self))
    }

    /// The uploaded file of a form, or a 422 naming the field.
    static func file(_ form: FormBody) throws(DomainError) -> UploadedFile {
        guard let file = form.files["file"], !file.data.isEmpty else { throw .invalid("file", "请选择要上传的文件") }
        return file
    }

    @Sendable func apiAttach(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> EditedResponse<
        AttachmentDTO
    > {
        let catalog = try await self.catalog(identity)
        let form = try await FormBody.read(request, context: context)
        let file = try Self.file(form)
        let stored = try await catalog.attach(
            file.data, fileName: file.fileName, to: try ids(context).document, by: identity, from: context.remoteAddress)
        return EditedResponse(status: .created, response: AttachmentDTO(stored))
    }

    @Sendable func apiDetach(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let catalog = try await self.catalog(identity)
        let (document, attachment) = try ids(context)
        guard let attachment else { throw DomainError.notFound("附件") }
        try await catalog.detach(attachment, from: document, by: identity, from: context.remoteAddress)
        return Response(status: .noContent)
    }

    struct Imported: ResponseEncodable {
        var title: String
        var body: String
    }

    /// A body in the catalog's markup from a .docx, .html or .txt file, with the first heading
    /// offered as the title.
    static func importFile(_ file: UploadedFile) throws(DomainError) -> Imported {
        do {
            var body = try DocumentImporter.markup(from: file.data, fileName: file.fileName)
            var title = ""
            if case .heading(_, let text)? = RichText.parse(body).first {
                title = text
                body = body.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().joined()
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return Imported(title: String(title.prefix(200)), body: body)
        } catch {
            throw .invalid("file", "“\(Attachment.cleanFileName(file.fileName))”无法导入：\(error.message)")
        }
    }

    @Sendable func apiImport(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Imported {
        try Self.importFile(try Self.file(try await FormBody.read(request, context: context)))
    }

    // MARK: - Console

    @Sendable func consoleAttach(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let catalog = try await self.catalog(identity)
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let id = try ids(context).document
        let console = ConsoleDocumentsController(env: env, pages: pages)
        do {
            let file = try Self.file(form)
            let stored = try await catalog.attach(file.data, fileName: file.fileName, to: id, by: identity, from: context.remoteAddress)
            let note = stored.removedMetadata.isEmpty ? "" : "公开版已清除：" + stored.removedMetadata.joined(separator: "、") + "。"
            return try await console.render(
                id, identity: identity, request: request, context: context, message: "已上传附件“\(stored.fileName)”。" + note)
        } catch let error as DomainError {
            return try await console.render(id, identity: identity, request: request, context: context, failure: error)
        }
    }

    @Sendable func consoleDetach(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let catalog = try await self.catalog(identity)
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        let (id, attachment) = try ids(context)
        let console = ConsoleDocumentsController(env: env, pages: pages)
        do {
            guard let attachment else { throw DomainError.notFound("附件") }
            try await catalog.detach(attachment, from: id, by: identity, from: context.remoteAddress)
            return try await console.render(id, identity: identity, request: request, context: context, message: "已移除附件。")
        } catch let error as DomainError {
            return try await console.render(id, identity: identity, request: request, context: context, failure: error)
        }
    }

    /// The drafting form filled from an imported file; nothing is saved until the drafter does.
    @Sendable func consoleImport(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let catalog = try await self.catalog(identity)
        let form = try await FormBody.read(request, context: context)
        try CSRF.verify(form, request: request, context: context)
        var page = DocumentForm(
            values: .init(writtenOn: env.today.description), categories: catalog.categories, specialColumns: catalog.settings.columns)
        var status = HTTPResponse.Status.ok
        do {
            let imported = try Self.importFile(try Self.file(form))
            page.values.title = imported.title
            page.values.body = imported.body
            page.notice = "已从文件导入正文，请核对后保存。"
        } catch {
            page.errors = ["file": error.message]
            status = .unprocessableContent
        }
        return try await pages.respond("起草文件", area: .console, request: request, context: context, status: status) { page.content($0) }
    }

    /// The original upload, for staff of the agency.
    @Sendable func original(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Response {
        let catalog = try await self.catalog(identity)
        let (id, attachment) = try ids(context)
        let d = try await catalog.document(id, for: identity)
        let stores = env.database.stores
        guard let attachment, let a = try await stores.attachments.find(id: attachment), a.documentID == d.id,
            let data = try await stores.attachments.original(id: a.id)
        else { throw DomainError.notFound("附件") }
        var response = Self.download(a, data)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// The stripped copy, for anyone, while the document is public.
    @Sendable func publicCopy(_ request: Request, context: GongkaiRequestContext) async throws -> Response {
        let (id, attachment) = try ids(context)
        let stores = env.database.stores
        guard let attachment, try await stores.documents.find(id: id) != nil, let a = try await stores.attachments.find(id: attachment),
            a.documentID == id, let data = try await stores.attachments.publicCopy(id: a.id)
        else { throw DomainError.notFound("该附件") }
        var response = Self.download(a, data)
        response.headers[.cacheControl] = "public, max-age=300"
        // Attachments never change under their ID: the stored digest is the validator.
        response.headers[.eTag] = "\"a\(a.id)-\(a.sha256.prefix(16))\""
        return response
    }

    /// The file with its type, a download name in UTF-8 (RFC 6266), and no sniffing or active
    /// content: PDFs and images open in the browser, office files download.
    static func download(_ a: Attachment, _ data: Data) -> Response {
        let inline = ["pdf", "jpeg", "png"].contains(a.kind)
        let encoded = a.fileName.pathSegment
        return Response(
            status: .ok,
            headers: [
                .contentType: a.contentType,
                .contentDisposition: "\(inline ? "inline" : "attachment"); filename=\"attachment-\(a.id)\"; filename*=UTF-8''\(encoded)",
                .init("X-Content-Type-Options")!: "nosniff",
                .contentSecurityPolicy: "sandbox; default-src 'none'",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
