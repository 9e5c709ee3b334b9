#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Typed, checked access to the members of one JSON object, read straight from its bytes.
///
/// This is how journal lines are read. The object is scanned once, nested objects with it
/// (every value checked as `JSONScanner` checks it, duplicate keys refused), into a list of
/// where each member lies; a member is decoded only when a reader asks for it, with no
/// dictionary or tree in between. A reader asks for every field it knows, then calls
/// `requireNoOthers()`, so a field wsoa does not know is refused rather than carried along
/// unread.
///
/// Every failure is a `WSoAError.invalidEvent` naming the field (or `malformedJSON` for bytes
/// that are not JSON), so a damaged line is reported precisely rather than half-read.
///
/// The fields point into the bytes they were read from: use them only inside the
/// `withUnsafeBytes` scope that made them.
struct JSONFields {
    /// One member: where its key and value lie in the input; for a string without escapes,
    /// where its text lies; for an object, where its own members are in the list. Plain
    /// offsets, so the list is built and dropped without reference counting.
    private struct Member {
        /// Where the key's text (between the quotes) starts and ends.
        let keyStart: Int32, keyEnd: Int32
        /// Where the whole value starts and ends.
        let valueStart: Int32, valueEnd: Int32
        /// Where the text of a string value without escapes starts (-1 for any other value).
        let textStart: Int32
        /// An object value's members: its first member in `list` and how many (-1: not an object).
        let firstChild: Int32
        let children: Int32
        /// The next member of the same object in `list` (-1 after the last).
        var next: Int32
        /// Whether the key has escapes to decode (then it is compared by decoding it).
        let keyEscaped: Bool
        /// For an object value: whether its keys are in strictly ascending byte order.
        let childrenSorted: Bool

        var key: Range<Int> { Int(keyStart)..<Int(keyEnd) }
        var value: Range<Int> { Int(valueStart)..<Int(valueEnd) }
        /// The text of a string value without escapes (between the quotes).
        var plainText: Range<Int>? { textStart < 0 ? nil : Int(textStart)..<(Int(valueEnd) - 1) }
    }

    private let bytes: UnsafeRawBufferPointer
    /// The members of every object of the document, in the order written, each linked to the
    /// next member of its own object.
    private let list: [Member]
    /// This object's first member in `list` (-1 when it has none), and how many it has.
    private let first: Int
    private let count: Int
    /// Whether its keys are in strictly ascending byte order, as a canonical line's are: then a
    /// search can stop at the first key past the one sought.
    private let sorted: Bool
    /// Where the search for the next member starts (just after the last one found), and its
    /// place among the members, so a reader asking in the order written finds each at once.
    private var hint: Int
    private var hintPlace = 0
    /// Which of them a reader has asked for (bit i for the i-th; objects have at most 64).
    private var read: UInt64 = 0
    /// What the object is, for messages: "the line", "data", "data 'visit'".
    let context: String

    /// How deep a journal line's objects may nest; a real line needs three levels.
    private static let nestingLimit = 8

    /// Scans the object that is the whole of `bytes` (whitespace around it allowed).
    init(_ bytes: UnsafeRawBufferPointer, context: String) throws {
        var scanner = JSONScanner(bytes)
        guard try scanner.peekValue() == UInt8(ascii: "{") else { throw WSoAError.invalidEvent(reason: "\(context) is not a JSON object") }
        var list: [Member] = []
        list.reserveCapacity(32)
        let object = try JSONFields.scan(&scanner, into: &list, depth: 0)
        scanner.skipWhitespace()
        guard scanner.atEnd else { throw scanner.fail("trailing characters after the value", at: scanner.pos) }
        guard object.count <= 64 else { throw WSoAError.invalidEvent(reason: "\(context) has \(object.count) fields, far more than any event") }
        self.init(bytes: bytes, list: list, first: object.first, count: object.count, sorted: object.sorted, context: context)
    }

    private init(bytes: UnsafeRawBufferPointer, list: [Member], first: Int, count: Int, sorted: Bool, context: String) {
        self.bytes = bytes
        self.list = list
        self.first = first
        self.count = count
        self.sorted = sorted
        self.context = context
        hint = first
    }

    /// Scans the object the scanner stands at, appending its members to `list` in the order
    /// written (each followed by the members of any object it holds), and returns where its
    /// first member is and how many it has.
    private static func scan(_ scanner: inout JSONScanner, into list: inout [Member],
                             depth: Int) throws -> (first: Int, count: Int, sorted: Bool) {
        var first = -1, previous = -1, count = 0
        var sorted = true
        try scanner.object(depth: depth) { scanner, key, offset in
            let keyRange: Range<Int>
            switch key {
            case let .plain(range): keyRange = range
            case .decoded: keyRange = (offset + 1)..<(scanner.pos - 1)
            }
            // Keys in strictly ascending order cannot repeat; only out of order are they compared.
            if sorted, previous >= 0 {
                sorted = !key.isDecoded && !list[previous].keyEscaped
                    && compare(list[previous].key, keyRange, in: scanner.base) < 0
            }
            if !sorted {
                var sibling = first
                while sibling >= 0 {
                    if sameKey(list[sibling].key, list[sibling].keyEscaped, keyRange, key.isDecoded, in: scanner) {
                        throw scanner.fail("duplicate key \"\(scanner.text(key))\"", at: offset)
                    }
                    sibling = Int(list[sibling].next)
                }
            } else if key.isDecoded {
                sorted = false
            }
            let start = scanner.pos
            var textStart = -1
            var children = (first: -1, count: -1, sorted: false)
            switch scanner.base[start] {
            case UInt8(ascii: "\""):
                if case let .plain(range) = try scanner.string() { textStart = range.lowerBound }
            case UInt8(ascii: "{"):
                guard depth + 1 < nestingLimit else { throw scanner.fail("nesting deeper than any journal line", at: start) }
                children = try scan(&scanner, into: &list, depth: depth + 1)
            default:
                try scanner.skipValue(depth: depth + 1)
            }
            // Appended after any members of its own value, and linked to its siblings.
            let index = list.count
            list.append(Member(keyStart: Int32(keyRange.lowerBound), keyEnd: Int32(keyRange.upperBound), valueStart: Int32(start),
                               valueEnd: Int32(scanner.pos), textStart: Int32(textStart), firstChild: Int32(children.first),
                               children: Int32(children.count), next: -1, keyEscaped: key.isDecoded,
                               childrenSorted: children.sorted))
            if previous >= 0 { list[previous].next = Int32(index) } else { first = index }
            previous = index
            count += 1
        }
        return (first, count, sorted)
    }

    /// The byte order of two plain keys: negative, zero or positive.
    private static func compare(_ a: Range<Int>, _ b: Range<Int>, in base: UnsafePointer<UInt8>) -> Int {
        order(base + a.lowerBound, a.count, base + b.lowerBound, b.count)
    }

    /// Whether two keys have the same text.
    private static func sameKey(_ a: Range<Int>, _ aEscaped: Bool, _ b: Range<Int>, _ bEscaped: Bool, in scanner: JSONScanner) -> Bool {
        if !aEscaped && !bEscaped {
            return a.count == b.count && (a.isEmpty || memcmp(scanner.base + a.lowerBound, scanner.base + b.lowerBound, a.count) == 0)
        }
        return scanner.same(keyText(a, aEscaped, scanner), keyText(b, bEscaped, scanner))
    }

    /// A key's text: as it stands, or (rare) decoded by reading it again.
    private static func keyText(_ key: Range<Int>, _ escaped: Bool, _ scanner: JSONScanner) -> JSONString {
        guard escaped else { return .plain(key) }
        var again = JSONScanner(UnsafeRawBufferPointer(start: scanner.base, count: scanner.end), from: key.lowerBound - 1,
                                to: key.upperBound + 1)
        return (try? again.string()) ?? .plain(key)
    }

    /// A scanner over the input, for reading text and matching names.
    private var scanner: JSONScanner { JSONScanner(bytes) }

    /// `read` when every member has been read.
    private var allRead: UInt64 { count == 64 ? .max : (1 << UInt64(count)) &- 1 }

    /// The positions in `list` of this object's members, in the order written.
    private var members: [Int] {
        var indices: [Int] = []
        var index = first
        while index >= 0 {
            indices.append(index)
            index = Int(list[index].next)
        }
        return indices
    }

    /// The text of member `member`'s key.
    private func keyText(_ member: Member) -> JSONString { JSONFields.keyText(member.key, member.keyEscaped, scanner) }

    // MARK: Finding members

    /// The position in `list` of member `key`, and its place among the object's members.
    ///
    /// The search starts after the member found last and goes round once, so a reader asking
    /// for members in the order they are written finds each at the first look: the readers of
    /// journal lines ask in the canonical order, keys sorted.
    private func find(_ key: StaticString) -> (index: Int, place: Int)? {
        guard first >= 0 else { return nil }
        var index = hint, place = hintPlace
        if sorted {
            // Ascending keys: walk forward from the last one found (or from the first, when the
            // key sought comes before it) and stop at the first key past it.
            if order(index, key) > 0 { (index, place) = (first, 0) }
            while index >= 0 {
                let sign = order(index, key)
                if sign == 0 { return (index, place) }
                if sign > 0 { return nil }
                index = Int(list[index].next)
                place += 1
            }
            return nil
        }
        for _ in 0..<count {
            let found = list[index].keyEscaped ? JSONScanner(bytes).matches(keyText(list[index]), key) : order(index, key) == 0
            if found { return (index, place) }
            if list[index].next >= 0 {
                index = Int(list[index].next)
                place += 1
            } else {
                (index, place) = (first, 0)
            }
        }
        return nil
    }

    /// The byte order of member `index`'s (plain) key against `key`: negative, zero or positive.
    private func order(_ index: Int, _ key: StaticString) -> Int {
        let start = Int(list[index].keyStart), count = Int(list[index].keyEnd) - start
        return JSONFields.order(bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + start, count,
                                key.utf8Start, key.utf8CodeUnitCount)
    }

    /// The byte order of `a` (`aCount` bytes) against `b` (`bCount` bytes): negative, zero or
    /// positive. Byte by byte: keys are a few letters, shorter than a call to `memcmp` is worth.
    @inline(__always)
    private static func order(_ a: UnsafePointer<UInt8>, _ aCount: Int, _ b: UnsafePointer<UInt8>, _ bCount: Int) -> Int {
        var index = 0
        let shared = min(aCount, bCount)
        while index < shared {
            if a[index] != b[index] { return Int(a[index]) - Int(b[index]) }
            index &+= 1
        }
        return aCount - bCount
    }

    /// Member `key`, marked read; nil when there is none.
    private mutating func member(_ key: StaticString) -> Member? {
        guard let (index, place) = find(key) else { return nil }
        read |= 1 << UInt64(place)
        hint = list[index].next >= 0 ? Int(list[index].next) : first
        hintPlace = list[index].next >= 0 ? place + 1 : 0
        return list[index]
    }

    /// Whether the object has a member `key` whose value is not `null`.
    func hasValue(_ key: StaticString) -> Bool {
        guard let (index, _) = find(key) else { return false }
        return bytes[list[index].value.lowerBound] != UInt8(ascii: "n")
    }

    /// Throws for the first member no reader asked for: a field this version does not know.
    func requireNoOthers() throws {
        guard read != allRead, let place = members.indices.first(where: { read & (1 << UInt64($0)) == 0 }) else { return }
        let name = scanner.text(keyText(list[members[place]]))
        throw WSoAError.invalidEvent(reason: "\(context) has the field '\(name)', which this version of wsoa does not know")
    }

    /// Every member as a key and a string value, in the order written (for objects whose keys
    /// are data, such as ratings by weakness id); a value that is not a string is refused.
    mutating func stringEntries() throws -> [(key: String, value: String)] {
        read = allRead
        return try members.map { index in
            let key = scanner.text(keyText(list[index]))
            guard let text = try text(of: list[index]) else { throw WSoAError.invalidEvent(reason: "\(context) '\(key)' is not a string") }
            return (key, scanner.text(text))
        }
    }

    // MARK: Typed values

    private func wrongType(_ key: StaticString, _ expected: String) -> WSoAError {
        .invalidEvent(reason: "\(context) '\(key)' is not \(expected)")
    }

    private func missing(_ key: StaticString) -> WSoAError {
        .invalidEvent(reason: "\(context) has no '\(key)'")
    }

    /// Member `key`, which must be there.
    private mutating func required(_ key: StaticString) throws -> Member {
        guard let member = member(key) else { throw missing(key) }
        return member
    }

    /// Member `key` unless it is missing or `null` (either way marked read).
    private mutating func optional(_ key: StaticString) -> Member? {
        guard let member = member(key), bytes[member.value.lowerBound] != UInt8(ascii: "n") else { return nil }
        return member
    }

    /// A scanner standing at `member`'s value.
    private func scanner(at member: Member) -> JSONScanner {
        JSONScanner(bytes, from: member.value.lowerBound, to: member.value.upperBound)
    }

    /// The text of a string member (as scanned, or decoded again when it has escapes); nil
    /// when the member is not a string.
    private func text(of member: Member) throws -> JSONString? {
        if let range = member.plainText { return .plain(range) }
        guard bytes[member.value.lowerBound] == UInt8(ascii: "\"") else { return nil }
        var scanner = scanner(at: member)
        return try scanner.string()
    }

    /// The text of string member `key`.
    private mutating func text(_ key: StaticString) throws -> JSONString {
        guard let text = try text(of: required(key)) else { throw wrongType(key, "a string") }
        return text
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

    /// A string member that may be missing or `null`.
    mutating func optionalString(_ key: StaticString) throws -> String? {
        guard let member = optional(key) else { return nil }
        guard let text = try text(of: member) else { throw wrongType(key, "a string") }
        return scanner.text(text)
    }

    /// A member written as 64 lower-case hex digits, as a digest; nil when it is a string of
    /// anything else.
    mutating func digest(_ key: StaticString) throws -> SHA256.Digest? {
        guard case let .plain(range) = try text(key) else { return nil }
        return SHA256.Digest(hex: UnsafeBufferPointer(start: scanner.base + range.lowerBound, count: range.count))
    }

    /// A number member (either kind), read by the scanner.
    private func number(_ member: Member, _ key: StaticString, _ expected: String) throws -> JSONNumber {
        let first = bytes[member.value.lowerBound]
        guard first == UInt8(ascii: "-") || (first &- UInt8(ascii: "0")) < 10 else { throw wrongType(key, expected) }
        var scanner = scanner(at: member)
        return try scanner.number()
    }

    /// An integer member (written without fraction or exponent).
    mutating func int(_ key: StaticString) throws -> Int64 {
        guard case let .int(value) = try number(required(key), key, "an integer") else { throw wrongType(key, "an integer") }
        return value
    }

    /// A finite number member.
    mutating func double(_ key: StaticString) throws -> Double {
        try number(required(key), key, "a number").double
    }

    /// A finite number member that may be missing or `null`.
    mutating func optionalDouble(_ key: StaticString) throws -> Double? {
        guard let member = optional(key) else { return nil }
        return try number(member, key, "a number").double
    }

    /// A `true` or `false` member.
    mutating func bool(_ key: StaticString) throws -> Bool {
        try flag(required(key), key)
    }

    /// A `true` or `false` member that may be missing or `null`.
    mutating func optionalBool(_ key: StaticString) throws -> Bool? {
        guard let member = optional(key) else { return nil }
        return try flag(member, key)
    }

    private func flag(_ member: Member, _ key: StaticString) throws -> Bool {
        let first = bytes[member.value.lowerBound]
        guard first == UInt8(ascii: "t") || first == UInt8(ascii: "f") else { throw wrongType(key, "true or false") }
        var scanner = scanner(at: member)
        return try scanner.bool()
    }

    /// A list-of-strings member.
    mutating func strings(_ key: StaticString) throws -> [String] {
        try strings(of: required(key), key)
    }

    /// A list-of-strings member that may be missing or `null` (empty then).
    mutating func optionalStrings(_ key: StaticString) throws -> [String] {
        guard let member = optional(key) else { return [] }
        return try strings(of: member, key)
    }

    private func strings(of member: Member, _ key: StaticString) throws -> [String] {
        guard bytes[member.value.lowerBound] == UInt8(ascii: "[") else { throw wrongType(key, "a list of strings") }
        var scanner = scanner(at: member)
        var items: [String] = []
        try scanner.array(depth: 0) { scanner in
            guard scanner.base[scanner.pos] == UInt8(ascii: "\"") else { throw wrongType(key, "a list of strings") }
            items.append(scanner.text(try scanner.string()))
        }
        return items
    }

    /// A string member naming a case of `E`, e.g. an action status; `unknown` words the
    /// failure for a name that is none of them.
    mutating func enumeration<E: RawRepresentable>(_ key: StaticString, _ type: E.Type,
                                                   unknown: ((String) -> String)? = nil) throws -> E where E.RawValue == String {
        try named(required(key), key, unknown)
    }

    /// A member naming a case of `E` that may be missing or `null`.
    mutating func optionalEnumeration<E: RawRepresentable>(_ key: StaticString, _ type: E.Type) throws -> E? where E.RawValue == String {
        guard let member = optional(key) else { return nil }
        return try named(member, key, nil)
    }

    private func named<E: RawRepresentable>(_ member: Member, _ key: StaticString,
                                            _ unknown: ((String) -> String)?) throws -> E where E.RawValue == String {
        guard let token = try text(of: member) else { throw wrongType(key, "a string") }
        let text = scanner.text(token)
        guard let value = E(rawValue: text) else {
            throw WSoAError.invalidEvent(reason: unknown?(text) ?? "\(context) '\(key)' has the unknown value '\(text)'")
        }
        return value
    }

    /// An object member, for reading field by field; `context` names it in messages (by
    /// default, after this object's own name).
    mutating func fields(_ key: StaticString, context name: String? = nil) throws -> JSONFields {
        try object(required(key), key, name)
    }

    /// An object member that may be missing or `null`.
    mutating func optionalFields(_ key: StaticString) throws -> JSONFields? {
        guard let member = optional(key) else { return nil }
        return try object(member, key, nil)
    }

    private func object(_ member: Member, _ key: StaticString, _ name: String?) throws -> JSONFields {
        guard member.children >= 0 else { throw WSoAError.invalidEvent(reason: "\(context) '\(key)' is not a JSON object") }
        guard member.children <= 64 else {
            throw WSoAError.invalidEvent(reason: "\(context) '\(key)' has \(member.children) fields, far more than any event")
        }
        return JSONFields(bytes: bytes, list: list, first: Int(member.firstChild), count: Int(member.children),
                          sorted: member.childrenSorted, context: name ?? "\(context) '\(key)'")
    }

    /// A strict `YYYY-MM-DD` date member, within the supported years.
    mutating func day(_ key: StaticString) throws -> Day {
        try day(of: required(key), key)
    }

    /// A date member that may be missing or `null`.
    mutating func optionalDay(_ key: StaticString) throws -> Day? {
        guard let member = optional(key) else { return nil }
        return try day(of: member, key)
    }

    private func day(of member: Member, _ key: StaticString) throws -> Day {
        guard let token = try text(of: member) else { throw wrongType(key, "a string") }
        // Nearly every date is ten plain digits and dashes: read those straight from the bytes.
        if case let .plain(range) = token, range.count == 10, let day = Day(digits: scanner.base + range.lowerBound) {
            return day
        }
        let text = scanner.text(token)
        do { return try Day(parsing: text) } catch {
            throw WSoAError.invalidEvent(reason: "\(context) '\(key)' is not a valid date ('\(text)')")
        }
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
