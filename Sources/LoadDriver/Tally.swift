/// What one simulated client saw: latencies in milliseconds by kind of request, and failures.
struct Tally {
    var latencies: [String: [Double]] = [:]
    var errors: [String: Int] = [:]
    var samples: [String] = []

    mutating func record(_ label: String, _ millis: Double) {
        latencies[label, default: []].append(millis)
    }

    mutating func fail(_ label: String, _ what: String) {
        errors[label, default: 0] += 1
        if samples.count < 5 { samples.append("\(label): \(what)") }
    }

    mutating func merge(_ other: Tally) {
        for (k, v) in other.latencies { latencies[k, default: []] += v }
        for (k, v) in other.errors { errors[k, default: 0] += v }
        samples += other.samples.prefix(max(0, 10 - samples.count))
    }

    var errorCount: Int { errors.values.reduce(0, +) }

    /// The value at fraction `p` (0…1) of the sorted list, nearest rank.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
