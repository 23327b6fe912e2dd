import Foundation

/// An agency on the installation (机关或单位): a municipal commission, a subordinate unit
/// (委属单位) or a county commission. Agencies form a tree through `parentID`.
public struct Agency: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var parentID: Int64?
    public var name: String
    /// 统一社会信用代码 (18 characters, GB 32100-2015).
    public var creditCode: String
    public var kind: AgencyKind
    /// The 指南 contact block required by Art. 12.
    public var contact: AgencyContact
    /// Its own host name, title and colour on the shared installation.
    public var site: AgencySite

    public init(
        id: Int64, parentID: Int64?, name: String, creditCode: String, kind: AgencyKind, contact: AgencyContact,
        site: AgencySite = AgencySite()
    ) {
        self.id = id
        self.parentID = parentID
        self.name = name
        self.creditCode = creditCode
        self.kind = kind
        self.contact = contact
        self.site = site
    }

    /// The name in the portal's header.
    public var siteTitle: String { site.title.isEmpty ? name : site.title }

    public static func validate(name: String, creditCode: String) throws(DomainError) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.count > 100 { throw .invalid("name", "机关名称须为 1-100 个字") }
        try CreditCode.validate(creditCode)
    }
}

/// What sort of body an agency is.
public enum AgencyKind: String, CaseIterable, Codable, Sendable {
    case commission  // 卫生健康委员会
    case subordinate  // 委属单位
    case county  // 县（区）卫生健康委
    case hospital  // 医疗卫生机构

    public var label: String {
        switch self {
        case .commission: "卫生健康委员会"
        case .subordinate: "委属单位"
        case .county: "县（区）卫生健康委"
        case .hospital: "医疗卫生机构"
        }
    }
}

/// The disclosure office's contact block (政府信息公开工作机构), shown in the 公开指南.
public struct AgencyContact: Hashable, Sendable, Codable {
    public var office: String
    public var address: String
    public var officeHours: String
    public var phone: String
    public var fax: String
    public var email: String

    public init(
        office: String = "", address: String = "", officeHours: String = "", phone: String = "", fax: String = "", email: String = ""
    ) {
        self.office = office
        self.address = address
        self.officeHours = officeHours
        self.phone = phone
        self.fax = fax
        self.email = email
    }
}

/// A department inside an agency (科室 / 处室).
public struct Department: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var agencyID: Int64
    public var name: String

    public init(id: Int64, agencyID: Int64, name: String) {
        self.id = id
        self.agencyID = agencyID
        self.name = name
    }
}
