import Domain
import OpenAPIKit
import Services
import Storage

extension APIDescription {
    /// The `proposals` operations.
    static var proposalsPaths: [PathEntry] {
        [
            path(
                Routes.API.proposals,
                (
                    .get,
                    op(
                        "本机关承办的建议提案；给出 year 时附按类别的件数（承办、答复、按期答复）", tag: "proposals",
                        parameters: [.query("year", .integer, required: false, "年度")],
                        responses: [.json(200, "列表", ProposalsController.ProposalList.self)])
                ),
                (
                    .post,
                    op(
                        "登记人大代表建议（suggestion）或政协委员提案（proposal）；答复期限为交办后 3 个月，复杂事项 6 个月", tag: "proposals",
                        body: .json(
                            .object(properties: [
                                "assignedOn": .date.optional, "complex": .boolean(required: false), "content": .string(required: false),
                                "coUnits": .list(.string, required: false), "kind": .enumeration(Proposal.Kind.self, required: false),
                                "leadUnit": .string(required: false), "number": .string(required: false),
                                "proposer": .string(required: false), "publishReply": .boolean(required: false),
                                "title": .string(required: false), "year": .integer(required: false),
                            ])),
                        responses: [
                            .json(201, "建议提案", ProposalsController.ProposalDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.proposal,
                (
                    .get,
                    op(
                        "建议提案及沟通、答复", tag: "proposals", parameters: [.pathID("id")],
                        responses: [
                            .json(200, "建议提案", ProposalsController.ProposalDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.proposalContacts,
                (
                    .post,
                    op(
                        "记录与代表、委员的沟通", tag: "proposals", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: ["note": .string(required: false), "on": .date.optional, "way": .string(required: false)])),
                        responses: [
                            .json(200, "建议提案", ProposalsController.ProposalDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
            path(
                Routes.API.proposalReply,
                (
                    .post,
                    op(
                        "答复（outcome：a/b/c 类）；除标明不公开的外，全文形成“建议提案办理”栏目的文件送审发布", tag: "proposals", parameters: [.pathID("id")],
                        body: .json(
                            .object(properties: [
                                "outcome": .enumeration(Proposal.Outcome.self, required: false), "reply": .string(required: false),
                            ])),
                        responses: [
                            .json(200, "建议提案", ProposalsController.ProposalDTO.self), .error(404, "不存在"), .error(409, "当前状态下不能这样办理"),
                            .error(422, "内容有误"),
                        ])
                )),
        ]
    }
}
