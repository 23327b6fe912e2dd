public import Domain
import Foundation

/// The audit archive as a CSV file for auditors (档案留存备查).
public enum AuditExport {
    public static let header = [
        "序号", "时间（北京时间）", "机关ID", "操作人ID", "操作人", "来源地址", "操作", "对象类型", "对象ID",
        "变更前摘要", "变更后摘要", "说明", "前一条哈希", "本条哈希",
    ]

    public static func csv(_ entries: [AuditEntry]) -> CSVTable {
        var table = CSVTable(header: header)
        for e in entries {
            table.append([
                String(e.seq), beijingTime(e.atMillis), e.agencyID.map(String.init) ?? "", e.actorID.map(String.init) ?? "", e.actorName,
                e.remoteAddress, e.action, e.recordType, e.recordID, e.beforeDigest, e.afterDigest, e.detail, e.previousHash, e.hash,
            ])
        }
        return table
    }

    /// `2026-11-23 14:05:09` in UTC+8, the time zone every Chinese agency works in.
    public static func beijingTime(_ millis: Int64) -> String {
        let seconds = Int(millis / 1000) + 8 * 3600
        let date = CivilDate(daysSinceEpoch: Int(floor(Double(seconds) / 86400)))
        let s = ((seconds % 86400) + 86400) % 86400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date.description) \(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))"
    }
}
