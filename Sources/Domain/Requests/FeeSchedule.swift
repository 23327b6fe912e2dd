/// 信息处理费 (国办函〔2020〕109号): progressive charges per request (按件, counted per applicant
/// per calendar month) or per volume (按量, pages of one request). One basis per request, never
/// both. The band rule past the 30th request is a common reading of "以10件为一档，每增加一档，
/// 收费标准提高100元/件" and is marked MEDIUM in the regulation facts, so every figure is a setting.
public struct FeeSchedule: Hashable, Sendable, Codable {
    public enum Basis: String, Hashable, Sendable, Codable, CaseIterable {
        case perRequest = "per_request"
        case perVolume = "per_volume"

        public var label: String {
            switch self {
            case .perRequest: "按件计收"
            case .perVolume: "按量计收"
            }
        }
    }

    /// Requests in a month that are free (the 1st to the 10th).
    public var freeRequests = 10
    /// The last request of the first charged band (the 30th) and its rate in yuan.
    public var firstBandEnd = 30
    public var firstBandYuan = 100
    /// Past the first band: bands of this many requests, each dearer by `bandStepYuan`.
    public var bandSize = 10
    public var bandStepYuan = 100
    /// Page tiers of one request: up to `throughPage` (inclusive) at `yuanPerPage`; the last
    /// tier has no upper bound.
    public var pageTiers: [PageTier] = [
        PageTier(throughPage: 30, yuanPerPage: 0), PageTier(throughPage: 100, yuanPerPage: 10),
        PageTier(throughPage: 200, yuanPerPage: 20), PageTier(throughPage: nil, yuanPerPage: 40),
    ]

    public struct PageTier: Hashable, Sendable, Codable {
        public var throughPage: Int?
        public var yuanPerPage: Int

        public init(throughPage: Int?, yuanPerPage: Int) {
            self.throughPage = throughPage
            self.yuanPerPage = yuanPerPage
        }
    }

    public static let standard = FeeSchedule()

    /// The largest request counted in a month and the most pages of one request that a quote
    /// accepts. Far past any real request (a month's requests from one applicant run to tens, a
    /// large file to thousands of pages), they keep the arithmetic of a mistyped figure bounded.
    public static let maxOrdinal = 100_000
    public static let maxPages = 10_000_000

    public init() {}

    /// The charge for the applicant's `ordinal`-th request in a calendar month (1-based).
    public func perRequestYuan(ordinal: Int) throws(DomainError) -> Int {
        guard ordinal >= 1 else { throw .invalid("ordinal", "ordinal 须为正整数（本月第几件申请）") }
        guard ordinal <= Self.maxOrdinal else {
            throw .invalid("ordinal", "ordinal 不能超过 \(Self.maxOrdinal)（本月第几件申请）")
        }
        if ordinal <= freeRequests { return 0 }
        if ordinal <= firstBandEnd { return firstBandYuan }
        let band = (ordinal - firstBandEnd - 1) / max(1, bandSize) + 1
        return firstBandYuan + band * bandStepYuan
    }

    /// The total for the first `count` requests of a month: the sum of each one's charge.
    public func perRequestTotalYuan(count: Int) throws(DomainError) -> Int {
        guard count >= 0 else { throw .invalid("count", "count 不能为负数") }
        guard count <= Self.maxOrdinal else { throw .invalid("count", "count 不能超过 \(Self.maxOrdinal)") }
        var total = 0
        for n in stride(from: 1, through: count, by: 1) { total += try perRequestYuan(ordinal: n) }
        return total
    }

    /// The charge for one request of `pages` pages, each tier charging only its own part.
    public func perVolumeYuan(pages: Int) throws(DomainError) -> Int {
        guard pages >= 0 else { throw .invalid("pages", "pages 不能为负数") }
        guard pages <= Self.maxPages else { throw .invalid("pages", "pages 不能超过 \(Self.maxPages) 页") }
        var total = 0
        var below = 0
        for tier in pageTiers {
            let top = tier.throughPage.map { min($0, pages) } ?? pages
            if top > below {
                let (part, overflow) = (top - below).multipliedReportingOverflow(by: tier.yuanPerPage)
                let (sum, overflowSum) = total.addingReportingOverflow(part)
                guard !overflow, !overflowSum else { throw .invalid("pages", "费用超出可计算范围，请核对页数和收费标准") }
                total = sum
            }
            below = max(below, tier.throughPage ?? pages)
            if below >= pages { break }
        }
        return total
    }

    public func quote(_ basis: Basis, ordinal: Int?, pages: Int?) throws(DomainError) -> Int {
        switch basis {
        case .perRequest:
            guard let ordinal else { throw .invalid("ordinal", "按件计收须给出 ordinal（本月第几件申请）") }
            return try perRequestYuan(ordinal: ordinal)
        case .perVolume:
            guard let pages else { throw .invalid("pages", "按量计收须给出 pages（页数）") }
            return try perVolumeYuan(pages: pages)
        }
    }
}
