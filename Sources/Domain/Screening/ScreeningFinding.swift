/// Something pre-publication screening found in a text (发布前审查): a personal number, a
/// classification marking or a word on the agency's list of wrong or sensitive words (错敏词).
/// Each finding blocks publishing until it is redacted or accepted with a reason.
public struct ScreeningFinding: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case idNumber = "id_number"
        case mobile
        case bankCard = "bank_card"
        case email
        case address
        case classification
        case sensitiveWord = "sensitive_word"
        /// An attachment whose text cannot be read automatically (PDF, images): a person must
        /// check it and say so.
        case unreadableAttachment = "unreadable_attachment"

        public var label: String {
            switch self {
            case .idNumber: "身份证号"
            case .mobile: "手机号码"
            case .bankCard: "银行卡号"
            case .email: "电子邮箱"
            case .address: "个人住址"
            case .classification: "密级标志"
            case .sensitiveWord: "错敏词"
            case .unreadableAttachment: "附件须人工核对"
            }
        }
    }

    public var kind: Kind
    /// The text found, exactly as it appears.
    public var match: String
    /// Where it starts, in characters (grapheme clusters) from the start of the text.
    public var offset: Int
    /// How many characters it spans.
    public var length: Int
    /// The match with its middle hidden, safe to show in lists and logs.
    public var masked: String
    /// A few characters either side, with the match masked.
    public var context: String
    /// The replacement the agency's word list suggests (错敏词 only).
    public var suggestion: String?
    /// Where it was found: empty for the body, `attachment:<id>` for an attachment's text.
    public var source: String

    public init(
        kind: Kind, match: String, offset: Int, length: Int, masked: String, context: String, suggestion: String? = nil,
        source: String = ""
    ) {
        self.kind = kind
        self.match = match
        self.offset = offset
        self.length = length
        self.masked = masked
        self.context = context
        self.suggestion = suggestion
        self.source = source
    }

    /// The attachment it was found in, if any.
    public var attachmentID: Int64? { source.hasPrefix("attachment:") ? Int64(source.dropFirst("attachment:".count)) : nil }
}

/// An entry of an agency's list of wrong or sensitive words (错敏词库).
public struct SensitiveWord: Hashable, Sendable, Codable {
    public var word: String
    /// What to write instead, when there is a standard replacement (e.g. 卫计委 → 卫生健康委).
    public var replacement: String?

    public init(word: String, replacement: String? = nil) {
        self.word = word
        self.replacement = replacement
    }
}
