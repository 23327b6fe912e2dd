/// 有效性 of a normative document (规范性文件).
public enum ValidityStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case effective
    case expired
    case repealed
    case revised

    public var label: String {
        switch self {
        case .effective: "有效"
        case .expired: "失效"
        case .repealed: "废止"
        case .revised: "已修订"
        }
    }
}

/// The validity block of a normative document: status, 生效日期, 失效日期 and, when repealed or
/// revised, the document that replaces it.
public struct Validity: Hashable, Sendable, Codable {
    public var status: ValidityStatus
    public var effectiveFrom: CivilDate?
    public var effectiveUntil: CivilDate?
    public var supersededBy: Int64?

    public init(
        status: ValidityStatus = .effective, effectiveFrom: CivilDate? = nil, effectiveUntil: CivilDate? = nil, supersededBy: Int64? = nil
    ) {
        self.status = status
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
        self.supersededBy = supersededBy
    }

    public func validate() throws(DomainError) {
        if let from = effectiveFrom, let until = effectiveUntil, until < from {
            throw .invalid("effectiveUntil", "失效日期不能早于生效日期")
        }
        if status == .revised && supersededBy == nil { throw .invalid("supersededBy", "已修订的文件须指明修订后的文件") }
        if status == .effective && supersededBy != nil { throw .invalid("supersededBy", "有效的文件不应有替代文件") }
    }

    /// The status as of `today`: an effective document past its 失效日期 has expired.
    public func status(on today: CivilDate) -> ValidityStatus {
        if status == .effective, let until = effectiveUntil, until < today { return .expired }
        return status
    }
}
