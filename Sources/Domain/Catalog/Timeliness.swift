/// Art. 26 timeliness: information is to be published within 20 working days of being formed
/// or changed (fewer for some categories, e.g. 7 for 行政许可 and 行政处罚 results). And the
/// rule "同步发布" for interpretations: a policy marked as needing one should have it published
/// within a few working days of the policy.
public enum Timeliness {
    public enum State: String, Hashable, Sendable, Codable {
        case onTime = "on_time"
        case late
        /// Not yet published, due date still ahead.
        case due
        /// Not yet published and past its due date.
        case overdue
    }

    /// One document's position against its publication deadline.
    public struct Entry: Hashable, Sendable {
        public var documentID: Int64
        public var departmentID: Int64?
        public var formedOn: CivilDate
        public var dueOn: CivilDate
        public var publishedOn: CivilDate?
        public var state: State
        /// The due date passes through a year whose holiday notice is not loaded yet.
        public var provisional: Bool
    }

    /// The Art. 26 position of a document, or nil when it records no formation date or is not
    /// meant for the portal.
    public static func entry(for d: CatalogDocument, category: CatalogCategory?, calendar: WorkingDayCalendar, today: CivilDate) -> Entry? {
        guard let formed = d.formedOn, d.disclosure.attribute.reachesPortal else { return nil }
        let limit = category?.publishWithinWorkdays ?? 20
        let due = calendar.adding(limit, workdaysTo: formed)
        let state: State
        if let published = d.publishedOn,
            d.workflow.status == .published || d.workflow.status == .withdrawn || d.workflow.status == .expired
        {
            state = published <= due.date ? .onTime : .late
        } else {
            state = today <= due.date ? .due : .overdue
        }
        return Entry(
            documentID: d.id, departmentID: d.departmentID, formedOn: formed, dueOn: due.date,
            publishedOn: d.publishedOn, state: state, provisional: due.provisional)
    }
}

/// Interpretation coverage for a year (政策解读覆盖率): of the policy and normative documents
/// published that year and marked as needing an interpretation, how many have one published,
/// with a 图解, with 音视频, and how many missed the deadline for publishing it.
public struct InterpretationCoverage: Hashable, Sendable {
    public var year: Int
    public var policies: Int
    public var interpreted: Int
    public var withGraphic: Int
    public var withAudioVideo: Int
    /// Policies whose first interpretation came later than the allowed working days, or never
    /// came once that time had passed.
    public var lateOrMissing: [Int64]

    public var interpretedShare: Double { policies == 0 ? 1 : Double(interpreted) / Double(policies) }
    public var graphicShare: Double { policies == 0 ? 1 : Double(withGraphic) / Double(policies) }
    public var audioVideoShare: Double { policies == 0 ? 1 : Double(withAudioVideo) / Double(policies) }

    /// - Parameters:
    ///   - documents: published documents, policies and interpretations alike.
    ///   - withinWorkdays: how many working days after the policy its interpretation may follow (default 3).
    public static func compute(
        year: Int, documents: [CatalogDocument], calendar: WorkingDayCalendar, today: CivilDate,
        withinWorkdays: Int = 3
    ) -> InterpretationCoverage {
        let published = documents.filter { $0.workflow.status == .published }
        var byPolicy: [Int64: [CatalogDocument]] = [:]
        for i in published where i.kind == .interpretation {
            if let target = i.interpretsID { byPolicy[target, default: []].append(i) }
        }
        let policies = published.filter {
            ($0.kind == .policy || $0.kind == .normative) && $0.needsInterpretation && $0.publishedOn?.year == year
        }
        var result = InterpretationCoverage(
            year: year, policies: policies.count, interpreted: 0, withGraphic: 0, withAudioVideo: 0, lateOrMissing: [])
        for p in policies {
            let interpretations = byPolicy[p.id] ?? []
            if !interpretations.isEmpty { result.interpreted += 1 }
            if interpretations.contains(where: { $0.interpretationForm == .graphic }) { result.withGraphic += 1 }
            if interpretations.contains(where: { $0.interpretationForm == .audioVideo }) { result.withAudioVideo += 1 }
            guard let policyDate = p.publishedOn else { continue }
            let deadline = calendar.adding(withinWorkdays, workdaysTo: policyDate).date
            let first = interpretations.compactMap(\.publishedOn).min()
            if let first {
                if first > deadline { result.lateOrMissing.append(p.id) }
            } else if today > deadline {
                result.lateOrMissing.append(p.id)
            }
        }
        return result
    }
}
