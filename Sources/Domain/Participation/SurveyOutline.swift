import Foundation

/// The questions of a survey written as plain text, so staff can draft a questionnaire in one
/// text box (or paste it from a Word document) without a form builder:
///
///     1. 【单选】您的年龄段 *
///     - 18 岁以下
///     - 18 至 60 岁
///     - 60 岁以上
///     2. 【量表 1-5】您对网站的总体满意度 *
///     3. 【填空】请说明不满意的原因（当第 2 题选 1、2 时显示）
///
/// A question line holds the kind in brackets (单选, 多选, 量表 with its points, 填空), the
/// question, `*` when it must be answered, and an optional condition; option lines start with
/// a dash. Numbers before the bracket are optional: questions are numbered in order.
public enum SurveyOutline {
    public static func parse(_ text: String) throws(DomainError) -> [Survey.Question] {
        var questions: [Survey.Question] = []
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let at = "第 \(index + 1) 行"
            if let first = line.first, "-－·•".contains(first) {
                let option = line.dropFirst().trimmingCharacters(in: .whitespaces)
                guard var q = questions.popLast(), q.kind == .single || q.kind == .multiple else {
                    throw .invalid("outline", "\(at)：选项须写在单选或多选题的下面")
                }
                guard !option.isEmpty else { throw .invalid("outline", "\(at)：选项为空") }
                q.options.append(option)
                questions.append(q)
                continue
            }
            questions.append(try question(line, number: questions.count + 1, at: at))
        }
        do {
            try Survey.check(questions)
        } catch {
            if case .invalid(_, let message) = error { throw .invalid("outline", message) }
            throw error
        }
        return questions
    }

    static func question(_ line: String, number: Int, at: String) throws(DomainError) -> Survey.Question {
        // An optional number: "1." "1、" "1．" "(1)".
        var rest = Substring(line)
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, let next = rest.dropFirst(digits.count).first, ".、．)）".contains(next) {
            rest = rest.dropFirst(digits.count + 1).drop(while: { $0 == " " })
        }
        guard let open = rest.first, "【[".contains(open), let close = rest.firstIndex(where: { "】]".contains($0) }) else {
            throw .invalid("outline", "\(at)：题目须以【单选】【多选】【量表】或【填空】开头，选项以“-”开头")
        }
        let marker = rest[rest.index(after: rest.startIndex)..<close].replacingOccurrences(of: " ", with: "")
        var title = rest[rest.index(after: close)...].trimmingCharacters(in: .whitespaces)
        var q = Survey.Question(number: number, kind: .text, title: "")
        switch marker.prefix(2) {
        case "单选": q.kind = .single
        case "多选": q.kind = .multiple
        case "填空", "问答": q.kind = .text
        case "量表":
            q.kind = .scale
            let range = marker.dropFirst(2)
            if !range.isEmpty {
                let parts = range.split(whereSeparator: { "-－~～至".contains($0) })
                guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]) else {
                    throw .invalid("outline", "\(at)：量表的分值写作【量表 1-5】")
                }
                q.scaleMin = low
                q.scaleMax = high
            }
        default:
            throw .invalid("outline", "\(at)：不认识的题型“\(marker)”（可用：单选、多选、量表、填空）")
        }
        // A condition in brackets at the end: （当第 2 题选 1、2 时显示）.
        if let last = title.last, "）)".contains(last), let start = title.lastIndex(where: { "（(".contains($0) }) {
            let inner = title[title.index(after: start)..<title.index(before: title.endIndex)].replacingOccurrences(of: " ", with: "")
            if inner.hasPrefix("当第"), inner.hasSuffix("时显示") {
                let body = inner.dropFirst(2).dropLast(3)
                guard let split = body.range(of: "题选") ?? body.range(of: "题为"), let source = Int(body[..<split.lowerBound]) else {
                    throw .invalid("outline", "\(at)：显示条件写作“（当第 2 题选 1、2 时显示）”")
                }
                let values = body[split.upperBound...].split(whereSeparator: { "、,，或".contains($0) }).map { Int($0) }
                guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else {
                    throw .invalid("outline", "\(at)：显示条件中的选项写作数字，如“选 1、2”")
                }
                q.condition = Survey.Condition(question: source, values: values.compactMap { $0 })
                title = title[..<start].trimmingCharacters(in: .whitespaces)
            }
        }
        if let last = title.last, "*＊".contains(last) {
            q.required = true
            title = title.dropLast().trimmingCharacters(in: .whitespaces)
        }
        q.title = title
        return q
    }

    /// The questions written back in the outline form (what the editor shows).
    public static func text(_ questions: [Survey.Question]) -> String {
        questions.map { q in
            let kind = q.kind == .scale ? "量表 \(q.scaleMin)-\(q.scaleMax)" : q.kind.label
            var line = "\(q.number). 【\(kind)】\(q.title)"
            if q.required { line += " *" }
            if let c = q.condition {
                line += "（当第 \(c.question) 题选 \(c.values.map(String.init).joined(separator: "、")) 时显示）"
            }
            return ([line] + q.options.map { "- \($0)" }).joined(separator: "\n")
        }
        .joined(separator: "\n")
    }

    /// The condition in words, for the form (“第 2 题选“不满意”时回答”).
    public static func describe(_ c: Survey.Condition, in survey: Survey) -> String {
        guard (1...survey.questions.count).contains(c.question) else { return "" }
        let source = survey.questions[c.question - 1]
        let values = c.values.map { source.kind == .scale ? "\($0) 分" : "“\(source.describe($0))”" }
        return "第 \(c.question) 题选择\(values.joined(separator: "或"))时回答"
    }
}
