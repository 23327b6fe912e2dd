/// One arithmetic check of the report (勾稽关系) and, when it fails, the cell it points at.
public struct AnnualReportCheck: Hashable, Sendable, Codable {
    public var name: String
    public var ok: Bool
    /// What is wrong, naming the cell; empty when the check passes.
    public var message: String
    /// The key of the cell that disagrees (the total), when the check fails.
    public var cell: String?

    public init(name: String, ok: Bool, message: String = "", cell: String? = nil) {
        self.name = name
        self.ok = ok
        self.message = message
        self.cell = cell
    }
}

extension AnnualFigures {
    /// Every check of the format, in table order:
    /// - table 三, per column: 一 + 二 = 三（七）总计 + 四 (the format's own 勾稽关系);
    /// - table 三, per column: （七）总计 is the sum of every outcome row;
    /// - table 三, per row: 总计 is the sum of the six applicant columns;
    /// - table 四, per group: 总计 is the sum of its four results.
    public var checks: [AnnualReportCheck] {
        var out: [AnnualReportCheck] = []
        func count(_ row: RequestReportRow, _ column: String) -> Int { requests[row.rawValue]?[column] ?? 0 }
        for c in Self.requestColumns {
            let label = Self.columnLabel(c)
            let left = count(.newThisYear, c) + count(.carriedIn, c)
            let right = count(.total, c) + count(.carriedOut, c)
            out.append(
                AnnualReportCheck(
                    name: "表三「\(label)」列：一加二等于三（七）总计加四", ok: left == right,
                    message: left == right
                        ? "" : "表三「\(label)」列：一、二之和为 \(left)，三（七）总计与四之和为 \(right)，二者不等；请核对本列的“（七）总计”或“四、结转下年度继续办理”",
                    cell: left == right ? nil : "t3.\(RequestReportRow.total.rawValue).\(c)"))
        }
        for c in Self.requestColumns {
            let label = Self.columnLabel(c)
            let sum = RequestReportRow.outcomeRows.reduce(0) { $0 + count($1, c) }
            let total = count(.total, c)
            out.append(
                AnnualReportCheck(
                    name: "表三「\(label)」列：（七）总计等于各项办理结果之和", ok: sum == total,
                    message: sum == total ? "" : "表三「（七）总计」行「\(label)」列为 \(total)，但（一）至（六）各项之和为 \(sum)",
                    cell: sum == total ? nil : "t3.\(RequestReportRow.total.rawValue).\(c)"))
        }
        for row in RequestReportRow.allCases {
            let sum = ApplicantType.allCases.reduce(0) { $0 + count(row, $1.rawValue) }
            let total = count(row, Self.totalColumn)
            out.append(
                AnnualReportCheck(
                    name: "表三「\(row.label)」行：总计等于六类申请人之和", ok: sum == total,
                    message: sum == total ? "" : "表三「\(row.label)」行「总计」列为 \(total)，但六类申请人之和为 \(sum)",
                    cell: sum == total ? nil : "t3.\(row.rawValue).\(Self.totalColumn)"))
        }
        for kind in RequestAppeal.Kind.allCases {
            let sum = RequestAppeal.Result.allCases.reduce(0) { $0 + (appeals[kind.rawValue]?[$1.rawValue] ?? 0) }
            let total = appeals[kind.rawValue]?[Self.totalColumn] ?? 0
            out.append(
                AnnualReportCheck(
                    name: "表四「\(kind.label)」：总计等于结果维持、结果纠正、其他结果、尚未审结之和", ok: sum == total,
                    message: sum == total ? "" : "表四「\(kind.label)」的总计为 \(total)，但四项之和为 \(sum)",
                    cell: sum == total ? nil : "t4.\(kind.rawValue).\(Self.totalColumn)"))
        }
        return out
    }

    public var failedChecks: [AnnualReportCheck] { checks.filter { !$0.ok } }
}
