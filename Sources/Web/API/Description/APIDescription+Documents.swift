import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `documents` operations.
    static var documentsPaths: [PathEntry] {
        [
            path(
                Routes.API.documents,
                (
                    .post,
                    op(
                        "起草文件（起草人、政务公开办公室）", tag: "documents", body: .json(.component("DocumentInput")),
                        responses: [.json(201, "草稿", DocumentDTO.self)])
                )),
            path(
                Routes.API.document,
                (
                    .get,
                    op(
                        "文件及其审核记录、审查结果（本机关工作人员）", tag: "documents", parameters: [.pathID("id")],
                        responses: [.json(200, "文件", DocumentDTO.self), .error(404, "不存在或属于其他机关")])
                ),
                (
                    .put,
                    op(
                        "修改草稿或退回的文件（起草人、政务公开办公室）；已发布的文件须发起修订", tag: "documents", parameters: [.pathID("id")],
                        body: .json(.component("DocumentInput")), responses: [.json(200, "已保存", DocumentDTO.self), .error(409, "当前状态不能修改")])
                )),
            path(
                Routes.API.documentApprove,
                (
                    .post,
                    op(
                        "当前层级审核通过；最后一级通过后生成索引号", tag: "documents", parameters: [.pathID("id")], body: .json(.component("Decision")),
                        responses: [.json(200, "下一层级或待发布", DocumentDTO.self)])
                )),
            path(
                Routes.API.documentAttachments,
                (
                    .post,
                    op(
                        "上传附件（草稿或退回的文件）：PDF、DOCX、XLSX、OFD、JPEG、PNG；公开版清除文件属性，原件内部留存", tag: "documents", parameters: [.pathID("id")],
                        body: .file("附件文件"),
                        responses: [.json(201, "已上传", AttachmentsController.AttachmentDTO.self), .error(422, "格式不支持或文件损坏")])
                )),
            path(
                Routes.API.documentAttachment,
                (
                    .delete,
                    op(
                        "移除附件（存档保留）", tag: "documents", parameters: [.pathID("id"), .pathID("attachment")],
                        responses: [.empty(204, "已移除"), .error(404, "附件不存在")])
                )),
            path(
                Routes.API.documentDiff,
                (
                    .get,
                    op(
                        "修订对照：修订稿对现行版本；或两个已上线版本（from、to 为版本号）", tag: "documents",
                        parameters: [
                            .pathID("id"), .query("from", .integer, required: false, "旧版本号"),
                            .query("to", .integer, required: false, "新版本号"),
                        ],
                        responses: [
                            .json(200, "逐行对照，lines[].kind 为 same、added、removed，segments 标出行内改动", DocumentsController.DiffBody.self),
                            .error(404, "没有可对照的版本"),
                        ])
                )),
            path(
                Routes.API.documentFinding,
                (
                    .post,
                    op(
                        "处理审查发现：redacted 删除，accepted 保留并说明理由", tag: "documents", parameters: [.pathID("id"), .pathID("finding")],
                        body: .json(
                            .object(properties: [
                                "reason": .string(required: false), "resolution": .string(allowedValues: ["redacted", "accepted"]),
                            ])), responses: [.json(200, "文件", DocumentDTO.self)])
                )),
            path(
                Routes.API.documentPublish,
                (
                    .post,
                    op(
                        "发布（发布人；再次审查，未处理的审查发现将阻止发布）", tag: "documents", parameters: [.pathID("id")],
                        responses: [.json(200, "已发布", DocumentDTO.self), .error(422, "sensitive_content：附 findings 列表")])
                )),
            path(
                Routes.API.documentReject,
                (
                    .post,
                    op(
                        "退回起草人（须填写意见）", tag: "documents", parameters: [.pathID("id")], body: .json(.component("Decision")),
                        responses: [.json(200, "已退回", DocumentDTO.self)])
                )),
            path(
                Routes.API.documentRevise,
                (
                    .post,
                    op(
                        "发起修订：生成一份修订稿，重新走审核；发布后替换原文件内容，原文件在此期间保持在线", tag: "documents", parameters: [.pathID("id")],
                        responses: [.json(201, "修订稿（revisionOf 指向原文件）", DocumentDTO.self), .error(409, "已有进行中的修订稿")])
                )),
            path(
                Routes.API.documentSchedule,
                (
                    .post,
                    op(
                        "定时发布（发布人）；到时自动发布，届时仍须通过发布前审查", tag: "documents", parameters: [.pathID("id")],
                        body: .json(.object(properties: ["at": .string])), responses: [.json(200, "定时发布", DocumentDTO.self)])
                )),
            path(
                Routes.API.documentSubmit,
                (
                    .post,
                    op(
                        "提交审核（并做发布前审查）", tag: "documents", parameters: [.pathID("id")],
                        responses: [.json(200, "审核中", DocumentDTO.self), .error(409, "当前状态不能提交")])
                )),
            path(
                Routes.API.documentVersions,
                (
                    .get,
                    op(
                        "文件上线过的各个版本", tag: "documents", parameters: [.pathID("id")],
                        responses: [.json(200, "版本列表", DocumentsController.VersionList.self)])
                )),
            path(
                Routes.API.documentWithdraw,
                (
                    .post,
                    op(
                        "撤回（从门户、搜索中移除，存档保留）", tag: "documents", parameters: [.pathID("id")], body: .json(.component("Decision")),
                        responses: [.json(200, "已撤回", DocumentDTO.self)])
                )),
            path(
                Routes.API.imports,
                (
                    .post,
                    op(
                        "把 .docx、.html、.txt 转为正文（保留标题、列表、表格），第一个标题作为建议标题；不保存任何内容", tag: "documents", body: .file("要导入的文件"),
                        responses: [.json(200, "正文", AttachmentsController.Imported.self), .error(422, "无法导入")])
                )),
        ]
    }
}
