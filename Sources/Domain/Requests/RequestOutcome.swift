/// The rows of table 三 of the annual report (国办公开办函〔2021〕30号), in order, with their exact
/// labels; every request outcome counts in exactly one of the 三、本年度办理结果 rows.
public enum RequestReportRow: String, CaseIterable, Hashable, Sendable, Codable {
    case newThisYear = "received"
    case carriedIn = "carried_in"
    case disclosed
    case partiallyDisclosed = "partially_disclosed"
    case withheldStateSecret = "withheld_state_secret"
    case withheldProhibitedByLaw = "withheld_prohibited_by_law"
    case withheldSecurityStability = "withheld_security_stability"
    case withheldThirdParty = "withheld_third_party"
    case withheldInternalAffairs = "withheld_internal_affairs"
    case withheldProcessInformation = "withheld_process_information"
    case withheldEnforcementFile = "withheld_enforcement_file"
    case withheldAdministrativeInquiry = "withheld_administrative_inquiry"
    case unavailableNotHeld = "unavailable_not_held"
    case unavailableNeedsCreation = "unavailable_needs_creation"
    case unavailableUnclear = "unavailable_unclear"
    case notProcessedPetition = "not_processed_petition"
    case notProcessedRepeat = "not_processed_repeat"
    case notProcessedPublication = "not_processed_publication"
    case notProcessedExcessive = "not_processed_excessive"
    case notProcessedConfirm = "not_processed_confirm"
    case otherNoCorrection = "other_no_correction"
    case otherFeeUnpaid = "other_fee_unpaid"
    case otherOther = "other_other"
    case total
    case carriedOut = "carried_out"

    /// The label exactly as the format prints it.
    public var label: String {
        switch self {
        case .newThisYear: "一、本年新收政府信息公开申请数量"
        case .carriedIn: "二、上年结转政府信息公开申请数量"
        case .disclosed: "（一）予以公开"
        case .partiallyDisclosed: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        case .withheldStateSecret: "1.属于国家秘密"
        case .withheldProhibitedByLaw: "2.其他法律行政法规禁止公开"
        case .withheldSecurityStability: "3.危及“三安全一稳定”"
        case .withheldThirdParty: "4.保护第三方合法权益"
        case .withheldInternalAffairs: "5.属于三类内部事务信息"
        case .withheldProcessInformation: "6.属于四类过程性信息"
        case .withheldEnforcementFile: "7.属于行政执法案卷"
        case .withheldAdministrativeInquiry: "8.属于行政查询事项"
        case .unavailableNotHeld: "1.本机关不掌握相关政府信息"
        case .unavailableNeedsCreation: "2.没有现成信息需要另行制作"
        case .unavailableUnclear: "3.补正后申请内容仍不明确"
        case .notProcessedPetition: "1.信访举报投诉类申请"
        case .notProcessedRepeat: "2.重复申请"
        case .notProcessedPublication: "3.要求提供公开出版物"
        case .notProcessedExcessive: "4.无正当理由大量反复申请"
        case .notProcessedConfirm: "5.要求行政机关确认或重新出具已获取信息"
        case .otherNoCorrection: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        case .otherFeeUnpaid: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        case .otherOther: "3.其他"
        case .total: "（七）总计"
        case .carriedOut: "四、结转下年度继续办理"
        }
    }

    /// The group heading printed above a numbered sub-row, if it opens one.
    public var groupHeading: String? {
        switch self {
        case .withheldStateSecret: "（三）不予公开"
        case .unavailableNotHeld: "（四）无法提供"
        case .notProcessedPetition: "（五）不予处理"
        case .otherNoCorrection: "（六）其他处理"
        default: nil
        }
    }

    /// The rows an answered request can count in: (一) to (六)3.
    public static var outcomeRows: [RequestReportRow] {
        Array(allCases[allCases.firstIndex(of: .disclosed)!...allCases.firstIndex(of: .otherOther)!])
    }
}

/// The outcome recorded with a reply: one code per kind of answer, each counted in one row of
/// the annual report and answered by a letter with its own legal basis.
public enum RequestOutcome: String, CaseIterable, Hashable, Sendable, Codable {
    case disclosed
    case disclosedAlreadyPublic = "disclosed.already_public"
    case partiallyDisclosed = "partially_disclosed"
    case withheldStateSecret = "withheld.state_secret"
    case withheldProhibitedByLaw = "withheld.prohibited_by_law"
    case withheldSecurityStability = "withheld.security_stability"
    case withheldThirdPartyRights = "withheld.third_party_rights"
    case withheldInternalAffairs = "withheld.internal_affairs"
    case withheldProcessInformation = "withheld.process_information"
    case withheldEnforcementFile = "withheld.enforcement_file"
    case withheldAdministrativeInquiry = "withheld.administrative_inquiry"
    case unavailableNotHeld = "unavailable.not_held"
    case unavailableOtherAgency = "unavailable.other_agency"
    case unavailableNeedsCreation = "unavailable.needs_creation"
    case unavailableUnclearAfterCorrection = "unavailable.unclear_after_correction"
    case notProcessedPetitionComplaint = "not_processed.petition_complaint"
    case notProcessedRepeat = "not_processed.repeat"
    case notProcessedPublication = "not_processed.publication"
    case notProcessedExcessive = "not_processed.excessive"
    case notProcessedConfirmOrReissue = "not_processed.confirm_or_reissue"
    case otherNoCorrection = "other.no_correction"
    case otherFeeUnpaid = "other.fee_unpaid"
    case otherOther = "other.other"

    public var reportRow: RequestReportRow {
        switch self {
        case .disclosed, .disclosedAlreadyPublic: .disclosed
        case .partiallyDisclosed: .partiallyDisclosed
        case .withheldStateSecret: .withheldStateSecret
        case .withheldProhibitedByLaw: .withheldProhibitedByLaw
        case .withheldSecurityStability: .withheldSecurityStability
        case .withheldThirdPartyRights: .withheldThirdParty
        case .withheldInternalAffairs: .withheldInternalAffairs
        case .withheldProcessInformation: .withheldProcessInformation
        case .withheldEnforcementFile: .withheldEnforcementFile
        case .withheldAdministrativeInquiry: .withheldAdministrativeInquiry
        case .unavailableNotHeld, .unavailableOtherAgency: .unavailableNotHeld
        case .unavailableNeedsCreation: .unavailableNeedsCreation
        case .unavailableUnclearAfterCorrection: .unavailableUnclear
        case .notProcessedPetitionComplaint: .notProcessedPetition
        case .notProcessedRepeat: .notProcessedRepeat
        case .notProcessedPublication: .notProcessedPublication
        case .notProcessedExcessive: .notProcessedExcessive
        case .notProcessedConfirmOrReissue: .notProcessedConfirm
        case .otherNoCorrection: .otherNoCorrection
        case .otherFeeUnpaid: .otherFeeUnpaid
        case .otherOther: .otherOther
        }
    }

    /// What the reply letter says the decision is.
    public var label: String {
        switch self {
        case .disclosed: "予以公开"
        case .disclosedAlreadyPublic: "予以公开（已主动公开，告知获取方式和途径）"
        case .partiallyDisclosed: "部分公开"
        case .withheldStateSecret: "不予公开（属于国家秘密）"
        case .withheldProhibitedByLaw: "不予公开（法律、行政法规禁止公开）"
        case .withheldSecurityStability: "不予公开（公开后可能危及国家安全、公共安全、经济安全、社会稳定）"
        case .withheldThirdPartyRights: "不予公开（涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害）"
        case .withheldInternalAffairs: "不予公开（内部事务信息）"
        case .withheldProcessInformation: "不予公开（过程性信息）"
        case .withheldEnforcementFile: "不予公开（行政执法案卷信息）"
        case .withheldAdministrativeInquiry: "不予公开（属于行政查询事项）"
        case .unavailableNotHeld: "无法提供（本机关不掌握该政府信息）"
        case .unavailableOtherAgency: "无法提供（本机关不掌握，告知负责公开的机关）"
        case .unavailableNeedsCreation: "无法提供（没有现成信息，需要另行制作）"
        case .unavailableUnclearAfterCorrection: "无法提供（补正后申请内容仍不明确）"
        case .notProcessedPetitionComplaint: "不予处理（信访、投诉、举报类申请）"
        case .notProcessedRepeat: "不予处理（重复申请）"
        case .notProcessedPublication: "不予处理（要求提供公开出版物）"
        case .notProcessedExcessive: "不予处理（无正当理由大量、反复申请）"
        case .notProcessedConfirmOrReissue: "不予处理（要求确认或者重新出具已获取的信息）"
        case .otherNoCorrection: "不再处理（逾期不补正）"
        case .otherFeeUnpaid: "不再处理（逾期未缴纳信息处理费）"
        case .otherOther: "其他处理"
        }
    }

    /// The provision the letter cites.
    public var legalBasis: String {
        switch self {
        case .disclosed: "《中华人民共和国政府信息公开条例》第三十六条第（二）项"
        case .disclosedAlreadyPublic: "《中华人民共和国政府信息公开条例》第三十六条第（一）项"
        case .partiallyDisclosed: "《中华人民共和国政府信息公开条例》第三十七条"
        case .withheldStateSecret, .withheldProhibitedByLaw, .withheldSecurityStability:
            "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项"
        case .withheldThirdPartyRights: "《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项"
        case .withheldInternalAffairs, .withheldProcessInformation, .withheldEnforcementFile:
            "《中华人民共和国政府信息公开条例》第十六条、第三十六条第（三）项"
        case .withheldAdministrativeInquiry: "《中华人民共和国政府信息公开条例》第三十六条第（七）项"
        case .unavailableNotHeld: "《中华人民共和国政府信息公开条例》第三十六条第（四）项"
        case .unavailableOtherAgency: "《中华人民共和国政府信息公开条例》第三十六条第（五）项"
        case .unavailableNeedsCreation: "《中华人民共和国政府信息公开条例》第三十八条"
        case .unavailableUnclearAfterCorrection: "《中华人民共和国政府信息公开条例》第三十条"
        case .notProcessedPetitionComplaint, .notProcessedPublication: "《中华人民共和国政府信息公开条例》第三十九条"
        case .notProcessedRepeat: "《中华人民共和国政府信息公开条例》第三十六条第（六）项"
        case .notProcessedExcessive: "《中华人民共和国政府信息公开条例》第三十五条"
        // No article names this case; the letter's author cites the provision that applies.
        case .notProcessedConfirmOrReissue: "《中华人民共和国政府信息公开条例》"
        case .otherNoCorrection: "《中华人民共和国政府信息公开条例》第三十条"
        case .otherFeeUnpaid: "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
        case .otherOther: "《中华人民共和国政府信息公开条例》"
        }
    }

    public static func parse(_ text: String) throws(DomainError) -> RequestOutcome {
        guard let o = RequestOutcome(rawValue: text) else {
            throw .invalid("outcome", "未知的办理结果“\(text)”，可选：" + allCases.map(\.rawValue).joined(separator: "、"))
        }
        return o
    }
}

/// Who asked: the annual report's applicant columns, in order.
public enum ApplicantType: String, CaseIterable, Hashable, Sendable, Codable {
    case naturalPerson = "natural_person"
    case business
    case research
    case publicInterest = "public_interest"
    case legalService = "legal_service"
    case other

    public var label: String {
        switch self {
        case .naturalPerson: "自然人"
        case .business: "商业企业"
        case .research: "科研机构"
        case .publicInterest: "社会公益组织"
        case .legalService: "法律服务机构"
        case .other: "其他"
        }
    }

    public var isOrganisation: Bool { self != .naturalPerson }
}
