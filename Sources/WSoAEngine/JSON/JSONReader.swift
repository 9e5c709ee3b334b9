/// A strict RFC 8259 JSON parser for journal lines and other files people may have edited.
///
/// Strict because a journal is evidence: anything the canonical writer could not have produced
/// in spirit (invalid UTF-8, duplicate keys, numbers that do not fit, BOMs, comments, trailing
/// commas) is refused with `WSoAError.malformedJSON`, naming the byte offset where reading
/// stopped. Hostile input never crashes or hangs: parsing is iterative (no recursion, so
/// 10,000-deep nesting cannot overflow the stack), nesting is capped at `maxDepth`, and every
/// step advances through the input at least one byte.
///
/// Speed matters because every plan command replays its whole journal: the parser works on
/// raw bytes through a pointer, scans strings eight bytes at a time, and builds strings
/// straight from the input bytes when they contain no escapes.
public enum JSONReader {
    /// The deepest nesting of arrays and objects accepted.
    ///
    /// Journal lines nest three or four levels; 512 leaves room for any real document while
    /// bounding the work done on hostile input.
    public static let maxDepth = 512

    /// Parses one complete JSON document from UTF-8 bytes.
    ///
    /// Leading and trailing RFC whitespace is allowed; anything else after the value is an
    /// error. Offsets in errors count bytes from the start of `bytes`.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws -> JSONValue {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw WSoAError.malformedJSON(reason: "empty input", offset: 0)
        }
        var parser = Parser(base: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        return try parser.parseDocument()
    }

    /// Parses one complete JSON document from a byte array.
    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBytes { try parse($0) }
    }

    /// Parses one complete JSON document from a slice, such as one line of a journal.
    ///
    /// Error offsets count from the start of the slice, not of its base array.
    public static func parse(_ bytes: ArraySlice<UInt8>) throws -> JSONValue {
        try bytes.withUnsafeBytes { try parse($0) }
    }

    /// Parses one complete JSON document from text.
    public static func parse(_ text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { try parse(UnsafeRawBufferPointer($0)) }
    }
}

// MARK: - Parser

extension JSONReader {
    /// One open array or object while parsing; kept on an explicit stack instead of the call stack.
    ///
    /// Children are not stored in the frame but on the parser's flat `values` (and, for
    /// objects, `keys`) stacks from `valueStart`/`keyStart` on, so a container is built once,
    /// at its close, with its final size known: no dictionary regrowth and rehashing.
    private struct Frame {
        /// Whether this is an object (else an array).
        var isObject: Bool
        /// Index in `values` of this container's first child.
        var valueStart: Int
        /// Index in `keys` of this object's first key.
        var keyStart: Int
    }

    /// A stack that hands its elements over by moving, never copying.
    ///
    /// Building a container moves each child out of the stack into the array or dictionary,
    /// so a child is never retained twice and released again, which `Array` slicing and
    /// `removeSubrange` would do. Non-copyable so the storage has exactly one owner, whose
    /// `deinit` frees whatever is left if parsing stops on an error.
    private struct MoveStack<Element>: ~Copyable {
        private var base: UnsafeMutablePointer<Element>
        private var capacity: Int
        /// How many elements are on the stack.
        private(set) var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }

        /// Pushes `element`, doubling the storage when full.
        mutating func push(_ element: consuming Element) {
            if count == capacity {
                let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity &* 2)
                larger.moveInitialize(from: base, count: count)
                base.deallocate()
                base = larger
                capacity &*= 2
            }
            (base + count).initialize(to: element)
            count &+= 1
        }

        /// Moves the elements from `start` on into a new array, leaving `start` elements.
        mutating func popArray(from start: Int) -> [Element] {
            let taken = count &- start
            let source = base + start
            count = start
            return [Element](unsafeUninitializedCapacity: taken) { buffer, initialized in
                buffer.baseAddress?.moveInitialize(from: source, count: taken)
                initialized = taken
            }
        }

        /// Moves out the element at `index`; the caller must then `drop(from:)` past it.
        mutating func take(_ index: Int) -> Element {
            (base + index).move()
        }

        /// Forgets the elements from `start` on, all of which the caller has taken.
        mutating func drop(from start: Int) {
            count = start
        }
    }

    /// The cursor over the input bytes plus a reusable buffer for strings with escapes.
    private struct Parser: ~Copyable {
        let base: UnsafePointer<UInt8>
        let end: Int
        var pos = 0
        /// Unescaped bytes of the current string, when it has escapes.
        var scratch: [UInt8] = []
        /// Finished children of all open containers, innermost last.
        var values = MoveStack<JSONValue>(capacity: 32)
        /// Keys of all open objects, parallel to their members in `values`.
        var keys = MoveStack<String>(capacity: 16)
        /// Where each key in `keys` starts in the input, for duplicate-key errors.
        var keyOffsets: [Int] = []

        init(base: UnsafePointer<UInt8>, count: Int) {
            self.base = base
            self.end = count
            // One allocation covers a typical journal line; growing costs more than this.
            keyOffsets.reserveCapacity(16)
        }

        // MARK: Structure

        /// Parses the single top-level value and checks nothing but whitespace follows it.
        mutating func parseDocument() throws -> JSONValue {
            skipWhitespace()
            guard pos < end else { throw fail("empty input", at: 0) }
            let value = try parseNested()
            skipWhitespace()
            guard pos == end else { throw fail("trailing characters after the value", at: pos) }
            return value
        }

        /// Parses one value, keeping open containers on `stack` so depth costs heap, not stack.
        mutating func parseNested() throws -> JSONValue {
            var stack: [Frame] = []
            stack.reserveCapacity(8)
            var value: JSONValue
            nextValue: while true {
                // Here `pos` is at the first byte of a value (whitespace already skipped).
                guard pos < end else { throw fail("unexpected end of input", at: pos) }
                switch base[pos] {
                case UInt8(ascii: "{"):
                    guard stack.count < JSONReader.maxDepth else {
                        throw fail("nesting deeper than \(JSONReader.maxDepth) levels", at: pos)
                    }
                    pos &+= 1
                    skipWhitespace()
                    if pos < end, base[pos] == UInt8(ascii: "}") {
                        pos &+= 1
                        value = .object([:])
                    } else {
                        stack.append(Frame(isObject: true, valueStart: values.count, keyStart: keys.count))
                        try parseKey()
                        continue nextValue
                    }
                case UInt8(ascii: "["):
                    guard stack.count < JSONReader.maxDepth else {
                        throw fail("nesting deeper than \(JSONReader.maxDepth) levels", at: pos)
                    }
                    pos &+= 1
                    skipWhitespace()
                    if pos < end, base[pos] == UInt8(ascii: "]") {
                        pos &+= 1
                        value = .array([])
                    } else {
                        stack.append(Frame(isObject: false, valueStart: values.count, keyStart: keys.count))
                        continue nextValue
                    }
                case UInt8(ascii: "\""):
                    value = .string(try parseString())
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    value = try parseNumber()
                case UInt8(ascii: "t"):
                    try expectLiteral("true")
                    value = .bool(true)
                case UInt8(ascii: "f"):
                    try expectLiteral("false")
                    value = .bool(false)
                case UInt8(ascii: "n"):
                    try expectLiteral("null")
                    value = .null
                default:
                    throw unexpected(at: pos)
                }

                // Attach the finished value to its container, closing containers as they end.
                while let frame = stack.last {
                    values.push(value)
                    skipWhitespace()
                    guard pos < end else { throw fail("unexpected end of input", at: pos) }
                    let byte = base[pos]
                    if byte == UInt8(ascii: ",") {
                        pos &+= 1
                        skipWhitespace()
                        if frame.isObject { try parseKey() }
                        continue nextValue
                    }
                    guard byte == (frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                        throw unexpected(at: pos)
                    }
                    pos &+= 1
                    stack.removeLast()
                    value = frame.isObject ? try closeObject(frame) : closeArray(frame)
                }
                return value
            }
        }

        /// Builds the array whose elements are `values[frame.valueStart...]` and pops them.
        mutating func closeArray(_ frame: Frame) -> JSONValue {
            .array(values.popArray(from: frame.valueStart))
        }

        /// Builds the object from the keys and values above the frame's marks and pops them.
        ///
        /// Sized up front so each key is hashed exactly once; a key already present is a
        /// duplicate, reported at the later occurrence.
        mutating func closeObject(_ frame: Frame) throws -> JSONValue {
            let count = values.count &- frame.valueStart
            var members = [String: JSONValue](minimumCapacity: count)
            var duplicate: (index: Int, key: String)?
            // Take every member even after a duplicate, so the stacks stay consistent.
            for index in 0..<count {
                let key = keys.take(frame.keyStart &+ index)
                let value = values.take(frame.valueStart &+ index)
                if members.updateValue(value, forKey: key) != nil, duplicate == nil {
                    duplicate = (index, key)
                }
            }
            values.drop(from: frame.valueStart)
            keys.drop(from: frame.keyStart)
            if let duplicate {
                throw fail("duplicate key \"\(duplicate.key)\"", at: keyOffsets[frame.keyStart &+ duplicate.index])
            }
            keyOffsets.removeSubrange(frame.keyStart...)
            return .object(members)
        }

        /// Parses `"key" :` onto `keys` and leaves `pos` at the start of the member's value.
        mutating func parseKey() throws {
            guard pos < end else { throw fail("unexpected end of input", at: pos) }
            guard base[pos] == UInt8(ascii: "\"") else { throw unexpected(at: pos) }
            let offset = pos
            let key = try parseString()
            skipWhitespace()
            guard pos < end else { throw fail("unexpected end of input", at: pos) }
            guard base[pos] == UInt8(ascii: ":") else { throw unexpected(at: pos) }
            pos &+= 1
            skipWhitespace()
            keys.push(key)
            keyOffsets.append(offset)
        }

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

        /// Matches `true`, `false` or `null` exactly.
        mutating func expectLiteral(_ literal: StaticString) throws {
            let length = literal.utf8CodeUnitCount
            let expected = literal.utf8Start
            for index in 0..<length {
                let at = pos &+ index
                guard at < end else { throw fail("unexpected end of input", at: at) }
                guard base[at] == expected[index] else { throw unexpected(at: at) }
            }
            pos &+= length
        }

        // MARK: Strings

        /// Parses a string starting at its opening quote; `pos` ends after the closing quote.
        ///
        /// Without escapes the string is made straight from the input bytes; with escapes the
        /// unescaped bytes are gathered in `scratch`, which is reused across strings.
        mutating func parseString() throws -> String {
            let quote = pos
            pos &+= 1
            var segmentStart = pos
            var escaped = false
            while true {
                // Eight bytes at a time while none is a quote, backslash, control or non-ASCII.
                while pos &+ 8 <= end {
                    let word = UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self)
                    if Self.needsAttention(word) { break }
                    pos &+= 8
                }
                guard pos < end else { throw fail("unterminated string", at: quote) }
                let byte = base[pos]
                if byte == UInt8(ascii: "\"") {
                    let segment = UnsafeBufferPointer(start: base + segmentStart, count: pos &- segmentStart)
                    pos &+= 1
                    if !escaped {
                        return String(decoding: segment, as: UTF8.self)
                    }
                    scratch.append(contentsOf: segment)
                    return String(decoding: scratch, as: UTF8.self)
                } else if byte == UInt8(ascii: "\\") {
                    if !escaped {
                        escaped = true
                        scratch.removeAll(keepingCapacity: true)
                    }
                    scratch.append(contentsOf: UnsafeBufferPointer(start: base + segmentStart, count: pos &- segmentStart))
                    try parseEscape(quote: quote)
                    segmentStart = pos
                } else if byte < 0x20 {
                    throw fail("control character in string", at: pos)
                } else if byte >= 0x80 {
                    guard let length = JSONCursor.validUTF8Length(base, pos, end) else {
                        throw fail("invalid UTF-8", at: pos)
                    }
                    pos &+= length
                } else {
                    pos &+= 1
                }
            }
        }

        /// Whether any of the eight bytes in `word` is `"`, `\`, below 0x20 or above 0x7F.
        ///
        /// Classic SWAR zero-byte tests; a false positive only sends us to the byte loop.
        @inline(__always)
        static func needsAttention(_ word: UInt64) -> Bool {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let quotes = word ^ (ones &* 0x22)
            let backslashes = word ^ (ones &* 0x5C)
            let hasQuote = (quotes &- ones) & ~quotes
            let hasBackslash = (backslashes &- ones) & ~backslashes
            let hasControl = word &- (ones &* 0x20)
            return ((hasQuote | hasBackslash | hasControl | word) & highs) != 0
        }

        /// Decodes the escape at `pos` (a backslash) into `scratch`; `quote` opened the string.
        mutating func parseEscape(quote: Int) throws {
            let start = pos
            guard pos &+ 1 < end else { throw fail("unterminated string", at: quote) }
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
                let unit = try readHex4(escapeAt: start)
                var scalar = UInt32(unit)
                if (0xD800...0xDBFF).contains(unit) {
                    // A high surrogate must be followed at once by an escaped low surrogate.
                    guard pos &+ 1 < end, base[pos] == UInt8(ascii: "\\"), base[pos &+ 1] == UInt8(ascii: "u") else {
                        throw fail("lone surrogate \(Self.escapeText(unit))", at: start)
                    }
                    let lowStart = pos
                    pos &+= 2
                    let low = try readHex4(escapeAt: lowStart)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw fail("lone surrogate \(Self.escapeText(unit))", at: start)
                    }
                    scalar = 0x10000 &+ ((UInt32(unit) &- 0xD800) &<< 10) &+ (UInt32(low) &- 0xDC00)
                } else if (0xDC00...0xDFFF).contains(unit) {
                    throw fail("lone surrogate \(Self.escapeText(unit))", at: start)
                }
                appendUTF8(scalar)
            default:
                throw fail("invalid escape", at: start)
            }
        }

        /// Reads the four hex digits after `\u`; `escapeAt` is the backslash, for errors.
        mutating func readHex4(escapeAt: Int) throws -> UInt16 {
            guard pos &+ 4 <= end else {
                throw fail("invalid escape", at: escapeAt)
            }
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
        static func escapeText(_ unit: UInt16) -> String {
            let hex = String(unit, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }

        /// Appends a scalar (never a surrogate) to `scratch` as UTF-8.
        mutating func appendUTF8(_ scalar: UInt32) {
            switch scalar {
            case 0..<0x80:
                scratch.append(UInt8(truncatingIfNeeded: scalar))
            case 0x80..<0x800:
                scratch.append(0xC0 | UInt8(truncatingIfNeeded: scalar >> 6))
                scratch.append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
            case 0x800..<0x10000:
                scratch.append(0xE0 | UInt8(truncatingIfNeeded: scalar >> 12))
                scratch.append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F))
                scratch.append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
            default:
                scratch.append(0xF0 | UInt8(truncatingIfNeeded: scalar >> 18))
                scratch.append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 12) & 0x3F))
                scratch.append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F))
                scratch.append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
            }
        }

        // MARK: Numbers

        /// Parses `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
        ///
        /// Integers that fit become `.int` so they round-trip exactly; the rest go through the
        /// standard library's correctly rounded conversion and must come out finite.
        mutating func parseNumber() throws -> JSONValue {
            let start = pos
            let negative = base[pos] == UInt8(ascii: "-")
            if negative { pos &+= 1 }
            guard pos < end else { throw fail("unexpected end of input", at: pos) }
            var magnitude: UInt64 = 0
            var overflow = false
            let first = base[pos]
            if first == UInt8(ascii: "0") {
                pos &+= 1
                if pos < end, Self.isDigit(base[pos]) {
                    throw fail("leading zero in number", at: start)
                }
            } else if Self.isDigit(first) {
                while pos < end, Self.isDigit(base[pos]) {
                    let digit = UInt64(base[pos] &- UInt8(ascii: "0"))
                    let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times10.addingReportingOverflow(digit)
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
                try skipDigits()
            }
            if pos < end, base[pos] == UInt8(ascii: "e") || base[pos] == UInt8(ascii: "E") {
                isInteger = false
                pos &+= 1
                if pos < end, base[pos] == UInt8(ascii: "+") || base[pos] == UInt8(ascii: "-") {
                    pos &+= 1
                }
                try skipDigits()
            }
            if isInteger, !overflow {
                if negative, magnitude <= UInt64(Int64.max) &+ 1 {
                    return .int(Int64(truncatingIfNeeded: 0 &- magnitude))
                }
                if !negative, magnitude <= UInt64(Int64.max) {
                    return .int(Int64(magnitude))
                }
            }
            let text = String(decoding: UnsafeBufferPointer(start: base + start, count: pos &- start), as: UTF8.self)
            guard let number = Double(text), number.isFinite else {
                throw fail("number out of range", at: start)
            }
            return .double(number)
        }

        /// Skips one or more digits, as required after `.` and in an exponent.
        mutating func skipDigits() throws {
            guard pos < end else { throw fail("unexpected end of input", at: pos) }
            guard Self.isDigit(base[pos]) else { throw unexpected(at: pos) }
            while pos < end, Self.isDigit(base[pos]) { pos &+= 1 }
        }

        @inline(__always)
        static func isDigit(_ byte: UInt8) -> Bool {
            byte &- UInt8(ascii: "0") < 10
        }

        // MARK: Errors

        func fail(_ reason: String, at offset: Int) -> WSoAError {
            .malformedJSON(reason: reason, offset: offset)
        }

        /// "unexpected character 'x'" for printable ASCII, `U+XXXX` for anything else.
        func unexpected(at offset: Int) -> WSoAError {
            let byte = base[offset]
            if byte >= 0x21, byte <= 0x7E {
                return fail("unexpected character '\(Character(Unicode.Scalar(byte)))'", at: offset)
            }
            if byte < 0x80 {
                return fail("unexpected character \(Self.scalarText(UInt32(byte)))", at: offset)
            }
            guard let length = JSONCursor.validUTF8Length(base, offset, end) else {
                return fail("invalid UTF-8", at: offset)
            }
            let decoded = String(decoding: UnsafeBufferPointer(start: base + offset, count: length), as: UTF8.self)
            let scalar = decoded.unicodeScalars.first.map { $0.value } ?? 0xFFFD
            return fail("unexpected character \(Self.scalarText(scalar))", at: offset)
        }

        static func scalarText(_ scalar: UInt32) -> String {
            let hex = String(scalar, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }
}
