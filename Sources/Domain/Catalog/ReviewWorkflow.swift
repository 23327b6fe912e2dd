import Foundation

/// Where a document stands in 分级审核、先审后发、授权发布.
public enum DocumentStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case draft
    case inReview = "in_review"
    /// Sent back to the drafter with a comment.
    case returned
    /// Every review level has approved; waiting for a publisher.
    case approved
    /// Approved and due to go live at a set time.
    case scheduled
    case published
    /// Taken off the portal; kept in the archive.
    case withdrawn
    /// Past its automatic expiry; off the portal like a withdrawal.
    case expired
    /// A revision of a published document whose content has gone live on the original
    /// (修订已发布); kept for the archive.
    case merged

    public var label: String {
        switch self {
        case .draft: "草稿"
        case .inReview: "审核中"
        case .returned: "已退回"
        case .approved: "待发布"
        case .scheduled: "定时发布"
        case .published: "已发布"
        case .withdrawn: "已撤回"
        case .expired: "已过期下线"
        case .merged: "修订已发布"
        }
    }
}

/// One level of a review chain (审核层级).
public struct ReviewLevel: Hashable, Sendable, Codable {
    public enum Condition: String, Hashable, Sendable, Codable {
        case always
        /// Only for documents marked important (重要文件).
        case important
        /// Only for documents marked important or with screening findings accepted by a reviewer.
        case importantOrFlagged = "important_or_flagged"
    }

    public var name: String
    /// The role that decides at this level.
    public var role: Role
    public var condition: Condition
    /// The level at which the 保密审查 (Art. 17) conclusion is recorded.
    public var confidentialityReview: Bool

    public init(name: String, role: Role, condition: Condition = .always, confidentialityReview: Bool = false) {
        self.name = name
        self.role = role
        self.condition = condition
        self.confidentialityReview = confidentialityReview
    }

    /// Department review → the disclosure office's review with the confidentiality check →
    /// leader sign-off, and the principal leader for important or flagged documents.
    public static let standardChain: [ReviewLevel] = [
        ReviewLevel(name: "科室负责人审核", role: .reviewer),
        ReviewLevel(name: "政务公开办公室审核（含保密审查）", role: .officeAdmin, confidentialityReview: true),
        ReviewLevel(name: "分管领导签发", role: .leader),
        ReviewLevel(name: "主要领导签发", role: .leader, condition: .importantOrFlagged),
    ]

    /// The levels that apply to a document.
    public static func applicable(_ chain: [ReviewLevel], important: Bool, flagged: Bool) -> [ReviewLevel] {
        chain.filter { level in
            switch level.condition {
            case .always: true
            case .important: important
            case .importantOrFlagged: important || flagged
            }
        }
    }
}

/// What someone does to a document in the workflow.
public enum WorkflowAction: Hashable, Sendable {
    case submit
    case approve(comment: String, confidentialityCleared: Bool)
    case reject(comment: String)
    /// Go live now; `openFindings` is the number of screening findings neither redacted nor accepted.
    case publish(openFindings: Int)
    case schedule(atMillis: Int64, openFindings: Int)
    case withdraw(reason: String)
    case expire
    /// Start a new revision of a document that has been online. The document itself keeps its
    /// state (a published one stays online); the revision is a new draft that goes through
    /// review and, when published, replaces the content.
    case revise
}

/// The workflow state of one document and the pure rule that moves it.
public struct WorkflowState: Hashable, Sendable, Codable {
    public var status: DocumentStatus
    /// Index into the applicable levels while `inReview`.
    public var level: Int

    public init(status: DocumentStatus = .draft, level: Int = 0) {
        self.status = status
        self.level = level
    }

    /// Who is acting, as the workflow needs to know it.
    public struct Actor: Hashable, Sendable {
        public var userID: Int64
        public var roles: Set<Role>

        public init(userID: Int64, roles: Set<Role>) {
            self.userID = userID
            self.roles = roles
        }
    }

    /// The state after `action`, or the reason it is not allowed. Review, publishing and
    /// withdrawal are separate permissions: reviewers decide at their level, publishers put
    /// documents online, publishers and the office take them down. Nobody approves a document
    /// they drafted.
    public func applying(_ action: WorkflowAction, by actor: Actor, drafterID: Int64, levels: [ReviewLevel]) throws(DomainError)
        -> WorkflowState
    {
        switch (action, status) {
        case (.submit, .draft), (.submit, .returned):
            guard actor.userID == drafterID || actor.roles.contains(.drafter) else { throw .forbidden("只有起草人可以提交审核") }
            guard !levels.isEmpty else { return WorkflowState(status: .approved) }
            return WorkflowState(status: .inReview, level: 0)
        case (.approve(_, let cleared), .inReview):
            let current = try currentLevel(levels)
            guard actor.roles.contains(current.role) else { throw .forbidden("当前审核层级“\(current.name)”须由\(current.role.label)审核") }
            guard actor.userID != drafterID else { throw .forbidden("不能审核自己起草的文件") }
            if current.confidentialityReview && !cleared { throw .invalid("confidentiality", "本层级须填写保密审查结论后方可通过") }
            return level + 1 >= levels.count ? WorkflowState(status: .approved) : WorkflowState(status: .inReview, level: level + 1)
        case (.reject(let comment), .inReview):
            let current = try currentLevel(levels)
            guard actor.roles.contains(current.role) else { throw .forbidden("当前审核层级“\(current.name)”须由\(current.role.label)审核") }
            guard !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .invalid("comment", "退回须填写意见") }
            return WorkflowState(status: .returned)
        case (.publish(let open), .approved), (.publish(let open), .scheduled):
            guard actor.roles.contains(.publisher) else { throw .forbidden("只有发布人可以发布") }
            guard open == 0 else { throw .conflict("发布前审查发现 \(open) 处问题，须逐项删除或由审核人说明理由后方可发布") }
            return WorkflowState(status: .published)
        case (.schedule(_, let open), .approved):
            guard actor.roles.contains(.publisher) else { throw .forbidden("只有发布人可以设置定时发布") }
            guard open == 0 else { throw .conflict("发布前审查发现 \(open) 处问题，须处理后方可定时发布") }
            return WorkflowState(status: .scheduled)
        case (.withdraw(let reason), .published), (.withdraw(let reason), .scheduled):
            guard actor.roles.contains(.publisher) || actor.roles.contains(.officeAdmin) else { throw .forbidden("只有发布人或政务公开办公室可以撤回") }
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .invalid("reason", "撤回须说明理由") }
            return WorkflowState(status: .withdrawn)
        case (.expire, .published):
            return WorkflowState(status: .expired)
        case (.revise, .published), (.revise, .withdrawn), (.revise, .expired):
            guard actor.roles.contains(.drafter) || actor.roles.contains(.officeAdmin) else { throw .forbidden("只有起草人或政务公开办公室可以修订") }
            return self
        default:
            throw .conflict("文件当前状态为“\(status.label)”，不能执行此操作")
        }
    }

    private func currentLevel(_ levels: [ReviewLevel]) throws(DomainError) -> ReviewLevel {
        guard levels.indices.contains(level) else { throw .conflict("审核层级已变更，请刷新后重试") }
        return levels[level]
    }
}
