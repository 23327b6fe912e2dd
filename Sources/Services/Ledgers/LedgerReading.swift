public import Domain
public import Foundation
import OfficeFiles

/// Reads a plan or ledger file into tokens for `LedgerImporter`: plain text as it is (tab-led
/// lines are table cells), a .docx through the document importer with its table cells kept apart.
public enum LedgerReading: Sendable {
    public static func sections(from data: Data, fileName: String) throws(DomainError) -> [ImportedSection] {
        LedgerImporter.parse(try tokens(from: data, fileName: fileName))
    }

    static func tokens(from data: Data, fileName: String) throws(DomainError) -> [LedgerImporter.Token] {
        let kind = FileKind.detect(data, fileName: fileName)
        if kind == .docx {
            let markup: String
            do { markup = try DocumentImporter.markup(from: data, fileName: fileName) } catch { throw .invalid("file", error.message) }
            var tokens: [LedgerImporter.Token] = []
            for block in RichText.parse(markup) {
                switch block {
                case .heading(_, let text), .paragraph(let text): tokens.append(.text(text))
                case .list(let ordered, let items):
                    for (n, item) in items.enumerated() { tokens.append(.text(ordered ? "\(n + 1). \(item)" : item)) }
                case .table(_, let rows):
                    for row in rows { tokens += row.map { .cell($0) } }
                }
            }
            return tokens
        }
        let text: String
        do { text = try TextDecoding.decode(data) } catch { throw .invalid("file", "只能导入 .txt（UTF-8 或 GB18030）或 .docx 文件") }
        return LedgerImporter.tokens(fromText: text)
    }
}
