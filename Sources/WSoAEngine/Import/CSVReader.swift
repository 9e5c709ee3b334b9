/// Reads CSV as spreadsheets write it: RFC 4180 (fields quoted with `"` and quotes doubled,
/// line breaks inside quoted fields), with the variations Excel, LibreOffice and Google Sheets
/// produce — a byte-order mark, CRLF, LF or CR line ends, a missing last line end.
///
/// Strict where leniency would change what a row says: a quote left open, or text after a
/// closing quote, is refused with the row it starts in, rather than guessed at; a workbook
/// (`.xlsx`) or any file that is not UTF-8 text is refused before any row is read.
public enum CSVReader {
    /// One record: its row number as a spreadsheet shows it (the header is row 1) and its fields.
    public struct Record: Hashable, Sendable {
        /// The spreadsheet's row number: the record's position, counting the header as 1.
        public let row: Int
        /// The fields, unquoted.
        public let fields: [String]
    }

    /// The records of `bytes`, blank lines skipped (a spreadsheet's trailing empty rows).
    ///
    /// Throws ``WSoAError/trackerUnreadable(file:row:reason:)`` naming `file`.
    public static func records(_ bytes: [UInt8], file: String) throws -> [Record] {
        var body = bytes[...]
        if body.starts(with: CSVWriter.byteOrderMark) { body = body.dropFirst(CSVWriter.byteOrderMark.count) }
        if body.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw WSoAError.trackerUnreadable(file: file, row: nil, reason: "it is a spreadsheet workbook (.xlsx or .ods), not CSV; save it as 'CSV UTF-8'")
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw WSoAError.trackerUnreadable(file: file, row: nil, reason: "it is not UTF-8 text; save the spreadsheet as 'CSV UTF-8'")
        }
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var row = 1
        var quoted = false, afterQuote = false, inQuotes = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?

        func endField() {
            fields.append(field)
            field = ""
            quoted = false
            afterQuote = false
        }
        func endRecord() {
            endField()
            // A record of one empty field is a blank line, not a row.
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(row: row, fields: fields))
                row += 1
            }
            fields = []
        }
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        afterQuote = true
                        pending = next
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\r", "\n":
                if scalar == "\r" {
                    let next = scalars.next()
                    if next != "\n" { pending = next }
                }
                endRecord()
            case "\"" where field.isEmpty && !quoted:
                quoted = true
                inQuotes = true
            default:
                if afterQuote {
                    throw WSoAError.trackerUnreadable(file: file, row: row, reason: "a quoted field is followed by other text before the next comma; a quote inside a quoted field is written twice (\"\")")
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw WSoAError.trackerUnreadable(file: file, row: row, reason: "a quoted field is never closed, so the rest of the file would be read as one cell")
        }
        if !field.isEmpty || !fields.isEmpty || quoted { endRecord() }
        return records
    }
}
