/// Writes `JSONValue`s as canonical JSON, the exact bytes stored in journals.
///
/// Canonical means one spelling per value, so a line's SHA-256 depends only on its content:
/// no whitespace, object keys sorted by their UTF-8 bytes, strings escaped minimally (only
/// `"`, `\`, U+0000–U+001F and U+007F; everything else, including `/` and non-ASCII, raw),
/// integers in decimal and doubles in Swift's shortest round-trip form (`12.0`, `0.1`,
/// `1e-07`). NaN and infinities, which JSON cannot express, are written as `null` rather than
/// trapping. A pretty variant exists for people reading `--json` output.
public enum JSONWriter {
    /// Appends the canonical encoding of `value` to `buffer`.
    ///
    /// Appending (rather than returning) lets the journal writer build a whole line, hash
    /// it and write it from one reused buffer.
    public static func write(_ value: JSONValue, into buffer: inout [UInt8]) {
        write(value, into: &buffer, indent: nil)
    }

    /// The canonical encoding of `value` as text.
    public static func string(_ value: JSONValue) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(256)
        write(value, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// A readable encoding of `value`: two-space indentation, sorted keys, `"key": value`.
    ///
    /// Empty arrays and objects stay `[]` and `{}`. No trailing newline, so callers decide.
    public static func pretty(_ value: JSONValue) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(256)
        write(value, into: &buffer, indent: 0)
        return String(decoding: buffer, as: UTF8.self)
    }

    // MARK: Values

    /// Writes `value`; `indent` is the current depth when pretty-printing, `nil` for canonical.
    private static func write(_ value: JSONValue, into buffer: inout [UInt8], indent: Int?) {
        switch value {
        case .null:
            buffer.append(contentsOf: "null".utf8)
        case let .bool(flag):
            buffer.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        case let .int(number):
            writeInteger(number, into: &buffer)
        case let .double(number):
            if number.isFinite {
                buffer.append(contentsOf: number.description.utf8)
            } else {
                buffer.append(contentsOf: "null".utf8)
            }
        case let .string(text):
            writeString(text, into: &buffer)
        case let .array(elements):
            buffer.append(UInt8(ascii: "["))
            if elements.isEmpty {
                buffer.append(UInt8(ascii: "]"))
                return
            }
            let inner = indent.map { $0 + 1 }
            for (index, element) in elements.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                newline(into: &buffer, indent: inner)
                write(element, into: &buffer, indent: inner)
            }
            newline(into: &buffer, indent: indent)
            buffer.append(UInt8(ascii: "]"))
        case let .object(members):
            buffer.append(UInt8(ascii: "{"))
            if members.isEmpty {
                buffer.append(UInt8(ascii: "}"))
                return
            }
            let inner = indent.map { $0 + 1 }
            for (index, member) in sortedMembers(members).enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                newline(into: &buffer, indent: inner)
                writeString(member.key, into: &buffer)
                buffer.append(UInt8(ascii: ":"))
                if inner != nil { buffer.append(UInt8(ascii: " ")) }
                write(member.value, into: &buffer, indent: inner)
            }
            newline(into: &buffer, indent: indent)
            buffer.append(UInt8(ascii: "}"))
        }
    }

    /// In pretty mode, a line break and `indent` levels of two spaces; nothing when canonical.
    private static func newline(into buffer: inout [UInt8], indent: Int?) {
        guard let indent else { return }
        buffer.append(UInt8(ascii: "\n"))
        buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    /// Members with their keys in UTF-8 byte order.
    ///
    /// Not `String.<`, which compares by Unicode canonical ordering and so can disagree with
    /// byte order for non-ASCII keys; byte order is what other tools (`jq -S`, Python's
    /// `sort_keys`) reproduce for ASCII and what makes the bytes well defined for the rest.
    private static func sortedMembers(_ members: [String: JSONValue]) -> [(key: String, value: JSONValue)] {
        members.sorted { precedes($0.key, $1.key) }
    }

    /// Whether `left`'s UTF-8 bytes sort before `right`'s.
    private static func precedes(_ left: String, _ right: String) -> Bool {
        var left = left
        var right = right
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                let shared = min(leftBytes.count, rightBytes.count)
                var index = 0
                while index < shared {
                    let a = leftBytes[index], b = rightBytes[index]
                    if a != b { return a < b }
                    index &+= 1
                }
                return leftBytes.count < rightBytes.count
            }
        }
    }

    /// Writes an integer in decimal without going through `String`.
    private static func writeInteger(_ number: Int64, into buffer: inout [UInt8]) {
        if number < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        // 20 digits hold UInt64.max; fill from the right, then copy the used part.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { scratch in
            var start = scratch.count
            repeat {
                start -= 1
                scratch[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[start...]))
        }
    }

    // MARK: Strings

    /// Writes `text` quoted, escaping only what JSON requires plus U+007F.
    private static func writeString(_ text: String, into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            writeEscaped(bytes, into: &buffer)
        }
        if done == nil {
            writeEscaped(Array(text.utf8), into: &buffer)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Copies runs that need no escaping in one go; escapes the rest byte by byte.
    private static func writeEscaped<Bytes: RandomAccessCollection>(
        _ bytes: Bytes, into buffer: inout [UInt8]
    ) where Bytes.Element == UInt8, Bytes.Index == Int {
        var runStart = bytes.startIndex
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F else { continue }
            buffer.append(contentsOf: bytes[runStart..<index])
            runStart = index + 1
            buffer.append(UInt8(ascii: "\\"))
            switch byte {
            case 0x22: buffer.append(UInt8(ascii: "\""))
            case 0x5C: buffer.append(UInt8(ascii: "\\"))
            case 0x0A: buffer.append(UInt8(ascii: "n"))
            case 0x0D: buffer.append(UInt8(ascii: "r"))
            case 0x09: buffer.append(UInt8(ascii: "t"))
            case 0x08: buffer.append(UInt8(ascii: "b"))
            case 0x0C: buffer.append(UInt8(ascii: "f"))
            default:
                let hex: StaticString = "0123456789abcdef"
                buffer.append(contentsOf: "u00".utf8)
                hex.withUTF8Buffer { digits in
                    buffer.append(digits[Int(byte >> 4)])
                    buffer.append(digits[Int(byte & 0x0F)])
                }
            }
        }
        buffer.append(contentsOf: bytes[runStart..<bytes.endIndex])
    }
}
