import Foundation

/// 政府信息公开申请答复告知书: the letter that answers a request. A draft is written from the
/// outcome's template and may be edited; sending numbers it (per agency and year) and freezes it.
public struct ReplyLetter: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable {
        case draft
        case sent

        public var label: String { self == .draft ? "草稿" : "已发出" }
    }

    public var id: Int64
    public var agencyID: Int64
    public var requestID: Int64
    public var outcome: RequestOutcome
    public var title: String
    /// Paragraphs separated by blank lines; the addressee is the first one.
    public var body: String
    public var status: Status
    /// Given when the letter is sent: `{agency}依申请公开答复〔YYYY〕N号`.
    public var number: String?
    public var year: Int?
    public var serial: Int?
    public var sentOn: CivilDate?
    public var createdAtMillis: Int64
    public var updatedAtMillis: Int64

    public init(
        id: Int64 = 0, agencyID: Int64, requestID: Int64, outcome: RequestOutcome, title: String = "政府信息公开申请答复告知书",
        body: String, status: Status = .draft, number: String? = nil, year: Int? = nil, serial: Int? = nil, sentOn: CivilDate? = nil,
        createdAtMillis: Int64 = 0, updatedAtMillis: Int64 = 0
    ) {
        self.id = id
        self.agencyID = agencyID
        self.requestID = requestID
        self.outcome = outcome
        self.title = title
        self.body = body
        self.status = status
        self.number = number
        self.year = year
        self.serial = serial
        self.sentOn = sentOn
        self.createdAtMillis = createdAtMillis
        self.updatedAtMillis = updatedAtMillis
    }

    /// The letter's paragraphs, blank lines dropped.
    public var paragraphs: [String] {
        body.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public static func number(agencyShortName: String, year: Int, serial: Int) -> String {
        "\(agencyShortName)依申请公开答复〔\(year)〕\(serial)号"
    }

    /// Checks an edited body: not empty, not huge, and still citing the legal basis and the remedies.
    public static func checkBody(_ body: String) throws(DomainError) -> String {
        // A browser's textarea sends CRLF; "\r\n" is one Character in Swift, so keep LF only.
        let t = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw .invalid("body", "答复告知书的正文不能为空") }
        guard t.count <= 20_000 else { throw .invalid("body", "答复告知书至多 20000 字") }
        guard t.contains("行政复议") && t.contains("行政诉讼") else {
            throw .invalid("body", "答复告知书须告知申请人申请行政复议和提起行政诉讼的权利")
        }
        return t
    }
}

/// The default wording of a reply letter for each outcome: the decision, its legal basis and the
/// applicant's remedies. Facts the template cannot know are asked for (`Details`).
public enum ReplyLetterTemplate {
    public struct Details: Hashable, Sendable {
        /// disclosed.already_public: where the information is published (an address or a title).
        public var publishedAt: String = ""
        /// unavailable.other_agency: the agency that is responsible and how to reach it.
        public var responsibleAgency: String = ""
        /// Anything the handler adds to the decision paragraph (which parts are withheld and why...).
        public var note: String = ""

        public init(publishedAt: String = "", responsibleAgency: String = "", note: String = "") {
            self.publishedAt = publishedAt
            self.responsibleAgency = responsibleAgency
            self.note = note
        }
    }

    /// Facts an outcome's letter cannot go without.
    public static func check(_ outcome: RequestOutcome, _ d: Details) throws(DomainError) {
        if outcome == .disclosedAlreadyPublic && d.publishedAt.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalid("publishedAt", "已主动公开的，须告知申请人获取该信息的方式和途径")
        }
        if outcome == .unavailableOtherAgency && d.responsibleAgency.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalid("responsibleAgency", "须告知申请人负责公开该信息的行政机关名称和联系方式")
        }
    }

    public static func draft(
        outcome: RequestOutcome, applicantName: String, receivedOn: CivilDate, description: String, agencyName: String,
        details: Details, replyOn: CivilDate
    ) -> String {
        let asked = description.count > 200 ? String(description.prefix(200)) + "……" : description
        var lines = [
            "\(applicantName)：",
            "本机关于\(receivedOn.chinese)收到您提出的政府信息公开申请，您申请获取的信息为：“\(asked)”。",
            decision(outcome, details),
        ]
        let note = details.note.trimmingCharacters(in: .whitespacesAndNewlines)
        if !note.isEmpty { lines.append(note) }
        lines.append("以上答复的依据为\(outcome.legalBasis)。")
        lines.append(
            "如对本答复不服，您可以在收到本答复之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。")
        lines.append("特此告知。")
        lines.append(agencyName)
        lines.append(replyOn.chinese)
        return lines.joined(separator: "\n\n")
    }

    static func decision(_ outcome: RequestOutcome, _ d: Details) -> String {
        switch outcome {
        case .disclosed: "经审查，您申请获取的信息属于可以公开的政府信息，本机关予以公开，现随本告知书一并提供。"
        case .disclosedAlreadyPublic: "经审查，您申请获取的信息已经主动公开，您可以通过以下方式和途径获取：\(d.publishedAt)。"
        case .partiallyDisclosed:
            "经审查，您申请获取的信息中含有不应当公开的内容，但能够作区分处理。本机关向您提供可以公开的部分，不予公开的部分及理由说明如下。"
        case .withheldStateSecret: "经审查，您申请获取的信息依法确定为国家秘密，本机关决定不予公开。"
        case .withheldProhibitedByLaw: "经审查，您申请获取的信息属于法律、行政法规禁止公开的政府信息，本机关决定不予公开。"
        case .withheldSecurityStability: "经审查，您申请获取的信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关决定不予公开。"
        case .withheldThirdPartyRights:
            "经审查，您申请获取的信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关决定不予公开。"
        case .withheldInternalAffairs: "经审查，您申请获取的信息属于人事管理、后勤管理、内部工作流程等内部事务信息，本机关决定不予公开。"
        case .withheldProcessInformation:
            "经审查，您申请获取的信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，本机关决定不予公开。"
        case .withheldEnforcementFile: "经审查，您申请获取的信息属于行政执法案卷信息，本机关决定不予公开。"
        case .withheldAdministrativeInquiry:
            "经审查，您申请获取的信息属于工商、不动产登记资料等依照有关法律、行政法规的规定办理查询的事项，请您按照相关规定办理。"
        case .unavailableNotHeld: "经检索查找，本机关未制作或者获取您申请的政府信息，该政府信息不存在。"
        case .unavailableOtherAgency: "经审查，您申请获取的信息不属于本机关负责公开。负责公开该信息的行政机关为：\(d.responsibleAgency)。"
        case .unavailableNeedsCreation: "经审查，本机关没有您申请的现成信息，需要对现有政府信息进行加工、分析方能提供，本机关不予提供。"
        case .unavailableUnclearAfterCorrection: "您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息，无法提供。"
        case .notProcessedPetitionComplaint: "经审查，您以政府信息公开申请的形式进行信访、投诉、举报，本机关不作为政府信息公开申请处理，请您通过相应渠道提出。"
        case .notProcessedRepeat: "经审查，您的申请与此前已经答复的申请内容相同，属于重复申请，本机关不予重复处理。"
        case .notProcessedPublication: "经审查，您要求提供的是公开出版物，本机关不作为政府信息公开申请处理，您可以通过公开出版物的发行渠道获取。"
        case .notProcessedExcessive: "经审查，您无正当理由大量、反复申请政府信息公开，本机关不予处理。"
        case .notProcessedConfirmOrReissue: "经审查，您要求本机关确认或者重新出具已经获取的信息，本机关不作为政府信息公开申请处理。"
        case .otherNoCorrection: "本机关已向您发出补正通知，您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。"
        case .otherFeeUnpaid: "本机关已向您发出收费通知，您逾期未缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。"
        case .otherOther: "经审查，本机关对您的申请作出如下处理。"
        }
    }
}
