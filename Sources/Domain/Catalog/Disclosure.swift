import Foundation

/// 公开属性: how a document may be disclosed.
public enum DisclosureAttribute: String, Hashable, Sendable, Codable, CaseIterable {
    /// 主动公开: published on the portal.
    case `public`
    /// 依申请公开: given out only on request.
    case onRequest = "on_request"
    /// 删减后公开: published as a redacted copy; the original stays internal.
    case redacted
    /// 不予公开: never published; needs an exemption reason and a legal basis.
    case notPublic = "not_public"

    public var label: String {
        switch self {
        case .public: "主动公开"
        case .onRequest: "依申请公开"
        case .redacted: "删减后公开"
        case .notPublic: "不予公开"
        }
    }

    /// Whether the portal may show the document (or its redacted copy) once it is published.
    public var reachesPortal: Bool { self == .public || self == .redacted }
}

/// Why information is not disclosed (Arts. 14-16). The cases follow the annual report's rows
/// 三（三）1-7, so the report can count decisions by reason.
public enum ExemptionReason: String, Hashable, Sendable, Codable, CaseIterable {
    case stateSecret = "state_secret"
    case prohibitedByLaw = "prohibited_by_law"
    case securityAndStability = "security_stability"
    case thirdPartyRights = "third_party"
    case internalAffairs = "internal_affairs"
    case processInformation = "process_information"
    case enforcementFile = "enforcement_file"

    /// The row label in the annual report.
    public var label: String {
        switch self {
        case .stateSecret: "属于国家秘密"
        case .prohibitedByLaw: "其他法律行政法规禁止公开"
        case .securityAndStability: "危及“三安全一稳定”"
        case .thirdPartyRights: "保护第三方合法权益"
        case .internalAffairs: "属于三类内部事务信息"
        case .processInformation: "属于四类过程性信息"
        case .enforcementFile: "属于行政执法案卷"
        }
    }

    /// The article of the 条例 it rests on.
    public var article: String {
        switch self {
        case .stateSecret, .prohibitedByLaw, .securityAndStability: "第十四条"
        case .thirdPartyRights: "第十五条"
        case .internalAffairs: "第十六条第一款"
        case .processInformation, .enforcementFile: "第十六条第二款"
        }
    }
}

/// The disclosure decision recorded on a document: the attribute, and for 不予公开 the reason
/// and legal basis.
public struct DisclosureDecision: Hashable, Sendable, Codable {
    public var attribute: DisclosureAttribute
    public var exemption: ExemptionReason?
    public var legalBasis: String

    public init(attribute: DisclosureAttribute, exemption: ExemptionReason? = nil, legalBasis: String = "") {
        self.attribute = attribute
        self.exemption = exemption
        self.legalBasis = legalBasis
    }

    public func validate() throws(DomainError) {
        switch attribute {
        case .notPublic:
            guard exemption != nil else { throw .invalid("exemption", "不予公开须选择理由（条例第十四至十六条）") }
            let basis = legalBasis.trimmingCharacters(in: .whitespaces)
            guard !basis.isEmpty, basis.count <= 200 else { throw .invalid("legalBasis", "不予公开须填写法律依据（不超过 200 字）") }
        case .public, .onRequest, .redacted:
            guard exemption == nil else { throw .invalid("exemption", "只有不予公开的文件才填写不予公开理由") }
        }
    }
}
