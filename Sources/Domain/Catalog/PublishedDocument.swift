/// A document in the disclosure catalog (政府信息公开目录), in the minimal shape the foundation
/// needs for the portal's home page and demo content; the catalog issue extends it.
public struct PublishedDocument: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var agencyID: Int64
    public var title: String
    public var body: String
    /// 文号, e.g. 银卫发〔2023〕12号; empty when the document has none.
    public var documentNumber: String
    /// 成文日期
    public var writtenOn: CivilDate
    /// 发布日期
    public var publishedOn: CivilDate

    public init(
        id: Int64, agencyID: Int64, title: String, body: String, documentNumber: String, writtenOn: CivilDate, publishedOn: CivilDate
    ) {
        self.id = id
        self.agencyID = agencyID
        self.title = title
        self.body = body
        self.documentNumber = documentNumber
        self.writtenOn = writtenOn
        self.publishedOn = publishedOn
    }
}
