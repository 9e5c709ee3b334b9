#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward cursor over JSON bytes for readers that know the document's exact shape: the
/// journal line reader and the snapshot reader.
///
/// Each step reads one token where the reader expects it and answers nil (or false) for
/// anything else, leaving the reader to give up on its fast path. Strings are read without
/// escapes only when `escapes` is false; with it, the escapes `JSONWriter` produces and the
/// rest of RFC 8259's are decoded. Text must be well-formed UTF-8 with no raw control
/// characters, exactly as `JSONReader` demands, so a string this cursor accepts is one
/// `JSONReader` would have read to the same value.
struct JSONCursor {
    /// The first byte.
    let base: UnsafePointer<UInt8>
    /// One past the last byte, as an offset from `base`.
    let end: Int
    /// The next byte to read.
    var pos = 0

    /// A cursor over `bytes`; nil when they are empty.
    init?(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        self.base = base.assumingMemoryBound(to: UInt8.self)
        self.end = bytes.count
    }

    /// Whether every byte has been read.
    var atEnd: Bool { pos == end }

    /// The next byte, or nil at the end.
    @inline(__always)
    var peek: UInt8? { pos < end ? base[pos] : nil }

    /// Reads `byte` if it is next.
    @inline(__always)
    mutating func take(_ byte: UInt8) -> Bool {
        guard pos < end, base[pos] == byte else { return false }
        pos &+= 1
        return true
    }

    /// Reads `literal` (ASCII) if it comes next, byte for byte.
    @inline(__always)
    mutating func take(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard end &- pos >= count, memcmp(base + pos, literal.utf8Start, count) == 0 else { return false }
        pos &+= count
        return true
    }

    // MARK: Strings

    /// Reads a string with no escapes and returns its bytes (between the quotes), or nil.
    ///
    /// The bytes stay valid as long as the buffer the cursor reads.
    mutating func rawString() -> UnsafeBufferPointer<UInt8>? {
        guard pos < end, base[pos] == UInt8(ascii: "\"") else { return nil }
        pos &+= 1
        let start = pos
        while true {
            while pos &+ 8 <= end {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self))
                let attention = JSONCursor.attentionMask(word)
                if attention != 0 {
                    // Straight to the first byte that needs a look; those before it are plain text.
                    pos &+= attention.trailingZeroBitCount &>> 3
                    break
                }
                pos &+= 8
            }
            guard pos < end else { return nil }
            let byte = base[pos]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeBufferPointer(start: base + start, count: pos &- start)
                pos &+= 1
                return text
            }
            if byte < 0x20 || byte == UInt8(ascii: "\\") { return nil }
            if byte >= 0x80 {
                guard let length = JSONCursor.validUTF8Length(base, pos, end) else { return nil }
                pos &+= length
            } else {
                pos &+= 1
            }
        }
    }

    /// Reads a string with no escapes, or nil.
    @inline(__always)
    mutating func string() -> String? {
        rawString().map { String(decoding: $0, as: UTF8.self) }
    }

    /// Reads a string, decoding any escapes into `scratch`; nil for anything `JSONReader` refuses.
    mutating func escapedString(scratch: inout [UInt8]) -> String? {
        let start = pos
        if let plain = string() { return plain }
        pos = start
        guard pos < end, base[pos] == UInt8(ascii: "\"") else { return nil }
        pos &+= 1
        scratch.removeAll(keepingCapacity: true)
        while pos < end {
            let byte = base[pos]
            switch byte {
            case UInt8(ascii: "\""):
                pos &+= 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard decodeEscape(into: &scratch) else { return nil }
            case 0..<0x20:
                return nil
            case 0x80...:
                guard let length = JSONCursor.validUTF8Length(base, pos, end) else { return nil }
                scratch.append(contentsOf: UnsafeBufferPointer(start: base + pos, count: length))
                pos &+= length
            default:
                scratch.append(byte)
                pos &+= 1
            }
        }
        return nil
    }

    /// Reads past a string that `escapedString` would accept, and only such a string, without
    /// making a `String` of it: for parts of a line a reader must check but does not keep.
    mutating func validString(scratch: inout [UInt8]) -> Bool {
        let start = pos
        if rawString() != nil { return true }
        pos = start
        return escapedString(scratch: &scratch) != nil
    }

    /// Decodes the escape at `pos` (a backslash), surrogate pairs included.
    private mutating func decodeEscape(into scratch: inout [UInt8]) -> Bool {
        guard pos &+ 1 < end else { return false }
        let letter = base[pos &+ 1]
        pos &+= 2
        switch letter {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            guard let unit = hex4() else { return false }
            var scalar = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(),
                      (0xDC00...0xDFFF).contains(low) else { return false }
                scalar = 0x10000 &+ ((UInt32(unit) &- 0xD800) &<< 10) &+ (UInt32(low) &- 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                return false
            }
            guard let decoded = Unicode.Scalar(scalar) else { return false }
            scratch.append(contentsOf: UTF8.encode(decoded)!)
        default:
            return false
        }
        return true
    }

    /// Four hex digits (either case).
    private mutating func hex4() -> UInt16? {
        guard end &- pos >= 4 else { return nil }
        var unit: UInt16 = 0
        for index in 0..<4 {
            let byte = base[pos &+ index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte &- UInt8(ascii: "A") &+ 10
            default: return nil
            }
            unit = unit &<< 4 | UInt16(digit)
        }
        pos &+= 4
        return unit
    }

    /// Reads a quoted strict `YYYY-MM-DD` date in ``Day/supportedYears``, as `Day(parsing:)` accepts.
    mutating func day() -> Day? {
        guard end &- pos >= 12, base[pos] == UInt8(ascii: "\""), base[pos &+ 5] == UInt8(ascii: "-"),
              base[pos &+ 8] == UInt8(ascii: "-"), base[pos &+ 11] == UInt8(ascii: "\"") else { return nil }
        @inline(__always) func digit(_ offset: Int) -> Int? {
            let value = base[pos &+ offset] &- UInt8(ascii: "0")
            return value < 10 ? Int(value) : nil
        }
        guard let y0 = digit(1), let y1 = digit(2), let y2 = digit(3), let y3 = digit(4),
              let m0 = digit(6), let m1 = digit(7), let d0 = digit(9), let d1 = digit(10),
              let day = Day(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
        else { return nil }
        pos &+= 12
        return day
    }

    // MARK: Other values

    /// Reads `null` if it comes next.
    @inline(__always)
    mutating func null() -> Bool { take("null") }

    /// Reads `true` or `false`.
    mutating func bool() -> Bool? {
        if take("true") { return true }
        if take("false") { return false }
        return nil
    }

    /// Reads an integer written without fraction or exponent that fits in 64 bits, as
    /// `JSONReader` reads it to `.int`; nil for any other number or non-number.
    mutating func int() -> Int64? {
        let start = pos
        guard let magnitude = integerPart(),
              !(pos < end && (base[pos] == UInt8(ascii: ".") || base[pos] | 0x20 == UInt8(ascii: "e"))) else {
            pos = start
            return nil
        }
        let negative = base[start] == UInt8(ascii: "-")
        if negative, magnitude <= UInt64(Int64.max) &+ 1 { return Int64(truncatingIfNeeded: 0 &- magnitude) }
        if !negative, magnitude <= UInt64(Int64.max) { return Int64(magnitude) }
        pos = start
        return nil
    }

    /// Reads any JSON number as `JSONReader` would and `JSONValue.doubleValue` converts it:
    /// integers that fit exactly through `Int64`, everything else through `Double(String)`;
    /// nil unless finite.
    mutating func number() -> Double? {
        let start = pos
        if let integer = int() { return Double(integer) }
        guard integerPart() != nil || overflowed(from: start) else {
            pos = start
            return nil
        }
        if pos < end, base[pos] == UInt8(ascii: ".") {
            pos &+= 1
            guard digits() else {
                pos = start
                return nil
            }
        }
        if pos < end, base[pos] | 0x20 == UInt8(ascii: "e") {
            pos &+= 1
            if pos < end, base[pos] == UInt8(ascii: "+") || base[pos] == UInt8(ascii: "-") { pos &+= 1 }
            guard digits() else {
                pos = start
                return nil
            }
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: pos &- start), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            pos = start
            return nil
        }
        return value
    }

    /// `-? (0 | [1-9][0-9]*)` as a magnitude, or nil when malformed or over 64 bits (with
    /// `pos` past the digits in that case, so `overflowed(from:)` can tell).
    private mutating func integerPart() -> UInt64? {
        if pos < end, base[pos] == UInt8(ascii: "-") { pos &+= 1 }
        guard pos < end else { return nil }
        let first = base[pos]
        if first == UInt8(ascii: "0") {
            pos &+= 1
            if pos < end, base[pos] &- UInt8(ascii: "0") < 10 { return nil }
            return 0
        }
        guard first &- UInt8(ascii: "0") < 10 else { return nil }
        var magnitude: UInt64 = 0
        var overflow = false
        while pos < end, base[pos] &- UInt8(ascii: "0") < 10 {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(base[pos] &- UInt8(ascii: "0")))
            overflow = overflow || o1 || o2
            magnitude = sum
            pos &+= 1
        }
        return overflow ? nil : magnitude
    }

    /// Whether the integer part just read (returning nil) was well formed but too long.
    private func overflowed(from start: Int) -> Bool {
        var index = start
        if index < end, base[index] == UInt8(ascii: "-") { index &+= 1 }
        guard index < pos, base[index] != UInt8(ascii: "0") else { return false }
        while index < pos {
            guard base[index] &- UInt8(ascii: "0") < 10 else { return false }
            index &+= 1
        }
        return true
    }

    /// One or more digits.
    private mutating func digits() -> Bool {
        guard pos < end, base[pos] &- UInt8(ascii: "0") < 10 else { return false }
        while pos < end, base[pos] &- UInt8(ascii: "0") < 10 { pos &+= 1 }
        return true
    }

    // MARK: Byte classes

    /// Whether any of the eight bytes in `word` is `"`, `\`, below 0x20 or above 0x7F.
    @inline(__always)
    static func needsAttention(_ word: UInt64) -> Bool {
        attentionMask(word) != 0
    }

    /// The high bit of each byte of `word` that is `"`, `\`, below 0x20 or above 0x7F, and
    /// perhaps of bytes after the first such one: zero when none is.
    ///
    /// Each test's borrow can only mark bytes above (later than, in a little-endian word) one it
    /// rightly marked, so the lowest bit set is always exactly the first byte that needs a look.
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

    /// The length of the well-formed UTF-8 sequence at `at` (lead byte ≥ 0x80), or nil.
    ///
    /// Unicode Table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF. The one
    /// definition both this cursor and `JSONReader` check strings with.
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
