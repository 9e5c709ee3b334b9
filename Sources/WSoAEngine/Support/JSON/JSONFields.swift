#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Typed, checked access to the members of one JSON object, read straight from its bytes.
///
/// This is how journal lines are read: the object is scanned once (every value checked as
/// `JSONScanner` checks it, duplicate keys refused) and each member is decoded only when a
/// reader asks for it, with no dictionary or tree in between. A reader asks for every field it
/// knows, then calls `requireNoOthers()`, so a field wsoa does not know is refused rather than
/// silently carried along unread.
///
/// Every failure is a `WSoAError.invalidEvent` naming the field (or `malformedJSON` for bytes
/// that are not JSON), so a damaged line is reported precisely rather than half-read.
///
/// The fields point into the bytes they were read from: use them only inside the
/// `withUnsafeBytes` scope that made them.
struct JSONFields {
    /// One member: where its key and its value lie in the input, and, when the value is a
    /// string without escapes, where its text lies (so it is not scanned twice). Plain offsets,
    /// so members are copied and dropped without reference counting.
    private struct Member {
        /// The key's text (between the quotes), and whether it has escapes to decode.
        let key: Range<Int>
        let keyEscaped: Bool
        /// The whole value.
        let value: Range<Int>
        /// The text of a string value without escapes.
        let plainText: Range<Int>?
    }

    private let bytes: UnsafeRawBufferPointer
    private let members: [Member]
    /// Which members a reader has asked for (bit i for member i; objects have at most 64).
    private var read: UInt64 = 0
    /// What the object is, for messages: "the line", "data", "data 'visit'".
    let context: String

    /// How deep a journal line's objects may nest below this one; a real line needs two.
    private static let nestingLimit = 8

    /// Scans the object at the start of `bytes` (whitespace around it allowed, nothing else after).
    init(_ bytes: UnsafeRawBufferPointer, context: String) throws {
        var scanner = JSONScanner(bytes)
        try self.init(&scanner, bytes: bytes, depth: 0, context: context)
        scanner.skipWhitespace()
        guard scanner.atEnd else { throw scanner.fail("trailing characters after the value", at: scanner.pos) }
    }

    /// Scans the object the scanner stands at.
    private init(_ scanner: inout JSONScanner, bytes: UnsafeRawBufferPointer, depth: Int, context: String) throws {
        guard try scanner.peekValue() == UInt8(ascii: "{") else { throw WSoAError.invalidEvent(reason: "\(context) is not a JSON object") }
        var members: [Member] = []
        members.reserveCapacity(10)
        try scanner.object(depth: depth) { scanner, key, offset in
            let keyRange: Range<Int>
            switch key {
            case let .plain(range): keyRange = range
            case .decoded: keyRange = (offset + 1)..<scanner.pos
            }
            let member = Member(key: keyRange, keyEscaped: key.isDecoded, value: 0..<0, plainText: nil)
            if members.contains(where: { JSONFields.sameKey($0, member, in: scanner) }) {
                throw scanner.fail("duplicate key \"\(scanner.text(key))\"", at: offset)
            }
            let start = scanner.pos
            guard depth < JSONFields.nestingLimit else { throw scanner.fail("nesting deeper than any journal line", at: start) }
            var plainText: Range<Int>?
            if scanner.base[start] == UInt8(ascii: "\"") {
                if case let .plain(range) = try scanner.string() { plainText = range }
            } else {
                try scanner.skipValue(depth: depth + 1)
            }
            members.append(Member(key: keyRange, keyEscaped: key.isDecoded, value: start..<scanner.pos, plainText: plainText))
        }
        guard members.count <= 64 else {
            throw WSoAError.invalidEvent(reason: "\(context) has \(members.count) fields, far more than any event")
        }
        self.bytes = bytes
        self.members = members
        self.context = context
    }

    /// The text of a member's key.
    private func keyText(_ member: Member) -> JSONString {
        guard member.keyEscaped else { return .plain(member.key) }
        // Rare: a key written with escapes is read again to decode them.
        var scanner = JSONScanner(bytes, from: member.key.lowerBound - 1, to: member.key.upperBound + 1)
        return (try? scanner.string()) ?? .plain(member.key)
    }

    /// Whether two members have the same key.
    private static func sameKey(_ a: Member, _ b: Member, in scanner: JSONScanner) -> Bool {
        if !a.keyEscaped && !b.keyEscaped {
            return a.key.count == b.key.count && (a.key.isEmpty || memcmp(scanner.base + a.key.lowerBound, scanner.base + b.key.lowerBound, a.key.count) == 0)
        }
        var x = JSONScanner(UnsafeRawBufferPointer(start: scanner.base, count: scanner.end), from: a.key.lowerBound - 1, to: a.key.upperBound + 1)
        var y = JSONScanner(UnsafeRawBufferPointer(start: scanner.base, count: scanner.end), from: b.key.lowerBound - 1, to: b.key.upperBound + 1)
        guard let first = try? x.string(), let second = try? y.string() else { return false }
        return scanner.same(first, second)
    }

    // MARK: Reading members

    /// Whether the object has a member `key` (not counted as reading it).
    func has(_ key: StaticString) -> Bool { index(key) != nil }

    /// Whether the object has a member `key` whose value is not `null`.
    func hasValue(_ key: StaticString) -> Bool {
        guard let index = index(key) else { return false }
        return bytes[members[index].value.lowerBound] != UInt8(ascii: "n")
    }

    /// A scanner standing at member `key`'s value, marking it read; nil when there is none.
    private mutating func value(_ key: StaticString) -> JSONScanner? {
        guard let index = index(key) else { return nil }
        read |= 1 << UInt64(index)
        let range = members[index].value
        return JSONScanner(bytes, from: range.lowerBound, to: range.upperBound)
    }

    /// The text of string member `key` as read when the object was scanned, marking it read;
    /// a failure when it is missing or not a string.
    private mutating func text(_ key: StaticString) throws -> JSONString {
        guard let index = index(key) else { throw WSoAError.invalidEvent(reason: "\(context) has no '\(key)'") }
        read |= 1 << UInt64(index)
        return try text(of: members[index], named: "\(key)")
    }

    /// The text of a string member: straight from the input when it has no escapes, else
    /// decoded again (rare); a failure when the member is not a string.
    private func text(of member: Member, named key: String) throws -> JSONString {
        if let range = member.plainText { return .plain(range) }
        guard bytes[member.value.lowerBound] == UInt8(ascii: "\"") else {
            throw WSoAError.invalidEvent(reason: "\(context) '\(key)' is not a string")
        }
        var scanner = JSONScanner(bytes, from: member.value.lowerBound, to: member.value.upperBound)
        return try scanner.string()
    }

    /// A scanner over the input, for reading text and matching names.
    private var scanner: JSONScanner { JSONScanner(bytes) }

    private func index(_ key: StaticString) -> Int? {
        let scanner = JSONScanner(bytes)
        let first = key.utf8Start[0], count = key.utf8CodeUnitCount
        return members.firstIndex { member in
            // Most members are told apart by their first letter and length, before comparing.
            if !member.keyEscaped, member.key.count != count || (count > 0 && bytes[member.key.lowerBound] != first) { return false }
            return scanner.matches(keyText(member), key)
        }
    }

    /// Throws for the first member no reader asked for: a field this version does not know.
    func requireNoOthers() throws {
        guard let index = members.indices.first(where: { read & (1 << UInt64($0)) == 0 }) else { return }
        let name = JSONScanner(bytes).text(keyText(members[index]))
        throw WSoAError.invalidEvent(reason: "\(context) has the field '\(name)', which this version of wsoa does not know")
    }

    /// Every member as a key and a string value, in the order written (for objects whose keys
    /// are data, such as ratings by weakness id); a value that is not a string is refused.
    mutating func stringEntries() throws -> [(key: String, value: String)] {
        read = members.count == 64 ? .max : (1 << UInt64(members.count)) &- 1
        let scanner = scanner
        return try members.map { member in
            let key = scanner.text(keyText(member))
            return (key, scanner.text(try text(of: member, named: key)))
        }
    }

    // MARK: Typed values

    /// The value of `key`, or a failure saying it is missing.
    private mutating func required(_ key: StaticString) throws -> JSONScanner {
        guard let scanner = value(key) else { throw WSoAError.invalidEvent(reason: "\(context) has no '\(key)'") }
        return scanner
    }

    /// The value of `key` unless it is missing or `null`.
    private mutating func optional(_ key: StaticString) -> JSONScanner? {
        guard let scanner = value(key), scanner.base[scanner.pos] != UInt8(ascii: "n") else { return nil }
        return scanner
    }

    private func wrongType(_ key: StaticString, _ expected: String) -> WSoAError {
        .invalidEvent(reason: "\(context) '\(key)' is not \(expected)")
    }

    /// The scanner, after checking its value starts as `expected` says (`"` a string, `[` a
    /// list, `t`/`f` a flag, `0` any number).
    private func checked(_ scanner: JSONScanner, _ key: StaticString, is first: UInt8, _ expected: String) throws -> JSONScanner {
        let byte = scanner.base[scanner.pos]
        let matches: Bool
        switch first {
        case UInt8(ascii: "0"): matches = byte == UInt8(ascii: "-") || (byte &- UInt8(ascii: "0")) < 10
        case UInt8(ascii: "t"): matches = byte == UInt8(ascii: "t") || byte == UInt8(ascii: "f")
        default: matches = byte == first
        }
        guard matches else { throw wrongType(key, expected) }
        return scanner
    }

    /// A string member.
    mutating func string(_ key: StaticString) throws -> String {
        scanner.text(try text(key))
    }

    /// A string member, checked but made into a `String` only when `keep` is set.
    mutating func string(_ key: StaticString, keep: Bool) throws -> String? {
        let text = try text(key)
        return keep ? scanner.text(text) : nil
    }

    /// A member written as 64 lower-case hex digits, as a digest; nil when it is a string of
    /// anything else.
    mutating func digest(_ key: StaticString) throws -> SHA256.Digest? {
        guard case let .plain(range) = try text(key) else { return nil }
        return SHA256.Digest(hex: UnsafeBufferPointer(start: scanner.base + range.lowerBound, count: range.count))
    }

    /// A `true` or `false` member that may be missing or `null`.
    mutating func optionalBool(_ key: StaticString) throws -> Bool? {
        guard let value = optional(key) else { return nil }
        var scanner = try checked(value, key, is: UInt8(ascii: "t"), "true or false")
        return try scanner.bool()
    }

    /// A string member that may be missing or `null`.
    mutating func optionalString(_ key: StaticString) throws -> String? {
        guard hasValue(key) else {
            _ = value(key)
            return nil
        }
        return try string(key)
    }

    /// An integer member (written without fraction or exponent).
    mutating func int(_ key: StaticString) throws -> Int64 {
        var scanner = try checked(required(key), key, is: UInt8(ascii: "0"), "an integer")
        guard case let .int(value) = try scanner.number() else { throw wrongType(key, "an integer") }
        return value
    }

    /// A `true` or `false` member.
    mutating func bool(_ key: StaticString) throws -> Bool {
        var scanner = try checked(required(key), key, is: UInt8(ascii: "t"), "true or false")
        return try scanner.bool()
    }

    /// A finite number member.
    mutating func double(_ key: StaticString) throws -> Double {
        var scanner = try checked(required(key), key, is: UInt8(ascii: "0"), "a number")
        return try scanner.number().double
    }

    /// A finite number member that may be missing or `null`.
    mutating func optionalDouble(_ key: StaticString) throws -> Double? {
        guard let value = optional(key) else { return nil }
        var scanner = try checked(value, key, is: UInt8(ascii: "0"), "a number")
        return try scanner.number().double
    }

    /// A list-of-strings member.
    mutating func strings(_ key: StaticString) throws -> [String] {
        var scanner = try checked(required(key), key, is: UInt8(ascii: "["), "a list of strings")
        var items: [String] = []
        try scanner.array(depth: 0) { scanner in
            guard scanner.base[scanner.pos] == UInt8(ascii: "\"") else { throw wrongType(key, "a list of strings") }
            items.append(scanner.text(try scanner.string()))
        }
        return items
    }

    /// A list-of-strings member that may be missing or `null` (empty then).
    mutating func optionalStrings(_ key: StaticString) throws -> [String] {
        guard optional(key) != nil else { return [] }
        return try strings(key)
    }

    /// A string member naming a case of `E`, e.g. an action status; `unknown` words the
    /// failure for a name that is none of them.
    mutating func enumeration<E: RawRepresentable & CaseIterable>(_ key: StaticString, _ type: E.Type,
                                                                  unknown: ((String) -> String)? = nil) throws -> E
    where E.RawValue == String {
        let text = scanner.text(try text(key))
        if let value = E(rawValue: text) { return value }
        throw WSoAError.invalidEvent(reason: unknown?(text) ?? "\(context) '\(key)' has the unknown value '\(text)'")
    }

    /// A member naming a case of `E` that may be missing or `null`.
    mutating func optionalEnumeration<E: RawRepresentable & CaseIterable>(_ key: StaticString, _ type: E.Type) throws -> E?
    where E.RawValue == String {
        guard hasValue(key) else {
            _ = value(key)
            return nil
        }
        return try enumeration(key, type)
    }

    /// An object member, for reading field by field.
    mutating func fields(_ key: StaticString) throws -> JSONFields {
        var scanner = try required(key)
        return try JSONFields(&scanner, bytes: bytes, depth: 1, context: "\(context) '\(key)'")
    }

    /// An object member that may be missing or `null`.
    mutating func optionalFields(_ key: StaticString) throws -> JSONFields? {
        guard var scanner = optional(key) else { return nil }
        return try JSONFields(&scanner, bytes: bytes, depth: 1, context: "\(context) '\(key)'")
    }

    /// A strict `YYYY-MM-DD` date member, within the supported years.
    mutating func day(_ key: StaticString) throws -> Day {
        let token = try text(key)
        let scanner = scanner
        // Nearly every date is ten plain digits and dashes: read those straight from the bytes.
        if case let .plain(range) = token, range.count == 10, let day = Day(digits: scanner.base + range.lowerBound) {
            return day
        }
        let text = scanner.text(token)
        do { return try Day(parsing: text) } catch {
            throw WSoAError.invalidEvent(reason: "\(context) '\(key)' is not a valid date ('\(text)')")
        }
    }

    /// A date member that may be missing or `null`.
    mutating func optionalDay(_ key: StaticString) throws -> Day? {
        guard hasValue(key) else {
            _ = value(key)
            return nil
        }
        return try day(key)
    }

    /// A `{"end":…,"start":…}` range member.
    mutating func range(_ key: StaticString) throws -> DayRange {
        var fields = try fields(key)
        let start = try fields.day("start"), end = try fields.day("end")
        try fields.requireNoOthers()
        guard start <= end else { throw WSoAError.invalidEvent(reason: "\(context) '\(key)' ends before it starts") }
        return try DayRange(start: start, end: end)
    }
}
