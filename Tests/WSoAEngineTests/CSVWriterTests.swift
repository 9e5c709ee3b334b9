import Testing
@testable import WSoAEngine

/// The CSV a spreadsheet opens: RFC 4180 quoting, CRLF, a byte-order mark, and free text that
/// cannot become a formula.
@Suite struct CSVWriterTests {
    static func csv(_ headers: [String], _ rows: [[ExportCell]]) -> String {
        String(decoding: CSVWriter.bytes(ExportTable(headers: headers, rows: rows)).dropFirst(3), as: UTF8.self)
    }

    @Test func theFileStartsWithAByteOrderMarkAndEndsEveryRecordWithCRLF() {
        let bytes = CSVWriter.bytes(ExportTable(headers: ["ID", "Title"], rows: [[.value("A1"), .text("Café £5")]]))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == "ID,Title\r\nA1,Café £5\r\n")
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a, b", "\"a, b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\r\nlf", "\"cr\r\nlf\""),
        (" padded ", "\" padded \""),
        ("", ""),
    ])
    func fieldsAreQuotedWhenRFC4180NeedsIt(text: String, field: String) {
        #expect(Self.csv(["T"], [[.text(text)]]) == "T\r\n\(field)\r\n")
    }

    @Test(arguments: ["=SUM(A1:A9)", "+44 1234", "-2+3", "@cmd", "\t=1", "\r=1", "=HYPERLINK(\"http://x\",\"y\")"])
    func freeTextThatASpreadsheetWouldRunIsNeutralised(text: String) {
        let line = Self.csv(["T"], [[.text(text)]]).split(separator: "\r\n", omittingEmptySubsequences: false)[1]
        #expect(line.hasPrefix("'") || line.hasPrefix("\"'"), "\(line)")
    }

    @Test func valuesTheEngineWroteAreLeftAlone() {
        #expect(Self.csv(["Value", "Date"], [[.value("-3.5"), .value("2024-01-31")], [.empty, .value("2024-02-29")]])
                == "Value,Date\r\n-3.5,2024-01-31\r\n,2024-02-29\r\n")
    }

    @Test("every kind of export has its headers, ids first, one row per item, withdrawn ones included", arguments: ExportKind.allCases)
    func everyKindExports(kind: ExportKind) {
        let events = TestJournals.randomEvents(seed: 4_242, steps: 400)
        let plan = Plan.replay(events)!
        let table = plan.exportTable(kind)
        #expect(table.headers.first == (kind == .readings ? "Measure ID" : "ID"))
        let expected: Int
        switch kind {
        case .actions: expected = plan.actions.count
        case .measures: expected = plan.measures.count
        case .readings: expected = plan.measures.reduce(0) { $0 + $1.readings.count }
        case .evidence: expected = plan.evidence.count
        case .visits: expected = plan.visits.count
        case .followups: expected = plan.followUps.count
        }
        #expect(table.rows.count == expected)
        #expect(expected > 0 || kind == .followups, "the random plan has no \(kind) to export")  // random plans agree no follow-ups: ExportCommandTests has them
        // Every row parses back to the same cells (the neutralised ones with their apostrophe).
        let text = String(decoding: CSVWriter.bytes(table).dropFirst(3), as: UTF8.self)
        let parsed = Self.parse(text)
        #expect(parsed.count == table.rows.count + 1)
        for (row, cells) in zip(parsed.dropFirst(), table.rows) {
            #expect(row == cells.map(CSVWriter.neutralised))
        }
    }

    /// An RFC 4180 reader, for the round trip (quoted fields, doubled quotes, CRLF inside quotes).
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\r", scalars.first == "\n" {
                scalars.removeFirst()
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        return records
    }
}
