import Domain
import Hummingbird
import Services

/// 信息处理费 quotes (国办函〔2020〕109号) for request handlers: what the N-th request of an
/// applicant in a month costs, or a request of N pages.
struct FeesController {
    let env: WebEnvironment

    func register(on router: Router<GongkaiRequestContext>) {
        router.staff(.get, Routes.API.feesQuote, .roles([.requestHandler, .officeAdmin]), use: quote)
        router.staff(.get, Routes.API.feesCollected, .roles([.requestHandler, .officeAdmin]), use: collected)
    }

    struct Quote: ResponseEncodable {
        var basis: FeeSchedule.Basis
        var basisLabel: String
        var amountYuan: Int
    }

    @Sendable func quote(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Quote {
        let q = request.uri.queryParameters
        guard let text = q["basis"].map(String.init), let basis = FeeSchedule.Basis(rawValue: text) else {
            throw DomainError.invalid("basis", "basis 须为 per_request（按件）或 per_volume（按量）")
        }
        func number(_ name: String) throws(DomainError) -> Int? {
            guard let raw = q[Substring(name)].map(String.init) else { return nil }
            guard let n = Int(raw), n >= 0, n <= 1_000_000 else { throw .invalid(name, "\(name) 须为 0 到 1000000 之间的整数") }
            return n
        }
        let amount = try env.rules.fees.quote(basis, ordinal: try number("ordinal"), pages: try number("pages"))
        return Quote(basis: basis, basisLabel: basis.label, amountYuan: amount)
    }

    struct Collected: ResponseEncodable {
        var year: Int
        var requests: Int
        var amountYuan: Int
    }

    /// What the agency collected in a year, by the date of payment (the annual report's 信息处理费).
    @Sendable func collected(_ request: Request, context: GongkaiRequestContext, identity: StaffIdentity) async throws -> Collected {
        let text = request.uri.queryParameters["year"].map(String.init) ?? ""
        let year = text.isEmpty ? env.today.year : Int(text) ?? -1
        guard (2008...2100).contains(year) else { throw DomainError.invalid("year", "year 须为四位年份") }
        let paid = try await env.database.stores.requests.withFeesPaid(agencyID: identity.agency.id).compactMap(\.handling.fee).filter {
            $0.paidOn?.year == year
        }
        return Collected(year: year, requests: paid.count, amountYuan: paid.reduce(0) { $0 + ($1.paidYuan ?? 0) })
    }
}
