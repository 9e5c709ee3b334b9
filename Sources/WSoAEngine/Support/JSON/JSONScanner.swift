#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads JSON (RFC 8259) one token at a time from bytes: the one tokenizer behind both
/// `JSONReader`, which builds trees, and `JSONObjectReader`, which reads journal lines.
///
/// Strict: UTF-8 must be well formed, strings may hold no raw control characters, escapes
/// must be valid (surrogates paired), numbers must follow the grammar (no leading zeros, no
/// `NaN`), and nesting stops at `maximumDepth`. Every failure is a
/// `WSoAError.malformedJSON` with the byte offset where reading stopped.
///
/// The bytes must outlive the scanner: it keeps a pointer to them, which is why it is only
/// ever made inside a `withUnsafeBytes` scope.
struct JSONScanner {
    /// The first byte.
    let base: UnsafePointer<UInt8>
    /// One past the last byte, as an offset from `base`.
    let end: Int
    /// The next byte to read.
    var pos: Int

    /// How deep arrays and objects may nest; deeper input is refused before it can exhaust the stack.
    static let maximumDepth = 512

    /// A scanner over `bytes[start..<end]` (offsets in errors count from the start of `bytes`).
    init(_ bytes: UnsafeRawBufferPointer, from start: Int = 0, to end: Int? = nil) {
        // An empty buffer may have no address; any valid pointer will do, since nothing is read.
        base = bytes.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) } ?? UnsafePointer(bitPattern: 1)!
        self.end = end ?? bytes.count
        pos = start
    }

    /// Whether every byte has been read.
    var atEnd: Bool { pos >= end }

    // MARK: Structure

    /// Skips RFC 8259 whitespace only: space, tab, line feed, carriage return.
    @inline(__always)
    mutating func skipWhitespace() {
        while pos < end {
            switch base[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos &+= 1
            default: return
            }
        }
    }

    /// Reads `byte` (after any whitespace) or throws.
    mutating func expect(_ byte: UInt8) throws {
        skipWhitespace()
        guard pos < end else { throw endOfInput() }
        guard base[pos] == byte else { throw unexpected(at: pos) }
        pos &+= 1
    }

    /// The first byte of the next value (after whitespace), or a failure at the end of input.
    mutating func peekValue() throws -> UInt8 {
        skipWhitespace()
        guard pos < end else { throw endOfInput() }
        return base[pos]
    }

    /// Reads the members of the object that comes next, calling `member` with each key and the
    /// offset of its opening quote (the scanner then stands at the member's value, which
    /// `member` must read).
    ///
    /// `depth` is the nesting level of this object, checked against `maximumDepth`.
    mutating func object(depth: Int, _ member: (inout JSONScanner, JSONString, Int) throws -> Void) throws {
        try enter(UInt8(ascii: "{"), depth: depth)
        skipWhitespace()
        if pos < end, base[pos] == UInt8(ascii: "}") {
            pos &+= 1
            return
        }
        while true {
            skipWhitespace()
            guard pos < end else { throw endOfInput() }
            guard base[pos] == UInt8(ascii: "\"") else { throw unexpected(at: pos) }
            let offset = pos
            let key = try string()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            try member(&self, key, offset)
            if try closes(UInt8(ascii: "}")) { return }
        }
    }

    /// Reads the elements of the array that comes next, calling `element` with the scanner
    /// standing at each (which `element` must read).
    mutating func array(depth: Int, _ element: (inout JSONScanner) throws -> Void) throws {
        try enter(UInt8(ascii: "["), depth: depth)
        skipWhitespace()
        if pos < end, base[pos] == UInt8(ascii: "]") {
            pos &+= 1
            return
        }
        while true {
            skipWhitespace()
            try element(&self)
            if try closes(UInt8(ascii: "]")) { return }
        }
    }

    /// Reads the opening bracket of a container at `depth`.
    private mutating func enter(_ bracket: UInt8, depth: Int) throws {
        skipWhitespace()
        guard pos < end else { throw endOfInput() }
        guard base[pos] == bracket else { throw unexpected(at: pos) }
        guard depth < JSONScanner.maximumDepth else {
            throw fail("nesting deeper than \(JSONScanner.maximumDepth) levels", at: pos)
        }
        pos &+= 1
    }

    /// After a member or element: true at the closing bracket (read), false at a comma (read).
    private mutating func closes(_ bracket: UInt8) throws -> Bool {
        skipWhitespace()
        guard pos < end else { throw endOfInput() }
        switch base[pos] {
        case UInt8(ascii: ","):
            pos &+= 1
            return false
        case bracket:
            pos &+= 1
            return true
        default:
            throw unexpected(at: pos)
        }
    }

    /// Reads past one value of any kind, checking it as thoroughly as reading it would.
    mutating func skipValue(depth: Int) throws {
        switch try peekValue() {
        case UInt8(ascii: "{"): try object(depth: depth) { scanner, _, _ in try scanner.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): try array(depth: depth) { scanner in try scanner.skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): try null()
        default: _ = try number()
        }
    }

    /// Moves past the array or object that starts here by matching brackets outside strings,
    /// without checking what is inside: for a reader that only needs to find where it ends now
    /// and reads (and checks) it in full later. Fails only when no end is found.
    mutating func passContainer() throws {
        let start = pos
        var depth = 0
        while pos < end {
            let byte = base[pos]
            switch byte {
            case UInt8(ascii: "\""):
                // To the closing quote: past any escaped character, eight plain bytes at a time.
                pos &+= 1
                while true {
                    while pos &+ 8 <= end,
                          JSONScanner.quoteOrBackslashMask(UInt64(littleEndian: UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self))) == 0 {
                        pos &+= 8
                    }
                    guard pos < end else { throw fail("unterminated string", at: start) }
                    if base[pos] == UInt8(ascii: "\"") { break }
                    pos &+= base[pos] == UInt8(ascii: "\\") ? 2 : 1
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth &+= 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth &-= 1
                if depth == 0 {
                    pos &+= 1
                    return
                }
            default:
                break
            }
            pos &+= 1
        }
        throw fail("unexpected end of input", at: start)
    }

    // MARK: Literals

    /// Reads `true` or `false`.
    mutating func bool() throws -> Bool {
        if try literal("true") { return true }
        if try literal("false") { return false }
        throw unexpected(at: pos)
    }

    /// Reads `null`.
    mutating func null() throws {
        guard try literal("null") else { throw unexpected(at: pos) }
    }

    /// Reads `word` if the next value starts with its first letter; false when it does not, a
    /// failure when it starts like it but is not it.
    private mutating func literal(_ word: StaticString) throws -> Bool {
        guard try peekValue() == word.utf8Start[0] else { return false }
        for index in 0..<word.utf8CodeUnitCount {
            guard pos &+ index < end else { throw fail("unexpected end of input", at: end) }
            guard base[pos &+ index] == word.utf8Start[index] else { throw unexpected(at: pos &+ index) }
        }
        pos &+= word.utf8CodeUnitCount
        return true
    }

    // MARK: Strings

    /// Reads the string that comes next, checking every byte; its text is either a run of the
    /// input (no escapes) or decoded into a new buffer.
    mutating func string() throws -> JSONString {
        skipWhitespace()
        guard pos < end else { throw endOfInput() }
        guard base[pos] == UInt8(ascii: "\"") else { throw unexpected(at: pos) }
        let quote = pos
        pos &+= 1
        let start = pos
        var decoded: [UInt8]?
        var segment = start
        while true {
            // Eight bytes at a time while none is a quote, backslash, control or non-ASCII.
            while pos &+ 8 <= end {
                let mask = JSONScanner.attentionMask(UInt64(littleEndian: UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self)))
                if mask != 0 {
                    pos &+= mask.trailingZeroBitCount &>> 3
                    break
                }
                pos &+= 8
            }
            guard pos < end else { throw fail("unterminated string", at: quote) }
            let byte = base[pos]
            switch byte {
            case UInt8(ascii: "\""):
                let text: JSONString
                if var bytes = decoded {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: base + segment, count: pos &- segment))
                    text = .decoded(bytes)
                } else {
                    text = .plain(start..<pos)
                }
                pos &+= 1
                return text
            case UInt8(ascii: "\\"):
                if decoded == nil { decoded = [] }
                decoded?.append(contentsOf: UnsafeBufferPointer(start: base + segment, count: pos &- segment))
                try decodeEscape(into: &decoded!, quote: quote)
                segment = pos
            case 0..<0x20:
                throw fail("control character in string", at: pos)
            case 0x80...:
                guard let length = JSONScanner.validUTF8Length(base, pos, end) else { throw fail("invalid UTF-8", at: pos) }
                pos &+= length
            default:
                pos &+= 1
            }
        }
    }

    /// The text of `string` as a Swift string.
    func text(_ string: JSONString) -> String {
        switch string {
        case let .plain(range): return String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF8.self)
        case let .decoded(bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Whether `string`'s text is exactly the ASCII `word`.
    func matches(_ string: JSONString, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        switch string {
        case let .plain(range):
            return range.count == count && memcmp(base + range.lowerBound, word.utf8Start, count) == 0
        case let .decoded(bytes):
            return bytes.count == count && bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, word.utf8Start, count) == 0 }
        }
    }

    /// Whether `string`'s text is exactly `text`.
    func matches(_ string: JSONString, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            switch string {
            case let .plain(range):
                return range.count == bytes.count && (bytes.isEmpty || memcmp(base + range.lowerBound, bytes.baseAddress!, bytes.count) == 0)
            case let .decoded(decoded):
                return decoded.elementsEqual(bytes)
            }
        }
    }

    /// Whether two strings of this input have the same text.
    func same(_ a: JSONString, _ b: JSONString) -> Bool {
        switch (a, b) {
        case let (.plain(x), .plain(y)):
            return x.count == y.count && memcmp(base + x.lowerBound, base + y.lowerBound, x.count) == 0
        case let (.plain(x), .decoded(y)), let (.decoded(y), .plain(x)):
            return x.count == y.count && y.withUnsafeBufferPointer { x.isEmpty || memcmp(base + x.lowerBound, $0.baseAddress!, x.count) == 0 }
        case let (.decoded(x), .decoded(y)):
            return x == y
        }
    }

    /// Decodes the escape at `pos` (a backslash) into `bytes`, surrogate pairs included;
    /// `quote` opened the string, for errors.
    private mutating func decodeEscape(into bytes: inout [UInt8], quote: Int) throws {
        let start = pos
        guard pos &+ 1 < end else { throw fail("unterminated string", at: quote) }
        let letter = base[pos &+ 1]
        pos &+= 2
        switch letter {
        case UInt8(ascii: "\""): bytes.append(0x22)
        case UInt8(ascii: "\\"): bytes.append(0x5C)
        case UInt8(ascii: "/"): bytes.append(0x2F)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try hex4(escapeAt: start)
            var scalar = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                // A high surrogate must be followed at once by an escaped low surrogate.
                guard pos &+ 1 < end, base[pos] == UInt8(ascii: "\\"), base[pos &+ 1] == UInt8(ascii: "u") else {
                    throw fail("lone surrogate \(JSONScanner.escapeText(unit))", at: start)
                }
                let lowStart = pos
                pos &+= 2
                let low = try hex4(escapeAt: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw fail("lone surrogate \(JSONScanner.escapeText(unit))", at: start)
                }
                scalar = 0x10000 &+ ((UInt32(unit) &- 0xD800) &<< 10) &+ (UInt32(low) &- 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw fail("lone surrogate \(JSONScanner.escapeText(unit))", at: start)
            }
            // Never a surrogate here, so always a scalar.
            bytes.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
        default:
            throw fail("invalid escape", at: start)
        }
    }

    /// The four hex digits after `\u`; `escapeAt` is the backslash, for errors.
    private mutating func hex4(escapeAt: Int) throws -> UInt16 {
        guard pos &+ 4 <= end else { throw fail("invalid escape", at: escapeAt) }
        var unit: UInt16 = 0
        for index in 0..<4 {
            let byte = base[pos &+ index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte &- UInt8(ascii: "A") &+ 10
            default: throw fail("invalid escape", at: escapeAt)
            }
            unit = unit &<< 4 | UInt16(digit)
        }
        pos &+= 4
        return unit
    }

    /// `\uD800` style text for a code unit, as it would appear in the document.
    private static func escapeText(_ unit: UInt16) -> String {
        let hex = String(unit, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    // MARK: Numbers

    /// Reads `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    ///
    /// Integers that fit in 64 bits stay integers, so they round-trip exactly (`1` and `1.0`
    /// are different journal bytes); the rest go through the standard library's correctly
    /// rounded conversion and must come out finite.
    mutating func number() throws -> JSONNumber {
        skipWhitespace()
        let start = pos
        let negative = pos < end && base[pos] == UInt8(ascii: "-")
        if negative { pos &+= 1 }
        guard pos < end else { throw endOfInput() }
        var magnitude: UInt64 = 0
        var overflow = false
        let first = base[pos]
        if first == UInt8(ascii: "0") {
            pos &+= 1
            if pos < end, JSONScanner.isDigit(base[pos]) { throw fail("leading zero in number", at: start) }
        } else if JSONScanner.isDigit(first) {
            while pos < end, JSONScanner.isDigit(base[pos]) {
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(base[pos] &- UInt8(ascii: "0")))
                overflow = overflow || o1 || o2
                magnitude = sum
                pos &+= 1
            }
        } else {
            throw unexpected(at: pos)
        }
        var isInteger = true
        if pos < end, base[pos] == UInt8(ascii: ".") {
            isInteger = false
            pos &+= 1
            try digits()
        }
        if pos < end, base[pos] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            pos &+= 1
            if pos < end, base[pos] == UInt8(ascii: "+") || base[pos] == UInt8(ascii: "-") { pos &+= 1 }
            try digits()
        }
        if isInteger, !overflow {
            if negative, magnitude <= UInt64(Int64.max) &+ 1 { return .int(Int64(truncatingIfNeeded: 0 &- magnitude)) }
            if !negative, magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: pos &- start), as: UTF8.self)
        guard let number = Double(text), number.isFinite else { throw fail("number out of range", at: start) }
        return .double(number)
    }

    /// One or more digits, as required after `.` and in an exponent.
    private mutating func digits() throws {
        guard pos < end else { throw endOfInput() }
        guard JSONScanner.isDigit(base[pos]) else { throw unexpected(at: pos) }
        while pos < end, JSONScanner.isDigit(base[pos]) { pos &+= 1 }
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    // MARK: Errors

    /// A `malformedJSON` failure at `offset`.
    func fail(_ reason: String, at offset: Int) -> WSoAError {
        .malformedJSON(reason: reason, offset: offset)
    }

    /// The failure for input that stops too soon.
    func endOfInput() -> WSoAError { fail("unexpected end of input", at: pos) }

    /// "unexpected character 'x'" for printable ASCII, `U+XXXX` for anything else.
    func unexpected(at offset: Int) -> WSoAError {
        let byte = base[offset]
        if byte >= 0x21, byte <= 0x7E { return fail("unexpected character '\(Character(Unicode.Scalar(byte)))'", at: offset) }
        if byte < 0x80 { return fail("unexpected character \(JSONScanner.scalarText(UInt32(byte)))", at: offset) }
        guard let length = JSONScanner.validUTF8Length(base, offset, end) else { return fail("invalid UTF-8", at: offset) }
        let decoded = String(decoding: UnsafeBufferPointer(start: base + offset, count: length), as: UTF8.self)
        return fail("unexpected character \(JSONScanner.scalarText(decoded.unicodeScalars.first?.value ?? 0xFFFD))", at: offset)
    }

    private static func scalarText(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    // MARK: Byte classes

    /// The high bit of each byte of `word` that is `"`, `\`, below 0x20 or above 0x7F, and
    /// perhaps of bytes after the first such one: zero when none is.
    ///
    /// Classic SWAR tests. Each test's borrow can only mark bytes above (later than, in a
    /// little-endian word) one it rightly marked, so the lowest bit set is always exactly the
    /// first byte that needs a look.
    @inline(__always)
    static func attentionMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let hasQuote = (quotes &- ones) & ~quotes
        let hasBackslash = (backslashes &- ones) & ~backslashes
        let hasControl = word &- (ones &* 0x20)
        return (hasQuote | hasBackslash | hasControl | word) & highs
    }

    /// The high bit of each byte of `word` that is `"` or `\`, and perhaps of later bytes:
    /// zero when none is.
    @inline(__always)
    static func quoteOrBackslashMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        return (((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)) & (ones &* 0x80)
    }

    /// The length of the well-formed UTF-8 sequence at `at` (lead byte ≥ 0x80), or nil.
    ///
    /// Unicode Table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF.
    static func validUTF8Length(_ base: UnsafePointer<UInt8>, _ at: Int, _ end: Int) -> Int? {
        let lead = base[at]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard at &+ length <= end else { return nil }
        let second = base[at &+ 1]
        guard second >= low, second <= high else { return nil }
        var index = 2
        while index < length {
            guard base[at &+ index] & 0xC0 == 0x80 else { return nil }
            index &+= 1
        }
        return length
    }
}

/// A string token: its text is a run of the input (`plain`, no escapes) or the decoded bytes.
enum JSONString {
    /// The text is exactly these input bytes.
    case plain(Range<Int>)
    /// The text had escapes; these are its UTF-8 bytes.
    case decoded([UInt8])

    /// Whether the text had escapes.
    var isDecoded: Bool {
        switch self {
        case .plain: return false
        case .decoded: return true
        }
    }
}

/// A number token: an integer that fits in 64 bits, or any other finite number.
enum JSONNumber {
    /// Written without fraction or exponent, within `Int64`.
    case int(Int64)
    /// Any other finite number.
    case double(Double)

    /// The number as a `Double`.
    var double: Double {
        switch self {
        case let .int(value): return Double(value)
        case let .double(value): return value
        }
    }
}
