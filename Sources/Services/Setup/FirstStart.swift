public import Domain
import Storage

/// What the server does on a new, empty database: create the root agency and, unless demo
/// content is turned off, a demo commission with departments, an account for every role and a
/// few published documents. Every record is written with its audit entry.
public enum FirstStart: Sendable {
    /// An account created at first start, whose password is shown once in the log.
    public struct Account: Sendable {
        public var username: String
        public var password: String
        public var roles: Set<Role>
    }

    public struct Options: Sendable {
        /// Load demo content (`GONGKAI_DEMO` is not `0`).
        public var demo: Bool
        /// Root agency for a real installation (`GONGKAI_ROOT_AGENCY_NAME`, `GONGKAI_ROOT_CREDIT_CODE`).
        public var rootName: String?
        public var rootCreditCode: String?
        /// One password for every created account (`GONGKAI_DEMO_PASSWORD`, for tests and training rooms).
        public var fixedPassword: String?
        /// With the demo: requests for disclosure at different stages (the server's demo; tests
        /// start with an empty request book).
        public var demoRequests = false

        public init(
            demo: Bool, rootName: String? = nil, rootCreditCode: String? = nil, fixedPassword: String? = nil, demoRequests: Bool = false
        ) {
            self.demo = demo
            self.demoRequests = demoRequests
            self.rootName = rootName
            self.rootCreditCode = rootCreditCode
            self.fixedPassword = fixedPassword
        }
    }

    public enum Outcome: Sendable {
        /// The database already had a root agency; nothing was done.
        case alreadySetUp
        /// Demo content is off and no root agency was named.
        case needsRootAgency
        case created(agency: Agency, accounts: [Account])
    }

    static let demoAgency = (name: "示范市卫生健康委员会", code: "11370812004339255B")

    public static func run(_ env: ServiceEnvironment, options: Options) async throws -> Outcome {
        let database = env.database
        if try await database.stores.agencies.root() != nil { return .alreadySetUp }
        let name: String
        let code: String
        if let n = options.rootName, let c = options.rootCreditCode {
            (name, code) = (n, c)
        } else if options.demo {
            (name, code) = demoAgency
        } else {
            return .needsRootAgency
        }
        try Agency.validate(name: name, creditCode: code)
        if let p = options.fixedPassword { try PasswordPolicy.validate(p) }
        let actor = AuditActor(agencyID: nil, userID: nil, name: "system", address: "local")
        let at = env.nowMillis
        let contact = options.demo ? DemoContent.contact : AgencyContact()
        let agency = try await database.audited(by: actor, atMillis: at) { stores, trail in
            let agency = try await stores.agencies.create(parentID: nil, name: name, creditCode: code, kind: .commission, contact: contact)
            try await trail.log(
                .agencyCreate, .agency, agency.id, agencyID: agency.id, after: CanonicalJSON.text(agency), detail: "first start")
            return agency
        }
        var accounts: [Account] = []
        let plan: [(String, String, Set<Role>)] = options.demo ? DemoContent.accounts : [("admin", "系统管理员", [.systemAdmin])]
        for (username, display, roles) in plan {
            let password = options.fixedPassword ?? generatedPassword()
            _ = try await env.userAdministration.create(
                agencyID: agency.id, departmentID: nil, username: username, displayName: display,
                password: password, roles: roles, by: actor)
            accounts.append(Account(username: username, password: password, roles: roles))
        }
        if options.demo {
            try await DemoContent.load(into: agency, env: env, actor: actor)
            for unit in DemoContent.unitAccounts {
                guard let a = try await database.stores.agencies.find(creditCode: unit.credit) else { continue }
                let password = options.fixedPassword ?? generatedPassword()
                _ = try await env.userAdministration.create(
                    agencyID: a.id, departmentID: nil, username: unit.username, displayName: unit.display, password: password,
                    roles: [.officeAdmin], by: actor)
                accounts.append(Account(username: unit.username, password: password, roles: [.officeAdmin]))
            }
        }
        if options.demo && options.demoRequests {
            try await DemoContent.loadRequests(into: agency, env: env, actor: actor)
            try await DemoContent.loadLedger(into: agency, env: env, actor: actor)
            try await DemoContent.loadAnnualReports(into: agency, env: env, actor: actor)
            try await DemoContent.loadConsultations(into: agency, env: env, actor: actor)
            try await DemoContent.loadMailbox(into: agency, env: env, actor: actor)
            try await DemoContent.loadSurveys(into: agency, env: env, actor: actor)
        }
        return .created(agency: agency, accounts: accounts)
    }

    /// Twelve characters from four classes, so it always meets `PasswordPolicy`.
    static func generatedPassword() -> String {
        let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        let lower = Array("abcdefghijkmnpqrstuvwxyz")
        let digits = Array("23456789")
        let all = upper + lower + digits
        var chars = [upper.randomElement()!, lower.randomElement()!, digits.randomElement()!, "-"]
        for _ in 0..<8 { chars.append(all.randomElement()!) }
        return String(chars.shuffled())
    }
}
