import Testing
@testable import WSoAEngine

/// Reading CSV as spreadsheets write it, and refusing what cannot be read without guessing.
@Suite struct CSVReaderTests {
    static func fields(_ text: String) throws -> [[String]] {
        try CSVReader.records(Array(text.utf8), file: "t.csv").map(\.fields)
    }

    @Test(arguments: [
        ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
        ("a,b\n1,2", [["a", "b"], ["1", "2"]]),
        ("a,b\r1,2\r", [["a", "b"], ["1", "2"]]),
        ("\u{FEFF}a\r\n\"x, \"\"y\"\"\"\r\n", [["a"], ["x, \"y\""]]),
        ("a\r\n\"two\r\nlines\"\r\n", [["a"], ["two\r\nlines"]]),
        ("a,b\r\n,\r\n\r\n\r\n", [["a", "b"], ["", ""]]),
        ("a,b,c\r\n1,,\"\"\r\n", [["a", "b", "c"], ["1", "", ""]]),
        ("a\r\nsay \"hi\"\r\n", [["a"], ["say \"hi\""]]),
        ("", []),
    ])
    func recordsAreReadAsWritten(text: String, expected: [[String]]) throws {
        #expect(try Self.fields(text) == expected)
    }

    @Test func rowsAreNumberedAsASpreadsheetShowsThemWithBlankLinesSkipped() throws {
        let records = try CSVReader.records(Array("h\r\n\r\n1\r\n\"2\n2\"\r\n3\r\n".utf8), file: "t.csv")
        #expect(records.map(\.row) == [1, 2, 3, 4])
        #expect(records.map(\.fields) == [["h"], ["1"], ["2\n2"], ["3"]])
    }

    @Test(arguments: [
        ("a\r\n\"open\r\n", "row 2", "never closed"),
        ("a\r\n\"x\"y\r\n", "row 2", "followed by other text"),
        ("PK\u{3}\u{4}\u{14}", nil, "workbook"),
    ])
    func whatCannotBeReadIsRefusedWithItsRow(text: String, row: String?, says: String) {
        do {
            _ = try Self.fields(text)
            Issue.record("read \(text.debugDescription)")
        } catch {
            #expect("\(error)".contains(says), "\(error)")
            if let row { #expect("\(error)".contains(row), "\(error)") }
        }
    }

    @Test func bytesThatAreNotUTF8AreRefused() {
        #expect(throws: WSoAError.trackerUnreadable(file: "t.csv", row: nil, reason: "it is not UTF-8 text; save the spreadsheet as 'CSV UTF-8'")) {
            try CSVReader.records([0x49, 0x44, 0x0D, 0x0A, 0xFF, 0xFE], file: "t.csv")
        }
    }

    @Test("every export reads back, cell for cell, as an independent RFC 4180 reader reads it", arguments: ExportKind.allCases)
    func exportsReadBack(kind: ExportKind) throws {
        let plan = try #require(Plan.replay(TestJournals.randomEvents(seed: 9_117, steps: 400)))
        let bytes = CSVWriter.bytes(plan.exportTable(kind))
        let read = try CSVReader.records(bytes, file: "t.csv").map(\.fields)
        #expect(read == CSVWriterTests.parse(String(decoding: bytes.dropFirst(3), as: UTF8.self)))
    }

    @Test(arguments: [[UInt8](repeating: 0x22, count: 1), [0xEF, 0xBB, 0xBF], Array("\"\"\"".utf8), Array(",,,\r\n,,".utf8)])
    func oddInputNeverTraps(bytes: [UInt8]) {
        _ = try? CSVReader.records(bytes, file: "t.csv")
    }
}
